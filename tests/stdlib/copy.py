# ---- shallow
import copy
a = [1, [2, 3]]
b = copy.copy(a)
b[1].append(4); b.append(5)
print(a, b, copy.copy({'k': [1]}), copy.copy((1, 2)), copy.copy('s'), copy.copy({1, 2}) == {1, 2})
# ---- deep
import copy
a = {'x': [1, {'y': [2]}]}
b = copy.deepcopy(a)
b['x'][1]['y'].append(3)
print(a, b, copy.deepcopy([(1, [2])]))
# ---- shared refs
import copy
inner = [1]
a = [inner, inner]
b = copy.deepcopy(a)
print(b[0] is b[1], b[0] is inner)
# ---- cycles
import copy
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b is not a, len(b))
# ---- instances
import copy
class P:
    def __init__(self, xs):
        self.xs = xs
p = P([1, 2])
q = copy.copy(p); r = copy.deepcopy(p)
q.xs.append(3)
print(p.xs, r.xs, type(r).__name__, q is not p)
# ---- hooks
import copy
class C:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return C('copied ' + self.v)
    def __deepcopy__(self, memo):
        return C('deep ' + self.v)
print(copy.copy(C('a')).v, copy.deepcopy(C('a')).v, copy.deepcopy([C('b')])[0].v)
# ---- memo
import copy
memo = {}
x = [1, 2]
y = copy.deepcopy(x, memo)
print(y, id(x) in memo, copy.deepcopy(x, memo) is y)
# ---- tuples
import copy
t = (1, 2, (3, 4))
print(copy.deepcopy(t) == t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
# ---- nested dicts
import copy
cfg = {'a': {'b': {'c': 1}}, 'l': [[1], [2]]}
c2 = copy.deepcopy(cfg)
c2['a']['b']['c'] = 2; c2['l'][0][0] = 9
print(cfg['a']['b']['c'], cfg['l'], c2['l'])
# ---- immutables
import copy
print(copy.deepcopy(5), copy.deepcopy('x'), copy.deepcopy(None), copy.deepcopy(2.5), copy.deepcopy(b'ab'), copy.copy(frozenset([1])) == frozenset([1]))
