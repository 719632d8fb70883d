# Times the tasks of cpu.py in the interpreter running this file: CPython
# (python3) or native MicroPython (micropython). Prints one JSON object,
# {"times": task -> median microseconds per call, "checks": task -> the
# task's checksum}. Used by benches/report.rs (`cargo bench --bench report`).
# MicroPython needs a bigger heap than its default for the words task:
#
#   micropython -X heapsize=64M benches/py/timing.py benches/py
#
#   python3 benches/py/timing.py benches/py [loop,fib,...]

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


names = cpu.ORDER
if len(sys.argv) > 2:
    names = [n for n in names if n in sys.argv[2].split(",")]
results = {}
checks = {}
for name in names:
    task = cpu.TASKS[name]
    checks[name] = task()
    times = []
    spent = 0
    while len(times) < 3 or (spent < 2000000 and len(times) < 50):
        t0 = now()
        task()
        t = diff(now(), t0)
        times.append(t)
        spent += t
    results[name] = median(times)

print('{"times": {' + ", ".join('"%s": %.1f' % (k, results[k]) for k in names) + '}, "checks": {'
      + ", ".join('"%s": %d' % (k, checks[k]) for k in names) + "}}")
