# mpnode's fractions.Fraction, written from CPython 3.11's documentation.
# v1.9.4's float(), int() and round() do not call __float__/__int__/
# __round__ on instances: use f.__float__() (or Fraction methods).
import math as _math


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def _float_ratio(x):
    if x != x or x in (float('inf'), float('-inf')):
        raise ValueError('cannot convert %r to integer ratio' % x)
    if x == 0:
        return 0, 1
    # Doubling is exact; v1.9.4's frexp/ldexp are not.
    d = 1
    while x != int(x):
        x *= 2.0
        d *= 2
    n = int(x)
    g = _gcd(n, d)
    return n // g, d // g


class Fraction:
    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, int):
                n, d = numerator, 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._n, numerator._d
            elif isinstance(numerator, float):
                n, d = _float_ratio(numerator)
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
            elif hasattr(numerator, 'as_integer_ratio'):
                n, d = numerator.as_integer_ratio()
            else:
                raise TypeError('argument should be a string or a Rational instance')
        else:
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n, d = a._n * b._d, a._d * b._n
            elif isinstance(numerator, int) and isinstance(denominator, int):
                n, d = numerator, denominator
            else:
                raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        g = _gcd(n, d)
        if d < 0:
            g = -g
        self._n = n // g
        self._d = d // g

    numerator = property(lambda self: self._n)
    denominator = property(lambda self: self._d)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    @classmethod
    def from_decimal(cls, dec):
        return cls(str(dec))

    def as_integer_ratio(self):
        return self._n, self._d

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._d <= max_denominator:
            return Fraction(self._n, self._d)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._n, self._d
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        b1 = Fraction(p0 + k * p1, q0 + k * q1)
        b2 = Fraction(p1, q1)
        if abs(b2 - self) <= abs(b1 - self):
            return b2
        return b1

    def __repr__(self):
        return 'Fraction(%d, %d)' % (self._n, self._d)

    def __str__(self):
        if self._d == 1:
            return str(self._n)
        return '%d/%d' % (self._n, self._d)

    def _op(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(self, o):
        f = self._op(o)
        if f is None:
            return self.__float__() + o
        return Fraction(self._n * f._d + f._n * self._d, self._d * f._d)

    def __radd__(self, o):
        return self.__add__(o)

    def __sub__(self, o):
        f = self._op(o)
        if f is None:
            return self.__float__() - o
        return Fraction(self._n * f._d - f._n * self._d, self._d * f._d)

    def __rsub__(self, o):
        f = self._op(o)
        if f is None:
            return o - self.__float__()
        return f - self

    def __mul__(self, o):
        f = self._op(o)
        if f is None:
            return self.__float__() * o
        return Fraction(self._n * f._n, self._d * f._d)

    def __rmul__(self, o):
        return self.__mul__(o)

    def __truediv__(self, o):
        f = self._op(o)
        if f is None:
            return self.__float__() / o
        return Fraction(self._n * f._d, self._d * f._n)

    def __rtruediv__(self, o):
        f = self._op(o)
        if f is None:
            return o / self.__float__()
        return f / self

    def __floordiv__(self, o):
        f = self._op(o)
        if f is None:
            return self.__float__() // o
        return (self._n * f._d) // (self._d * f._n)

    def __rfloordiv__(self, o):
        return self._op(o) // self

    def __mod__(self, o):
        f = self._op(o)
        return self - f * (self // f)

    def __divmod__(self, o):
        return self // o, self % o

    def __pow__(self, o):
        if isinstance(o, Fraction) and o._d == 1:
            o = o._n
        if isinstance(o, int):
            if o >= 0:
                return Fraction(self._n ** o, self._d ** o)
            return Fraction(self._d ** -o, self._n ** -o)
        return self.__float__() ** float(o)

    def __rpow__(self, o):
        if self._d == 1:
            return o ** self._n
        return o ** self.__float__()

    def __neg__(self):
        return Fraction(-self._n, self._d)

    def __pos__(self):
        return Fraction(self._n, self._d)

    def __abs__(self):
        return Fraction(abs(self._n), self._d)

    def __trunc__(self):
        return -(-self._n // self._d) if self._n < 0 else self._n // self._d

    def __int__(self):
        return self.__trunc__()

    def __floor__(self):
        return self._n // self._d

    def __ceil__(self):
        return -(-self._n // self._d)

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self._n, self._d)
            if r * 2 < self._d or (r * 2 == self._d and q % 2 == 0):
                return q
            return q + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction((self * shift).__round__(), shift)
        return Fraction((self / shift).__round__() * shift)

    def __float__(self):
        n, d = self._n, self._d
        neg = n < 0
        n = abs(n)
        # Scale to 55+ bits of quotient, then round once.
        shift = _bitlen(d) - _bitlen(n) + 55
        if shift > 0:
            q, r = divmod(n << shift, d)
        else:
            q, r = divmod(n, d << -shift)
        if r:
            q |= 1
        v = _scale(_round_bits(q), -shift)
        return -v if neg else v

    def __bool__(self):
        return self._n != 0

    def _cmp_key(self, o):
        if isinstance(o, float):
            if o != o:
                return None
            o = Fraction(o)
        f = self._op(o)
        if f is None:
            return None
        return self._n * f._d, f._n * self._d

    def __eq__(self, o):
        k = self._cmp_key(o)
        return k is not None and k[0] == k[1]

    def __ne__(self, o):
        return not self == o

    def __lt__(self, o):
        a, b = self._cmp_key(o)
        return a < b

    def __le__(self, o):
        a, b = self._cmp_key(o)
        return a <= b

    def __gt__(self, o):
        a, b = self._cmp_key(o)
        return a > b

    def __ge__(self, o):
        a, b = self._cmp_key(o)
        return a >= b

    def __hash__(self):
        if self._d == 1:
            return hash(self._n)
        return hash((self._n, self._d))


def _bitlen(n):
    k = 0
    while n >> k:
        k += 1
    return k


def _round_bits(q):
    # q has 55-56 significant bits (sticky in bit 0): round to 53, half to even.
    extra = _bitlen(q) - 53
    if extra <= 0:
        return _exact_float(q)
    half = 1 << (extra - 1)
    low = q & ((1 << extra) - 1)
    q >>= extra
    if low > half or (low == half and q & 1):
        q += 1
    return _scale(_exact_float(q), extra)


_P30 = float(1 << 30)  # not a literal: v1.9.4 parses float literals inexactly
_P26 = float(1 << 26)


def _scale(x, e):
    # x * 2**e exactly (v1.9.4's ldexp is inexact).
    while e >= 30:
        x *= _P30
        e -= 30
    while e <= -30:
        x /= _P30
        e += 30
    if e >= 0:
        return x * float(1 << e)
    return x / float(1 << -e)


def _exact_float(q):
    # q < 2**53 as a float, exactly: v1.9.4 converts large ints inexactly.
    return float(q >> 26) * _P26 + float(q & 67108863)


def _parse(s):
    t = s.strip().replace('_', '')
    if '/' in t:
        a, b = t.split('/')
        a, b = a.strip(), b.strip()
        if not _isint(a) or not b.isdigit():
            raise ValueError('Invalid literal for Fraction: %r' % s)
        return int(a), int(b)
    neg = t.startswith('-')
    if t[:1] in '+-':
        t = t[1:]
    exp = 0
    if 'e' in t or 'E' in t:
        t, e = t.lower().split('e')
        if not _isint(e):
            raise ValueError('Invalid literal for Fraction: %r' % s)
        exp = int(e)
    if '.' in t:
        ip, fp = t.split('.')
    else:
        ip, fp = t, ''
    if not (ip + fp).isdigit():
        raise ValueError('Invalid literal for Fraction: %r' % s)
    n = int(ip + fp)
    d = 10 ** len(fp)
    if exp >= 0:
        n *= 10 ** exp
    else:
        d *= 10 ** -exp
    return (-n if neg else n), d


def _isint(a):
    return (a[1:] if a[:1] in '+-' else a).isdigit()
