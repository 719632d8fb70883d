# ---- basic
from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], list(Color), len(Color), Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE)
# ---- iteration and members
from enum import Enum

class Dir(Enum):
    N = 'north'
    S = 'south'

print([d.name for d in Dir], [d.value for d in Dir], list(Dir.__members__), Dir.N in Dir, repr(Dir), {Dir.N: 1}[Dir('north')])
# ---- lookup errors
from enum import Enum

class E(Enum):
    A = 1

try:
    E(9)
except ValueError as e:
    print('ValueError', e)
try:
    E['Z']
except KeyError:
    print('KeyError')
# ---- auto
from enum import Enum, auto

class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()

print(list(A), A.Y.value, A.W.value)
# ---- IntEnum
from enum import IntEnum

class P(IntEnum):
    LOW = 1
    HIGH = 3

print(P.LOW == 1, P.HIGH > P.LOW, P.HIGH + 1, str(P.LOW), repr(P.HIGH), P(3), sorted([P.HIGH, P.LOW]), P.LOW < 2, P.HIGH.value, P.HIGH.name)
# ---- StrEnum
from enum import StrEnum, auto

class S(StrEnum):
    A = 'alpha'
    B = auto()

print(S.A.value == 'alpha', str(S.A), S.B.value, S('alpha') is S.A, S.A.upper(), repr(S.B))
# ---- methods and aliases
from enum import Enum

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    def big(self):
        return self.radius > 5e6

print(Planet.EARTH.big(), Planet.MERCURY.big(), Planet.EARTH.value == (5.976e+24, 6.37814e6))

class Al(Enum):
    ONE = 1
    UNO = 1
    TWO = 2

print(Al.UNO is Al.ONE, list(Al), Al(1).name, list(Al.__members__))
# ---- unique
from enum import Enum, unique
try:
    @unique
    class Bad(Enum):
        A = 1
        B = 1
except ValueError:
    print('ValueError')

@unique
class Good(Enum):
    A = 1
    B = 2

print(list(Good))
# ---- Flag
from enum import Flag, auto

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

rw = Perm.R | Perm.W
print(Perm.R.value, Perm.X.value, rw.value, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.W), list(Perm), Perm(5).value, [p.name for p in Perm(7)])
# ---- IntFlag
from enum import IntFlag

class F(IntFlag):
    A = 1
    B = 2
    C = 4

x = F.A | F.C
print(x == 5, x.value, F.A | 2, (x & F.C) == F.C, str(F.B), F(6).value, F.B in F(6))
# ---- comparison and hashing
from enum import Enum

class K(Enum):
    A = 1
    B = 2

d = {K.A: 'a', K.B: 'b'}
print(d[K.A], K.A == 1, sorted([K.B, K.A], key=lambda k: k.value), K.A.value + K.B.value, [k for k in K if k.value > 1])
