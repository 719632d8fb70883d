# Applies every case method to every input string; the test compares the
# results with CPython's.


def get_node():
    return {"name": "case_map", "friendly_name": "Case", "description": "test", "category": "Test", "pins": []}


def run(context):
    out = {}
    for name in ("upper", "lower", "capitalize", "title", "swapcase", "isupper", "islower"):
        out[name] = [getattr(s, name)() for s in context["inputs"]["strings"]]
    return {"outputs": out, "error": None}
