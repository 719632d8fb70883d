# inputs: {"people": [{"name": "ann", "age": 30, "city": "Bern"}, {"name": "bob", "age": 25, "city": "Basel"}, {"name": "cy", "age": 30, "city": "Basel"}]}
def get_node():
    return {"name": "operator_tools", "friendly_name": "operator_tools", "description": "corpus program", "category": "Test", "pins": []}


from operator import itemgetter, attrgetter, methodcaller, add, mul
from functools import reduce, singledispatch, cached_property
from collections import ChainMap


class Person:
    def __init__(self, d):
        self.__dict__.update(d)

    @cached_property
    def label(self):
        return f"{self.name}@{self.city}"


@singledispatch
def show(x):
    return f"obj:{x}"


@show.register
def _(x: int):
    return f"int:{x}"


@show.register(list)
def _(x):
    return "list:" + ",".join(show(i) for i in x)


def run(context):
    rows = context["inputs"]["people"]
    people = [Person(r) for r in rows]
    by = sorted(rows, key=itemgetter("age", "name"))
    defaults = {"city": "Zurich", "lang": "de"}
    cm = ChainMap({"lang": "fr"}, defaults)
    return {"outputs": {"by": [r["name"] for r in by], "cities": sorted(map(attrgetter("city"), people)),
                        "upper": list(map(methodcaller("upper"), ["a", "b"])), "sum": reduce(add, range(10)), "prod": reduce(mul, [1, 2, 3, 4]),
                        "label": people[0].label, "show": [show(1), show("x"), show([1, 2])], "cm": [cm["lang"], cm["city"], len(cm)]}, "error": None}
