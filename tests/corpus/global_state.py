# inputs: {"x": 5}
CACHE = {}
CALLS = 0


def get_node():
    return {"name": "global_state", "friendly_name": "global_state", "description": "corpus program", "category": "Test", "pins": []}


def expensive(x):
    global CALLS
    CALLS += 1
    return sum(range(x * 1000))


def run(context):
    x = context["inputs"]["x"]
    if x not in CACHE:
        CACHE[x] = expensive(x)
    v = CACHE.get(x)
    return {"outputs": {"v": v, "calls": CALLS, "keys": list(CACHE)}, "error": None}
