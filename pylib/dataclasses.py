# mpnode's dataclasses, written from CPython 3.11's documentation. Fields
# come from the class's annotations, which mpnode's lowering records in
# class bodies (__annotations__ and the ordered __mpn_fields__). The
# generated methods are closures (built nodes have no exec).


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type


class KW_ONLY:
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata or {}
        self.kw_only = kw_only

    def __repr__(self):
        return 'Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r)' % (
            self.name, self.type, self.default, self.default_factory, self.init, self.repr, self.hash, self.compare)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _own_fields(cls):
    names = cls.__dict__.get('__mpn_fields__') if hasattr(cls, '__dict__') else None
    return names


def _collect(cls):
    fields = []
    seen = {}
    for base in reversed(_bases(cls)):
        for f in getattr(base, '__dataclass_fields_list__', ()):
            if f.name in seen:
                fields[seen[f.name]] = f
            else:
                seen[f.name] = len(fields)
                fields.append(f)
    names = getattr(cls, '__mpn_fields__', [])
    inherited = [f.name for f in fields]
    anns = getattr(cls, '__annotations__', {})
    for base in _bases(cls)[1:]:
        if getattr(base, '__mpn_fields__', None) is names:
            names = []
    kw_only = False
    for name in names:
        hint = anns.get(name, '')
        if isinstance(hint, str) and (hint.startswith('ClassVar') or hint.startswith('typing.ClassVar')):
            continue
        if hint == 'KW_ONLY' or hint == 'dataclasses.KW_ONLY':
            kw_only = True
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = hint
        f._initvar = isinstance(hint, str) and hint.startswith('InitVar')
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError('mutable default %s for field %s is not allowed: use default_factory' % (type(f.default), name))
        if name in seen:
            fields[seen[name]] = f
        else:
            seen[name] = len(fields)
            fields.append(f)
    return fields


def _bases(cls):
    out = [cls]
    i = 0
    while i < len(out):
        for b in getattr(out[i], '__bases__', ()):
            if b is not object and b not in out:
                out.append(b)
        i += 1
    return out


def _make_init(fields, post_init):
    pos = [f for f in fields if f.init and not f.kw_only]
    kwo = [f for f in fields if f.init and f.kw_only]
    seen_default = False
    for f in pos:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '%s' follows default argument" % f.name)

    def __init__(self, *args, **kw):
        if len(args) > len(pos):
            raise TypeError('__init__() takes %d positional arguments but %d were given' % (len(pos) + 1, len(args) + 1))
        initvars = []
        for i, f in enumerate(pos + kwo):
            if i < len(args) and f in pos:
                v = args[i]
                if f.name in kw:
                    raise TypeError("__init__() got multiple values for argument '%s'" % f.name)
            elif f.name in kw:
                v = kw.pop(f.name)
            elif f.default is not MISSING:
                v = f.default
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            else:
                raise TypeError("__init__() missing 1 required positional argument: '%s'" % f.name)
            if getattr(f, '_initvar', False):
                initvars.append(v)
            else:
                _set(self, f.name, v)
        if kw:
            raise TypeError("__init__() got an unexpected keyword argument '%s'" % list(kw)[0])
        for f in fields:
            if not f.init:
                if f.default_factory is not MISSING:
                    _set(self, f.name, f.default_factory())
                elif f.default is not MISSING:
                    _set(self, f.name, f.default)
        if post_init:
            self.__post_init__(*initvars)
    return __init__


_frozen_ok = []


def _set(obj, name, value):
    _frozen_ok.append(obj)
    try:
        setattr(obj, name, value)
    finally:
        _frozen_ok.pop()


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        fields = _collect(cls)
        if kw_only:
            for f in fields:
                if f.kw_only is False:
                    f.kw_only = True
        real = [f for f in fields if not getattr(f, '_initvar', False)]
        cls.__dataclass_fields_list__ = real
        cls.__dataclass_fields__ = dict([(f.name, f) for f in real])
        cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
        for f in real:
            if isinstance(getattr(cls, f.name, None), Field):
                if f.default is MISSING:
                    try:
                        delattr(cls, f.name)
                    except (AttributeError, TypeError):
                        pass
                else:
                    setattr(cls, f.name, f.default)
        if init:
            cls.__init__ = _make_init(fields, hasattr(cls, '__post_init__'))
        if repr:
            def __repr__(self):
                return '%s(%s)' % (type(self).__name__, ', '.join(
                    ['%s=%r' % (f.name, getattr(self, f.name)) for f in real if f.repr]))
            cls.__repr__ = __repr__
        cmp = [f.name for f in real if f.compare]

        def key(self):
            return tuple([getattr(self, n) for n in cmp])
        if eq:
            def __eq__(self, other):
                if type(other) is not type(self):
                    return False
                return key(self) == key(other)

            def __ne__(self, other):
                return not __eq__(self, other)
            cls.__eq__ = __eq__
            cls.__ne__ = __ne__
        if order:
            def check(self, other):
                if type(other) is not type(self):
                    raise TypeError("'<' not supported between instances of '%s' and '%s'" % (
                        type(self).__name__, type(other).__name__))
            cls.__lt__ = lambda a, b: check(a, b) or key(a) < key(b)
            cls.__le__ = lambda a, b: check(a, b) or key(a) <= key(b)
            cls.__gt__ = lambda a, b: check(a, b) or key(a) > key(b)
            cls.__ge__ = lambda a, b: check(a, b) or key(a) >= key(b)
        if frozen:
            def __setattr__(self, name, value):
                if _frozen_ok and _frozen_ok[-1] is self:
                    object.__setattr__(self, name, value)
                    return
                raise FrozenInstanceError("cannot assign to field '%s'" % name)

            def __delattr__(self, name):
                raise FrozenInstanceError("cannot delete field '%s'" % name)
            cls.__setattr__ = __setattr__
            cls.__delattr__ = __delattr__
        if unsafe_hash or (eq and frozen):
            cls.__hash__ = lambda self: hash(key(self))
        elif eq:
            cls.__hash__ = None
        cls.__match_args__ = tuple([f.name for f in real if f.init and not f.kw_only])
        return cls
    if cls is None:
        return wrap
    return wrap(cls)


def fields(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    try:
        return tuple(cls.__dataclass_fields_list__)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields_list__')


def _isdc(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields_list__')


def asdict(obj, *, dict_factory=dict):
    if not _isdc(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict(obj, dict_factory)


def _asdict(obj, df):
    if _isdc(obj):
        return df([(f.name, _asdict(getattr(obj, f.name), df)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_asdict(v, df) for v in obj]
    if isinstance(obj, tuple):
        return tuple([_asdict(v, df) for v in obj])
    if isinstance(obj, dict):
        return dict([(_asdict(k, df), _asdict(v, df)) for k, v in obj.items()])
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _isdc(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple(obj, tuple_factory)


def _astuple(obj, tf):
    if _isdc(obj):
        return tf([_astuple(getattr(obj, f.name), tf) for f in fields(obj)])
    if isinstance(obj, list):
        return [_astuple(v, tf) for v in obj]
    if isinstance(obj, tuple):
        return tuple([_astuple(v, tf) for v in obj])
    if isinstance(obj, dict):
        return dict([(_astuple(k, tf), _astuple(v, tf)) for k, v in obj.items()])
    return obj


def replace(obj, **changes):
    if not _isdc(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    names = []
    anns = {}
    for spec in fields:
        if isinstance(spec, str):
            name, tp = spec, 'typing.Any'
        else:
            name, tp = spec[0], spec[1]
            if len(spec) > 2:
                ns[name] = spec[2]
        names.append(name)
        anns[name] = tp
    ns['__mpn_fields__'] = names
    ns['__annotations__'] = anns
    return dataclass(type(cls_name, bases or (object,), ns), **kw)
