# ---- Counter basics
from collections import Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), len(c), sorted(c.elements())[:5], c.total())
c.update('aaz'); c.subtract({'b': 5})
print(c, repr(Counter()), Counter(a=2, b=1))
# ---- Counter arithmetic
from collections import Counter
a, b = Counter('aaabcc'), Counter('abbdddd')
print(a + b, a - b, a | b, a & b, +Counter(x=-1, y=2), -Counter(x=-1, y=2))
print(a == Counter(c=2, b=1, a=3), a != b, Counter(a=1) <= a, Counter(a=1, e=0) == Counter(a=1))
# ---- Counter dict behaviour
from collections import Counter
c = Counter(['x', 'y', 'x'])
del c['q']; del c['y']
print(c, 'x' in c, list(c.items()), c.get('x'), c.get('nope', 9), dict(c.items()), len(c), list(c))
# ---- defaultdict
from collections import defaultdict
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['a'], len(d), d.default_factory, 'c' in d, d['c'], len(d))
n = defaultdict(int); n['x'] += 2; print(n, dict(n.items()), n.setdefault('y', 5), n.pop('x'))
try:
    defaultdict()['k']
except KeyError:
    print('KeyError')
# ---- OrderedDict
from collections import OrderedDict
o = OrderedDict()
o['b'] = 1; o['a'] = 2; o['c'] = 3
o.move_to_end('b'); print(list(o), o)
o.move_to_end('c', last=False); print(list(o.keys()), o.popitem(), o.popitem(last=False), o)
print(OrderedDict(), OrderedDict([('x', 1)]) == OrderedDict([('x', 1)]), OrderedDict(a=1) == {'a': 1}, list(reversed(OrderedDict([(1, 2), (3, 4)]))))
# ---- namedtuple
from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p[1], p._fields, sorted(p._asdict().items()), p._replace(x=5), P._make([3, 4]), tuple(p), len(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p; print(x, y, list(p), p < P(1, 3), sorted([P(2, 0), P(1, 9)]))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0, 'z'])
print(Q(1), Q(1, 2), Q._field_defaults == {'b': 0, 'c': 'z'}, Q.__name__)
try:
    P(1)
except TypeError:
    print('TypeError')
try:
    p.x = 9
except AttributeError:
    print('AttributeError', p)
# ---- namedtuple is a tuple subclass
import json
print(isinstance(p, tuple), issubclass(P, tuple), p + (3,), (0,) + p, p * 2, p[::-1], '%s/%s' % p, json.dumps({'p': p}))
class V(namedtuple('V', 'x y')):
    def norm(self):
        return abs(self.x) + abs(self.y)
print(V(-1, 2).norm(), V(3, 4), isinstance(V(1, 2), tuple), V._fields, {P(1, 2): 'a'}[(1, 2)])
try:
    p.z = 1
except AttributeError as e:
    print(e)
# ---- namedtuple rename and errors
from collections import namedtuple
print(namedtuple('R', 'a def a', rename=True)._fields)
for bad in ['a _b', '1x', 'a a', 'class']:
    try:
        namedtuple('T', bad)
    except ValueError:
        print('ValueError')
# ---- deque
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend([7, 8]); d.extendleft([9]); print(d); d.rotate(2); print(d); d.rotate(-3); print(d)
print(list(reversed(d)), 3 in d, d.count(7), d.index(7))
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen, deque('ab', 2) == deque(['a', 'b']))
m.appendleft(-1); print(m)
try:
    deque().pop()
except IndexError:
    print('IndexError')
# ---- ChainMap
from collections import ChainMap
base, over = {'a': 1, 'b': 2}, {'b': 20}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], sorted(cm), len(cm), 'a' in cm, cm.get('z', 0), sorted(cm.items()))
cm['c'] = 3; print(sorted(over.items()), base['a'], cm.parents['b'], cm.new_child({'b': 200})['b'])
try:
    cm['zz']
except KeyError:
    print('KeyError')
# ---- collections.abc
from collections.abc import Mapping, Sequence, Iterable, Callable, MutableMapping, Sized, Iterator, Set
from collections import OrderedDict, Counter
print(isinstance({}, Mapping), isinstance([], Mapping), isinstance([], Sequence), isinstance('s', Sequence), isinstance({}, Sequence))
print(isinstance(len, Callable), isinstance(lambda: 1, Callable), isinstance(3, Callable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance(range(3), Iterable), isinstance(5, Iterable), isinstance(Counter(), MutableMapping), isinstance(frozenset(), Set), isinstance((x for x in []), Iterable))
