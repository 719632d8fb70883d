# mpnode's secrets: tokens from the host's randomness (the C generator the
# runtime seeds from flowlike_meta.random at every instantiation).
import urandom as _ur
import base64 as _b64
import binascii as _ba
from _mpn_digest import compare_digest

DEFAULT_ENTROPY = 32


def randbits(k):
    r = 0
    shift = 0
    while k > 0:
        n = 16 if k >= 16 else k
        r |= _ur.getrandbits(n) << shift
        shift += n
        k -= n
    return r


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError('Upper bound must be positive.')
    k = 0
    while exclusive_upper_bound >> k:
        k += 1
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[randbelow(len(seq))]


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return bytes([_ur.getrandbits(8) for _ in range(nbytes)])


def token_hex(nbytes=None):
    return _ba.hexlify(token_bytes(nbytes)).decode()


def token_urlsafe(nbytes=None):
    return _b64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b'=').decode()


class SystemRandom:
    def random(self):
        return randbits(53) / 9007199254740992

    def randrange(self, start, stop=None):
        if stop is None:
            return randbelow(start)
        return start + randbelow(stop - start)

    def randint(self, a, b):
        return a + randbelow(b - a + 1)

    def choice(self, seq):
        return choice(seq)

    def getrandbits(self, k):
        return randbits(k)
