# ---- reduce
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(max, [3, 9, 2]), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError:
    print('TypeError')
# ---- partial
from functools import partial
def f(a, b, c=3):
    return (a, b, c)
p = partial(f, 1, c=5)
print(p(2), p(2, c=7), p.args, p.keywords, partial(p, 9)(), p.func is f, partial(f, c=0, b=2)(1))
# ---- lru_cache
from functools import lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2), calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info().hits)
# ---- cache
from functools import cache
n = []
@cache
def g(x, y=1):
    n.append(x)
    return x + y
print(g(1), g(1), g(1, y=2), g(1, y=2), len(n))
# ---- wraps
from functools import wraps
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k) + 1
    return inner
@deco
def h(x):
    return x
print(h(1))
# ---- cmp_to_key
from functools import cmp_to_key
def cmp(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or ((a > b) - (a < b))
print(sorted(['ccc', 'a', 'bb', 'aa'], key=cmp_to_key(cmp)), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
# ---- total_ordering
from functools import total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= V(1), a >= V(1))
# ---- singledispatch
from functools import singledispatch
@singledispatch
def show(x):
    return 'obj'
@show.register(int)
def _(x):
    return 'int %d' % x
@show.register(list)
def _(x):
    return 'list %d' % len(x)
print(show(1), show([1, 2]), show('s'), show(True))
# ---- partial in map
from functools import partial
print(list(map(partial(pow, 2), [1, 2, 3])), list(map(partial(f, b=0), [1, 2])))
# ---- operator getters
from operator import itemgetter, attrgetter, methodcaller
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), list(map(itemgetter(0), rows)), itemgetter('k')({'k': 5}))
class O:
    pass
o = O(); o.x = 1; o.y = O(); o.y.z = 9
print(attrgetter('x')(o), attrgetter('x', 'y.z')(o), methodcaller('upper')('ab'), methodcaller('split', ',')('a,b'), methodcaller('replace', 'a', 'b')('aa'))
# ---- operator functions
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(2, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(3), op.pow(2, 8), op.eq(1, 1), op.lt(1, 2), op.not_(0), op.truth([]))
print(op.contains([1, 2], 2), op.getitem([5, 6], 1), op.concat([1], [2]), op.and_(6, 3), op.or_(4, 1), op.xor(5, 1), op.lshift(1, 4), op.rshift(16, 2), op.abs(-3), op.index(4), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
d = {}; op.setitem(d, 'a', 1); print(d, op.is_(None, None), op.is_not(1, None), op.inv(5), op.iadd([1], [2]))
# ---- singledispatch register by annotation
from functools import singledispatch


@singledispatch
def show(x):
    return 'obj:' + repr(x)


@show.register
def _(x: int):
    return 'int:%d' % x


@show.register
def _(x: list, depth=0):
    return 'list:' + ','.join(show(i) for i in x)


@show.register(str)
def _(x):
    return 'str:' + x


print(show(1), show('a'), show([1, 'b']), show(2.5), show(True))
