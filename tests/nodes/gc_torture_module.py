# GC torture in module code: the node's module-level code, an imported
# module's and code run by exec() each allocate far more than the heap in
# short-lived objects while keeping live structures that are checked at the
# end. On mpnode these frames are entered from C (README, "GC roots"), so
# this passes on a small heap only if the GC runs inside them. Runs
# unchanged under CPython (tests/runtime.rs compares the two).
import gc_torture_helper


def get_node():
    return {"name": "gc_torture_module", "friendly_name": "GC torture (module code)", "description": "test",
            "category": "Test", "pins": []}


def churn(i):
    tmp = [i * k for k in range(16)]
    d = {"k%d" % k: tmp[k] for k in range(0, 16, 3)}
    s = ",".join([str(v) for v in d.values()])
    b = (i + 1) ** 5 * 1000000007
    return len(s) + b % 97


# Module level: a loop of its own, with garbage made inline and by calls.
module_keep = {}
module_total = 0
for i in range(600):
    module_total += churn(i)
    junk = ["x%d" % i] * 8 + [str(i * 7919)] * 4
    module_total += len("".join(junk)) + (i * 1000000007) ** 3 % 89
    if i % 40 == 0:
        module_keep["m%d" % i] = [i, str(i) * 3, (i, i + 1)]
del junk

EXEC_SRC = """
def churn2(i):
    parts = [str(i * k) for k in range(12)]
    return len("-".join(parts)) + (i + 3) ** 6 % 101

keep = []
total = 0
for i in range(rounds):
    total += churn2(i)
    t = {str(i): [i] * 6, "b": bytes(20), "big": (i + 7) ** 9}
    total += len(t) + t["big"] % 13
    if i % 50 == 0:
        keep.append((i, "k" * (i % 7 + 1), [i, i * 2]))
check = 0
for k in keep:
    assert k[1] == "k" * (k[0] % 7 + 1) and k[2] == [k[0], k[0] * 2], k
    check += k[0]
"""


def run(context):
    rounds = context["inputs"]["rounds"]
    ns = {"rounds": rounds}
    if context["inputs"].get("via_c"):
        # exec called back by C code (map): not clean, so never collected
        # inside; on a small heap this must run out of memory
        list(map(lambda src: exec(src, ns), [EXEC_SRC]))
    exec(EXEC_SRC, ns)
    check = 0
    for k in sorted(module_keep):
        v = module_keep[k]
        assert v[1] == str(v[0]) * 3 and v[2] == (v[0], v[0] + 1), k
        check += v[0]
    return {"outputs": {"module_total": module_total, "module_check": check, "module_kept": len(module_keep),
                        "exec_total": ns["total"], "exec_check": ns["check"], "exec_kept": len(ns["keep"]),
                        "helper": gc_torture_helper.summary()}, "error": None}
