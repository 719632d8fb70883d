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


def mandelbrot(size, limit):
    # Float-heavy: iterations of z = z*z + c over a size x size grid of
    # the plane [-2, 0.5] x [-1.25, 1.25]; the checksum is the total count
    # of iterations (IEEE doubles give every interpreter the same count).
    total = 0
    step = 2.5 / size
    for row in range(size):
        ci = -1.25 + row * step
        for col in range(size):
            cr = -2.0 + col * step
            zr = 0.0
            zi = 0.0
            n = 0
            while n < limit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


WORDS = ("the quick brown fox jumps over a lazy dog while seven data nodes "
         "parse json rows and flow like water through pipes of python code "
         "Every Node Reads Input, writes output; errors happen! Retry? maybe "
         "(later) \"quoted\" values: alpha beta gamma delta epsilon").split()


def make_text(size):
    # About `size` bytes of text, the same everywhere: words picked by a
    # small linear congruential generator (products stay below 2**30, so
    # no interpreter needs big integers), 12 words a line.
    seed = 1
    lines = []
    line = []
    length = 0
    while length < size:
        seed = (seed * 75 + 74) % 65537
        word = WORDS[seed % len(WORDS)]
        line.append(word)
        length += len(word) + 1
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


TEXT = []


def word_count():
    # String-heavy: tokenise 1 MB of text into lower-case words without
    # punctuation and count them. The text is made once, on first use.
    if not TEXT:
        TEXT.append(make_text(1000000))
    counts = {}
    total = 0
    for line in TEXT[0].split("\n"):
        for word in line.lower().split():
            word = word.strip(".,;:!?()\"'")
            if word:
                counts[word] = counts.get(word, 0) + 1
                total += 1
    top = 0
    for word in counts:
        if counts[word] > top:
            top = counts[word]
    return total * 1000 + len(counts) + top


TASKS = {
    "loop": lambda: loop(1000000),
    "fib": lambda: fib(22),
    "json": json_roundtrip,
    "pystone": lambda: pystone_mix(20000),
    "mandel": lambda: mandelbrot(200, 50),
    "words": word_count,
}

# The order of the benchmark tables.
ORDER = ["loop", "fib", "json", "pystone", "mandel", "words"]


def get_node():
    return {
        "name": "bench_cpu",
        "friendly_name": "CPU benchmark",
        "description": "Runs one CPU-bound task: loop, fib, json, pystone, mandel or words",
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
