# inputs: {"b": 1, "a": 2, "c": {"z": 1, "y": 2}}
def get_node():
    return {"name": "dict_order", "friendly_name": "dict_order", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    d = dict(context["inputs"])
    d["0"] = 0
    del d["a"]
    d["a"] = 3
    merged = {**d, "b": 10, "new": True}
    inverted = {v: k for k, v in merged.items() if isinstance(v, int)}
    last = merged.popitem()
    return {"outputs": {"d": d, "merged": merged, "inverted": {str(k): v for k, v in inverted.items()},
                        "last": list(last), "keys": list(d.keys()), "fromkeys": dict.fromkeys("cab", 0)},
            "error": None}
