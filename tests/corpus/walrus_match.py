# inputs: {"events": [{"type": "click", "x": 3, "y": 4}, {"type": "key", "key": "q"}, {"type": "scroll", "dy": -2}, {"type": "key", "key": "enter"}, {"type": "other"}]}
def get_node():
    return {"name": "walrus_match", "friendly_name": "walrus_match", "description": "corpus program", "category": "Test", "pins": []}


def describe(ev):
    match ev:
        case {"type": "click", "x": x, "y": y} if x >= 0:
            return f"click at {x},{y}"
        case {"type": "key", "key": "q" | "escape" as k}:
            return f"quit via {k}"
        case {"type": "key", "key": str(k)}:
            return f"key {k}"
        case {"type": t, **rest}:
            return f"unknown {t} {sorted(rest)}"
    return "?"


def run(context):
    out = []
    for ev in context["inputs"]["events"]:
        if (d := describe(ev)).startswith("unknown"):
            continue
        out.append(d)
    lengths = [n for ev in context["inputs"]["events"] if (n := len(ev)) > 1]
    return {"outputs": {"described": out, "lengths": lengths, "last": d}, "error": None}
