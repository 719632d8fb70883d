# inputs: {"steps": ["open", "work", "fail", "work"]}
from contextlib import contextmanager, suppress

log = []


@contextmanager
def section(name):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except RuntimeError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"exit {name}")


class Timer:
    def __enter__(self):
        log.append("timer on")
        return self

    def __exit__(self, *exc):
        log.append(f"timer off {exc[0].__name__ if exc[0] else None}")
        return False


def get_node():
    return {"name": "context_managers", "friendly_name": "context_managers", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    log.clear()
    for step in context["inputs"]["steps"]:
        with section(step) as s:
            if step == "fail":
                raise RuntimeError("boom")
            log.append(s)
    with suppress(KeyError):
        {}["x"]
    try:
        with Timer():
            1 / 0
    except ZeroDivisionError as e:
        log.append(str(e))
    return {"outputs": {"log": log}, "error": None}
