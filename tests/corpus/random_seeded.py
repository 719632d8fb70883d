# inputs: {"seed": 42}
import random


def get_node():
    return {"name": "random_seeded", "friendly_name": "random_seeded", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    rng = random.Random(context["inputs"]["seed"])
    deck = list(range(10))
    rng.shuffle(deck)
    random.seed(7)
    return {"outputs": {"ints": [rng.randint(1, 6) for _ in range(5)], "deck": deck, "choice": rng.choice("abcdef"),
                        "sample": rng.sample(range(100), 4), "uniform": rng.random(), "global": random.randrange(1000),
                        "choices": random.choices("xyz", weights=[1, 2, 3], k=4)}, "error": None}
