# inputs: {"xs": [2.5, 3.1, 4.8, 1.2, 9.9, 3.1, 7.0]}
import statistics
import math


def get_node():
    return {"name": "stats_numbers", "friendly_name": "stats_numbers", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    xs = context["inputs"]["xs"]
    return {"outputs": {
        "mean": statistics.mean(xs), "median": statistics.median(xs), "mode": statistics.mode(xs),
        "stdev": round(statistics.stdev(xs), 6), "pstdev": statistics.pstdev(xs),
        "sum": sum(xs), "fsum": math.fsum(xs), "hyp": math.hypot(3, 4), "floor": math.floor(-2.5),
        "sqrt2": math.sqrt(2), "third": 1 / 3, "big": 2 ** 100, "div": 7 // -2, "mod": -7 % 3,
        "round": [round(x) for x in (0.5, 1.5, 2.5, -0.5)], "r2": round(2.675, 2),
    }, "error": None}
