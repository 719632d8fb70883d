def get_node():
    return {"name": "broken", "friendly_name": "Broken", "description": "raises on purpose",
            "category": "Test", "pins": []}


def parse(text):
    return int(text)


def run(context):
    value = parse(context["inputs"].get("text", ""))
    return {"outputs": {}, "error": None}
