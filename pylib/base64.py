# mpnode's base64: standard, URL-safe, base32 (and base32hex), base16,
# base85 and a85, written from CPython 3.11's documentation (RFC 4648).
import ubinascii as _ba
from binascii import Error

try:
    _BL = (bytes, bytearray, memoryview)
except NameError:
    _BL = (bytes, bytearray)


def _bytes(s, name='argument'):
    if isinstance(s, str):
        try:
            return s.encode('ascii') if all(ord(c) < 128 for c in s) else _raise_ascii()
        except UnicodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, _BL):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def _raise_ascii():
    raise ValueError('string argument should contain only ASCII characters')


def _tr(b, a, z):
    if not a:
        return b
    table = {}
    for x, y in zip(a, z):
        table[x] = y
    return bytes([table.get(c, c) for c in b])


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def b64encode(s, altchars=None):
    if not isinstance(s, _BL):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    out = _ba.b2a_base64(bytes(s))[:-1]
    if altchars is not None:
        out = _tr(out, b'+/', _bytes(altchars))
    return out


def b64decode(s, altchars=None, validate=False):
    s = _bytes(s)
    if altchars is not None:
        s = _tr(s, _bytes(altchars), b'+/')
    if validate:
        for c in s:
            if c not in _B64 and c != 61:
                raise Error('Non-base64 digit found')
    else:
        s = bytes([c for c in s if c in _B64 or c == 61])
    data = s.rstrip(b'=')
    if len(data) % 4 == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4' % len(data))
    if len(s) % 4:
        raise Error('Incorrect padding')
    try:
        return _ba.a2b_base64(s)
    except ValueError:
        raise Error('Incorrect padding')


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    return b64decode(_tr(_bytes(s), b'-_', b'+/'))


_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32H = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32enc(s, alphabet):
    if not isinstance(s, _BL):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    s = bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = len(chunk)
        v = 0
        for c in chunk + bytes(5 - n):
            v = (v << 8) | c
        for k in range(8):
            out.append(alphabet[(v >> (35 - 5 * k)) & 31])
        pad = {1: 6, 2: 4, 3: 3, 4: 1, 5: 0}[n]
        if pad:
            out = bytearray(bytes(out[:len(out) - pad]) + b'=' * pad)
    return bytes(out)


def _b32dec(s, alphabet, casefold, map01):
    s = _bytes(s)
    if len(s) % 8:
        raise Error('Incorrect padding')
    if map01 is not None:
        s = _tr(s, b'01', b'O' + _bytes(map01))
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b'=')
    pad = len(s) - len(stripped)
    if pad not in (0, 1, 3, 4, 6):
        raise Error('Incorrect padding')
    out = bytearray()
    for i in range(0, len(s), 8):
        v = 0
        for c in s[i:i + 8]:
            if c == 61:
                v <<= 5
                continue
            k = alphabet.find(bytes([c]))
            if k < 0:
                raise Error('Non-base32 digit found')
            v = (v << 5) | k
        out.extend(bytes([(v >> (32 - 8 * j)) & 255 for j in range(5)]))
    if pad:
        out = out[:len(out) - {1: 1, 3: 2, 4: 3, 6: 4}[pad]]
    return bytes(out)


def b32encode(s):
    return _b32enc(s, _B32)


def b32decode(s, casefold=False, map01=None):
    return _b32dec(s, _B32, casefold, map01)


def b32hexencode(s):
    return _b32enc(s, _B32H)


def b32hexdecode(s, casefold=False):
    return _b32dec(s, _B32H, casefold, None)


def b16encode(s):
    if not isinstance(s, _BL):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    return _ba.hexlify(bytes(s)).upper()


def b16decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise Error('Non-base16 digit found')
    return _ba.unhexlify(s)


_B85 = b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~'


def _85enc(b, chars, pad, foldnuls=False, foldspaces=False):
    if not isinstance(b, _BL):
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
    b = bytes(b)
    padding = (-len(b)) % 4
    if padding:
        b = b + bytes(padding)
    out = bytearray()
    for i in range(0, len(b), 4):
        word = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]
        if foldnuls and not word:
            out.extend(b'z')
            continue
        if foldspaces and word == 0x20202020:
            out.extend(b'y')
            continue
        digits = []
        for _ in range(5):
            word, r = divmod(word, 85)
            digits.append(chars[r])
        digits.reverse()
        out.extend(bytes(digits))
    if padding and not pad:
        if out[-1:] == b'z':
            out = out[:-1] + chars[0:1] * 5
        out = out[:len(out) - padding]
    return bytes(out)


def b85encode(b, pad=False):
    return _85enc(b, _B85, pad)


def b85decode(b):
    b = _bytes(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for c in b[i:i + 5]:
            k = _B85.find(bytes([c]))
            if k < 0:
                raise ValueError('bad base85 character at position %d' % (i,))
            acc = acc * 85 + k
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out.extend(bytes([(acc >> 24) & 255, (acc >> 16) & 255, (acc >> 8) & 255, acc & 255]))
    if padding:
        out = out[:-padding]
    return bytes(out)


_A85 = bytes(range(33, 118))


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    out = _85enc(b, _A85, pad, True, foldspaces)
    if adobe:
        out = b'<~' + out
    if wrapcol and out:
        w = max(2 if adobe else 1, wrapcol)
        out = b'\n'.join([out[i:i + w] for i in range(0, len(out), w)])
    if adobe:
        out += b'~>'
    return out


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\x0b'):
    b = _bytes(b)
    if adobe:
        if not b.endswith(b'~>'):
            raise ValueError('Ascii85 encoded byte sequences must end with b"~>"')
        b = b[2:-2] if b.startswith(b'<~') else b[:-2]
    out = bytearray()
    cur = []
    for c in b:
        if c in ignorechars:
            continue
        if c == 122 and not cur:
            out.extend(bytes(4))
            continue
        if c == 121 and foldspaces and not cur:
            out.extend(b'    ')
            continue
        if not 33 <= c <= 117:
            raise ValueError('Non-Ascii85 digit found: %s' % chr(c))
        cur.append(c - 33)
        if len(cur) == 5:
            acc = 0
            for d in cur:
                acc = acc * 85 + d
            out.extend(bytes([(acc >> 24) & 255, (acc >> 16) & 255, (acc >> 8) & 255, acc & 255]))
            cur = []
    if cur:
        n = len(cur)
        cur += [84] * (5 - n)
        acc = 0
        for d in cur:
            acc = acc * 85 + d
        out.extend(bytes([(acc >> 24) & 255, (acc >> 16) & 255, (acc >> 8) & 255, acc & 255])[:n - 1])
    return bytes(out)


def encodebytes(s):
    s = bytes(s)
    out = []
    for i in range(0, len(s), 57):
        out.append(_ba.b2a_base64(s[i:i + 57]))
    return b''.join(out)


def decodebytes(s):
    return b64decode(s)
