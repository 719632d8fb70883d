# inputs: {"rows": [{"k": "a", "v": 1}, {"k": "b", "v": 2}, {"k": "a", "v": 3}, {"k": "c", "v": 4}, {"k": "b", "v": 5}]}
from itertools import groupby, accumulate, chain, islice, combinations
from operator import itemgetter


def get_node():
    return {"name": "group_itertools", "friendly_name": "group_itertools", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    rows = sorted(context["inputs"]["rows"], key=itemgetter("k"))
    groups = {k: [r["v"] for r in g] for k, g in groupby(rows, key=itemgetter("k"))}
    values = [r["v"] for r in context["inputs"]["rows"]]
    return {"outputs": {"groups": groups, "running": list(accumulate(values)),
                        "pairs": [list(p) for p in combinations(sorted(groups), 2)],
                        "first3": list(islice(chain.from_iterable(groups.values()), 3))}, "error": None}
