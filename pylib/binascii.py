# mpnode's binascii: the C module (ubinascii: hexlify, unhexlify,
# a2b_base64, b2a_base64) plus Error, Incomplete, the *_hex aliases and
# crc32/crc_hqx in Python.
from ubinascii import hexlify as _hexlify, unhexlify as _unhexlify, a2b_base64 as _a2b, b2a_base64 as _b2a


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def hexlify(data, sep=None, bytes_per_sep=1):
    h = _hexlify(bytes(data))
    if sep is None:
        return h
    if isinstance(sep, str):
        sep = sep.encode()
    step = 2 * abs(bytes_per_sep)
    if bytes_per_sep > 0:
        start = len(h) % step
        parts = ([h[:start]] if start else []) + [h[i:i + step] for i in range(start, len(h), step)]
    else:
        parts = [h[i:i + step] for i in range(0, len(h), step)]
    return sep.join(parts)


b2a_hex = hexlify


def unhexlify(data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) % 2:
        raise Error('Odd-length string')
    try:
        return _unhexlify(data)
    except ValueError:
        raise Error('Non-hexadecimal digit found')


a2b_hex = unhexlify


def a2b_base64(data, strict_mode=False):
    if isinstance(data, str):
        data = data.encode()
    try:
        return _a2b(data)
    except ValueError as e:
        raise Error(str(e))


def b2a_base64(data, newline=True):
    out = _b2a(bytes(data))
    return out if newline else out[:-1]


_CRC = None


def crc32(data, value=0):
    global _CRC
    if _CRC is None:
        _CRC = []
        for n in range(256):
            c = n
            for _ in range(8):
                c = (0xedb88320 ^ (c >> 1)) if c & 1 else c >> 1
            _CRC.append(c)
    crc = value ^ 0xffffffff
    t = _CRC
    for b in bytes(data):
        crc = t[(crc ^ b) & 255] ^ (crc >> 8)
    return crc ^ 0xffffffff


def crc_hqx(data, value):
    crc = value
    for b in bytes(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xffff if crc & 0x8000 else (crc << 1) & 0xffff
    return crc
