# The seed's node: upper-cases its input. Seed style: get_node() returns the
# definition as a dict, run(context) gets the Flow-Like envelope and returns
# {"outputs": ..., "error": ...}.


def get_node():
    return {
        "name": "wasm_python_uppercase",
        "friendly_name": "Uppercase (Python)",
        "description": "Converts the input text to upper case",
        "category": "Custom/WASM",
        "pins": [
            {
                "name": "exec",
                "friendly_name": "Input",
                "description": "Starts the node",
                "pin_type": "Input",
                "data_type": "Execution",
            },
            {
                "name": "input",
                "friendly_name": "Text",
                "description": "Text to convert",
                "pin_type": "Input",
                "data_type": "String",
                "default_value": "",
            },
            {
                "name": "exec_out",
                "friendly_name": "Output",
                "description": "Fires when done",
                "pin_type": "Output",
                "data_type": "Execution",
            },
            {
                "name": "output",
                "friendly_name": "Upper case",
                "description": "The text in upper case",
                "pin_type": "Output",
                "data_type": "String",
            },
        ],
    }


def run(context):
    text = context["inputs"].get("input", "")
    return {"outputs": {"output": text.upper()}, "error": None}
