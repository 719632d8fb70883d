# inputs: {"depth": 300}
def get_node():
    return {"name": "recursion_tree", "friendly_name": "recursion_tree", "description": "corpus program", "category": "Test", "pins": []}


def build(n):
    return {"id": n, "children": [build(n - 1)] if n else []}


def depth(node):
    return 1 + max((depth(c) for c in node["children"]), default=0)


def count(node):
    return 1 + sum(count(c) for c in node["children"])


def run(context):
    tree = build(context["inputs"]["depth"])
    return {"outputs": {"depth": depth(tree), "count": count(tree)}, "error": None}
