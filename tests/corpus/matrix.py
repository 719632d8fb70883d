# inputs: {"a": [[1, 2], [3, 4]], "b": [[5, 6], [7, 8]]}
def get_node():
    return {"name": "matrix", "friendly_name": "matrix", "description": "corpus program", "category": "Test", "pins": []}


def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def run(context):
    a, b = context["inputs"]["a"], context["inputs"]["b"]
    t = [list(r) for r in zip(*a)]
    flat = [x for row in a for x in row]
    return {"outputs": {"product": matmul(a, b), "transpose": t, "flat": flat, "any": any(x > 3 for x in flat),
                        "all": all(flat), "chain": 1 < 2 < 3 > 2, "det": a[0][0] * a[1][1] - a[0][1] * a[1][0],
                        "scaled": [[x / 3 for x in r] for r in a]}, "error": None}
