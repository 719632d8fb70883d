# mpnode's typing: every name of CPython 3.11's typing importable.
# Annotations are not evaluated after mpnode's lowering, so the special
# forms only need to subscript, call and print. TypedDict, NamedTuple and
# Protocol are classes to derive from; Generic[...] (subscripted) too.
import collections as _c

TYPE_CHECKING = False


class _Form:
    def __init__(self, name, origin=None, args=()):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Form(self._name, self.__origin__ if self.__origin__ is not None else self, params)

    def __call__(self, *args, **kw):
        if self.__origin__ is not None and callable(self.__origin__) and not isinstance(self.__origin__, _Form):
            return self.__origin__(*args, **kw)
        raise TypeError('mpnode: typing.%s cannot be instantiated' % self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__args__:
            return 'typing.%s[%s]' % (self._name, ', '.join([_r(a) for a in self.__args__]))
        return 'typing.' + self._name

    def __eq__(self, other):
        return isinstance(other, _Form) and self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self._name)


def _r(a):
    if isinstance(a, type):
        return a.__name__
    if a is None or a is type(None):
        return 'None'
    return repr(a)


def _alias(name, origin=None):
    return _Form(name, origin)


Any = _alias('Any')
Union = _alias('Union')
Optional = _alias('Optional')
Literal = _alias('Literal')
Final = _alias('Final')
ClassVar = _alias('ClassVar')
Annotated = _alias('Annotated')
Concatenate = _alias('Concatenate')
TypeGuard = _alias('TypeGuard')
Required = _alias('Required')
NotRequired = _alias('NotRequired')
Unpack = _alias('Unpack')
Never = _alias('Never')
NoReturn = _alias('NoReturn')
Self = _alias('Self')
LiteralString = _alias('LiteralString')
TypeAlias = _alias('TypeAlias')
Callable = _alias('Callable')
Type = _alias('Type', type)
Tuple = _alias('Tuple', tuple)
List = _alias('List', list)
Dict = _alias('Dict', dict)
Set = _alias('Set', set)
FrozenSet = _alias('FrozenSet', frozenset)
Text = str
AnyStr = _alias('AnyStr')
DefaultDict = _alias('DefaultDict', _c.defaultdict)
OrderedDict = _alias('OrderedDict', _c.OrderedDict)
Counter = _alias('Counter', _c.Counter)
Deque = _alias('Deque', _c.deque)
ChainMap = _alias('ChainMap', _c.ChainMap)
for _n in ('AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView', 'Iterable',
           'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
           'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
           'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
           'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound', 'Generator',
           'BinaryIO', 'IO', 'TextIO', 'Match', 'Pattern', 'ParamSpecArgs', 'ParamSpecKwargs', 'ForwardRef'):
    globals()[_n] = _alias(_n)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    args = kwargs = None

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(TypeVar):
    def __repr__(self):
        return self.__name__


class _GenericBase:
    pass


class _GenericForm(_Form):
    def __getitem__(self, params):
        return _GenericBase


Generic = _GenericForm('Generic')


class Protocol:
    pass


class NamedTuple(_c._NTBase):
    # Fields come from the class's annotations (recorded by mpnode's
    # lowering); instances index, unpack and compare like tuples.
    def __init__(self, *args, **kw):
        cls = type(self)
        if '_fields' not in _own(cls):
            names = tuple(getattr(cls, '__mpn_fields__', ()))
            cls._fields = names
            cls._field_defaults = dict([(n, getattr(cls, n)) for n in names if hasattr(cls, n)])
        fields = cls._fields
        vals = list(args)
        for f in fields[len(args):]:
            if f in kw:
                vals.append(kw.pop(f))
            elif f in cls._field_defaults:
                vals.append(cls._field_defaults[f])
            else:
                raise TypeError("%s() missing 1 required positional argument: '%s'" % (cls.__name__, f))
        if kw or len(vals) > len(fields):
            raise TypeError('%s() got unexpected arguments' % cls.__name__)
        self._t = tuple(vals)
        for f, v in zip(fields, vals):
            setattr(self, f, v)


def _own(cls):
    try:
        return [k for k in dir(cls) if k == '_fields' and getattr(cls, '_fields') is not getattr(NamedTuple, '_fields', None)]
    except Exception:
        return []


NamedTuple._fields = None


class TypedDict:
    # A TypedDict class makes plain dicts, as in CPython.
    def __new__(cls, *args, **kw):
        if cls is TypedDict:
            name, fields = args[0], (args[1] if len(args) > 1 else kw)
            return type(name, (TypedDict,), {'__annotations__': dict(fields), '__mpn_fields__': list(fields)})
        return dict(*args, **kw)


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    print('Runtime type is %r' % type(obj).__name__)
    return obj


def overload(func):
    return _overload_dummy


def _overload_dummy(*args, **kw):
    raise NotImplementedError('You should not call an overloaded function. A series of @typing.overload-decorated '
                              'functions outside a stub module should always be followed by an implementation '
                              'that is not @typing.overload-decorated.')


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    return f


def no_type_check(f):
    return f


def no_type_check_decorator(d):
    return d


def runtime_checkable(cls):
    return cls


def dataclass_transform(**kw):
    return lambda f: f


def NewType(name, tp):
    def new_type(x):
        return x
    return new_type


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    for klass in reversed(getattr(obj, '__mro__', None) or [obj]):
        hints.update(getattr(klass, '__annotations__', {}))
    return hints


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, TypedDict) and tp is not TypedDict
