# inputs: {"celsius": [0, 37, 100, -40]}
class Temperature:
    scale = "C"

    def __init__(self, c):
        self.celsius = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def valid(v):
        return v >= -273.15

    def __lt__(self, other):
        return self._c < other._c

    def __repr__(self):
        return f"{type(self).__name__}({self._c!r})"


def get_node():
    return {"name": "props_methods", "friendly_name": "props_methods", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    ts = [Temperature(c) for c in context["inputs"]["celsius"]]
    try:
        ts[0].celsius = -300
        err = None
    except ValueError as e:
        err = str(e)
    return {"outputs": {"f": [t.fahrenheit for t in ts], "sorted": [repr(t) for t in sorted(ts)], "err": err,
                        "from_f": repr(Temperature.from_f(212)), "valid": Temperature.valid(-300),
                        "attrs": sorted(vars(ts[1])), "hasattr": hasattr(ts[0], "kelvin")}, "error": None}
