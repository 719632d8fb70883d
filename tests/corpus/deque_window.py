# inputs: {"series": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], "k": 3}
from collections import deque, defaultdict, OrderedDict


def get_node():
    return {"name": "deque_window", "friendly_name": "deque_window", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    k = context["inputs"]["k"]
    win = deque(maxlen=k)
    avgs = []
    for x in context["inputs"]["series"]:
        win.append(x)
        if len(win) == k:
            avgs.append(round(sum(win) / k, 3))
    buckets = defaultdict(list)
    for x in context["inputs"]["series"]:
        buckets["even" if x % 2 == 0 else "odd"].append(x)
    od = OrderedDict.fromkeys("abc")
    od.move_to_end("a")
    return {"outputs": {"avgs": avgs, "buckets": buckets, "od": list(od), "win": list(win), "rot": list(deque([1, 2, 3]))},
            "error": None}
