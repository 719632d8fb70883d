# ---- basic
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int = 0
p = P(1)
print(p, P(1, 2), P(x=3, y=4), p == P(1, 0), p != P(2), p.x, p.y)
# ---- default_factory
from dataclasses import dataclass, field
@dataclass
class Bag:
    name: str
    items: list = field(default_factory=list)
    n: int = field(default=3, repr=False)
a, b = Bag('a'), Bag('b')
a.items.append(1)
print(a, b, a.n, b.items)
# ---- asdict astuple
from dataclasses import dataclass, asdict, astuple, field
@dataclass
class In:
    v: int
@dataclass
class Out:
    name: str
    inner: In
    tags: list = field(default_factory=list)
o = Out('o', In(5), [In(1)])
print(sorted(asdict(o).items()), astuple(o), asdict(In(2)))
# ---- replace fields
from dataclasses import dataclass, replace, fields, is_dataclass
@dataclass
class C:
    a: int
    b: str = 'x'
c = C(1)
print(replace(c, b='y'), c, [f.name for f in fields(C)], [f.default for f in fields(c)][1], is_dataclass(C), is_dataclass(c), is_dataclass(1))
# ---- frozen hash
from dataclasses import dataclass
@dataclass(frozen=True)
class F:
    x: int
    y: int = 2
f = F(1)
print(f, hash(f) == hash(F(1, 2)), f == F(1))
from dataclasses import FrozenInstanceError
for act in (lambda: setattr(f, 'x', 5), lambda: delattr(f, 'y')):
    try:
        act()
    except FrozenInstanceError as e:
        print(type(e).__name__, isinstance(e, AttributeError), e, f)
# ---- order
from dataclasses import dataclass
@dataclass(order=True)
class V:
    major: int
    minor: int = 0
print(V(1, 2) < V(1, 3), V(2) > V(1, 9), sorted([V(2), V(1, 5), V(1)]), V(1) <= V(1), max(V(0, 1), V(0, 2)))
# ---- post_init
from dataclasses import dataclass, field
@dataclass
class R:
    w: float
    h: float
    area: float = field(init=False, default=0)
    def __post_init__(self):
        self.area = self.w * self.h
print(R(2, 3), R(2, 3).area)
# ---- inheritance
from dataclasses import dataclass
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 5
print(Child(1), Child(1, 2, 3), [f for f in ('x', 'y', 'z') if hasattr(Child(0), f)])
# ---- errors
from dataclasses import dataclass, field
@dataclass
class E:
    a: int
try:
    E()
except TypeError:
    print('TypeError')
try:
    E(1, 2)
except TypeError:
    print('TypeError')
try:
    field(default=1, default_factory=list)
except ValueError:
    print('ValueError')
# ---- methods and classvar
from dataclasses import dataclass
from typing import ClassVar
@dataclass
class M:
    x: int
    count: ClassVar[int] = 0
    def double(self):
        return M(self.x * 2)
print(M(2).double(), M.count, len(__import__('dataclasses').fields(M)))
# ---- eq across types
from dataclasses import dataclass
@dataclass
class A:
    v: int
@dataclass
class B:
    v: int
print(A(1) == B(1), A(1) == A(1), A(1) == 1)
