# inputs: {"tasks": [1, 0, "x", 4, null]}
def get_node():
    return {"name": "exceptions_flow", "friendly_name": "exceptions_flow", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    results = []
    for t in context["inputs"]["tasks"]:
        try:
            r = 100 / t
        except ZeroDivisionError as e:
            results.append(f"zero: {e}")
        except TypeError as e:
            results.append(f"type: {e}")
        else:
            results.append(r)
        finally:
            results.append("-")
    try:
        raise ExceptionGroup("many", [ValueError("a"), KeyError("b")]) if False else KeyError("missing")
    except LookupError as e:
        results.append(repr(e))
    try:
        [].pop()
    except IndexError as e:
        results.append(str(e))
    try:
        int("nope")
    except ValueError as e:
        results.append(str(e))
    try:
        None.x
    except AttributeError as e:
        results.append(str(e))
    return {"outputs": {"results": results}, "error": None}
