# inputs: {"name": "ada", "n": 7, "pi": 3.14159265}
def get_node():
    return {"name": "fstring_debug", "friendly_name": "fstring_debug", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    name, n, pi = context["inputs"]["name"], context["inputs"]["n"], context["inputs"]["pi"]
    width = 10
    return {"outputs": {"lines": [f"{name=}", f"{n * 2 = }", f"{pi:.{n - 4}f}", f"{name!r:>{width}}", f"{{literal}}",
                                  f"{'nested ' + f'{n:02}'}", f"{n:#x} {n:b} {n:08.3f}", f"{pi:g} {1e20:g} {123456789:.3e}",
                                  f"{[1, 2][-1]} {dict(a=1)['a']}"]}, "error": None}
