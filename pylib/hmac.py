# mpnode's hmac (RFC 2104), written from CPython 3.11's documentation.
import hashlib as _hashlib
from _mpn_digest import compare_digest


def _ctor(digestmod):
    if digestmod is None:
        raise TypeError("Missing required parameter 'digestmod'.")
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib.new(digestmod, d)
    return digestmod


class HMAC:
    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError('key: expected bytes or bytearray, but got %r' % type(key).__name__)
        ctor = _ctor(digestmod if digestmod != '' else None)
        self._ctor = ctor
        inner = ctor()
        bs = inner.block_size
        key = bytes(key)
        if len(key) > bs:
            key = ctor(key).digest()
        key = key + bytes(bs - len(key))
        self._inner = inner
        self._inner.update(bytes([b ^ 0x36 for b in key]))
        self._outer = ctor()
        self._outer.update(bytes([b ^ 0x5c for b in key]))
        self.digest_size = inner.digest_size
        self.block_size = bs
        self.name = 'hmac-' + inner.name
        if msg is not None:
            self.update(msg)

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        c = HMAC.__new__(HMAC) if False else _Blank()
        c.__class__ = HMAC
        return c

    def digest(self):
        o = self._outer.copy()
        o.update(self._inner.digest())
        return o.digest()

    def hexdigest(self):
        return ''.join(['%02x' % b for b in self.digest()])


class _Blank:
    pass


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    return HMAC(key, msg, digest).digest()
