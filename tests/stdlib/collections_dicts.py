# ---- OrderedDict construction
from collections import OrderedDict
print(OrderedDict([('b', 1), ('a', 2)]), OrderedDict({'x': 1, 'y': 2}), OrderedDict(k=1, j=2), OrderedDict(zip('abc', range(3))))
print(OrderedDict(OrderedDict([(3, 'c'), (1, 'a')])), OrderedDict(), repr(OrderedDict([('n', OrderedDict(a=[1]))])))
# ---- OrderedDict move_to_end
from collections import OrderedDict
o = OrderedDict.fromkeys('abcde')
o.move_to_end('b')
print(''.join(o))
o.move_to_end('b', last=False)
o.move_to_end('e', False)
print(''.join(o), list(o.keys()))
try:
    o.move_to_end('z')
except KeyError:
    print('KeyError')
# ---- OrderedDict popitem
from collections import OrderedDict
o = OrderedDict([(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')])
print(o.popitem(), o.popitem(last=False), o.popitem(True), o.popitem(False), o)
try:
    o.popitem()
except KeyError:
    print('KeyError empty')
try:
    OrderedDict().popitem(last=False)
except KeyError:
    print('KeyError empty first')
# ---- OrderedDict equality is order aware
from collections import OrderedDict
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
print(a == b, a != b, a == OrderedDict([('x', 1), ('y', 2)]), a == {'y': 2, 'x': 1}, a != {'x': 1, 'y': 2}, a == {'x': 1}, a == [('x', 1), ('y', 2)])
# ---- OrderedDict fromkeys copy
from collections import OrderedDict
o = OrderedDict.fromkeys(['p', 'q'], 0)
c = o.copy()
c['r'] = 5
print(o, c, type(c).__name__, OrderedDict.fromkeys('ab'), type(OrderedDict.fromkeys('ab')).__name__)
# ---- OrderedDict dict methods
from collections import OrderedDict
o = OrderedDict()
o['z'] = 1
o['a'] = 2
o.update({'m': 3}, n=4)
o.update([('z', 10)])
print(o, len(o), 'a' in o, o.get('q', 'dflt'), o.setdefault('s', 7), o.pop('a'), list(o.values()), list(o.items()))
del o['m']
print(o, list(reversed(o)), sorted(o))
o.clear()
print(o, bool(o))
# ---- OrderedDict LRU pattern
from collections import OrderedDict
cache = OrderedDict()
def get(k):
    if k in cache:
        cache.move_to_end(k)
        return cache[k]
    cache[k] = k * k
    if len(cache) > 3:
        cache.popitem(last=False)
    return cache[k]
for k in [1, 2, 3, 1, 4, 2, 5]:
    get(k)
print(cache, list(cache))
# ---- isinstance dict
from collections import OrderedDict, defaultdict, Counter
for x in (OrderedDict(), defaultdict(int), Counter()):
    print(type(x).__name__, isinstance(x, dict), issubclass(type(x), dict))
print(isinstance(Counter(), Counter), isinstance(OrderedDict(), defaultdict))
# ---- json dumps
import json
from collections import OrderedDict, defaultdict, Counter
dd = defaultdict(list)
dd['a'].append(1)
print(json.dumps(OrderedDict([('b', 1), ('a', [1, 2])])), json.dumps(Counter('hello')), json.dumps(dd))
print(json.dumps({'nested': Counter(x=2), 'od': OrderedDict(k='v')}), json.dumps([defaultdict(int, a=1)]))
# ---- defaultdict repr
from collections import defaultdict
class Box:
    pass
print(defaultdict(list), defaultdict(int, {'a': 1}), defaultdict(set), defaultdict(None, x=1), defaultdict(dict, [('k', {})]))
print(repr(defaultdict(str)), defaultdict(Box).default_factory is Box, defaultdict().default_factory)
# ---- defaultdict missing
from collections import defaultdict
d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b']
print(d, d.get('c'), 'c' in d, len(d), d.__missing__('z'), d)
n = defaultdict(int)
for ch in 'mississippi':
    n[ch] += 1
print(n, n['q'], sorted(n.items()))
# ---- defaultdict factory none and change
from collections import defaultdict
d = defaultdict()
try:
    d['x']
except KeyError as e:
    print('KeyError', e)
d.default_factory = lambda: 'new'
print(d['x'], dict(d.items()))
try:
    defaultdict(5)
except TypeError:
    print('TypeError')
# ---- defaultdict copy and init
from collections import defaultdict
import copy
d = defaultdict(list, {'a': [1]}, b=[2])
e = d.copy()
e['c'].append(3)
f = copy.copy(d)
print(d, e, f, type(e).__name__, e.default_factory, d == e, d == {'a': [1], 'b': [2]})
# ---- nested defaultdict
from collections import defaultdict
tree = defaultdict(lambda: defaultdict(int))
tree['x']['a'] += 1
tree['x']['b'] += 2
tree['y']['a'] += 3
print(sorted((k, sorted(v.items())) for k, v in tree.items()), tree['x']['zz'], len(tree['x']))
# ---- defaultdict grouping
from collections import defaultdict
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
groups = defaultdict(list)
for w in words:
    groups[w[0]].append(w)
print(groups, {k: len(v) for k, v in groups.items()}, groups.setdefault('z', ['x']), groups.pop('c'))
# ---- Counter construction
from collections import Counter
print(Counter('gallahad'), Counter(['x', 'y', 'x', 1, 1, 1]), Counter({'red': 4, 'blue': 2}), Counter(cats=4, dogs=8), Counter(Counter('aab')))
c = Counter('abc')
print(c['z'], 'z' in c, len(c), Counter(), Counter(''), Counter([]))
# ---- Counter most_common
from collections import Counter
c = Counter('abracadabra')
print(c.most_common(), c.most_common(1), c.most_common(3), c.most_common(0), c.most_common(99))
t = Counter('zyxwzyxz')
print(t.most_common(), t.most_common(2))
# ---- Counter elements total
from collections import Counter
c = Counter(a=3, b=1, c=0, d=-2)
print(list(c.elements()), sorted(Counter('hello').elements()), c.total(), Counter().total(), Counter('mississippi').total())
# ---- Counter update subtract
from collections import Counter
c = Counter(a=4, b=2, c=0, d=-2)
c.update(['a', 'e'])
c.update({'b': 3})
c.update(Counter(f=1), g=2)
print(c)
c.subtract(a=10)
c.subtract(['b', 'b', 'z'])
c.subtract({'c': 1})
c.subtract(Counter(d=1))
print(c, c['z'])
# ---- Counter arithmetic
from collections import Counter
a = Counter(a=3, b=1, d=-1)
b = Counter(a=1, b=2, c=5)
print(a + b, a - b, b - a, a | b, a & b, +a, -a, -b)
print(Counter() + Counter(), Counter(x=0) + Counter(), a + Counter())
# ---- Counter comparison
from collections import Counter
a = Counter(a=1, b=2)
print(a == Counter(b=2, a=1), a == Counter(a=1, b=2, c=0), a != Counter(a=1), a <= Counter(a=1, b=3), a < Counter(a=1, b=2), a < Counter(a=2, b=2), a >= Counter(a=1), a > Counter(a=1, b=2))
print(a == {'a': 1, 'b': 2}, a == {'a': 1, 'b': 2, 'c': 0}, Counter() == {}, a != {'a': 1})
# ---- Counter repr ordering
from collections import Counter
print(Counter('bbaaac'), Counter({'x': 1, 'y': 3, 'z': 1, 'w': 3}), Counter(q=-1, r=0, s=2), repr(Counter('aa')))
c = Counter()
c[(1, 2)] += 1
c[None] += 2
c[3.5] -= 1
print(c, str(c), '%s' % c)
# ---- Counter dict behaviour
from collections import Counter
c = Counter('xyzx')
del c['nope']
del c['y']
c['z'] = 0
print(c, list(c), list(c.keys()), list(c.values()), list(c.items()), c.get('nope'), c.get('x'), c.pop('z'), c)
print(sum(c.values()), sorted(c), dict(c.items()), {k: v for k, v in c.items()}, c.setdefault('w', 5), c)
# ---- Counter copy fromkeys
from collections import Counter
import copy
c = Counter('aab')
d = c.copy()
d['c'] = 9
e = copy.copy(c)
print(c, d, e, type(d).__name__, type(e).__name__)
try:
    Counter.fromkeys('abc')
except NotImplementedError:
    print('NotImplementedError')
# ---- subclasses
from collections import Counter, OrderedDict, defaultdict
class Tally(Counter):
    pass
class Ordered(OrderedDict):
    pass
class Groups(defaultdict):
    pass
t = Tally('aab')
print(t, Ordered(a=1), Ordered(), Groups(list, a=[1]), isinstance(t, Counter), isinstance(t, dict), type(t.copy()).__name__, type(t + t).__name__)
# ---- word count node
from collections import Counter
text = 'the quick brown fox jumps over the lazy dog the fox'
counts = Counter(text.split())
top = counts.most_common(3)
out = {'top': top, 'unique': len(counts), 'total': counts.total(), 'counts': counts}
import json
print(json.dumps(out), top[0][0], counts['fox'])
# ---- Counter with numbers and tuples
from collections import Counter
rolls = [(1, 2), (2, 1), (1, 2), (3, 3)]
c = Counter(rolls)
print(c, c[(1, 2)], Counter([1, 2, 2, 3, 3, 3]).most_common(2), Counter(range(5)) + Counter(range(3)))
# ---- errors
from collections import Counter, OrderedDict
for f in [lambda: Counter(a=1) < 5, lambda: Counter(a=1) + {'a': 1}, lambda: OrderedDict([1, 2], [3]), lambda: OrderedDict()['missing']]:
    try:
        print(f())
    except (TypeError, KeyError, ValueError) as e:
        print(type(e).__name__)
# ---- deepcopy and pprint
import copy, pprint
from collections import Counter, OrderedDict, defaultdict
d = defaultdict(list, a=[1, [2]])
e = copy.deepcopy(d)
e['a'][1].append(3)
print(d, e, type(e).__name__, e.default_factory)
o = copy.deepcopy(OrderedDict(x=[1]))
print(o, type(o).__name__, copy.deepcopy(Counter('ab')), type(copy.deepcopy(Counter('ab'))).__name__)
print(pprint.pformat(Counter('aab')), pprint.pformat(OrderedDict(a=1)), pprint.pformat({'c': Counter('x')}))
from collections.abc import Mapping, MutableMapping
print(isinstance(Counter(), Mapping), isinstance(OrderedDict(), MutableMapping), isinstance(defaultdict(), Mapping))
# ---- counter in-place operators
from collections import Counter
a = Counter(x=3, y=1, z=2)
keep = a
a += Counter(y=-1, w=4)
print(a, a is keep, list(a))
a -= Counter(x=1, z=5)
print(a, a is keep)
a |= Counter(x=9, q=0, r=2)
print(a, list(a))
a &= Counter(x=4, w=1, r=7)
print(a, a is keep)
b = Counter('abracadabra')
b += Counter()
print(b)
d = {}
d.setdefault('k', Counter())
d['k'] += Counter(m=1)
print(d)
