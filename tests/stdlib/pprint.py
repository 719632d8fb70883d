# ---- short
import pprint
print(pprint.pformat({'b': 1, 'a': [1, 2]}), pprint.pformat([1, 'x', None, (1,)]), pprint.pformat({3, 1, 2}), pprint.pformat(()))
# ---- sort_dicts
import pprint
print(pprint.pformat({'b': 1, 'a': 2}, sort_dicts=False) in ("{'b': 1, 'a': 2}", "{'a': 2, 'b': 1}"), pprint.pformat({'z': {'y': 1, 'x': 2}}))
# ---- long list
import pprint
print(pprint.pformat(list(range(40))))
# ---- long dict
import pprint
d = {'key%02d' % i: 'value number %d' % i for i in range(6)}
print(pprint.pformat(d))
# ---- nested
import pprint
data = {'users': [{'name': 'alice', 'roles': ['admin', 'dev'], 'active': True}, {'name': 'bob', 'roles': ['ops'], 'active': False}], 'count': 2}
print(pprint.pformat(data))
# ---- width
import pprint
print(pprint.pformat([1, 2, 3, 4, 5], width=6))
print(pprint.pformat({'a': [1, 2, 3], 'b': 'x'}, width=10))
# ---- pprint function
import pprint
class Out:
    def __init__(self):
        self.s = ''
    def write(self, t):
        self.s += t
o = Out()
pprint.pprint({'x': [1, 2], 'y': (3, 4)}, stream=o)
pprint.pprint(list('abcdefghijklmnopqrstuvwxyz'), stream=o)
pprint.PrettyPrinter(width=20, stream=o).pprint({'k': list(range(8))})
print(o.s)
# ---- tuples
import pprint
print(pprint.pformat(tuple(range(30))), pprint.pformat((('a' * 40,), ('b' * 40,))))
# ---- traceback
import traceback
try:
    {}['missing']
except KeyError as e:
    print(traceback.format_exception_only(type(e), e), traceback.format_exception(e)[-1])
try:
    raise ValueError('bad value')
except ValueError as e:
    print(''.join(traceback.format_exception_only(e)), traceback.format_exception(e)[-1].strip(), traceback.format_exception(e)[0].strip())
# ---- traceback no message
import traceback
try:
    raise RuntimeError
except RuntimeError as e:
    print(traceback.format_exception_only(e), traceback.format_exception(e)[-1])
# ---- traceback chain
import traceback
def inner():
    raise KeyError('k')
try:
    try:
        inner()
    except KeyError as e:
        raise ValueError('outer') from e
except ValueError as e:
    lines = traceback.format_exception(e)
    print(lines[0].strip(), lines[-1].strip(), any('direct cause' in l for l in lines), sum(l.startswith('Traceback') for l in lines))
