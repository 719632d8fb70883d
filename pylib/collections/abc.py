# mpnode's collections.abc. v1.9.4 has no __instancecheck__, so each name is
# a tuple of the built-in (and mpnode library) types it covers: made for
# isinstance(x, Mapping), not for use as a base class.
from collections import OrderedDict as _OD, defaultdict as _DD, Counter as _C, deque as _DQ

def _g():
    yield 1

_gen = type(_g())
_fn = (type(_g), type(len), type, type([].append), type(lambda: 0))
_it = (_gen, type(iter([])), type(iter(())), type(iter('')), type(iter({})), type(zip()), type(map(len, [])),
       type(enumerate([])), type(reversed([])), type(iter(range(0))), type(filter(None, [])))

Mapping = (dict, _OD, _DD, _C)
MutableMapping = Mapping
Sequence = (list, tuple, str, bytes, bytearray, range)
MutableSequence = (list, bytearray)
ByteString = (bytes, bytearray)
Set = (set, frozenset)
MutableSet = (set,)
Sized = Sequence + Mapping + Set + (_DQ,)
Container = Sized
Collection = Sized
Iterable = Sized + _it
Reversible = Sequence + (_DQ,)
Iterator = _it
Generator = (_gen,)
Callable = _fn
Hashable = (int, float, str, bytes, tuple, frozenset, bool, type(None), type)
KeysView = (type({}.keys()),)
ValuesView = (type({}.values()),)
ItemsView = (type({}.items()),)
MappingView = KeysView + ValuesView + ItemsView
Awaitable = Coroutine = AsyncIterable = AsyncIterator = AsyncGenerator = ()
