# inputs: {"points": [[1, 2], [3, 4], [-1, 0]]}
from collections import namedtuple
from typing import NamedTuple


Point = namedtuple("Point", ["x", "y"])


class Box(NamedTuple):
    w: int
    h: int = 1

    def area(self):
        return self.w * self.h


def get_node():
    return {"name": "namedtuples", "friendly_name": "namedtuples", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    pts = [Point(*p) for p in context["inputs"]["points"]]
    far = max(pts, key=lambda p: p.x ** 2 + p.y ** 2)
    b = Box(3)
    return {"outputs": {"far": far._asdict(), "repr": repr(far), "moved": list(far._replace(x=0)),
                        "box": [b.area(), repr(b), b._fields], "sorted": sorted(pts)}, "error": None}
