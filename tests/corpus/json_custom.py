# inputs: {"when": "2024-03-04T05:06:07"}
def get_node():
    return {"name": "json_custom", "friendly_name": "json_custom", "description": "corpus program", "category": "Test", "pins": []}


import json
from datetime import datetime
from decimal import Decimal


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime):
            return o.isoformat()
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


def run(context):
    when = datetime.fromisoformat(context["inputs"]["when"])
    doc = {"when": when, "amount": Decimal("1.10"), "tags": {"b", "a"}}
    text = json.dumps(doc, cls=Encoder)
    try:
        json.dumps({"x": object()})
        err = None
    except TypeError as e:
        err = str(e).split(" at ")[0]
    back = json.loads(text, object_hook=lambda d: {k.upper(): v for k, v in d.items()})
    return {"outputs": {"text": text, "back": back, "err": err, "default": json.dumps(when, default=str),
                        "floats": repr(json.loads("[1.0, 1e5, 0.1]", parse_float=Decimal))}, "error": None}
