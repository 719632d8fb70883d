# CPU-bound work for the benchmarks, the same source under mpnode (as a node)
# and CPython (imported by scripts/bench.sh). Each task returns a checksum
# that both must agree on.

try:
    import json
except ImportError:  # native MicroPython's unix port names it ujson
    import ujson as json


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def make_doc():
    # About 10 KB of JSON: 80 records of strings, numbers, lists, nesting.
    records = []
    for i in range(80):
        records.append({
            "id": i,
            "name": "item-%d" % i,
            "tags": ["t%d" % (i % 7), "group-%d" % (i % 3)],
            "price": i * 1.25,
            "active": i % 2 == 0,
            "dims": {"w": i, "h": i * 2, "d": None},
        })
    return {"records": records, "count": len(records), "source": "mpnode benchmark"}


DOC = make_doc()


def json_roundtrip():
    text = json.dumps(DOC)
    back = json.loads(text)
    return len(text) + len(back["records"])


def pystone_mix(n):
    # A small pystone-style mix: classes, attribute access, lists, strings,
    # dicts and branches.
    class Record:
        def __init__(self, a, b):
            self.a = a
            self.b = b

        def mix(self, k):
            if k % 3 == 0:
                return self.a + k
            elif k % 3 == 1:
                return self.b * 2
            return self.a - self.b

    records = [Record(i, i + 1) for i in range(10)]
    table = {}
    acc = 0
    for i in range(n):
        r = records[i % 10]
        acc += r.mix(i)
        key = "k" + str(i % 50)
        table[key] = table.get(key, 0) + 1
        if acc > 1000000:
            acc -= 1000000
    return acc + len(table)


TASKS = {
    "loop": lambda: loop(1000000),
    "fib": lambda: fib(22),
    "json": json_roundtrip,
    "pystone": lambda: pystone_mix(20000),
}


def get_node():
    return {
        "name": "bench_cpu",
        "friendly_name": "CPU benchmark",
        "description": "Runs one CPU-bound task: loop, fib, json or pystone",
        "category": "Benchmark",
        "pins": [
            {"name": "exec", "friendly_name": "Exec", "description": "", "pin_type": "Input", "data_type": "Execution"},
            {"name": "task", "friendly_name": "Task", "description": "", "pin_type": "Input", "data_type": "String"},
            {"name": "exec_out", "friendly_name": "Done", "description": "", "pin_type": "Output", "data_type": "Execution"},
            {"name": "result", "friendly_name": "Result", "description": "", "pin_type": "Output", "data_type": "Integer"},
        ],
    }


def run(context):
    task = context["inputs"].get("task", "loop")
    return {"outputs": {"result": TASKS[task]()}, "error": None}
