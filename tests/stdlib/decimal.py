# ---- construct from str
from decimal import Decimal as D
for s in ['1.5', '-0', '0.000', '123', '1e3', '1E+3', '-1.23e-7', '.5', '5.', '  7.25  ', '1_000.5', '+0.1', '1e-7', '0.000001', '0.0000001', '123456789012345678901234567890.123', '-Inf', 'infinity', 'nan', 'NaN123', '-sNaN', '0E-10', '1000E-3']:
    print(repr(D(s)), str(D(s)))
# ---- construct from int float tuple
from decimal import Decimal as D
print(repr(D(0)), repr(D(-42)), repr(D(10**30)), repr(D()), repr(D(True)))
print(repr(D(0.5)), repr(D(-2.25)), repr(D(0.1)), repr(D(-0.0)), repr(D(float('inf'))), repr(D(1e20)))
print(repr(D((0, (1, 4, 1), -2))), repr(D((1, (0,), 2))), repr(D((0, (), 'F'))), repr(D((1, (5,), 'n'))), repr(D([0, [1, 2], 3])))
print(repr(D(D('3.30'))), repr(D.from_float(0.75)))
# ---- invalid construction
from decimal import Decimal as D, InvalidOperation
for s in ['abc', '', '1.2.3', 'e5', '1e', '--1', '1 2', 'inf5']:
    try:
        print(repr(D(s)))
    except InvalidOperation as e:
        print('invalid', repr(s), isinstance(e, ArithmeticError))
for bad in [(2, (1,), 0), (0, (10,), 0), (0, (1,), 1.5), 'x']:
    try:
        print(D(bad) if not isinstance(bad, str) else D(bad))
    except (ValueError, InvalidOperation) as e:
        print('bad', type(e).__name__)
try:
    D([1, 2])
except ValueError as e:
    print('len', type(e).__name__)
# ---- str exponent notation
from decimal import Decimal as D
for t in [(0, (1,), 5), (0, (1, 2, 3), -10), (0, (1, 2, 3), -8), (0, (1, 2, 3), -9), (1, (0,), -7), (0, (0,), -6), (0, (0,), 3), (0, (4, 5), 1), (0, (1, 2, 3, 4, 5, 6), -2), (0, (1,), -6), (1, (9, 9), 0)]:
    print(str(D(t)), D(t).to_eng_string())
# ---- to_eng_string
from decimal import Decimal as D
for s in ['123E+1', '1E+4', '1E+5', '12E-7', '0E+4', '0E+5', '0E-8', '-1.5E-9', '5E+11', '1234.5678E+20']:
    print(D(s).to_eng_string())
# ---- add sub
from decimal import Decimal as D
print(D('1.1') + D('2.2'), D('0.1') + D('0.2') == D('0.3'), D('1.30') + D('1.20'), D('5') - D('7.5'), D('1.0') - D('1.00'))
print(D('1E+100') + D(1), D('1') + D('1E-100'), D('-0') + D('0'), D('-0') + D('-0'), D('0.00') + D('1'), D(1) - D(1))
print(D('9999999999999999999999999999') + 1, D('12345678901234567890.123456789') + D('0.0000000005'))
print(1 + D('0.5'), D('2.5') + 3, 10 - D('0.25'), D('0.25') - 10)
# ---- mul
from decimal import Decimal as D
print(D('1.1') * D('1.1'), D('2.50') * 4, 3 * D('-0.5'), D('0') * D('-5'), D('1.5') * D('1E+3'), D('12345678901234.5678') * D('98765432109876.54321'))
# ---- true division
from decimal import Decimal as D
print(D(1) / D(3), D(2) / D(3), D(-1) / D(7), D(1) / D(4), D(10) / D(4), D('1.00') / D('0.25'), D(100) / D(10), D('1.20') / D(2), D(6) / D('2.0'))
print(D(0) / D(5), D('0.000') / D(3), D(1) / D('1E-10'), 7 / D(2), D(22) / D(7), D(1) / 8)
# ---- floordiv mod divmod
from decimal import Decimal as D
print(D(7) // D(2), D(-7) // D(2), D(7) // D(-2), D('7.5') // D(2), D(-7) % D(2), D(7) % D(-2), D('7.5') % D('2'), D('10') % D('0.3'))
print(divmod(D(17), D(5)), divmod(D('-17.5'), D(5)), D(-4) % D(2), 17 // D(5), 17 % D(5))
# ---- power
from decimal import Decimal as D
print(D(2) ** 10, D('1.1') ** 2, D('2.0') ** 2, D(2) ** -1, D(3) ** -1, D(3) ** -2, D('2.0') ** -2, D('1.0') ** -3, D(10) ** 30)
print(D(-2) ** 3, D('0.0') ** 2, D('-0.0') ** 3, D('1.10') ** 2, D(2) ** 0, D('2.5') ** 0, D(2) ** 100, D('1.1') ** 50, D(2) ** D(3), D(2) ** D('2.0'))
print(2 ** D(5), D(0) ** -1, D('-0') ** -3, D('Infinity') ** -1, D('-Infinity') ** 3, D('-Infinity') ** 2, D('1.000001') ** 1000, D('0.5') ** -1)
# ---- power errors
from decimal import Decimal as D, InvalidOperation
try:
    D(0) ** 0
except InvalidOperation:
    print('0**0 invalid')
# ---- unary abs
from decimal import Decimal as D, getcontext
print(-D('1.5'), +D('1.5'), abs(D('-2.50')), -D('0'), -D('-0'), +D('-0'), abs(D('-0')), -D('Infinity'), abs(D('-Inf')))
print(+D('1.23456789012345678901234567890123'), -D('9.99999999999999999999999999999'))
# ---- comparison
from decimal import Decimal as D
print(D('1.0') == D('1'), D('1.0') == 1, D('0.5') == 0.5, D('0.1') == 0.1, D(2) != D(3), D('2') < D('2.01'), D('-1') < D('0'), D('-0') == D('0'))
print(D(1) < 2, D(3) >= 3, D('1E+2') > 99, D('-1E+2') < -99, D('1.10') <= D('1.1'), D('Inf') > D('1E+999'), D('-Inf') < D(-10**40))
print(sorted([D('2.5'), D('-1'), D('10'), D('0.33'), D('2.50')]), max(D(1), D('1.5'), D('0.9')), min([D(3), D('2.999')]))
print(D(1) == 'a', D(1) != None, D('NaN') == D('NaN'), D('NaN') != 1)
# ---- comparison with NaN raises
from decimal import Decimal as D, InvalidOperation
for f in [lambda: D('NaN') < 1, lambda: D(1) > D('NaN'), lambda: D('sNaN') == 1]:
    try:
        print(f())
    except InvalidOperation:
        print('invalid')
try:
    D(1) < 'x'
except TypeError:
    print('type error')
# ---- hashing
from decimal import Decimal as D
print(hash(D(5)) == hash(5), hash(D('5.000')) == hash(5), hash(D(-7)) == hash(-7), hash(D('0')) == hash(0), hash(D('0.5')) == hash(D('0.500')))
d = {D('1.0'): 'one', D(2): 'two'}
print(d[1], d[D('2.00')], D('1') in {D('1.00')}, len({D('1'), D('1.0'), D('1.00'), 1}), 2 in d)
# ---- quantize half even and half up
from decimal import Decimal as D, ROUND_HALF_EVEN, ROUND_HALF_UP
q = D('0.01')
for s in ['2.675', '2.665', '2.6749', '-2.675', '-2.665', '1.005', '0.125', '0.135', '7']:
    print(s, D(s).quantize(q), D(s).quantize(q, rounding=ROUND_HALF_UP), D(s).quantize(q, ROUND_HALF_EVEN))
# ---- quantize all rounding modes
from decimal import Decimal as D, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP, ROUND_HALF_UP, ROUND_HALF_EVEN
modes = [ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP, ROUND_HALF_UP, ROUND_HALF_EVEN]
for s in ['1.25', '1.35', '-1.25', '1.251', '-1.249', '1.05', '1.01', '1.06', '-1.05', '0.001', '-0.001', '9.99', '1.2']:
    print(s, [str(D(s).quantize(D('0.1'), rounding=m)) for m in modes])
print(modes)
# ---- quantize exponents
from decimal import Decimal as D, InvalidOperation
print(D('1.5').quantize(D('1.000')), D('123.456').quantize(D('1')), D('123.456').quantize(D('1E+1')), D('1E+2').quantize(D('1')), D('-0').quantize(D('0.01')), D(0).quantize(D('1E+3')))
print(D('Inf').quantize(D('Inf')), D('2.5').quantize(D(1)), D('3.5').quantize(D(1)), D('1.23456').quantize(D('0.001')))
for f in [lambda: D('1E+30').quantize(D('0.01')), lambda: D('Inf').quantize(D(1)), lambda: D(1).quantize(D('Inf'))]:
    try:
        print(f())
    except InvalidOperation:
        print('invalid')
# ---- to_integral_value
from decimal import Decimal as D, ROUND_FLOOR, ROUND_CEILING, ROUND_DOWN
for s in ['2.5', '3.5', '-2.5', '2.7', '-2.7', '123.000', '1E+3', '0.4', '-0.4', 'Inf']:
    d = D(s)
    print(s, d.to_integral_value(), d.to_integral(), d.to_integral_value(ROUND_FLOOR), d.to_integral_value(rounding=ROUND_CEILING), d.to_integral_exact(ROUND_DOWN))
# ---- as_tuple
from decimal import Decimal as D
for s in ['1.5', '-0.0012', '100', '1E+5', '-0', 'Infinity', '-Infinity', 'NaN', 'sNaN12', '-NaN']:
    t = D(s).as_tuple()
    print(t, t.sign, t.digits, t.exponent, t[1], tuple(t) == (t.sign, t.digits, t.exponent))
# ---- predicates
from decimal import Decimal as D
for s in ['1', '-1.5', '0', '-0', 'Inf', '-Inf', 'NaN', '-NaN', 'sNaN']:
    d = D(s)
    print(s, d.is_nan(), d.is_snan(), d.is_qnan(), d.is_signed(), d.is_zero(), d.is_finite(), d.is_infinite(), d.number_class())
# ---- sqrt
from decimal import Decimal as D, getcontext
print(D(2).sqrt(), D(4).sqrt(), D('0.25').sqrt(), D(100).sqrt(), D('1E+2').sqrt(), D('1E+3').sqrt(), D('0.0004').sqrt(), D('1.44').sqrt(), D(10).sqrt())
print(D(0).sqrt(), D('-0').sqrt(), D('0.000').sqrt(), D('Inf').sqrt(), D('400').sqrt(), D('4.00').sqrt(), D('12345678901234567890').sqrt(), D('2E-7').sqrt())
# ---- sqrt negative
from decimal import Decimal as D, InvalidOperation
try:
    D(-1).sqrt()
except InvalidOperation:
    print('invalid sqrt')
# ---- precision
from decimal import Decimal as D, getcontext, localcontext
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(7), D('123456789') + 0, D(2).sqrt(), D('1.23456789') * 1, +D('9.99999'), D(2) ** 20)
    with localcontext() as c2:
        c2.prec = 2
        print(D(1) / D(3))
    print(D(1) / D(3))
print(D(1) / D(7), getcontext().prec)
# ---- localcontext kwargs and rounding
from decimal import Decimal as D, localcontext, ROUND_DOWN, ROUND_UP, ROUND_HALF_UP
with localcontext(prec=3, rounding=ROUND_DOWN):
    print(D(2) / D(3), D('1.999') + 0, D('-1.999') * 1)
with localcontext(rounding=ROUND_UP) as c:
    c.prec = 3
    print(D(2) / D(3), D('1.001') * 1, D('-1.001') * 1)
with localcontext() as c:
    c.rounding = ROUND_HALF_UP
    print(D('2.675').quantize(D('0.01')), D('1.5').to_integral_value())
print(D('2.675').quantize(D('0.01')))
# ---- getcontext prec set and restore
from decimal import Decimal as D, getcontext, setcontext, Context, DefaultContext
old = getcontext().prec
getcontext().prec = 10
print(D(1) / D(3), D(10) ** 12)
getcontext().prec = old
print(D(1) / D(3))
c = Context(prec=4)
setcontext(c)
print(D(22) / D(7), getcontext() is c)
setcontext(DefaultContext)
print(D(22) / D(7), getcontext().prec)
# ---- context repr and flags
from decimal import Decimal as D, localcontext, Inexact, Rounded, DivisionByZero, Context, InvalidOperation
with localcontext(Context()) as c:
    print(c)
    D(1) / D(3)
    print(c.flags[Inexact], c.flags[Rounded], c.flags[DivisionByZero])
    c.clear_flags()
    D(1) / D(4)
    print(c.flags[Inexact], c.traps[InvalidOperation], c.traps[Inexact])
    print(c)
# ---- traps off gives NaN and Infinity
from decimal import Decimal as D, localcontext, InvalidOperation, DivisionByZero
with localcontext() as c:
    c.traps[InvalidOperation] = False
    c.traps[DivisionByZero] = False
    print(D(1) / D(0), D(-1) / D(0), D(0) / D(0), D(-1).sqrt(), D('abc'), D('Inf') - D('Inf'), D(5) % D(0), c.flags[InvalidOperation], c.flags[DivisionByZero])
    print(D('NaN') < 1, D('NaN') > 1)
# ---- division by zero
from decimal import Decimal as D, DivisionByZero, InvalidOperation
for f in [lambda: D(1) / D(0), lambda: D(1) // D(0), lambda: D(0) / D(0), lambda: D(1) % D(0), lambda: D(-5) / 0]:
    try:
        print(f())
    except DivisionByZero as e:
        print('DivisionByZero', isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))
    except InvalidOperation as e:
        print('InvalidOperation', isinstance(e, ArithmeticError))
try:
    D(1) / D(0)
except ZeroDivisionError:
    print('caught as ZeroDivisionError')
# ---- NaN and Infinity arithmetic
from decimal import Decimal as D
inf, nan = D('Infinity'), D('NaN')
print(inf + 1, -inf - 5, inf * -2, D(1) / inf, inf / 3, nan + 1, 1 + nan, nan * 0, inf > 10**100, -inf < -10**100, inf == D('inf'))
print(repr(D('-NaN') + 1), repr(D('NaN7') * 2), D(5) // inf, D(5) % inf, inf // 2)
# ---- infinity invalid ops
from decimal import Decimal as D, InvalidOperation
inf = D('Infinity')
for f in [lambda: inf - inf, lambda: inf * 0, lambda: inf / inf, lambda: inf % 2, lambda: D('sNaN') + 1]:
    try:
        print(f())
    except InvalidOperation:
        print('invalid')
# ---- int and float of a Decimal
from decimal import Decimal as D
print(D('3.7').__int__(), D('-3.7').__int__(), D('1E+3').__int__(), D('123456789012345678901234567890').__int__(), D('-0.5').__int__())
print(D('0.5').__float__(), D('-2.25').__float__(), D('1E+3').__float__(), D('Inf').__float__(), D('1.5').__trunc__())
for s in ['NaN', 'Inf']:
    try:
        D(s).__int__()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
# ---- round floor ceil
from decimal import Decimal as D
print(D('2.5').__round__(), D('3.5').__round__(), D('-2.5').__round__(), D('2.567').__round__(2), D('2.5').__round__(0), D('1234').__round__(-2))
print(D('2.7').__floor__(), D('-2.7').__floor__(), D('2.1').__ceil__(), D('-2.1').__ceil__())
# ---- format f
from decimal import Decimal as D
for s, spec in [('2.665', '.2f'), ('2.675', '.2f'), ('1.2300', 'f'), ('1E+2', 'f'), ('-0.0001', '.2f'), ('-0.0001', 'z.2f'), ('1234567.891', ',.2f'), ('1.5', '08.3f'), ('-1.5', '=+10.2f'), ('12.5', '*^12.1f'), ('5', '.0f'), ('0.5', '.0f'), ('1.5', '.0f'), ('2.5', '.0f'), ('0E+3', 'f'), ('-0', 'f'), ('1234', '>10,'), ('3.14159', '<10.3f'), ('1E-10', 'f'), ('1.5', 'F')]:
    print(repr(s), repr(spec), repr(D(s).__format__(spec)))
# ---- format e g percent
from decimal import Decimal as D
for s, spec in [('123456', 'e'), ('123456', '.2e'), ('0.00001234', 'g'), ('1.500', '.3g'), ('1.500', 'g'), ('1234567', 'g'), ('1234567', '.3'), ('0.000001234', '.3'), ('1.5', ''), ('0.125', '.1%'), ('0.5', '%'), ('NaN', '.2f'), ('-Infinity', 'F'), ('Infinity', 'E'), ('1E+5', '.2e'), ('100', '.2g'), ('1.23E-10', 'e'), ('0', '.3e'), ('1.5', '+'), ('1E-7', ''), ('123.456', '.5'), ('123.456', '.2'), ('-1E+2', 'g'), ('1.23E-10', 'g'), ('1.23E-10', '.2g'), ('0.0001234', 'G'), ('1.2E+3', 'g'), ('1.2E+3', '.1g'), ('123', '.1e'), ('1E+3', 'e'), ('0.000', 'g'), ('0E-9', 'g'), ('1.23456', '10.3'), ('9.99', '.1e'), ('1.5', ' '), ('12345.678', 'E')]:
    print(repr(s), repr(spec), repr(D(s).__format__(spec)))
# ---- format uses the context rounding
from decimal import Decimal as D, localcontext, ROUND_HALF_UP, ROUND_DOWN
with localcontext(rounding=ROUND_HALF_UP):
    print(D('2.665').__format__('.2f'), D('0.125').__format__('.2f'))
with localcontext(rounding=ROUND_DOWN):
    print(D('2.669').__format__('.2f'), D('9.99').__format__('.1e'))
# ---- str percent and string conversions
from decimal import Decimal as D
d = D('12.50')
print(str(d), repr(d), '%s' % d, '{}'.format(d), [d], (d,), {'k': d}, '%r' % (d,))
# ---- sum and money
from decimal import Decimal as D, ROUND_HALF_UP
prices = [D('19.99'), D('5.01'), D('0.10'), D('100')]
total = sum(prices)
tax = (total * D('0.0825')).quantize(D('0.01'), rounding=ROUND_HALF_UP)
print(total, tax, total + tax, sum(prices, D('0.00')), (total / 3).quantize(D('0.01')))
# ---- normalize and misc
from decimal import Decimal as D
print(D('120.00').normalize(), D('0.00').normalize(), D('-0.0').normalize(), D('1E+2').normalize(), D('1.50').normalize(), D('123.4500').normalize())
print(D('123.45').adjusted(), D('0.001').adjusted(), D('1E+10').adjusted(), D('-1.5').copy_abs(), D('1.5').copy_negate(), D('1.5').copy_sign(D(-2)))
print(D('1.0').compare(D(1)), D(2).compare(D(3)), D(3).compare(D(2)), D(1).max(D(2)), D(1).min(D(2)), D('1.5').same_quantum(D('2.5')), D('1.5').same_quantum(D('2.50')))
print(D('1.5').scaleb(2), D(7).as_integer_ratio(), D('0.75').as_integer_ratio(), D('-2.5').as_integer_ratio(), D(10).fma(2, 3), D('7.5').remainder_near(2))
# ---- isinstance and types
from decimal import Decimal as D
import decimal
print(isinstance(D(1), D), type(D(1)).__name__, isinstance(D(1) + 1, D), type(D(1) / 3).__name__, issubclass(decimal.InvalidOperation, decimal.DecimalException), issubclass(decimal.Overflow, decimal.Inexact))
print(decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP, decimal.MAX_PREC > 10**8)
# ---- operand types
from decimal import Decimal as D
for f in [lambda: D(1) + 1.5, lambda: 1.5 * D(1), lambda: D(1) + '1', lambda: D(1.5)]:
    try:
        print(f())
    except TypeError:
        print('TypeError')
# ---- large and small exponents
from decimal import Decimal as D, Overflow, localcontext
print(D('1E+999999') * 1, D('1E-999999') / 10, D('9.9E+999998') + D('1E+999990'))
try:
    D('1E+999999') * 10
except Overflow as e:
    print('Overflow', type(e).__name__)
with localcontext() as c:
    c.traps[Overflow] = False
    print(D('1E+999999') * 10)
# ---- create_decimal and context methods
from decimal import Decimal as D, Context
c = Context(prec=3)
print(c.create_decimal('3.14159'), c.add(D('1.234'), D('1.234')), c.divide(1, 7), c.sqrt(D(2)), c.multiply(D('1.11'), 3), c.quantize(D('1.234'), D('0.1')), c.plus(D('9.999')))
# ---- repeated division exactness
from decimal import Decimal as D
x = D(1)
for i in range(1, 12):
    x = x / i
print(x, x * 39916800)
print(D(1) / D(3) * 3, D(2) / D(3) + D(1) / D(3), D('0.1') * 3 - D('0.3'))
# ---- statistics with Decimal
import statistics
from decimal import Decimal as D
data = [D('1.5'), D('2.25'), D('3.75'), D('0.5')]
print(repr(statistics.mean(data)), repr(statistics.median(data)), repr(statistics.mean([D(1), D(2)])), repr(statistics.variance(data)), repr(statistics.median([D('1.1'), D('2.2'), D('3.3')])))
# ---- copy and sort
import copy
from decimal import Decimal as D
print(sorted([D(3), D('1.5'), D(2), D('-0.5')]), max([D(1), D(5), D('4.99')]), copy.copy(D('1.50')), copy.deepcopy([D('2.0')]), sum([D('0.1')] * 10), sum([D('0.1')] * 10) == 1)
# ---- format flags and specials
from decimal import Decimal as D
for s, spec in [('NaN', '_^+15.1%'), ('-Inf', '0= %'), ('NaN', '015.3F'), ('-Inf', '015.3F'), ('-12.345', '08'), ('-12.345', '0=8'), ('-12.345', 'z08'), ('-12.345', ' 08.6E'), ('1234567.5', '015,.1f'), ('-0.004', 'z.2f'), ('-0.004', '+.2f'), ('42', '^9'), ('0.5', '_<8.0%')]:
    print(repr(s), repr(spec), repr(D(s).__format__(spec)))
for spec in ['>08', '=08', '#.1f', '#g', '_', '.2x', 'd']:
    try:
        D('1.5').__format__(spec)
    except ValueError:
        print(repr(spec), 'ValueError')
# ---- zero padding with grouping
from decimal import Decimal as D
for w in range(9, 17):
    print(w, repr(D('1234567.5').__format__('0%d,.1f' % w)), repr(D('-5').__format__('0%d,' % w)), repr(D('5').__format__('0=%d,' % w)), repr(D('12.5').__format__('0%d,e' % w)))
# ---- f-strings without a spec and json
from decimal import Decimal as D
import json
d = D('-3.140')
print(f'{d}', f'[{d!r}]', f'{d!s:>10}', json.dumps({'v': str(d)}))
try:
    json.dumps({'v': d})
except TypeError:
    print('TypeError')
