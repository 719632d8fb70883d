# inputs: {"n": 20}
def get_node():
    return {"name": "generators", "friendly_name": "generators", "description": "corpus program", "category": "Test", "pins": []}


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def run(context):
    gen = primes()
    ps = [next(gen) for _ in range(context["inputs"]["n"])]
    squares = (x * x for x in ps)
    total = sum(squares)
    return {"outputs": {"primes": ps, "total": total, "chunks": list(chunks(ps, 6)),
                        "evens": list(filter(lambda x: x % 2 == 0, range(10))), "rev": ps[::-3],
                        "zipped": dict(zip("abc", ps)), "enum": list(enumerate("xy", start=1))}, "error": None}
