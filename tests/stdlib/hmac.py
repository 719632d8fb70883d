# ---- hmac sha256
import hmac, hashlib
print(hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', hashlib.sha256).hexdigest())
# ---- digestmod forms
import hmac, hashlib
print(hmac.new(b'key', b'msg', 'md5').hexdigest(), hmac.new(b'key', b'msg', digestmod='SHA384').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.sha512).hexdigest() == hmac.new(b'key', b'msg', 'sha512').hexdigest())
# ---- hmac.digest
import hmac
print(hmac.digest(b'k', b'm', 'sha1'), hmac.digest(b'k', b'm', 'sha224').hex())
# ---- long keys
import hmac
for name, n in [('sha256', 64), ('sha256', 65), ('sha256', 200), ('sha512', 128), ('sha512', 129), ('md5', 100), ('sha1', 80), ('sha384', 131)]:
    print(name, n, hmac.new(bytes(range(n)), b'data' * 10, name).hexdigest())
# ---- update chaining
import hmac
h = hmac.new(b'secret', digestmod='sha256')
h.update(b'a')
h.update(bytearray(b'b'))
print(h.hexdigest() == hmac.new(b'secret', b'ab', 'sha256').hexdigest(), h.name, h.digest_size, h.block_size)
# ---- copy
import hmac
h = hmac.new(b'secret', b'start', 'sha256')
c = h.copy()
c.update(b' more')
h.update(b' other')
print(h.hexdigest(), c.hexdigest(), c.name, c.digest_size, type(c).__name__)
print(c.hexdigest() == hmac.new(b'secret', b'start more', 'sha256').hexdigest())
# ---- blake2 digestmod
import hmac
print(hmac.new(b'k', b'm', 'blake2s').hexdigest(), hmac.new(b'k', b'm', 'blake2s').name)
# ---- compare_digest
import hmac
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'), hmac.compare_digest('a', 'a'), hmac.compare_digest(b'a', b'ab'))
print(hmac.compare_digest(bytearray(b'xy'), b'xy'), hmac.compare_digest(b'', b''))
# ---- errors
import hmac
for f in [lambda: hmac.new('k', b'm', 'sha256'), lambda: hmac.new(b'k', b'm'), lambda: hmac.new(b'k', 'm', 'sha256'),
          lambda: hmac.compare_digest('a', b'a'), lambda: hmac.compare_digest('\xe9', '\xe9')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
# ---- bytearray key and empty message
import hmac
print(hmac.new(bytearray(b'key'), b'', 'sha256').hexdigest(), hmac.new(b'', b'', 'md5').hexdigest())
