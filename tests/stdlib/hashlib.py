# ---- sha256 vectors
import hashlib
for d in [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'The quick brown fox jumps over the lazy dog']:
    print(hashlib.sha256(d).hexdigest())
# ---- boundary lengths, every native digest
import hashlib
for name in ['md5', 'sha224', 'sha256', 'sha384', 'sha512']:
    for n in [1, 55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 191, 192, 256, 1000]:
        print(name, n, hashlib.new(name, bytes([(i * 7 + n) & 255 for i in range(n)])).hexdigest())
# ---- split updates equal one update
import hashlib
data = bytes(range(256)) * 3
for name in ['md5', 'sha256', 'sha512', 'sha384', 'sha224']:
    whole = hashlib.new(name, data).hexdigest()
    for cut in [(1, 2), (63, 64), (64, 128), (100, 101), (127, 300), (0, 768)]:
        h = hashlib.new(name)
        h.update(data[:cut[0]])
        h.update(bytearray(data[cut[0]:cut[1]]))
        h.update(data[cut[1]:])
        print(name, cut, h.hexdigest() == whole)
# ---- 1 MiB sha256 (native speed)
import hashlib
h = hashlib.sha256(b'\xa5' * (1 << 20))
print(h.hexdigest())
print(hashlib.md5(b'z' * (1 << 18)).hexdigest(), hashlib.sha512(b'y' * (1 << 18)).hexdigest())
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
h = hashlib.sha1(b'a' * 63)
h.update(b'b' * 66)
print(h.hexdigest(), h.copy().hexdigest(), h.digest_size, h.block_size, h.name)
# ---- sha512 sha384
import hashlib
print(hashlib.sha512(b'').hexdigest(), hashlib.sha512(b'abc').hexdigest(), hashlib.sha384(b'abc').hexdigest(), hashlib.sha512(b'z' * 130).hexdigest())
# ---- sha512_224 sha512_256
import hashlib
for name in ['sha512_224', 'SHA512_256']:
    h = hashlib.new(name, b'abc')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), hashlib.new(name).hexdigest())
# ---- update copy
import hashlib
h = hashlib.sha256()
h.update(b'hello ')
c = h.copy()
h.update(b'world')
c.update(b'there')
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.digest_size, h.block_size, h.name, hashlib.sha256(b'hello world').hexdigest() == h.hexdigest())
print(h.digest() == h.digest(), h.hexdigest() == h.digest().hex())
# ---- attributes
import hashlib
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s']:
    h = getattr(hashlib, name)()
    n = hashlib.new(name)
    print(name, h.name, h.digest_size, h.block_size, n.name == name, len(h.digest()), name in hashlib.algorithms_guaranteed, name in hashlib.algorithms_available)
# ---- new
import hashlib
print(hashlib.new('sha256', b'x').hexdigest(), hashlib.new('MD5', b'x').hexdigest(), hashlib.new('sha1').name)
print(hashlib.new('sha512', data=b'q').hexdigest()[:16], hashlib.new('blake2s', b'q', digest_size=8).hexdigest())
for bad in ['nope', 'sha3_256x']:
    try:
        hashlib.new(bad)
    except ValueError as e:
        print('ValueError', e)
# ---- type errors
import hashlib
for f in [lambda: hashlib.sha256('text'), lambda: hashlib.md5().update('x'), lambda: hashlib.sha512(1),
          lambda: hashlib.blake2b('x'), lambda: hashlib.new('sha1', 'x'), lambda: hashlib.sha1([1, 2])]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
# ---- blake2b
import hashlib
print(hashlib.blake2b().hexdigest())
print(hashlib.blake2b(b'abc').hexdigest())
print(hashlib.blake2b(b'x' * 128).hexdigest(), hashlib.blake2b(b'x' * 129).hexdigest())
print(hashlib.blake2b(b'msg', digest_size=20, key=b'secret', salt=b'salty', person=b'me').hexdigest())
print(hashlib.blake2b(key=b'k' * 64).hexdigest()[:32])
h = hashlib.blake2b(digest_size=16)
h.update(b'a' * 100)
c = h.copy()
h.update(b'b' * 100)
print(h.hexdigest(), c.hexdigest(), h.digest_size, c.digest_size, h.block_size, h.name)
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE)
# ---- blake2s
import hashlib
print(hashlib.blake2s().hexdigest(), hashlib.blake2s(b'abc').hexdigest())
print(hashlib.blake2s(b'y' * 64).hexdigest(), hashlib.blake2s(b'y' * 65).hexdigest())
print(hashlib.blake2s(b'm', digest_size=10, key=b'kk', salt=b'12345678', person=b'p').hexdigest())
print(hashlib.blake2s(b'tree', fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=16, last_node=True).hexdigest())
print(hashlib.blake2s.SALT_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2s.MAX_KEY_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE)
# ---- blake2 parameter errors
import hashlib
for f in [lambda: hashlib.blake2b(key=b'k' * 65), lambda: hashlib.blake2b(digest_size=0), lambda: hashlib.blake2b(salt=b's' * 17),
          lambda: hashlib.blake2b(person=b'p' * 17), lambda: hashlib.blake2s(key=b'k' * 33), lambda: hashlib.blake2s(digest_size=33),
          lambda: hashlib.blake2s(salt=b's' * 9)]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
# ---- pbkdf2
import hashlib
import binascii
print(binascii.hexlify(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2)).decode(), len(hashlib.pbkdf2_hmac('sha1', b'p', b's', 1, 7)))
