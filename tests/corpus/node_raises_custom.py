# inputs: {"threshold": 10, "values": [1, 5, 12]}
def get_node():
    return {"name": "node_raises_custom", "friendly_name": "node_raises_custom", "description": "corpus program", "category": "Test", "pins": []}


class ThresholdExceeded(Exception):
    pass


def check(values, threshold):
    for i, v in enumerate(values):
        if v > threshold:
            raise ThresholdExceeded(f"value {v} at index {i} exceeds {threshold}")


def run(context):
    check(context["inputs"]["values"], context["inputs"]["threshold"])
    return {"outputs": {"ok": True}, "error": None}
