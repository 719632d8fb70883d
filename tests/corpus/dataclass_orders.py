# inputs: {"orders": [{"id": 3, "total": 9.5}, {"id": 1, "total": 20.0}, {"id": 2, "total": 9.5}]}
def get_node():
    return {"name": "dataclass_orders", "friendly_name": "dataclass_orders", "description": "corpus program", "category": "Test", "pins": []}


from dataclasses import dataclass, field, replace, astuple
from functools import total_ordering


@dataclass(order=True, frozen=True)
class Order:
    total: float
    id: int = field(compare=False)


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts


def run(context):
    orders = sorted(Order(o["total"], o["id"]) for o in context["inputs"]["orders"])
    try:
        orders[0].total = 1
        frozen = "mutable"
    except Exception as e:
        frozen = type(e).__name__
    vs = sorted(["1.10.0", "1.2.3", "1.2.10"], key=Version)
    return {"outputs": {"orders": [astuple(o) for o in orders], "frozen": frozen, "bumped": repr(replace(orders[0], total=0.0)),
                        "versions": vs, "ge": Version("2.0") >= Version("1.9"), "eq": orders[0] == Order(9.5, 99)}, "error": None}
