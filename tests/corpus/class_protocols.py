# inputs: {"a": [1, 2], "b": [3, 4]}
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __iter__(self):
        yield self.x
        yield self.y

    def __len__(self):
        return 2

    def __bool__(self):
        return bool(self.x or self.y)


def get_node():
    return {"name": "class_protocols", "friendly_name": "class_protocols", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    a, b = Vec(*context["inputs"]["a"]), Vec(*context["inputs"]["b"])
    c = a + b
    return {"outputs": {"sum": repr(c), "scaled": list(2 * c), "eq": a + b == c, "set": len({a, b, c, Vec(4, 6)}),
                        "bool": [bool(Vec(0, 0)), bool(a)], "len": len(a), "mro": [k.__name__ for k in Vec.__mro__]},
            "error": None}
