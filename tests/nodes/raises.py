# Test node: raises from a helper so the traceback has two frames.


def get_node():
    return {"name": "raises", "friendly_name": "Raises", "description": "test", "category": "Test", "pins": []}


def check(value):
    if value < 0:
        raise ValueError("negative input: %d" % value)
    return value * 2


def run(context):
    return {"outputs": {"doubled": check(context["inputs"]["n"])}, "error": None}
