# inputs: {"perms": ["read", "write"]}
def get_node():
    return {"name": "enum_flags", "friendly_name": "enum_flags", "description": "corpus program", "category": "Test", "pins": []}


from enum import Enum, IntEnum, Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


class Priority(IntEnum):
    LOW = 1
    HIGH = 3


class Color(str, Enum):
    RED = "red"
    BLUE = "blue"


def run(context):
    p = Perm(0)
    for name in context["inputs"]["perms"]:
        p |= Perm[name.upper()]
    return {"outputs": {"value": p.value, "has_write": Perm.WRITE in p, "has_exec": bool(p & Perm.EXEC),
                        "prio": sorted([Priority.HIGH, Priority.LOW, 2]), "gt": Priority.HIGH > 2, "color": Color("red").name,
                        "is_str": isinstance(Color.BLUE, str), "upper": Color.BLUE.upper(), "fmt": f"{Priority.HIGH}"}, "error": None}
