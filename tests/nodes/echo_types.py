# Test node: echoes every input back and reports the Python type each JSON
# value arrived as; also returns values that only Python produces.


def get_node():
    return {"name": "echo_types", "friendly_name": "Echo", "description": "test", "category": "Test", "pins": []}


def run(context):
    inputs = context["inputs"]
    types = {}
    for k in inputs:
        types[k] = type(inputs[k]).__name__
    return {
        "outputs": {
            "echo": inputs,
            "types": types,
            "tuple": (1, "two", None),
            "bytes": b"\x00\x01hi",
            "int_keys": {1: "one", 2.5: "x", False: "f", None: "n"},
            "big": 2 ** 100,
            "neg_big": -(3 ** 50),
            "float": 0.1 + 0.2,
            "nested": [[[]], {"a": {"b": [1, [2, [3]]]}}],
        },
        "error": None,
    }
