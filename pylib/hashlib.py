# mpnode's hashlib: md5, sha1, sha224, sha256, sha384, sha512 in pure
# Python (FIPS 180-4, RFC 1321). Slow under wasmi: see BENCHMARKS.md.
# blake2b/blake2s and the sha3 family are not available.

_K256 = (
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2)

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

_M32 = 0xffffffff
_M64 = 0xffffffffffffffff


def _be(b, i, n):
    v = 0
    for k in range(i, i + n):
        v = (v << 8) | b[k]
    return v


def _to_be(v, n):
    return bytes([(v >> (8 * (n - 1 - i))) & 255 for i in range(n)])


def _to_le(v, n):
    return bytes([(v >> (8 * i)) & 255 for i in range(n)])


class _Hash:
    block_size = 64

    def __init__(self, data=b'', usedforsecurity=True):
        self._h = list(self._init)
        self._buf = b''
        self._len = 0
        if data:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        bs = self.block_size
        n = len(buf) - len(buf) % bs
        for i in range(0, n, bs):
            self._block(buf, i)
        self._buf = buf[n:]

    def copy(self):
        c = type(self).__new__(type(self)) if False else _blank(type(self))
        c._h = list(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def digest(self):
        c = self.copy()
        bs = self.block_size
        lenbytes = 16 if bs == 128 else 8
        bits = c._len * 8
        pad = b'\x80' + bytes((bs - lenbytes - 1 - c._len) % bs)
        tail = _to_le(bits, 8) if self._le else _to_be(bits, lenbytes)
        data = c._buf + pad + tail
        for i in range(0, len(data), bs):
            c._block(data, i)
        return c._out()

    def hexdigest(self):
        return ''.join(['%02x' % b for b in self.digest()])


def _blank(cls):
    o = cls()
    return o


def _rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & _M32


class _Sha256(_Hash):
    name = 'sha256'
    digest_size = 32
    _le = False
    _init = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    def _block(self, b, i):
        w = [_be(b, i + 4 * t, 4) for t in range(16)]
        for t in range(16, 64):
            x, y = w[t - 15], w[t - 2]
            s0 = _rotr(x, 7) ^ _rotr(x, 18) ^ (x >> 3)
            s1 = _rotr(y, 17) ^ _rotr(y, 19) ^ (y >> 10)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _M32)
        a, bb, c, d, e, f, g, h = self._h
        K = _K256
        for t in range(64):
            S1 = _rotr(e, 6) ^ _rotr(e, 11) ^ _rotr(e, 25)
            ch = (e & f) ^ (~e & g)
            t1 = (h + S1 + ch + K[t] + w[t]) & _M32
            S0 = _rotr(a, 2) ^ _rotr(a, 13) ^ _rotr(a, 22)
            maj = (a & bb) ^ (a & c) ^ (bb & c)
            t2 = S0 + maj
            h, g, f, e, d, c, bb, a = g, f, e, (d + t1) & _M32, c, bb, a, (t1 + t2) & _M32
        H = self._h
        for k, v in enumerate((a, bb, c, d, e, f, g, h)):
            H[k] = (H[k] + v) & _M32

    def _out(self):
        return b''.join([_to_be(v, 4) for v in self._h])[:self.digest_size]


class _Sha224(_Sha256):
    name = 'sha224'
    digest_size = 28
    _init = (0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4)


def _rotr64(x, n):
    return ((x >> n) | (x << (64 - n))) & _M64


class _Sha512(_Hash):
    name = 'sha512'
    digest_size = 64
    block_size = 128
    _le = False
    _init = (0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
             0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)

    def _block(self, b, i):
        w = [_be(b, i + 8 * t, 8) for t in range(16)]
        for t in range(16, 80):
            x, y = w[t - 15], w[t - 2]
            s0 = _rotr64(x, 1) ^ _rotr64(x, 8) ^ (x >> 7)
            s1 = _rotr64(y, 19) ^ _rotr64(y, 61) ^ (y >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _M64)
        a, bb, c, d, e, f, g, h = self._h
        K = _K512
        for t in range(80):
            S1 = _rotr64(e, 14) ^ _rotr64(e, 18) ^ _rotr64(e, 41)
            ch = (e & f) ^ ((e ^ _M64) & g)
            t1 = (h + S1 + ch + K[t] + w[t]) & _M64
            S0 = _rotr64(a, 28) ^ _rotr64(a, 34) ^ _rotr64(a, 39)
            maj = (a & bb) ^ (a & c) ^ (bb & c)
            h, g, f, e, d, c, bb, a = g, f, e, (d + t1) & _M64, c, bb, a, (t1 + S0 + maj) & _M64
        H = self._h
        for k, v in enumerate((a, bb, c, d, e, f, g, h)):
            H[k] = (H[k] + v) & _M64

    def _out(self):
        return b''.join([_to_be(v, 8) for v in self._h])[:self.digest_size]


class _Sha384(_Sha512):
    name = 'sha384'
    digest_size = 48
    _init = (0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
             0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4)


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _M32


class _Sha1(_Hash):
    name = 'sha1'
    digest_size = 20
    _le = False
    _init = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)

    def _block(self, b, i):
        w = [_be(b, i + 4 * t, 4) for t in range(16)]
        for t in range(16, 80):
            w.append(_rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1))
        a, bb, c, d, e = self._h
        for t in range(80):
            if t < 20:
                f = (bb & c) | ((bb ^ _M32) & d)
                k = 0x5A827999
            elif t < 40:
                f = bb ^ c ^ d
                k = 0x6ED9EBA1
            elif t < 60:
                f = (bb & c) | (bb & d) | (c & d)
                k = 0x8F1BBCDC
            else:
                f = bb ^ c ^ d
                k = 0xCA62C1D6
            a, bb, c, d, e = (_rotl(a, 5) + f + e + k + w[t]) & _M32, a, _rotl(bb, 30), c, d
        H = self._h
        for k2, v in enumerate((a, bb, c, d, e)):
            H[k2] = (H[k2] + v) & _M32

    def _out(self):
        return b''.join([_to_be(v, 4) for v in self._h])


_S = (7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
      5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21,
      6, 10, 15, 21, 6, 10, 15, 21)
_T = None


class _Md5(_Hash):
    name = 'md5'
    digest_size = 16
    _le = True
    _init = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)

    def _block(self, b, i):
        global _T
        if _T is None:
            import math
            _T = [int(abs(math.sin(k + 1)) * 4294967296) & _M32 for k in range(64)]
        x = [b[i + 4 * t] | (b[i + 4 * t + 1] << 8) | (b[i + 4 * t + 2] << 16) | (b[i + 4 * t + 3] << 24) for t in range(16)]
        a, bb, c, d = self._h
        for t in range(64):
            if t < 16:
                f = (bb & c) | ((bb ^ _M32) & d)
                g = t
            elif t < 32:
                f = (d & bb) | ((d ^ _M32) & c)
                g = (5 * t + 1) % 16
            elif t < 48:
                f = bb ^ c ^ d
                g = (3 * t + 5) % 16
            else:
                f = c ^ (bb | (d ^ _M32))
                g = (7 * t) % 16
            f = (f + a + _T[t] + x[g]) & _M32
            a, d, c = d, c, bb
            bb = (bb + _rotl(f, _S[t])) & _M32
        H = self._h
        for k, v in enumerate((a, bb, c, d)):
            H[k] = (H[k] + v) & _M32

    def _out(self):
        return b''.join([_to_le(v, 4) for v in self._h])


md5 = _Md5
sha1 = _Sha1
sha224 = _Sha224
sha256 = _Sha256
sha384 = _Sha384
sha512 = _Sha512
_BY_NAME = {'md5': md5, 'sha1': sha1, 'sha224': sha224, 'sha256': sha256, 'sha384': sha384, 'sha512': sha512}
algorithms_guaranteed = algorithms_available = set(_BY_NAME)


def new(name, data=b'', **kw):
    cls = _BY_NAME.get(name.lower())
    if cls is None:
        raise ValueError('unsupported hash type ' + name + ' (mpnode has md5, sha1, sha224, sha256, sha384, sha512)')
    return cls(data)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    import hmac
    size = new(hash_name).digest_size
    dklen = dklen or size
    out = b''
    block = 1
    while len(out) < dklen:
        u = hmac.new(password, salt + _to_be(block, 4), hash_name).digest()
        acc = list(u)
        for _ in range(iterations - 1):
            u = hmac.new(password, u, hash_name).digest()
            acc = [x ^ y for x, y in zip(acc, u)]
        out += bytes(acc)
        block += 1
    return out[:dklen]
