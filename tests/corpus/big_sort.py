# inputs: {"n": 5000}
def get_node():
    return {"name": "big_sort", "friendly_name": "big_sort", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    n = context["inputs"]["n"]
    rows = [{"id": i, "group": (i * 7919) % 13, "value": (i * 104729) % 1000 / 10} for i in range(n)]
    rows.sort(key=lambda r: (r["group"], -r["value"], r["id"]))
    totals = {}
    for r in rows:
        totals[r["group"]] = totals.get(r["group"], 0) + r["value"]
    text = ",".join(str(r["id"]) for r in rows)
    return {"outputs": {"head": [r["id"] for r in rows[:10]], "totals": {str(k): round(v, 1) for k, v in totals.items()},
                        "len": len(text), "sum": sum(i * 0.5 for i in range(n))}, "error": None}
