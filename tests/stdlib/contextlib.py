# ---- contextmanager
from contextlib import contextmanager
log = []
@contextmanager
def tag(name):
    log.append('<%s>' % name)
    yield name.upper()
    log.append('</%s>' % name)
with tag('b') as v:
    log.append(v)
print(log)
# ---- contextmanager exception
from contextlib import contextmanager
@contextmanager
def guard():
    try:
        yield
    except ValueError as e:
        print('caught', e)
with guard():
    raise ValueError('bad')
print('after')
# ---- contextmanager reraises
from contextlib import contextmanager
@contextmanager
def cleanup():
    try:
        yield
    finally:
        print('cleanup')
try:
    with cleanup():
        raise KeyError('k')
except KeyError:
    print('KeyError')
# ---- suppress
from contextlib import suppress
with suppress(KeyError, IndexError):
    {}['x']
print('ok')
try:
    with suppress(KeyError):
        [][0]
except IndexError:
    print('IndexError')
# ---- nullcontext
from contextlib import nullcontext
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)
# ---- closing
from contextlib import closing
class R:
    def close(self):
        print('closed')
with closing(R()) as r:
    print(type(r).__name__)
# ---- ExitStack
from contextlib import ExitStack, contextmanager
@contextmanager
def cm(n):
    print('enter', n)
    yield n
    print('exit', n)
with ExitStack() as stack:
    vals = [stack.enter_context(cm(i)) for i in range(3)]
    stack.callback(print, 'callback')
    print(vals)
# ---- ExitStack pop_all
from contextlib import ExitStack
with ExitStack() as s:
    s.callback(print, 'one')
    keep = s.pop_all()
print('between')
keep.close()
# ---- ExitStack suppress
from contextlib import ExitStack, suppress
with ExitStack() as s:
    s.enter_context(suppress(ZeroDivisionError))
    1 / 0
print('survived')
# ---- decorator use
from contextlib import contextmanager
@contextmanager
def noisy():
    print('in')
    yield
    print('out')
@noisy()
def work(x):
    print('work', x)
    return x * 2
print(work(3))
# ---- abc
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except TypeError:
    print('TypeError')
print(Sq(3).area(), isinstance(Sq(1), Shape))
# ---- types.SimpleNamespace
from types import SimpleNamespace
ns = SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns.a, ns == SimpleNamespace(a=1, b='x', c=[1]), SimpleNamespace())
import types
print(isinstance(lambda: 0, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType))
