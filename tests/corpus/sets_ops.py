# inputs: {"a": ["x", "y", "z", "w"], "b": ["z", "w", "v"]}
def get_node():
    return {"name": "sets_ops", "friendly_name": "sets_ops", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    a, b = set(context["inputs"]["a"]), set(context["inputs"]["b"])
    d = {"x": 1, "z": 2}
    return {"outputs": {"inter": sorted(a & b), "union": sorted(a | b), "diff": sorted(a - b), "sym": sorted(a ^ b),
                        "sub": {"z"} <= a, "keys": sorted(d.keys() & a), "frozen": sorted(frozenset("aab")),
                        "disjoint": a.isdisjoint({"q"}), "comp": sorted({c.upper() for c in a})}, "error": None}
