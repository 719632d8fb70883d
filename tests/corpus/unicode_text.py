# inputs: {"text": "Gr\u00fc\u00dfe aus K\u00f6ln! \u0394\u03b5\u03bb\u03c4\u03b1 \u0438 \u041c\u0438\u0440 \u2014 \ufb01ne \u00bd"}
def get_node():
    return {"name": "unicode_text", "friendly_name": "unicode_text", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    t = context["inputs"]["text"]
    return {"outputs": {"upper": t.upper(), "lower": t.lower(), "len": len(t), "rev": t[::-1], "alpha": sum(c.isalpha() for c in t),
                        "words": [w for w in t.split() if w.isalpha()], "ord": [ord(c) for c in t[:4]], "utf8": len(t.encode()),
                        "ascii": t.encode("ascii", "replace").decode(), "swap": t.swapcase()[:10], "repr": repr(t[-3:])}, "error": None}
