# inputs: {"ops": [["add", 5], ["mul", 3], ["add", -2], ["pow", 2]]}
def get_node():
    return {"name": "closures", "friendly_name": "closures", "description": "corpus program", "category": "Test", "pins": []}


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def pipeline(*funcs):
    def apply(x):
        for f in funcs:
            x = f(x)
        return x
    return apply


OPS = {"add": lambda a: lambda x: x + a, "mul": lambda a: lambda x: x * a, "pow": lambda a: lambda x: x ** a}


def run(context):
    fs = [OPS[name](arg) for name, arg in context["inputs"]["ops"]]
    c = make_counter()
    c()
    c(10)
    return {"outputs": {"result": pipeline(*fs)(1), "counter": c(), "map": list(map(pipeline(*fs[:2]), range(4))),
                        "kw": (lambda *a, **k: [list(a), k])(1, 2, z=3)}, "error": None}
