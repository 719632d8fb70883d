# inputs: {"raw": "{\"b\": [1, 2.5, null, true], \"a\": {\"c\": \"\\u00e9\"}, \"big\": 12345678901234567890}"}
import json


def get_node():
    return {"name": "json_roundtrip", "friendly_name": "json_roundtrip", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    obj = json.loads(context["inputs"]["raw"])
    obj["a"]["d"] = 0.1 + 0.2
    return {"outputs": {"obj": obj, "dumped": json.dumps(obj), "pretty": json.dumps(obj, indent=2, sort_keys=True),
                        "ascii": json.dumps("caf\u00e9"), "raw": json.dumps("caf\u00e9", ensure_ascii=False),
                        "compact": json.dumps([1, {"x": None}], separators=(",", ":"))}, "error": None}
