# inputs: {"values": ["42", " -7 ", "1_000", "0x1F", "3.0", "1e3", "abc", "\u0663"]}
def get_node():
    return {"name": "int_parse", "friendly_name": "int_parse", "description": "corpus program", "category": "Test", "pins": []}


def parse(v):
    for conv in (int, float):
        try:
            return conv(v)
        except ValueError:
            pass
    try:
        return int(v, 16)
    except ValueError as e:
        return str(e)


def run(context):
    vals = context["inputs"]["values"]
    return {"outputs": {"parsed": [parse(v) for v in vals], "hex": int("0x1F", 0), "bin": bin(10), "oct": oct(8),
                        "divmod": list(divmod(-17, 5)), "pow": pow(3, -1, 7), "abs": abs(-2.5),
                        "float_int": [str(float("inf")), -0.0, float("nan") != float("nan")], "ratio": (0.75).as_integer_ratio()},
            "error": None}
