# inputs: {"events": [["add", "apple", 5], ["add", "pear", 2], ["remove", "apple", 3], ["remove", "kiwi", 1], ["add", "apple", 1], ["remove", "pear", 5]]}
def get_node():
    return {"name": "inventory_pipeline", "friendly_name": "inventory_pipeline", "description": "corpus program", "category": "Test", "pins": []}


from collections import Counter, defaultdict


class StockError(Exception):
    pass


class Inventory:
    def __init__(self):
        self.stock = Counter()
        self.history = defaultdict(list)

    def apply(self, op, item, qty):
        if op == "add":
            self.stock[item] += qty
        elif op == "remove":
            if self.stock[item] < qty:
                raise StockError(f"cannot remove {qty} {item}: only {self.stock[item]}")
            self.stock[item] -= qty
        else:
            raise ValueError(op)
        self.history[item].append((op, qty))


def run(context):
    inv = Inventory()
    errors = []
    for ev in context["inputs"]["events"]:
        try:
            inv.apply(*ev)
        except StockError as e:
            errors.append(str(e))
    inv.stock += Counter()
    return {"outputs": {"stock": dict(inv.stock), "errors": errors, "history": {k: [list(h) for h in v] for k, v in inv.history.items()},
                        "most": inv.stock.most_common(1), "total": sum(inv.stock.values())}, "error": None}
