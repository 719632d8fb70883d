# compare_digest for hmac and secrets: in a module of its own, so that
# secrets does not pack hmac and hashlib to get it.


def compare_digest(a, b):
    sa, sb = isinstance(a, str), isinstance(b, str)
    if sa and sb:
        if any(ord(c) > 127 for c in a + b):
            raise TypeError('comparing strings with non-ASCII characters is not supported')
        a, b = a.encode(), b.encode()
    elif sa or sb:
        raise TypeError("a bytes-like object is required, not 'str'")
    elif not isinstance(a, (bytes, bytearray)) or not isinstance(b, (bytes, bytearray)):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    result = len(a) ^ len(b)
    for x, y in zip(a, b if len(a) == len(b) else a):
        result |= x ^ y
    return result == 0
