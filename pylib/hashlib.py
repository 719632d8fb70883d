# mpnode's hashlib, written from CPython 3.11's documentation, FIPS 180-4,
# RFC 1321 and RFC 7693. MD5 and the SHA-2 family compress their blocks in
# C (_mpn_hash.block, micropython/mpnode_hash.c: sha256 of 1 MiB takes
# ~0.4 s under wasmi); buffering, padding and the objects are here. SHA-1
# and BLAKE2 are pure Python (slow: keep their inputs small). The sha3 and
# shake families are not available.
import _mpn_hash
from _mpn_hash import block as _block

_M32 = 0xffffffff
_M64 = 0xffffffffffffffff


def _words(vals, n, le=False):
    out = bytearray()
    for v in vals:
        for i in range(n):
            out.append((v >> (8 * (i if le else n - 1 - i))) & 255)
    return bytes(out)


def _check(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if type(data).__name__ in ('array', 'memoryview'):
        return bytes(data)
    raise TypeError('object supporting the buffer API required')


_K512 = (
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817)
# _mpn_hash.block's words are 64-bit little-endian, its tables 80 long.
# SHA-256's constants are the first 64 of SHA-512's, cut to their high 32 bits.
# MD5's are the integer parts of 2**32 * abs(sin(i + 1)).
_K = {2: _words(_K512, 8, True), 1: _words([k >> 32 for k in _K512[:64]], 8, True) + bytes(128)}
del _K512
import math
_K[0] = _words([int(abs(math.sin(i + 1)) * 4294967296) for i in range(64)], 8, True) + bytes(128)
del math


class _Hash:
    # Merkle-Damgard hashes: _h holds the chaining value (_iv's words, as
    # 64-bit little-endian words), _buf the bytes of an unfinished block,
    # _len the count.
    block_size = 64
    _kind = 1

    def __init__(self, string=b'', *, usedforsecurity=True):
        self._h = bytearray(_words(self._iv, 8, True) + bytes(64 - 8 * len(self._iv)))
        self._buf = b''
        self._len = 0
        if string:
            self.update(string)

    def _run(self, data, start):
        _block(self._kind, self._h, data, _K[self._kind], start)

    def update(self, data):
        data = _check(data)
        bs = self.block_size
        n = len(data)
        self._len += n
        i = 0
        if self._buf:
            i = bs - len(self._buf)
            buf = self._buf + data[:i]
            if len(buf) < bs:
                self._buf = buf
                return
            self._run(buf, 0)
        end = n - (n - i) % bs
        if end > i:
            self._run(data, i)
        self._buf = bytes(data[end:])

    def copy(self):
        c = type(self)()
        c._h = bytearray(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def digest(self):
        c = self.copy()
        bs = self.block_size
        n = 16 if bs == 128 else 8
        le = self._kind == 0
        c.update(b'\x80' + bytes((bs - n - 1 - self._len) % bs) + _words([self._len * 8], n, le))
        h = c._h
        w = 8 if self._kind == 2 else 4
        return _words([int.from_bytes(h[i:i + 8], 'little') for i in range(0, 8 * len(self._iv), 8)], w, le)[:self.digest_size]

    def hexdigest(self):
        return ''.join(['%02x' % b for b in self.digest()])


class md5(_Hash):
    name = 'md5'
    digest_size = 16
    _kind = 0
    _iv = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)


class sha256(_Hash):
    name = 'sha256'
    digest_size = 32
    _iv = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)


class sha224(sha256):
    name = 'sha224'
    digest_size = 28
    _iv = (0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4)


class sha512(_Hash):
    name = 'sha512'
    digest_size = 64
    block_size = 128
    _kind = 2
    _iv = (0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)


class sha384(sha512):
    name = 'sha384'
    digest_size = 48
    _iv = (0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                  0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4)


def _sha512t(t):
    # FIPS 180-4 5.3.6: SHA-512/t's initial value is SHA-512 (with its
    # initial value xored with a5a5...) of the string 'SHA-512/t'.
    class h(sha512):
        _iv = [v ^ 0xa5a5a5a5a5a5a5a5 for v in sha512._iv]
    d = h(('SHA-512/%d' % t).encode()).digest()
    iv = [int.from_bytes(d[i:i + 8], 'big') for i in range(0, 64, 8)]

    class sha512_t(sha512):
        name = 'sha512_%d' % t
        digest_size = t // 8
        _iv = iv
    return sha512_t


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _M32


class sha1(_Hash):
    name = 'sha1'
    digest_size = 20
    _kind = 3
    _iv = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)

    def _py_run(self, data, start):
        # Without MPN_HASH_SHA1 in the runtime.
        H = [int.from_bytes(self._h[i:i + 8], 'little') for i in range(0, 40, 8)]
        for i in range(start, len(data) - 63, 64):
            w = [int.from_bytes(data[i + j:i + j + 4], 'big') for j in range(0, 64, 4)]
            for t in range(16, 80):
                w.append(_rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1))
            a, b, c, d, e = H
            for t in range(80):
                if t < 20:
                    f = (b & c) | ((b ^ _M32) & d)
                    k = 0x5A827999
                elif t < 40:
                    f = b ^ c ^ d
                    k = 0x6ED9EBA1
                elif t < 60:
                    f = (b & c) | (b & d) | (c & d)
                    k = 0x8F1BBCDC
                else:
                    f = b ^ c ^ d
                    k = 0xCA62C1D6
                a, b, c, d, e = (_rotl(a, 5) + f + e + k + w[t]) & _M32, a, _rotl(b, 30), c, d
            H = [(x + y) & _M32 for x, y in zip(H, (a, b, c, d, e))]
        self._h = bytearray(_words(H, 8, True) + bytes(24))

    if getattr(_mpn_hash, 'sha1', False):
        _K[3] = _words([0x5A827999] * 20 + [0x6ED9EBA1] * 20 + [0x8F1BBCDC] * 20 + [0xCA62C1D6] * 20, 8, True)
    else:
        _run = _py_run


# BLAKE2 (RFC 7693): b has 64-bit words, 12 rounds, 128-byte blocks; s has
# 32-bit words, 10 rounds, 64-byte blocks.
_SIGMA = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
    (14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3),
    (11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4),
    (7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8),
    (9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13),
    (2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9),
    (12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11),
    (13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10),
    (6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5),
    (10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0))
_IV64 = (0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
         0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)


class _Blake2:
    def __init__(self, data=b'', *, digest_size=None, key=b'', salt=b'', person=b'', fanout=1, depth=1,
                 leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True):
        w = self._w
        if digest_size is None:
            digest_size = 8 * w
        if not 1 <= digest_size <= 8 * w:
            raise ValueError('digest_size must be between 1 and %d bytes' % (8 * w))
        for what, v, top in (('key', key, 8 * w), ('salt', salt, 2 * w), ('person', person, 2 * w)):
            _check(v)
            if len(v) > top:
                raise ValueError('maximum %s length is %d bytes' % (what, top))
        p = bytes([digest_size, len(key), fanout, depth]) + _words([leaf_size], 4, True)
        p += _words([node_offset], 8 if w == 8 else 6, True) + bytes([node_depth, inner_size])
        p += bytes(14 if w == 8 else 0) + bytes(salt) + bytes(2 * w - len(salt)) + bytes(person) + bytes(2 * w - len(person))
        m = (1 << 8 * w) - 1
        self._h = [(iv if w == 8 else iv >> 32) ^ int.from_bytes(p[i * w:i * w + w], 'little')
                   for i, iv in enumerate(_IV64)]
        self._m = m
        self._t = 0
        self._buf = b''
        self._last = last_node
        self.digest_size = digest_size
        if key:
            self._buf = bytes(key) + bytes(16 * w - len(key))
        if data:
            self.update(data)

    def _compress(self, block, final):
        w = self._w
        m = self._m
        bits = 8 * w
        r1, r2, r3, r4 = (32, 24, 16, 63) if w == 8 else (16, 12, 8, 7)
        x = [int.from_bytes(block[i:i + w], 'little') for i in range(0, 16 * w, w)]
        v = self._h + [iv if w == 8 else iv >> 32 for iv in _IV64]
        v[12] ^= self._t & m
        v[13] ^= self._t >> bits
        if final:
            v[14] ^= m
            if self._last:
                v[15] ^= m
        for r in range(12 if w == 8 else 10):
            s = _SIGMA[r % 10]
            for i, (a, b, c, d) in enumerate(((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
                                              (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14))):
                va, vb, vc, vd = v[a], v[b], v[c], v[d]
                va = (va + vb + x[s[2 * i]]) & m
                vd ^= va
                vd = (vd >> r1) | ((vd << (bits - r1)) & m)
                vc = (vc + vd) & m
                vb ^= vc
                vb = (vb >> r2) | ((vb << (bits - r2)) & m)
                va = (va + vb + x[s[2 * i + 1]]) & m
                vd ^= va
                vd = (vd >> r3) | ((vd << (bits - r3)) & m)
                vc = (vc + vd) & m
                vb ^= vc
                v[a], v[b], v[c], v[d] = va, (vb >> r4) | ((vb << (bits - r4)) & m), vc, vd
        self._h = [h ^ v[i] ^ v[i + 8] for i, h in enumerate(self._h)]

    def update(self, data):
        data = _check(data)
        bs = self.block_size
        buf = self._buf + data
        i = 0
        while len(buf) - i > bs:
            self._t += bs
            self._compress(buf[i:i + bs], False)
            i += bs
        self._buf = buf[i:]

    def copy(self):
        c = type(self)()
        c._h = list(self._h)
        c._t = self._t
        c._buf = self._buf
        c._last = self._last
        c.digest_size = self.digest_size
        return c

    def digest(self):
        c = self.copy()
        c._t += len(c._buf)
        c._compress(c._buf + bytes(self.block_size - len(c._buf)), True)
        return _words(c._h, self._w, True)[:self.digest_size]

    def hexdigest(self):
        return ''.join(['%02x' % b for b in self.digest()])


class blake2b(_Blake2):
    name = 'blake2b'
    block_size = 128
    _w = 8
    SALT_SIZE = PERSON_SIZE = 16
    MAX_KEY_SIZE = MAX_DIGEST_SIZE = 64


class blake2s(_Blake2):
    name = 'blake2s'
    block_size = 64
    _w = 4
    SALT_SIZE = PERSON_SIZE = 8
    MAX_KEY_SIZE = MAX_DIGEST_SIZE = 32


_BY_NAME = {'md5': md5, 'sha1': sha1, 'sha224': sha224, 'sha256': sha256, 'sha384': sha384, 'sha512': sha512,
            'blake2b': blake2b, 'blake2s': blake2s}
algorithms_guaranteed = set(_BY_NAME)
algorithms_available = algorithms_guaranteed | {'sha512_224', 'sha512_256'}


def new(name, data=b'', **kwargs):
    key = name.lower() if isinstance(name, str) else name
    cls = _BY_NAME.get(key)
    if cls is None and key in ('sha512_224', 'sha512_256'):
        cls = _BY_NAME[key] = _sha512t(int(key[7:]))
    if cls is None:
        if key in ('sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256'):
            raise ValueError('unsupported hash type %s (mpnode has no sha3/shake)' % name)
        raise ValueError('unsupported hash type ' + str(name))
    if cls in (blake2b, blake2s):
        return cls(data, **kwargs)
    kwargs.pop('usedforsecurity', None)
    if kwargs:
        raise TypeError("'%s' is an invalid keyword argument for new()" % list(kwargs)[0])
    return cls(data)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    import hmac
    size = new(hash_name).digest_size
    dklen = dklen or size
    out = b''
    block = 1
    while len(out) < dklen:
        u = hmac.new(password, salt + _words([block], 4), hash_name).digest()
        acc = list(u)
        for _ in range(iterations - 1):
            u = hmac.new(password, u, hash_name).digest()
            acc = [x ^ y for x, y in zip(acc, u)]
        out += bytes(acc)
        block += 1
    return out[:dklen]
