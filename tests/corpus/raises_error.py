# inputs: {"data": {"a": 1}}
def get_node():
    return {"name": "raises_error", "friendly_name": "raises_error", "description": "corpus program", "category": "Test", "pins": []}


def lookup(d, key):
    return d[key]


def run(context):
    return {"outputs": {"v": lookup(context["inputs"]["data"], "missing")}, "error": None}
