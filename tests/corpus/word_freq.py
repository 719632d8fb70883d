# inputs: {"text": "the cat and the hat. The cat sat; the HAT sat too! and-and"}
import re
from collections import Counter


def get_node():
    return {"name": "word_freq", "friendly_name": "word_freq", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    words = re.findall(r"[a-z]+", context["inputs"]["text"].lower())
    c = Counter(words)
    return {"outputs": {"top": c.most_common(3), "counts": dict(c), "unique": sorted(set(words)),
                        "total": sum(c.values())}, "error": None}
