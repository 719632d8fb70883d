# inputs: {"people": [["ann", 30], ["bob", 25], ["cat", 30], ["dan", 25], ["eve", 35]]}
def get_node():
    return {"name": "sort_stable", "friendly_name": "sort_stable", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    people = context["inputs"]["people"]
    by_age = sorted(people, key=lambda p: p[1])
    by_age_desc = sorted(people, key=lambda p: p[1], reverse=True)
    mod3 = sorted(range(12), key=lambda x: x % 3)
    oldest = max(people, key=lambda p: p[1])
    return {"outputs": {"by_age": by_age, "desc": by_age_desc, "mod3": mod3, "oldest": oldest,
                        "youngest": min(people, key=lambda p: p[1]), "none": min([], default=None)}, "error": None}
