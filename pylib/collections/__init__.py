# mpnode's collections, written from CPython 3.11's documentation.
# Counter, defaultdict and OrderedDict are dict subclasses; namedtuple
# classes are not tuple subclasses (v1.9.4 cannot override tuple.__new__)
# but index, unpack, compare and hash like tuples.
import ucollections as _uc
import sys as _sys

_COD = _uc.OrderedDict


def _ordered_repr(items):
    return '{' + ', '.join(['%r: %r' % kv for kv in items]) + '}'


def _update(d, other, kw):
    # dict.update for mappings of any kind: v1.9.4's dict.update and dict()
    # take a dict subclass for a sequence of pairs.
    if hasattr(other, 'keys'):
        for k in other.keys():
            d[k] = other[k]
    else:
        for k, v in other:
            d[k] = v
    for k in kw:
        d[k] = kw[k]


def _deep(x, y, memo):
    # only copy.deepcopy calls this: copy is loaded (and not packed for
    # every node that imports collections)
    deepcopy = _sys.modules['copy'].deepcopy
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _dict_eq(a, b):
    if not hasattr(b, 'keys') or len(a) != len(b):
        return False
    for k, v in a.items():
        if k not in b or b[k] != v:
            return False
    return True


# Counter, defaultdict and OrderedDict are dict subclasses, as in CPython
# (isinstance(x, dict), json.dumps, node outputs). v1.9.4's dict(x) and
# {**x} take a dict subclass for a sequence of pairs: use dict(x.items()).
class OrderedDict(_COD):
    def __init__(self, *args, **kw):
        super().__init__()
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got %d' % len(args))
        _update(self, args[0] if args else (), kw)

    def update(self, other=(), **kw):
        _update(self, other, kw)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        m = cls()
        for k in iterable:
            m[k] = value
        return m

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return _deep(self, type(self)(), memo)

    def __reversed__(self):
        return reversed(list(self))

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        return '%s(%r)' % (type(self).__name__, list(self.items()))

    __str__ = __repr__

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return _dict_eq(self, other)

    def __ne__(self, other):
        return not self == other


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kw):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__()
        self.default_factory = default_factory
        if len(args) > 1:
            raise TypeError('expected at most 1 argument, got %d' % len(args))
        _update(self, args[0] if args else (), kw)

    def update(self, other=(), **kw):
        _update(self, other, kw)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return _deep(self, type(self)(self.default_factory), memo)

    def __eq__(self, other):
        return _dict_eq(self, other)

    def __ne__(self, other):
        return not self == other

    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.default_factory, _ordered_repr(self.items()))

    __str__ = __repr__


class Counter(dict):
    def __init__(self, iterable=None, **kw):
        super().__init__()
        self.update(iterable, **kw)

    def __missing__(self, key):
        return 0

    def _count(self, iterable, kw, sign):
        get = self.get
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    self[k] = get(k, 0) + sign * iterable[k]
            else:
                for k in iterable:
                    self[k] = get(k, 0) + sign
        for k in kw:
            self[k] = get(k, 0) + sign * kw[k]

    def update(self, iterable=None, **kw):
        self._count(iterable, kw, 1)

    def subtract(self, iterable=None, **kw):
        self._count(iterable, kw, -1)

    def most_common(self, n=None):
        items = list(self.items())
        order = sorted(range(len(items)), key=lambda i: items[i][1], reverse=True)
        items = [items[i] for i in order]
        return items if n is None else items[:max(n, 0)]

    def elements(self):
        for k, v in self.items():
            for _ in range(v):
                yield k

    def total(self):
        return sum(self.values())

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __deepcopy__(self, memo):
        return _deep(self, type(self)(), memo)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def __delitem__(self, key):
        if key in self:
            super().__delitem__(key)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            items = self.most_common()
        except TypeError:
            items = self.items()
        return '%s(%s)' % (type(self).__name__, _ordered_repr(items))

    __str__ = __repr__

    def _all(self, other, test):
        if not isinstance(other, Counter):
            raise TypeError('not supported between instances of %r and %r' % (type(self).__name__, type(other).__name__))
        for c in (self, other):
            for k in c:
                if not test(self[k], other[k]):
                    return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return _dict_eq(self, other)
        return self._all(other, lambda a, b: a == b)

    def __ne__(self, other):
        return not self == other

    def __le__(self, other):
        return self._all(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._all(other, lambda a, b: a >= b)

    def __lt__(self, other):
        return self <= other and self != other

    def __gt__(self, other):
        return self >= other and self != other

    def _keep(self, pairs):
        out = Counter()
        for k, v in pairs:
            if v > 0:
                out[k] = v
        return out

    def _keys(self, other):
        if not isinstance(other, Counter):
            raise TypeError('unsupported operand type(s): %r and %r' % (type(self).__name__, type(other).__name__))
        ks = list(self)
        for k in other:
            if k not in self:
                ks.append(k)
        return ks

    def __add__(self, other):
        return self._keep([(k, self[k] + other[k]) for k in self._keys(other)])

    def __sub__(self, other):
        return self._keep([(k, self[k] - other[k]) for k in self._keys(other)])

    def __or__(self, other):
        return self._keep([(k, max(self[k], other[k])) for k in self._keys(other)])

    def __and__(self, other):
        return self._keep([(k, min(self[k], other[k])) for k in self._keys(other)])

    # In-place forms change this Counter (its identity and key order stay),
    # then drop the counts that are not positive, as CPython's do.
    def _positive(self):
        for k in [k for k, v in self.items() if not v > 0]:
            super().__delitem__(k)
        return self

    def __iadd__(self, other):
        for k, v in other.items():
            self[k] += v
        return self._positive()

    def __isub__(self, other):
        for k, v in other.items():
            self[k] -= v
        return self._positive()

    def __ior__(self, other):
        for k, v in other.items():
            if v > self[k]:
                self[k] = v
        return self._positive()

    def __iand__(self, other):
        for k, v in list(self.items()):
            if other[k] < v:
                self[k] = other[k]
        return self._positive()

    def __pos__(self):
        return self._keep(self.items())

    def __neg__(self):
        return self._keep([(k, -v) for k, v in self.items()])


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self._l = []
        self._max = maxlen
        self.extend(iterable)

    maxlen = property(lambda self: self._max)

    def _trim(self, left):
        if self._max is not None:
            while len(self._l) > self._max:
                if left:
                    self._l.pop(0)
                else:
                    self._l.pop()

    def append(self, x):
        self._l.append(x)
        self._trim(True)

    def appendleft(self, x):
        self._l.insert(0, x)
        self._trim(False)

    def extend(self, it):
        for x in list(it):
            self.append(x)

    def extendleft(self, it):
        for x in list(it):
            self.appendleft(x)

    def pop(self):
        if not self._l:
            raise IndexError('pop from an empty deque')
        return self._l.pop()

    def popleft(self):
        if not self._l:
            raise IndexError('pop from an empty deque')
        return self._l.pop(0)

    def clear(self):
        self._l = []

    def copy(self):
        return deque(self._l, self._max)

    def count(self, x):
        return self._l.count(x)

    def index(self, x, *a):
        try:
            return self._l.index(x, *a)
        except ValueError:
            raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._max is not None and len(self._l) >= self._max:
            raise IndexError('deque already at its maximum size')
        self._l.insert(i, x)

    def remove(self, x):
        try:
            self._l.remove(x)
        except ValueError:
            raise ValueError('%r is not in deque' % (x,))

    def reverse(self):
        self._l.reverse()

    def rotate(self, n=1):
        if self._l:
            n %= len(self._l)
            if n:
                self._l = self._l[-n:] + self._l[:-n]

    def __len__(self):
        return len(self._l)

    def __bool__(self):
        return bool(self._l)

    def __iter__(self):
        return iter(self._l)

    def __reversed__(self):
        return reversed(self._l)

    def __contains__(self, x):
        return x in self._l

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = v

    def __delitem__(self, i):
        del self._l[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._l == other._l

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._l < other._l

    def __add__(self, other):
        return deque(self._l + other._l, self._max)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._l * n, self._max)

    def __repr__(self):
        if self._max is None:
            return 'deque(%r)' % (self._l,)
        return 'deque(%r, maxlen=%d)' % (self._l, self._max)


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        keys = set()
        for m in self.maps:
            keys.update(m)
        return len(keys)

    def __iter__(self):
        seen = {}
        order = []
        for m in reversed(self.maps):
            for k in m:
                if k not in seen:
                    seen[k] = 1
                    order.append(k)
        return iter(order)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def pop(self, key, *default):
        return self.maps[0].pop(key, *default)

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return 'ChainMap(%s)' % ', '.join([repr(m) for m in self.maps])


from _mpn_tuple import _NTBase


def namedtuple(typename, field_names, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple([str(f) for f in field_names])
    seen = set()
    checked = []
    for i, f in enumerate(fields):
        bad = not f or not (f[0].isalpha() or f[0] == '_') or f.startswith('_') or f in seen or f in _KEYWORDS
        for c in f:
            if not (c.isalpha() or c.isdigit() or c == '_'):
                bad = True
        if bad:
            if rename:
                f = '_%d' % i
            elif f.startswith('_'):
                raise ValueError('Field names cannot start with an underscore: %r' % f)
            else:
                raise ValueError('Type names and field names must be valid identifiers: %r' % f)
        seen.add(f)
        checked.append(f)
    fields = tuple(checked)
    fd = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        for f, v in zip(fields[len(fields) - len(defaults):], defaults):
            fd[f] = v
    return type(typename, (_NTBase,), {'_fields': fields, '_field_defaults': fd, '__module__': module or '__main__'})


_KEYWORDS = ('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
             'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
             'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield')


class UserDict(dict):
    pass


class UserList(list):
    pass


class UserString(str):
    pass
