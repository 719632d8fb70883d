# inputs: {"doc": {"user": {"name": "ada", "tags": ["x", "y"], "address": {"city": "Zurich", "zip": "8000"}}, "active": true, "score": 0.1}}
def get_node():
    return {"name": "json_flatten", "friendly_name": "json_flatten", "description": "corpus program", "category": "Test", "pins": []}


def flatten(value, prefix=""):
    out = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.update(flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix] = value
    return out


def run(context):
    flat = flatten(context["inputs"]["doc"])
    flat["score_x3"] = flat["score"] * 3
    return {"outputs": {"flat": flat, "keys": list(flat)}, "error": None}
