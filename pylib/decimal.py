# mpnode's decimal, written from the Python documentation and the General
# Decimal Arithmetic specification. A Decimal is (sign, coefficient, exponent)
# with a kind: 0 finite, 1 infinite, 2 NaN, 3 signalling NaN (a NaN keeps its
# payload in the coefficient). Results are rounded to the current context.
# v1.9.4 limits: int(d), float(d), round(d), format(d, spec) and f-strings do
# not reach __int__/__float__/__round__/__format__ (call them, or use
# d.__format__('.2f')); `1 < d` needs the Decimal on the left; exceptions
# have one base (DivisionByZero derives from ZeroDivisionError only).
import math as _math

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = False
HAVE_CONTEXTVAR = False


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation):
    pass


class InvalidContext(InvalidOperation):
    pass


class DivisionByZero(ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact):
    pass


class Underflow(Inexact):
    pass


class FloatOperation(DecimalException):
    pass


_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped)


def _nd(c):
    return len(str(c))


def _round(c, d, s, mode):
    # c without its last d digits, rounded by mode (s: the sign); and
    # whether a nonzero digit was dropped.
    if d <= 0:
        return c * 10 ** -d, False
    p = 10 ** d
    q, r = divmod(c, p)
    if r == 0:
        return q, False
    h = p // 2
    if mode == ROUND_HALF_EVEN:
        up = r > h or (r == h and q & 1)
    elif mode == ROUND_HALF_UP:
        up = r >= h
    elif mode == ROUND_HALF_DOWN:
        up = r > h
    elif mode == ROUND_DOWN:
        up = False
    elif mode == ROUND_UP:
        up = True
    elif mode == ROUND_CEILING:
        up = not s
    elif mode == ROUND_FLOOR:
        up = s
    else:
        up = q % 5 == 0
    return (q + 1 if up else q), True


class Context:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None, traps=None):
        base = _default[0]
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else (base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        if self.rounding not in _ROUNDINGS:
            raise TypeError('valid values for rounding are: [%s]' % ', '.join(_ROUNDINGS))
        if not isinstance(self.prec, int) or self.prec < 1:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self.flags = self._sigmap(flags, None)
        self.traps = self._sigmap(traps, base.traps if base else (DivisionByZero, Overflow, InvalidOperation))

    @staticmethod
    def _sigmap(given, default):
        if given is None:
            given = default or ()
        if isinstance(given, dict):
            return dict([(s, bool(given.get(s))) for s in _SIGNALS])
        return dict([(s, s in given) for s in _SIGNALS])

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _sig(self, cond, msg=''):
        # Records the condition; raises it when trapped.
        self.flags[cond] = True
        if self.traps.get(cond):
            raise cond(msg)

    def _invalid(self, msg, kind=InvalidOperation):
        self.flags[InvalidOperation] = True
        if self.traps[InvalidOperation]:
            raise InvalidOperation([kind])
        return _mk(0, 0, 0, 2)

    def create_decimal(self, num='0'):
        d = Decimal(num)
        if d._k >= 2:
            return d
        return _fix(d._s, d._c, d._e, self)

    def create_decimal_from_float(self, f):
        return self.create_decimal(Decimal.from_float(f))

    def __repr__(self):
        names = lambda m: ', '.join([s.__name__ for s in _SIGNALS if m[s]])
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])' %
                (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp, names(self.flags), names(self.traps)))

    def _d(self, name, *args):
        a = _conv(args[0], True)
        return getattr(a, name)(*(args[1:] + (self,)))

    def add(self, a, b):
        return self._d('__add__', a, b)

    def subtract(self, a, b):
        return self._d('__sub__', a, b)

    def multiply(self, a, b):
        return self._d('__mul__', a, b)

    def divide(self, a, b):
        return self._d('__truediv__', a, b)

    def divide_int(self, a, b):
        return self._d('__floordiv__', a, b)

    def remainder(self, a, b):
        return self._d('__mod__', a, b)

    def power(self, a, b):
        return self._d('__pow__', a, b, None)

    def sqrt(self, a):
        return self._d('sqrt', a)

    def abs(self, a):
        return self._d('__abs__', a)

    def plus(self, a):
        return self._d('__pos__', a)

    def minus(self, a):
        return self._d('__neg__', a)

    def quantize(self, a, b):
        return self._d('quantize', a, b, None)

    def compare(self, a, b):
        return self._d('compare', a, b)

    def to_integral_value(self, a):
        return self._d('to_integral_value', a, None)

    to_integral = to_integral_value

    def normalize(self, a):
        return self._d('normalize', a)

    def to_sci_string(self, a):
        return str(_conv(a, True))

    def to_eng_string(self, a):
        return _conv(a, True).to_eng_string()


_default = [None]
DefaultContext = Context()
_default[0] = DefaultContext
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
BasicContext.clamp = 1
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])
_current = [DefaultContext.copy()]


def getcontext():
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx, kw):
        self.new = (ctx or getcontext()).copy()
        for k, v in kw.items():
            if k not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
            if k in ('flags', 'traps'):
                v = Context._sigmap(v, None)
            setattr(self.new, k, v)

    def __enter__(self):
        self.saved = _current[0]
        _current[0] = self.new
        return self.new

    def __exit__(self, *exc):
        _current[0] = self.saved
        return False


def localcontext(ctx=None, **kwargs):
    return _LocalContext(ctx, kwargs)


_new = object.__new__


def _mk(s, c, e, k=0):
    d = _new(Decimal)
    d._s = s
    d._c = c
    d._e = e
    d._k = k
    return d


def _conv(x, strict=False, floats=False):
    # The Decimal of an operand; None when the type is not one.
    if isinstance(x, Decimal):
        return x
    if isinstance(x, (int, bool)):
        return Decimal(x)
    if floats and isinstance(x, float):
        getcontext().flags[FloatOperation] = True
        return Decimal(x)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported' % type(x).__name__)
    return None


def _operand(x, op, self):
    d = _conv(x)
    if d is None:
        raise TypeError("unsupported operand type(s) for %s: 'decimal.Decimal' and '%s'" % (op, type(x).__name__))
    return d


def _fix(s, c, e, ctx):
    # The finite number s, c, e rounded to the context (precision, then the
    # exponent limits).
    prec = ctx.prec
    n = _nd(c)
    etiny = ctx.Emin - prec + 1
    if c == 0:
        if e < etiny:
            ctx._sig(Clamped)
            e = etiny
        elif e > ctx.Emax and ctx.clamp:
            e = ctx.Emax
            ctx._sig(Clamped)
        return _mk(s, 0, e)
    drop = n - prec
    if e + drop < etiny:
        drop = etiny - e
    if drop > 0:
        c, inexact = _round(c, drop, s, ctx.rounding)
        e += drop
        if _nd(c) > prec:
            c //= 10
            e += 1
        if e + _nd(c) - 1 < ctx.Emin:
            ctx._sig(Subnormal)
            if inexact:
                ctx._sig(Underflow)
        if inexact:
            ctx._sig(Inexact)
        ctx._sig(Rounded)
    if e + _nd(c) - 1 > ctx.Emax:
        ctx.flags[Inexact] = ctx.flags[Rounded] = True
        ctx._sig(Overflow, 'above Emax')
        r = ctx.rounding
        if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or (r == ROUND_CEILING and not s) or (r == ROUND_FLOOR and s):
            return _mk(s, 0, 0, 1)
        return _mk(s, 10 ** prec - 1, ctx.Emax - prec + 1)
    if ctx.clamp and e > ctx.Emax - prec + 1:
        ctx._sig(Clamped)
        c *= 10 ** (e - (ctx.Emax - prec + 1))
        e = ctx.Emax - prec + 1
    return _mk(s, c, e)


def _parse(text):
    t = text.strip().replace('_', '').lower()
    s = 0
    if t[:1] in ('+', '-'):
        s = int(t[0] == '-')
        t = t[1:]
    if t in ('inf', 'infinity'):
        return s, 0, 0, 1
    for pre, k in (('nan', 2), ('snan', 3)):
        if t.startswith(pre):
            p = t[len(pre):]
            if p == '' or p.isdigit():
                return s, int(p or '0'), 0, k
    m, x, ex = t.partition('e')
    ip, dot, fp = m.partition('.')
    ok = (ip or fp) and (ip == '' or ip.isdigit()) and (fp == '' or fp.isdigit())
    if x:
        sx = ex[1:] if ex[:1] in ('+', '-') else ex
        ok = ok and sx.isdigit()
    if not ok:
        return None
    return s, int(ip + fp), int(ex or '0') - len(fp), 0


class Decimal:
    __slots__ = ('_s', '_c', '_e', '_k')

    def __init__(self, value='0', context=None):
        if isinstance(value, str):
            r = _parse(value)
            if r is None:
                (context or getcontext())._invalid('Invalid literal for Decimal: %r' % value, ConversionSyntax)
                r = (0, 0, 0, 2)
            self._s, self._c, self._e, self._k = r
        elif isinstance(value, Decimal):
            self._s, self._c, self._e, self._k = value._s, value._c, value._e, value._k
        elif isinstance(value, (int, bool)):
            self._s, self._c, self._e, self._k = int(value < 0), abs(int(value)), 0, 0
        elif isinstance(value, float):
            s = int(_math.copysign(1.0, value) < 0)
            if value != value:
                self._s, self._c, self._e, self._k = s, 0, 0, 2
            elif value in (_INF, -_INF):
                self._s, self._c, self._e, self._k = s, 0, 0, 1
            else:
                n, d = abs(value).as_integer_ratio()
                k = d.bit_length() - 1
                self._s, self._c, self._e, self._k = s, n * 5 ** k, -k, 0
        elif isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            s, digits, e = value
            if s not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            c = 0
            for dg in digits:
                if not isinstance(dg, int) or not 0 <= dg <= 9:
                    raise ValueError('coefficient must be a tuple of digits')
                c = c * 10 + dg
            k = {'F': 1, 'n': 2, 'N': 3}.get(e, 0)
            if not k and not isinstance(e, int):
                raise ValueError("exponent must be an integer")
            self._s, self._c, self._e, self._k = s, (c if k != 1 else 0), (e if not k else 0), k
        else:
            raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        return cls(f)

    # ---- text
    def _text(self, eng):
        sg = '-' if self._s else ''
        k = self._k
        if k == 1:
            return sg + 'Infinity'
        if k:
            return sg + ('sNaN' if k == 3 else 'NaN') + (str(self._c) if self._c else '')
        ds = str(self._c)
        n = len(ds)
        left = self._e + n
        if self._e <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif self._c == 0:
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            body = '0.' + '0' * -dot + ds
        elif dot >= n:
            body = ds + '0' * (dot - n)
        else:
            body = ds[:dot] + '.' + ds[dot:]
        x = left - dot
        if x:
            body += ('E' if getcontext().capitals else 'e') + ('+' if x > 0 else '') + str(x)
        return sg + body

    def __str__(self):
        return self._text(False)

    def to_eng_string(self, context=None):
        return self._text(True)

    def __repr__(self):
        return "Decimal('%s')" % self._text(False)

    # ---- predicates and parts
    def is_nan(self):
        return self._k >= 2

    def is_qnan(self):
        return self._k == 2

    def is_snan(self):
        return self._k == 3

    def is_infinite(self):
        return self._k == 1

    def is_finite(self):
        return self._k == 0

    def is_signed(self):
        return bool(self._s)

    def is_zero(self):
        return self._k == 0 and self._c == 0

    def is_normal(self, context=None):
        return self._k == 0 and self._c != 0 and self.adjusted() >= (context or getcontext()).Emin

    def is_subnormal(self, context=None):
        return self._k == 0 and self._c != 0 and self.adjusted() < (context or getcontext()).Emin

    def is_canonical(self):
        return True

    def _integral(self):
        return self._k == 0 and (self._e >= 0 or self._c % 10 ** -self._e == 0)

    def adjusted(self):
        return self._e + _nd(self._c) - 1 if self._k == 0 else 0

    def as_tuple(self):
        ds = tuple([int(ch) for ch in str(self._c)]) if (self._k != 1 and (self._c or self._k == 0)) else ((0,) if self._k == 1 else ())
        e = ('F', 'n', 'N')[self._k - 1] if self._k else self._e
        return DecimalTuple(self._s, ds, e)

    def as_integer_ratio(self):
        if self._k == 1:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._k:
            raise ValueError('cannot convert NaN to integer ratio')
        n = -self._c if self._s else self._c
        if self._e >= 0:
            return n * 10 ** self._e, 1
        d = 10 ** -self._e
        g = _math.gcd(n, d)
        return n // g, d // g

    def copy_abs(self):
        return _mk(0, self._c, self._e, self._k)

    def copy_negate(self):
        return _mk(1 - self._s, self._c, self._e, self._k)

    def copy_sign(self, other, context=None):
        return _mk(_conv(other, True)._s, self._c, self._e, self._k)

    def canonical(self):
        return self

    def number_class(self, context=None):
        sg = '-' if self._s else '+'
        if self._k == 1:
            return sg + 'Infinity'
        if self._k:
            return 'sNaN' if self._k == 3 else 'NaN'
        if self._c == 0:
            return sg + 'Zero'
        return sg + ('Subnormal' if self.is_subnormal(context) else 'Normal')

    def radix(self):
        return Decimal(10)

    # ---- conversions
    def __bool__(self):
        return self._k != 0 or self._c != 0

    def __int__(self):
        if self._k == 1:
            raise OverflowError('cannot convert Infinity to integer')
        if self._k:
            raise ValueError('cannot convert NaN to integer')
        v = self._c * 10 ** self._e if self._e >= 0 else self._c // 10 ** -self._e
        return -v if self._s else v

    __trunc__ = __int__

    def __float__(self):
        if self._k >= 2:
            if self._k == 3:
                raise ValueError('cannot convert signaling NaN to float')
            return -_NAN if self._s else _NAN
        return float(self._text(False))

    def __floor__(self):
        return self.to_integral_value(ROUND_FLOOR).__int__()

    def __ceil__(self):
        return self.to_integral_value(ROUND_CEILING).__int__()

    def __round__(self, n=None):
        if n is None:
            if self._k:
                raise (OverflowError if self._k == 1 else ValueError)('cannot round an infinity or NaN')
            return self.to_integral_value(ROUND_HALF_EVEN).__int__()
        return self.quantize(_mk(0, 1, -n))

    def __hash__(self):
        if self._k == 3:
            raise TypeError('Cannot hash a signaling NaN value.')
        if self._k == 2:
            return 0
        if self._k == 1:
            return hash(-_INF if self._s else _INF)
        if self._integral():
            return hash(self.__int__())
        return hash(self.__float__())

    # ---- arithmetic
    def _nan2(self, b, ctx):
        if self._k < 2 and b._k < 2:
            return None
        for x in (self, b):
            if x._k == 3:
                ctx._invalid('sNaN')
                return _mk(x._s, x._c, 0, 2)
        return self if self._k == 2 else b

    def _add(self, b, ctx, neg):
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        a = self
        bs = b._s ^ neg
        if a._k or b._k:
            if a._k and b._k and a._s != bs:
                return ctx._invalid('-INF + INF')
            return _mk(a._s if a._k else bs, 0, 0, 1)
        if a._c == 0 and b._c == 0:
            s = a._s if a._s == bs else int(ctx.rounding == ROUND_FLOOR)
            return _fix(s, 0, min(a._e, b._e), ctx)
        ac, ae, bc, be = a._c, a._e, b._c, b._e
        # a far smaller operand only matters as a sticky digit
        la, lb = ae + _nd(ac), be + _nd(bc)
        if ac and bc:
            if lb < la - ctx.prec - 2 and lb < ae:
                bc, be = 1, min(ae, la - ctx.prec - 2) - 1
            elif la < lb - ctx.prec - 2 and la < be:
                ac, ae = 1, min(be, lb - ctx.prec - 2) - 1
        e = min(ae, be)
        x = (-ac if a._s else ac) * 10 ** (ae - e) + (-bc if bs else bc) * 10 ** (be - e)
        if x == 0:
            return _fix(int(ctx.rounding == ROUND_FLOOR), 0, e, ctx)
        return _fix(int(x < 0), abs(x), e, ctx)

    def __add__(self, other, context=None):
        return self._add(_operand(other, '+', self), context or getcontext(), 0)

    def __radd__(self, other, context=None):
        return _operand(other, '+', self)._add(self, context or getcontext(), 0)

    def __sub__(self, other, context=None):
        return self._add(_operand(other, '-', self), context or getcontext(), 1)

    def __rsub__(self, other, context=None):
        return _operand(other, '-', self)._add(self, context or getcontext(), 1)

    def _mul(self, b, ctx):
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        s = self._s ^ b._s
        if self._k or b._k:
            if (not self._k and self._c == 0) or (not b._k and b._c == 0):
                return ctx._invalid('0 * INF')
            return _mk(s, 0, 0, 1)
        return _fix(s, self._c * b._c, self._e + b._e, ctx)

    def __mul__(self, other, context=None):
        return self._mul(_operand(other, '*', self), context or getcontext())

    def __rmul__(self, other, context=None):
        return _operand(other, '*', self)._mul(self, context or getcontext())

    def _div(self, b, ctx):
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        s = self._s ^ b._s
        if self._k or b._k:
            if self._k and b._k:
                return ctx._invalid('INF / INF')
            if self._k:
                return _mk(s, 0, 0, 1)
            ctx._sig(Clamped)
            return _mk(s, 0, ctx.Etiny())
        if b._c == 0:
            if self._c == 0:
                return ctx._invalid('0 / 0', DivisionUndefined)
            ctx._sig(DivisionByZero, 'x / 0')
            return _mk(s, 0, 0, 1)
        ideal = self._e - b._e
        if self._c == 0:
            return _fix(s, 0, ideal, ctx)
        shift = _nd(b._c) - _nd(self._c) + ctx.prec + 1
        if shift >= 0:
            q, rem = divmod(self._c * 10 ** shift, b._c)
        else:
            q, rem = divmod(self._c, b._c * 10 ** -shift)
        e = ideal - shift
        if rem:
            if q % 5 == 0:
                q += 1
        else:
            while e < ideal and q % 10 == 0:
                q //= 10
                e += 1
        return _fix(s, q, e, ctx)

    def __truediv__(self, other, context=None):
        return self._div(_operand(other, '/', self), context or getcontext())

    def __rtruediv__(self, other, context=None):
        return _operand(other, '/', self)._div(self, context or getcontext())

    def _divint(self, b, ctx, want):
        # want: 'q' integer quotient, 'r' remainder.
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        s = self._s ^ b._s
        if self._k or b._k:
            if self._k and b._k:
                return ctx._invalid('INF // INF')
            if self._k:
                return ctx._invalid('INF % x') if want == 'r' else _mk(s, 0, 0, 1)
            return _fix(self._s, self._c, self._e, ctx) if want == 'r' else _mk(s, 0, 0)
        if b._c == 0:
            if self._c == 0 or want == 'r':
                return ctx._invalid('x % 0', DivisionUndefined)
            ctx._sig(DivisionByZero, 'x // 0')
            return _mk(s, 0, 0, 1)
        e = min(self._e, b._e)
        q, rem = divmod(self._c * 10 ** (self._e - e), b._c * 10 ** (b._e - e))
        if _nd(q) > ctx.prec:
            return ctx._invalid('quotient too large', DivisionImpossible)
        if want == 'q':
            return _mk(s, q, 0)
        return _fix(self._s, rem, e, ctx)

    def __floordiv__(self, other, context=None):
        return self._divint(_operand(other, '//', self), context or getcontext(), 'q')

    def __rfloordiv__(self, other, context=None):
        return _operand(other, '//', self)._divint(self, context or getcontext(), 'q')

    def __mod__(self, other, context=None):
        return self._divint(_operand(other, '%', self), context or getcontext(), 'r')

    def __rmod__(self, other, context=None):
        return _operand(other, '%', self)._divint(self, context or getcontext(), 'r')

    def __divmod__(self, other, context=None):
        return self.__floordiv__(other, context), self.__mod__(other, context)

    def __rdivmod__(self, other, context=None):
        return _operand(other, 'divmod()', self).__divmod__(self, context)

    def remainder_near(self, other, context=None):
        ctx = context or getcontext()
        b = _conv(other, True)
        q = self._div(b, Context(prec=ctx.prec + _nd(self._c) + 3, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[]))
        n = q.to_integral_value(ROUND_HALF_EVEN)
        return self._add(n._mul(b, Context(prec=MAX_PREC, traps=[])), ctx, 1)

    def _pow(self, b, ctx):
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        if not b._integral():
            if b._k == 1:
                raise NotImplementedError("mpnode's decimal: infinite exponents are not supported")
            if b._c == 0 or b._k:
                pass
            else:
                raise NotImplementedError("mpnode's decimal: only integral exponents are supported (use sqrt())")
        n = b.__int__() if not b._k else 0
        s = self._s if n & 1 else 0
        if self._k == 1:
            if n == 0:
                return _mk(0, 1, 0)
            return _mk(s, 0, 0, 1) if n > 0 else _mk(s, 0, 0)
        if self._c == 0:
            if n == 0:
                return ctx._invalid('0 ** 0')
            return _mk(s, 0, 0) if n > 0 else _mk(s, 0, 0, 1)
        if n == 0:
            return _mk(0, 1, 0)
        m = abs(n)
        if _nd(self._c) * m <= 4 * ctx.prec + 200:
            c, e = self._c ** m, self._e * m
            p = _mk(s, c, e)
        else:
            w = Context(prec=ctx.prec + _nd(m) + 6, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
            p = _mk(0, 1, 0)
            x = _mk(0, self._c, self._e)
            while True:
                if m & 1:
                    p = p._mul(x, w)
                m >>= 1
                if not m:
                    break
                x = x._mul(x, w)
            p = _mk(s, p._c, p._e)
            if n > 0:
                ctx._sig(Inexact)
                ctx._sig(Rounded)
        if n > 0:
            return _fix(p._s, p._c, p._e, ctx)
        return _mk(0, 1, 0)._div(p, ctx)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            raise NotImplementedError("mpnode's decimal: pow() with a modulus is not supported")
        return self._pow(_operand(other, '** or pow()', self), context or getcontext())

    def __rpow__(self, other, context=None):
        return _operand(other, '** or pow()', self)._pow(self, context or getcontext())

    def __neg__(self, context=None):
        ctx = context or getcontext()
        if self._k:
            return self._nan2(self, ctx) if self._k >= 2 else _mk(1 - self._s, 0, 0, 1)
        s = 0 if self._c == 0 and ctx.rounding != ROUND_FLOOR else 1 - self._s
        return _fix(s, self._c, self._e, ctx)

    def __pos__(self, context=None):
        ctx = context or getcontext()
        if self._k:
            return self._nan2(self, ctx) if self._k >= 2 else self
        s = 0 if self._c == 0 and ctx.rounding != ROUND_FLOOR else self._s
        return _fix(s, self._c, self._e, ctx)

    def __abs__(self, round=True, context=None):
        if self._s:
            return self.__neg__(context)
        return self.__pos__(context)

    def fma(self, other, third, context=None):
        ctx = context or getcontext()
        p = self._mul(_conv(other, True), Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[]))
        return p._add(_conv(third, True), ctx, 0)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        if self._k >= 2:
            return self._nan2(self, ctx)
        if self._c == 0 and not self._k:
            return _mk(self._s, 0, self._e >> 1)
        if self._s:
            return ctx._invalid('sqrt(-x)')
        if self._k:
            return self
        ideal = self._e >> 1
        c, e = self._c, self._e
        if e & 1:
            c *= 10
            e -= 1
        k = max(ctx.prec + 1 - (_nd(c) + 1) // 2, 0)
        c *= 100 ** k
        e -= 2 * k
        r = _math.isqrt(c)
        e >>= 1
        if r * r != c:
            if r % 5 == 0:
                r += 1
        else:
            while e < ideal and r % 10 == 0:
                r //= 10
                e += 1
        w = ctx.copy()
        w.rounding = ROUND_HALF_EVEN
        d = _fix(0, r, e, w)
        for f in (Inexact, Rounded):
            if w.flags[f]:
                ctx._sig(f)
        return d

    # ---- comparison
    def _cmp(self, b):
        a = self
        if a._k or b._k:
            va = (-1 if a._s else 1) if a._k else 0
            vb = (-1 if b._s else 1) if b._k else 0
            if va == vb and va == 0:
                pass
            elif va != vb or not a._k or not b._k:
                if a._k and b._k:
                    return (va > vb) - (va < vb)
                if a._k:
                    return va
                return -vb
            else:
                return 0
        if a._c == 0:
            return 0 if b._c == 0 else (1 if b._s else -1)
        if b._c == 0:
            return -1 if a._s else 1
        if a._s != b._s:
            return -1 if a._s else 1
        la, lb = a._e + _nd(a._c), b._e + _nd(b._c)
        if la != lb:
            r = 1 if la > lb else -1
        else:
            e = min(a._e, b._e)
            x, y = a._c * 10 ** (a._e - e), b._c * 10 ** (b._e - e)
            r = (x > y) - (x < y)
        return -r if a._s else r

    def _order(self, other, op):
        b = _conv(other, False, True)
        if b is None:
            raise TypeError("'%s' not supported between instances of 'decimal.Decimal' and '%s'" % (op, type(other).__name__))
        if self._k >= 2 or b._k >= 2:
            getcontext()._invalid('comparison involving NaN')
            return None
        return self._cmp(b)

    def __eq__(self, other, context=None):
        b = _conv(other, False, True)
        if b is None:
            return False
        if self._k >= 2 or b._k >= 2:
            if self._k == 3 or b._k == 3:
                getcontext()._invalid('comparison involving sNaN')
            return False
        return self._cmp(b) == 0

    def __ne__(self, other, context=None):
        return not self.__eq__(other)

    def __lt__(self, other, context=None):
        r = self._order(other, '<')
        return r is not None and r < 0

    def __le__(self, other, context=None):
        r = self._order(other, '<=')
        return r is not None and r <= 0

    def __gt__(self, other, context=None):
        r = self._order(other, '>')
        return r is not None and r > 0

    def __ge__(self, other, context=None):
        r = self._order(other, '>=')
        return r is not None and r >= 0

    def compare(self, other, context=None):
        ctx = context or getcontext()
        b = _conv(other, True)
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        return Decimal(self._cmp(b))

    def max(self, other, context=None):
        b = _conv(other, True)
        if self._k >= 2 or b._k >= 2:
            return b if self._k == 2 and b._k < 2 else (self if b._k == 2 and self._k < 2 else self._nan2(b, context or getcontext()))
        return self if self._cmp(b) >= 0 else b

    def min(self, other, context=None):
        b = _conv(other, True)
        if self._k >= 2 or b._k >= 2:
            return self.max(b, context)
        return self if self._cmp(b) <= 0 else b

    # ---- rounding and exponents
    def quantize(self, exp, rounding=None, context=None):
        ctx = context or getcontext()
        rnd = rounding or ctx.rounding
        b = _conv(exp, True)
        r = self._nan2(b, ctx)
        if r is not None:
            return r
        if self._k or b._k:
            if self._k and b._k:
                return self
            return ctx._invalid('quantize with one INF')
        te = b._e
        if te > ctx.Emax or te < ctx.Etiny():
            return ctx._invalid('target exponent out of bounds in quantize')
        if self._c == 0:
            return _mk(self._s, 0, te)
        if self._e >= te:
            c, inexact = self._c * 10 ** (self._e - te), False
        else:
            c, inexact = _round(self._c, te - self._e, self._s, rnd)
        if _nd(c) > ctx.prec:
            return ctx._invalid('quantize result has too many digits for current context')
        if self._e < te:
            if inexact:
                ctx._sig(Inexact)
            ctx._sig(Rounded)
        return _mk(self._s, c, te)

    def same_quantum(self, other, context=None):
        b = _conv(other, True)
        if self._k or b._k:
            return self._k == b._k or (self._k >= 2 and b._k >= 2)
        return self._e == b._e

    def to_integral_value(self, rounding=None, context=None):
        if self._k:
            return self._nan2(self, context or getcontext()) if self._k >= 2 else self
        if self._e >= 0:
            return self
        c, _ = _round(self._c, -self._e, self._s, rounding or (context or getcontext()).rounding)
        return _mk(self._s, c, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = context or getcontext()
        d = self.to_integral_value(rounding, ctx)
        if self._k == 0 and self._e < 0:
            if d._cmp(self):
                ctx._sig(Inexact)
            ctx._sig(Rounded)
        return d

    def normalize(self, context=None):
        ctx = context or getcontext()
        if self._k:
            return self._nan2(self, ctx) if self._k >= 2 else self
        d = _fix(self._s, self._c, self._e, ctx)
        if d._k or d._c == 0:
            return d if d._k else _mk(d._s, 0, 0)
        c, e = d._c, d._e
        while c % 10 == 0 and e < ctx.Emax:
            c //= 10
            e += 1
        return _mk(d._s, c, e)

    reduce = normalize

    def scaleb(self, other, context=None):
        ctx = context or getcontext()
        n = _conv(other, True)
        if self._k:
            return self
        return _fix(self._s, self._c, self._e + n.__int__(), ctx)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (Decimal, (str(self),))

    # ---- format(d, spec): call d.__format__(spec) under mpnode
    def __format__(self, spec, _localeconv=None):
        if not spec:
            return str(self)
        fill, align, sign, z, alt, zero, width, group, prec, typ = _spec(spec)
        ctx = getcontext()
        s = self._s
        if typ == '%':
            d = _mk(s, self._c, self._e + 2, self._k)
        else:
            d = self
        if d._k:
            body = d._text(False)[s:] + ('%' if typ == '%' else '')
            if zero and not align:
                zero, align = False, '>'
        else:
            c, e = d._c, d._e
            if typ in ('f', 'F', '%'):
                if prec is not None:
                    c, _ = _round(c, -prec - e, s, ctx.rounding)
                    e = -prec
                if e >= 0:
                    ip, fp = str(c * 10 ** e), ''
                else:
                    ds = str(c).rjust(-e + 1, '0')
                    ip, fp = ds[:e], ds[e:]
                if z and c == 0:
                    s = 0
                body = _group(ip, group) + ('.' + fp if fp or alt else '')
                if typ == '%':
                    body += '%'
            else:
                if typ in ('e', 'E'):
                    if prec is not None:
                        if c == 0:
                            ds = '0' * (prec + 1)
                        else:
                            c, e = _roundsig(c, e, prec + 1, s, ctx.rounding)
                            ds = str(c)
                    else:
                        ds = str(c)
                    left = e + len(ds)
                    dot = 1
                else:
                    if prec is not None and _nd(c) > max(prec, 1):
                        c, e = _roundsig(c, e, max(prec, 1), s, ctx.rounding)
                    ds = str(c)
                    left = e + len(ds)
                    dot = left if (e <= 0 and left > -6) else 1
                n = len(ds)
                if dot <= 0:
                    ip, fp = '0', '0' * -dot + ds
                elif dot >= n:
                    ip, fp = ds + '0' * (dot - n), ''
                else:
                    ip, fp = ds[:dot], ds[dot:]
                if z and c == 0:
                    s = 0
                body = _group(ip, group) + ('.' + fp if fp or alt else '')
                x = left - dot
                if x or typ in ('e', 'E'):
                    body += ('E' if typ in ('E', 'G') or (not typ and ctx.capitals) else 'e') + ('+' if x >= 0 else '-') + str(abs(x))
        sg = '-' if s else ('' if sign == '-' else sign)
        if zero and not align and group and not d._k:
            # zero padding is grouped too
            gi = _group(ip, group)
            tail = body[len(gi):]
            while len(gi) < width - len(sg) - len(tail):
                ip = '0' + ip
                gi = _group(ip, group)
            body = gi + tail
        if zero and not align:
            fill, align = '0', '='
        pad = width - len(sg) - len(body)
        if pad <= 0:
            return sg + body
        if align == '=':
            return sg + fill * pad + body
        if align == '<':
            return sg + body + fill * pad
        if align == '^':
            return fill * (pad // 2) + sg + body + fill * (pad - pad // 2)
        return fill * pad + sg + body


def _roundsig(c, e, p, s, mode):
    # c, e rounded (or padded) to p significant digits.
    n = _nd(c)
    c, _ = _round(c, n - p, s, mode)
    e += n - p
    if _nd(c) > p:
        c //= 10
        e += 1
    return c, e


def _group(ip, sep):
    if not sep:
        return ip
    out = []
    while len(ip) > 3:
        out.insert(0, ip[-3:])
        ip = ip[:-3]
    out.insert(0, ip)
    return sep.join(out)


def _spec(spec):
    # [[fill]align][sign][z][#][0][width][,][.precision][type]
    i = 0
    fill, align = ' ', ''
    if len(spec) > 1 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ('<', '>', '=', '^'):
        align, i = spec[0], 1
    sign = '-'
    if spec[i:i + 1] in ('+', '-', ' '):
        sign = spec[i]
        i += 1
    z = spec[i:i + 1] == 'z'
    i += z
    alt = spec[i:i + 1] == '#'
    i += alt
    zero = spec[i:i + 1] == '0'
    i += zero
    j = i
    while spec[i:i + 1].isdigit():
        i += 1
    width = int(spec[j:i] or '0')
    group = ''
    if spec[i:i + 1] in (',', '_'):
        group = spec[i]
        i += 1
    prec = None
    if spec[i:i + 1] == '.':
        j = i = i + 1
        while spec[i:i + 1].isdigit():
            i += 1
        prec = int(spec[j:i])
    typ = spec[i:]
    if typ not in ('', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n') or group == '_' or alt or (zero and align):
        raise ValueError('invalid format string')
    return fill, align, sign, z, alt, zero, width, group, prec, typ.replace('n', 'g')


_INF = float('inf')
_NAN = float('nan')

from _mpn_tuple import _NTBase


class DecimalTuple(_NTBase):
    _fields = ('sign', 'digits', 'exponent')
    _field_defaults = {}
