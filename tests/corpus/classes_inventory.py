# inputs: {"items": [["apple", 3, 0.5], ["pear", 0, 0.75], ["fig", 12, 0.2]]}
from dataclasses import dataclass, field, asdict


@dataclass
class Item:
    name: str
    qty: int
    price: float
    tags: list = field(default_factory=list)

    @property
    def value(self):
        return self.qty * self.price

    def __str__(self):
        return f"{self.name} x{self.qty} @ {self.price:.2f}"


def get_node():
    return {"name": "classes_inventory", "friendly_name": "classes_inventory", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    items = [Item(*row) for row in context["inputs"]["items"]]
    for it in items:
        if it.qty == 0:
            it.tags.append("out-of-stock")
    items.sort(key=lambda i: i.value, reverse=True)
    return {"outputs": {"lines": [str(i) for i in items], "records": [asdict(i) for i in items],
                        "total": sum(i.value for i in items), "repr": repr(items[0])}, "error": None}
