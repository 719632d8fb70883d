# Fails on purpose, two ways: a checked condition reported as the node's
# error (no traceback), and an exception from deeper code (with traceback).


def get_node():
    return {
        "name": "py_divide",
        "friendly_name": "Divide",
        "description": "Divides a by b, refusing b = 0",
        "category": "Math/Python",
        "pins": [
            {"name": "exec", "friendly_name": "Input", "description": "", "pin_type": "Input", "data_type": "Execution"},
            {"name": "a", "friendly_name": "A", "description": "", "pin_type": "Input", "data_type": "Float", "default_value": 0},
            {"name": "b", "friendly_name": "B", "description": "", "pin_type": "Input", "data_type": "Float", "default_value": 1},
            {"name": "exec_out", "friendly_name": "Output", "description": "", "pin_type": "Output", "data_type": "Execution"},
            {"name": "quotient", "friendly_name": "Quotient", "description": "", "pin_type": "Output", "data_type": "Float"},
        ],
    }


def divide(a, b):
    return a / b


def run(context):
    inputs = context["inputs"]
    if inputs.get("b") == 0 and not inputs.get("raise"):
        return {"outputs": {}, "error": "b must not be 0: cannot divide %r by zero" % inputs.get("a")}
    return {"outputs": {"quotient": divide(inputs.get("a", 0), inputs.get("b", 1))}, "error": None}
