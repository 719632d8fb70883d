# ---- sha256
import hashlib
for d in [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'The quick brown fox jumps over the lazy dog']:
    print(hashlib.sha256(d).hexdigest())
# ---- sha224
import hashlib
print(hashlib.sha224(b'').hexdigest(), hashlib.sha224(b'abc').hexdigest(), hashlib.sha224(b'x' * 100).hexdigest())
# ---- md5
import hashlib
for d in [b'', b'a', b'abc', b'message digest', b'1234567890' * 8]:
    print(hashlib.md5(d).hexdigest())
# ---- sha1
import hashlib
print(hashlib.sha1(b'').hexdigest(), hashlib.sha1(b'abc').hexdigest(), hashlib.sha1(b'q' * 200).hexdigest())
# ---- sha512 sha384
import hashlib
print(hashlib.sha512(b'').hexdigest(), hashlib.sha512(b'abc').hexdigest(), hashlib.sha384(b'abc').hexdigest(), hashlib.sha512(b'z' * 130).hexdigest())
# ---- update copy
import hashlib
h = hashlib.sha256()
h.update(b'hello ')
c = h.copy()
h.update(b'world')
c.update(b'there')
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.digest_size, h.block_size, h.name, hashlib.sha256(b'hello world').hexdigest() == h.hexdigest())
# ---- new
import hashlib
print(hashlib.new('sha256', b'x').hexdigest(), hashlib.new('MD5', b'x').hexdigest(), hashlib.new('sha1').name)
try:
    hashlib.sha256('text')
except TypeError:
    print('TypeError')
# ---- hmac
import hmac, hashlib
print(hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', hashlib.sha256).hexdigest())
print(hmac.new(b'key', b'msg', 'md5').hexdigest(), hmac.digest(b'k', b'm', 'sha1'), hmac.new(b'k' * 100, b'm', 'sha512').hexdigest()[:32])
h = hmac.new(b'secret', digestmod='sha256'); h.update(b'a'); h.update(b'b'); print(h.hexdigest() == hmac.new(b'secret', b'ab', 'sha256').hexdigest(), h.name, h.digest_size)
# ---- compare_digest
import hmac
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'), hmac.compare_digest('a', 'a'), hmac.compare_digest(b'a', b'ab'))
# ---- pbkdf2
import hashlib
import binascii
print(binascii.hexlify(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2)).decode(), len(hashlib.pbkdf2_hmac('sha1', b'p', b's', 1, 7)))
