# The base of mpnode's namedtuple and typing.NamedTuple classes (its own
# module so that typing does not pack all of collections).


class _NTBase:
    # The base of namedtuple classes: a tuple in behaviour, not in type.
    __slots__ = ()

    def __init__(self, *args, **kw):
        fields = self._fields
        n = len(fields)
        if len(args) > n:
            raise TypeError('%s() takes %d positional arguments but %d were given' % (type(self).__name__, n + 1, len(args) + 1))
        vals = list(args)
        for f in fields[len(args):]:
            if f in kw:
                vals.append(kw.pop(f))
            elif f in self._field_defaults:
                vals.append(self._field_defaults[f])
            else:
                raise TypeError("%s() missing 1 required positional argument: '%s'" % (type(self).__name__, f))
        if kw:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (type(self).__name__, list(kw)[0]))
        object.__setattr__(self, '_t', tuple(vals))

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self._t[fields.index(name)]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _asdict(self):
        return dict(zip(self._fields, self._t))

    def _replace(self, **kw):
        vals = [kw.pop(f, v) for f, v in zip(self._fields, self._t)]
        if kw:
            raise ValueError('Got unexpected field names: %r' % (list(kw),))
        return type(self)(*vals)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(['%s=%r' % fv for fv in zip(self._fields, self._t)]))

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return len(self._t)

    def __contains__(self, x):
        return x in self._t

    def __hash__(self):
        return hash(self._t)

    def _o(self, other):
        return other._t if isinstance(other, _NTBase) else other

    def __eq__(self, other):
        return self._t == self._o(other)

    def __ne__(self, other):
        return self._t != self._o(other)

    def __lt__(self, other):
        return self._t < self._o(other)

    def __le__(self, other):
        return self._t <= self._o(other)

    def __gt__(self, other):
        return self._t > self._o(other)

    def __ge__(self, other):
        return self._t >= self._o(other)

    def __add__(self, other):
        return self._t + tuple(other)

    def count(self, x):
        return self._t.count(x)

    def index(self, x):
        return self._t.index(x)
