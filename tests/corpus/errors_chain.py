# inputs: {"values": ["1", "2", "x", "4"]}
class ParseError(Exception):
    def __init__(self, index, value):
        super().__init__(f"bad value at {index}: {value!r}")
        self.index = index


def get_node():
    return {"name": "errors_chain", "friendly_name": "errors_chain", "description": "corpus program", "category": "Test", "pins": []}


def parse(values):
    out = []
    for i, v in enumerate(values):
        try:
            out.append(int(v))
        except ValueError as e:
            raise ParseError(i, v) from e
    return out


def run(context):
    try:
        parse(context["inputs"]["values"])
    except ParseError as e:
        cause = e.__cause__
        return {"outputs": {"error": str(e), "index": e.index, "cause": type(cause).__name__,
                            "cause_msg": str(cause), "args": list(e.args)}, "error": None}
    return {"outputs": {}, "error": None}
