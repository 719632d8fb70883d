# GC torture: allocates far more than the heap in short-lived objects while
# keeping live structures that are checked at the end. Runs unchanged under
# CPython (tests/runtime.rs compares the two).


def get_node():
    return {"name": "gc_torture", "friendly_name": "GC torture", "description": "test", "category": "Test", "pins": []}


def churn(i):
    # short-lived: a list, a dict, strings and a big int per call
    tmp = [i * k for k in range(16)]
    d = {"k%d" % k: tmp[k] for k in range(0, 16, 3)}
    s = ",".join([str(v) for v in d.values()])
    b = (i + 1) ** 5 * 1000000007
    return len(s) + b % 97


def run(context):
    rounds = context["inputs"]["rounds"]
    keep = {}
    ring = []
    total = 0
    for i in range(rounds):
        total += churn(i)
        if i % 50 == 0:
            # live structures that must survive every collection
            keep["r%d" % i] = [i, str(i) * 3, (i, i + 1)]
            ring.append({"i": i, "sq": i * i})
            if len(ring) > 40:
                ring.pop(0)
        if i % 997 == 0:
            total += sum(len(v[1]) for v in keep.values())
    check = 0
    for k in sorted(keep):
        v = keep[k]
        assert v[1] == str(v[0]) * 3 and v[2] == (v[0], v[0] + 1), k
        check += v[0]
    for r in ring:
        assert r["sq"] == r["i"] * r["i"]
    return {"outputs": {"total": total, "check": check, "kept": len(keep), "ring": [r["i"] for r in ring]}, "error": None}
