# Times the tasks of cpu.py in the interpreter running this file: CPython
# (python3) or native MicroPython (micropython). Prints one JSON object,
# task -> median microseconds per call. Used by scripts/bench.sh.
#
#   python3 benches/py/timing.py benches/py
#   micropython benches/py/timing.py benches/py

import sys

try:
    from time import perf_counter

    def now():
        return perf_counter() * 1e6

    def diff(a, b):
        return a - b

except ImportError:  # MicroPython
    import utime

    def now():
        return utime.ticks_us()

    def diff(a, b):
        return utime.ticks_diff(a, b)


sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else ".")
import cpu  # noqa: E402


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


results = {}
for name in ["loop", "fib", "json", "pystone"]:
    task = cpu.TASKS[name]
    task()
    times = []
    spent = 0
    while len(times) < 3 or (spent < 2000000 and len(times) < 50):
        t0 = now()
        task()
        t = diff(now(), t0)
        times.append(t)
        spent += t
    results[name] = median(times)

print("{" + ", ".join('"%s": %.1f' % (k, results[k]) for k in ["loop", "fib", "json", "pystone"]) + "}")
