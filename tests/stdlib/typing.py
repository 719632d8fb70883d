# ---- every name imports
from typing import (Any, Callable, ClassVar, Final, ForwardRef, Generic, Literal, Optional, ParamSpec, Protocol, Tuple, Type, TypeVar, TypeVarTuple, Union,
    AbstractSet, ByteString, Container, ContextManager, Hashable, ItemsView, Iterable, Iterator, KeysView, Mapping, MappingView, MutableMapping,
    MutableSequence, MutableSet, Sequence, Sized, ValuesView, Awaitable, AsyncIterator, AsyncIterable, Coroutine, Collection, AsyncGenerator,
    AsyncContextManager, Reversible, SupportsAbs, SupportsBytes, SupportsComplex, SupportsFloat, SupportsIndex, SupportsInt, SupportsRound,
    ChainMap, Counter, Deque, Dict, DefaultDict, List, OrderedDict, Set, FrozenSet, NamedTuple, TypedDict, Generator, BinaryIO, IO, Match,
    Pattern, TextIO, AnyStr, assert_type, assert_never, cast, clear_overloads, dataclass_transform, final, get_args, get_origin, get_overloads,
    get_type_hints, is_typeddict, LiteralString, Never, NewType, no_type_check, no_type_check_decorator, NoReturn, NotRequired, overload,
    ParamSpecArgs, ParamSpecKwargs, Required, reveal_type, runtime_checkable, Self, Text, TYPE_CHECKING, TypeAlias, TypeGuard, Unpack, Annotated, Concatenate)
print('ok', TYPE_CHECKING)
# ---- subscripts
from typing import List, Dict, Optional, Union, Tuple, Callable, Literal
x = [List[int], Dict[str, List[int]], Optional[str], Union[int, str], Tuple[int, ...], Callable[[int], str], Literal['a', 'b']]
print(len(x))
# ---- cast and TYPE_CHECKING
from typing import cast, TYPE_CHECKING, Any
if TYPE_CHECKING:
    import nothing_here
print(cast(int, '3'), cast('List[int]', [1]), TYPE_CHECKING)
# ---- TypedDict
from typing import TypedDict
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade Runner', year=1982)
print(type(m) is dict, m['year'], sorted(m.items()))
# ---- NamedTuple
from typing import NamedTuple
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p.x, p.y, Point(3, 4), tuple(Point(5, 6)), p == (1, 0), Point._fields)
a, b = Point(7, 8); print(a, b, Point(1, 2)._replace(y=9), Point(1, 2)._asdict() == {'x': 1, 'y': 2})
print(isinstance(p, tuple), Point._field_defaults, len(Point(1, 2)), Point(1, 2)[1], sorted([Point(2), Point(1, 5)]))
try:
    p.x = 5
except AttributeError:
    print('AttributeError', p)
# ---- Generic and TypeVar
from typing import Generic, TypeVar
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item):
        self.item = item
    def get(self):
        return self.item
print(Box(3).get(), Box('s').get(), T)
# ---- Protocol
from typing import Protocol
class Greeter(Protocol):
    def greet(self):
        ...
class En(Greeter):
    def greet(self):
        return 'hi'
print(En().greet())
# ---- overload
from typing import overload, Union
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f('a'))
# ---- get_origin get_args
from typing import List, Dict, get_origin, get_args
print(get_origin(List[int]) is list, get_args(Dict[str, int]) == (str, int), get_origin(int), get_args(int))
# ---- NewType final
from typing import NewType, final
UserId = NewType('UserId', int)
@final
def g():
    return UserId(5)
print(g(), UserId(3) + 1)
# ---- annotated functions
from typing import Optional, List
def h(items: List[int], default: Optional[int] = None) -> int:
    return sum(items) + (default or 0)
print(h([1, 2]), h([1], 5))
