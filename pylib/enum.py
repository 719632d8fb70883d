# mpnode's enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
# written from CPython 3.11's documentation.
#
# v1.9.4 has no metaclasses: mpnode's lowering puts
# @Enum._mpn_finish('A', 'B', ...) on the blank (or comment) line above
# `class X(Enum):` (the base as written there), naming the members in order. That decorator
# makes the members and returns the enum as an _EnumType object, which
# iterates, subscripts and calls like CPython's enum classes. Limits:
# isinstance(x, Color) needs type(Color.RED) instead; a class defined on
# the first line of a file, or right after code, is not finished.
import ucollections as _uc


class auto:
    _n = 0

    def __init__(self):
        auto._n += 1
        self._order = auto._n

    def __repr__(self):
        return 'auto()'


class _EnumType:
    def __init__(self, cls, names):
        self._cls = cls
        self._members = _uc.OrderedDict()
        self._by_value = []
        self.__name__ = cls.__name__
        flag = issubclass(cls, Flag)
        last = 0
        for name in names:
            value = getattr(cls, name)
            if callable(value) and not isinstance(value, (auto, int, str, tuple, float)):
                continue
            if isinstance(value, auto):
                if hasattr(cls, '_generate_next_value_') and cls._generate_next_value_ is not Enum._generate_next_value_:
                    value = cls._generate_next_value_(name, 1, len(self._by_value), [v for v, m in self._by_value])
                elif issubclass(cls, str):
                    value = name.lower()
                elif flag:
                    value = 1 if not last else _next_pow2(last)
                else:
                    value = last + 1
            alias = None
            for v, m in self._by_value:
                if v == value:
                    alias = m
                    break
            if alias is not None:
                self._members[name] = alias
                setattr(cls, name, alias)
                continue
            member = _make(cls, value)
            member._name_ = name
            member._value_ = value
            self._members[name] = member
            self._by_value.append((value, member))
            setattr(cls, name, member)
            if isinstance(value, int) and not isinstance(value, bool):
                last = value if not flag else max(last, value)
        cls._mpn_enum = self

    def __getattr__(self, name):
        if name in ('_cls', '_members', '_by_value'):
            raise AttributeError(name)
        m = self._members.get(name)
        if m is not None:
            return m
        if name == '__members__':
            return self._members
        return getattr(self._cls, name)

    def __call__(self, value, *args):
        if args:
            raise TypeError('mpnode: the functional Enum API is not supported')
        if isinstance(value, self._cls):
            return value
        for v, m in self._by_value:
            if v == value and type(v) == type(value) or v == value:
                return m
        if issubclass(self._cls, Flag) and isinstance(value, int):
            return _pseudo(self, value)
        missing = getattr(self._cls, '_missing_', None)
        if missing is not None:
            r = missing(value)
            if r is not None:
                return r
        raise ValueError('%r is not a valid %s' % (value, self.__name__))

    def __getitem__(self, name):
        try:
            return self._members[name]
        except KeyError:
            raise KeyError(name)

    def __iter__(self):
        return iter([m for v, m in self._by_value if _canonical(self, m)])

    def __reversed__(self):
        return reversed(list(self))

    def __len__(self):
        return len(list(self))

    def __contains__(self, member):
        if isinstance(member, self._cls):
            return True
        raise TypeError("unsupported operand type(s) for 'in': '%s' and 'EnumType'" % type(member).__name__)

    def __repr__(self):
        return "<enum '%s'>" % self.__name__

    def __bool__(self):
        return True


def _canonical(et, m):
    if not issubclass(et._cls, Flag):
        return True
    v = m._value_
    return v != 0 and (v & (v - 1)) == 0


def _next_pow2(v):
    p = 1
    while p <= v:
        p <<= 1
    return p


def _make(cls, value):
    if issubclass(cls, (int, str)):
        return cls(value)
    if isinstance(value, tuple) and cls.__init__ is not Enum.__init__:
        return cls(*value)
    return cls(value)


def _pseudo(et, value):
    names = []
    rest = value
    for v, m in et._by_value:
        if _canonical(et, m) and v & value == v:
            names.append(m._name_)
            rest &= ~v
    if rest:
        raise ValueError('%r is not a valid %s' % (value, et.__name__))
    m = _make(et._cls, value)
    m._name_ = '|'.join(names) if names else None
    m._value_ = value
    return m


def _mpn_finish(*names):
    def deco(cls):
        return _EnumType(cls, names)
    return deco


def _mpn_finish_unique(*names):
    def deco(cls):
        return unique(_EnumType(cls, names))
    return deco


def unique(enumeration):
    if not isinstance(enumeration, _EnumType):
        return enumeration
    dup = [(n, m._name_) for n, m in enumeration._members.items() if n != m._name_]
    if dup:
        raise ValueError('duplicate values found in %r: %s' % (enumeration, ', '.join(['%s -> %s' % d for d in dup])))
    return enumeration


class Enum:
    def __init__(self, *args):
        pass

    _mpn_finish = staticmethod(_mpn_finish)
    _mpn_finish_unique = staticmethod(_mpn_finish_unique)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def _generate_next_value_(name, start, count, last_values):
        return count + start

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    def __str__(self):
        return str(int(self._value_))

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    # v1.9.4 does not hand operators of an int/str subclass to the C type.
    def _v(self, o):
        return o._value_ if isinstance(o, Enum) else o

    def __eq__(self, o):
        return self._value_ == self._v(o)

    def __ne__(self, o):
        return self._value_ != self._v(o)

    def __lt__(self, o):
        return self._value_ < self._v(o)

    def __le__(self, o):
        return self._value_ <= self._v(o)

    def __gt__(self, o):
        return self._value_ > self._v(o)

    def __ge__(self, o):
        return self._value_ >= self._v(o)

    def __add__(self, o):
        return self._value_ + self._v(o)

    def __radd__(self, o):
        return self._v(o) + self._value_

    def __sub__(self, o):
        return self._value_ - self._v(o)

    def __rsub__(self, o):
        return self._v(o) - self._value_

    def __mul__(self, o):
        return self._value_ * self._v(o)

    def __rmul__(self, o):
        return self._v(o) * self._value_

    def __hash__(self):
        return hash(self._value_)


class StrEnum(str, ReprEnum):
    def __str__(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __eq__(self, o):
        return self._value_ == (o._value_ if isinstance(o, Enum) else o)

    def __ne__(self, o):
        return not self.__eq__(o)

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    def _et(self):
        return type(self)._mpn_enum

    def __or__(self, other):
        return self._et()(self._value_ | other._value_)

    def __and__(self, other):
        return self._et()(self._value_ & other._value_)

    def __xor__(self, other):
        return self._et()(self._value_ ^ other._value_)

    def __invert__(self):
        full = 0
        for v, m in self._et()._by_value:
            full |= v
        return self._et()(full & ~self._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        return iter([m for v, m in self._et()._by_value if _canonical(self._et(), m) and v & self._value_ == v])

    def __len__(self):
        return len(list(self.__iter__()))

    def __eq__(self, other):
        return isinstance(other, Flag) and type(other) is type(self) and other._value_ == self._value_

    def __hash__(self):
        return hash(self._value_)

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)


class IntFlag(int, Flag):
    def __str__(self):
        return str(int(self._value_))

    def __or__(self, other):
        if isinstance(other, Flag):
            other = other._value_
        return self._et()(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, Flag):
            other = other._value_
        return self._et()(self._value_ & other)

    def __eq__(self, other):
        return int(self._value_) == (other._value_ if isinstance(other, Flag) else other)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __hash__(self):
        return hash(self._value_)

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)


EnumMeta = EnumType = _EnumType
