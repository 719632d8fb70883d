# mpnode's zlib: the checksums only (crc32, adler32); compression is not
# available in mpnode.
from binascii import crc32


def adler32(data, value=1):
    a = value & 0xffff
    b = (value >> 16) & 0xffff
    for c in bytes(data):
        a = (a + c) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


class error(Exception):
    pass


def compress(*a, **k):
    raise NotImplementedError('mpnode: zlib has crc32 and adler32 only; no compression')


decompress = compressobj = decompressobj = compress
