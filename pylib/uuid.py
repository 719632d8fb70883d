# mpnode's uuid: UUID (parsing, hex, int, bytes, fields, str), uuid4 from
# the host's randomness, uuid3/uuid5 (md5/sha1 in Python), the namespaces.
import binascii as _ba

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = (
    'reserved for NCS compatibility', 'specified in RFC 4122',
    'reserved for Microsoft compatibility', 'reserved for future definition')


class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *, is_safe=None):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given')
        if hex is not None:
            h = hex.replace('urn:', '').replace('uuid:', '').strip('{}').replace('-', '')
            if len(h) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            try:
                int = _int(h, 16)
            except ValueError:
                raise ValueError('badly formed hexadecimal UUID string')
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            b = bytes_le
            bytes = _bytes([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6]]) + _bytes(b[8:])
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            int = _int(_ba.hexlify(bytes), 16)
        if fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            tl, tm, th, hi, lo, node = fields
            int = (tl << 96) | (tm << 80) | (th << 64) | (((hi << 8) | lo) << 48) | node
        if not 0 <= int < 1 << 128:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            int &= ~(0xc000 << 48)
            int |= 0x8000 << 48
            int &= ~(0xf000 << 64)
            int |= version << 76
        self.int = int

    @property
    def hex(self):
        return '%032x' % self.int

    @property
    def bytes(self):
        return _ba.unhexlify(self.hex)

    @property
    def bytes_le(self):
        b = self.bytes
        return _bytes([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6]]) + b[8:]

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version, self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    time_low = property(lambda self: self.int >> 96)
    time_mid = property(lambda self: (self.int >> 80) & 0xffff)
    time_hi_version = property(lambda self: (self.int >> 64) & 0xffff)
    clock_seq_hi_variant = property(lambda self: (self.int >> 56) & 0xff)
    clock_seq_low = property(lambda self: (self.int >> 48) & 0xff)
    node = property(lambda self: self.int & 0xffffffffffff)
    urn = property(lambda self: 'urn:uuid:' + str(self))

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return (self.int >> 76) & 0xf
        return None

    def __str__(self):
        h = self.hex
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def __repr__(self):
        return "UUID('%s')" % str(self)

    def __eq__(self, other):
        return isinstance(other, UUID) and self.int == other.int

    def __lt__(self, other):
        return self.int < other.int

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int


_int = int
_bytes = bytes


def uuid4():
    import secrets
    return UUID(bytes=secrets.token_bytes(16), version=4)


def uuid3(namespace, name):
    import hashlib
    name = _utf8(name)
    return UUID(bytes=hashlib.md5(namespace.bytes + name).digest(), version=3)


def uuid5(namespace, name):
    import hashlib
    name = _utf8(name)
    return UUID(bytes=hashlib.sha1(namespace.bytes + name).digest()[:16], version=5)


def _utf8(name):
    if not isinstance(name, str):
        raise TypeError('encoding without a string argument')
    return name.encode('utf-8')


def uuid1(node=None, clock_seq=None):
    raise NotImplementedError('mpnode: uuid1 needs a MAC address and clock sequence; use uuid4')


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
