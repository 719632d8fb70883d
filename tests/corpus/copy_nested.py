# inputs: {"config": {"db": {"hosts": ["a", "b"], "port": 5432}, "debug": false}}
import copy


def get_node():
    return {"name": "copy_nested", "friendly_name": "copy_nested", "description": "corpus program", "category": "Test", "pins": []}


def deep_merge(base, override):
    out = copy.deepcopy(base)
    for k, v in override.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def run(context):
    cfg = context["inputs"]["config"]
    shallow = copy.copy(cfg)
    shallow["db"]["hosts"].append("c")
    merged = deep_merge(cfg, {"db": {"port": 6543, "user": "x"}, "debug": True})
    return {"outputs": {"cfg": cfg, "merged": merged, "same": shallow["db"] is cfg["db"]}, "error": None}
