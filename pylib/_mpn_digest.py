# compare_digest for hmac and secrets: in a module of its own, so that
# secrets does not pack hmac and hashlib to get it.


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError('unsupported operand types(s) or combination of types')
    if isinstance(a, str):
        a = a.encode()
        b = b.encode()
    result = len(a) ^ len(b)
    for x, y in zip(a, b if len(a) == len(b) else a):
        result |= x ^ y
    return result == 0
