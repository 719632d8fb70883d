# The base of mpnode's namedtuple and typing.NamedTuple classes (its own
# module so that typing does not pack all of collections).


def _readonly(self, value):
    raise AttributeError("can't set attribute")


def _field(i):
    return property(lambda self: self[i], _readonly)


class _NTBase(tuple):
    # A tuple subclass, as in CPython: the instance is its tuple of values
    # (made by tuple.__new__), each field a property reading one item.
    __slots__ = ()
    _fields = ()
    _field_defaults = {}

    def __init_subclass__(cls, **kw):
        d = cls.__dict__
        names = d.get('__mpn_fields__')
        if names is not None:
            # a typing.NamedTuple class: fields from its annotations (recorded
            # by mpnode's lowering), defaults from its body
            cls._fields = tuple(names)
            cls._field_defaults = dict([(n, d[n]) for n in names if n in d])
        for i, f in enumerate(d.get('_fields', ())):
            setattr(cls, f, _field(i))

    def __new__(cls, *args, **kw):
        fields = cls._fields
        n = len(fields)
        if len(args) > n:
            raise TypeError('%s() takes %d positional arguments but %d were given' % (cls.__name__, n + 1, len(args) + 1))
        vals = list(args)
        for f in fields[len(args):]:
            if f in kw:
                vals.append(kw.pop(f))
            elif f in cls._field_defaults:
                vals.append(cls._field_defaults[f])
            else:
                raise TypeError("%s() missing 1 required positional argument: '%s'" % (cls.__name__, f))
        if kw:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (cls.__name__, list(kw)[0]))
        return tuple.__new__(cls, vals)

    def __setattr__(self, name, value):
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kw):
        vals = [kw.pop(f, v) for f, v in zip(self._fields, self)]
        if kw:
            raise ValueError('Got unexpected field names: %r' % (list(kw),))
        return type(self)(*vals)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(['%s=%r' % fv for fv in zip(self._fields, self)]))
