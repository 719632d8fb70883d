# inputs: {"names": ["  ada LOVELACE ", "grace hopper", "ALAN turing  "], "code": "  def f(x):\n\treturn x\n"}
def get_node():
    return {"name": "string_methods", "friendly_name": "string_methods", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    names = [n.strip().title() for n in context["inputs"]["names"]]
    initials = ["".join(p[0] for p in n.split()) for n in names]
    return {"outputs": {
        "names": names, "initials": initials, "padded": [n.ljust(16, ".") + "|" for n in names],
        "centered": "hi".center(9, "*"), "zfill": "42".zfill(6), "neg": "-42".zfill(6),
        "parts": "a,b,,c".split(","), "rsplit": "a.b.c.d".rsplit(".", 1), "part": "k=v=w".partition("="),
        "expand": context["inputs"]["code"].expandtabs(4), "swap": "Hello".swapcase(),
        "prefix": "test_case".removeprefix("test_"), "table": "hello".translate(str.maketrans("el", "ip")),
        "count": "banana".count("an"), "find": ["banana".find("z"), "banana".rfind("a")],
        "checks": ["123".isdigit(), "abc".isalpha(), "Ab Cd".istitle(), " ".isspace(), "x1".isidentifier()],
        "lines": "a\nb\r\nc".splitlines(), "casefold": "Stra\u00dfe".casefold(),
    }, "error": None}
