# inputs: {"n": 6, "k": 3}
def get_node():
    return {"name": "math_combinatorics", "friendly_name": "math_combinatorics", "description": "corpus program", "category": "Test", "pins": []}


import math
from itertools import permutations, product, combinations_with_replacement
from fractions import Fraction


def run(context):
    n, k = context["inputs"]["n"], context["inputs"]["k"]
    return {"outputs": {"comb": math.comb(n, k), "perm": math.perm(n, k), "fact": math.factorial(20), "gcd": math.gcd(84, 36),
                        "lcm": math.lcm(4, 6), "prod": math.prod([1.5, 2, 3]), "isclose": math.isclose(0.1 + 0.2, 0.3),
                        "perms": ["".join(p) for p in permutations("abc", 2)], "grid": list(product([0, 1], repeat=2)),
                        "cwr": len(list(combinations_with_replacement(range(4), 2))), "frac": str(Fraction(3, 4) + Fraction(1, 6)),
                        "frac_f": str(Fraction(0.75)), "log": math.log(1000, 10), "trunc": math.trunc(-3.7), "ceil": math.ceil(2.1),
                        "dist": math.dist((0, 0), (3, 4)), "degrees": math.degrees(math.pi), "e": math.exp(1)}, "error": None}
