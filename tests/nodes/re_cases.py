# Runs each case (a Python expression using `re`) and reports its value in a
# form both CPython and mpnode print the same way: Match objects become
# {span, groups, group0}, tuples and iterators lists, exceptions their kind.
import re


def norm(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, bytes):
        return repr(v)
    if hasattr(v, "span") and hasattr(v, "groups"):
        return {"span": list(v.span()), "groups": norm(v.groups()), "group0": v.group(0)}
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    return [norm(x) for x in v]


def kind(e):
    if isinstance(e, re.error):
        return "re.error"
    return type(e).__name__


def get_node():
    return {"name": "re_cases", "pins": []}


def run(context):
    out = []
    for expr in context["inputs"]["cases"]:
        try:
            out.append(norm(eval(expr, {"re": re})))
        except Exception as e:
            out.append("raised " + kind(e))
    return {"outputs": {"results": out}, "error": None}
