# inputs: {"n": 60, "words": ["banana", "Apple", "cherry", "apple"]}
from functools import lru_cache, reduce, partial, cmp_to_key


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def compare(a, b):
    return (a.lower() > b.lower()) - (a.lower() < b.lower()) or (a > b) - (a < b)


def get_node():
    return {"name": "functools_cache", "friendly_name": "functools_cache", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    n = context["inputs"]["n"]
    words = context["inputs"]["words"]
    join_dash = partial("-".join)
    return {"outputs": {"fib": fib(n), "product": reduce(lambda a, b: a * b, range(1, 25)),
                        "sorted": sorted(words, key=cmp_to_key(compare)), "joined": join_dash(words),
                        "info": fib.cache_info().hits > 0}, "error": None}
