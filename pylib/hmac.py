# mpnode's hmac (RFC 2104), written from CPython 3.11's documentation.
import hashlib as _hashlib
from _mpn_digest import compare_digest

digest_size = None


def _ctor(digestmod):
    if digestmod is None or digestmod == '':
        raise TypeError("Missing required parameter 'digestmod'.")
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib.new(digestmod, d)
    if not callable(digestmod) and hasattr(digestmod, 'new'):
        return digestmod.new
    return digestmod


class HMAC:
    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError('key: expected bytes or bytearray, but got %r' % type(key).__name__)
        ctor = _ctor(digestmod)
        inner = ctor()
        bs = getattr(inner, 'block_size', 64)
        if len(key) > bs:
            key = ctor(key).digest()
        key = bytes(key) + bytes(bs - len(key))
        inner.update(bytes([b ^ 0x36 for b in key]))
        self._inner = inner
        self._outer = ctor()
        self._outer.update(bytes([b ^ 0x5c for b in key]))
        self.digest_size = inner.digest_size
        self.block_size = bs
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        c = object.__new__(HMAC)
        c._inner = self._inner.copy()
        c._outer = self._outer.copy()
        c.digest_size = self.digest_size
        c.block_size = self.block_size
        return c

    def digest(self):
        o = self._outer.copy()
        o.update(self._inner.digest())
        return o.digest()

    def hexdigest(self):
        return ''.join(['%02x' % b for b in self.digest()])


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    return HMAC(key, msg, digest).digest()
