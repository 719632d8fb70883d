# ---- b64
import base64
for d in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40]]:
    e = base64.b64encode(d)
    print(e, base64.b64decode(e) == d)
# ---- b64 str input and altchars
import base64
print(base64.b64decode('aGVsbG8='), base64.b64encode(b'\xfb\xff\xfe', altchars=b'-_'), base64.b64decode(b'-_-_', altchars=b'-_'), base64.standard_b64encode(b'x'))
# ---- urlsafe
import base64
print(base64.urlsafe_b64encode(b'\xfb\xff\xbf?>'), base64.urlsafe_b64decode('-_-_'), base64.urlsafe_b64decode(base64.urlsafe_b64encode(b'any bytes \xff')))
# ---- b64 errors
import base64, binascii
for bad in ['abc', 'a', 'ab=c']:
    try:
        base64.b64decode(bad)
    except binascii.Error:
        print('Error')
try:
    base64.b64decode('ab$c', validate=True)
except binascii.Error:
    print('Error')
print(base64.b64decode('YW Jj\nZA=='))
# ---- b32
import base64
for d in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar']:
    e = base64.b32encode(d)
    print(e, base64.b32decode(e) == d, base64.b32hexencode(d))
print(base64.b32decode('mzxw6===', casefold=True), base64.b32hexdecode(b'CPNMU==='))
# ---- b16
import base64
print(base64.b16encode(b'\x00\xffhi'), base64.b16decode('00FF6869'), base64.b16decode('ab', casefold=True))
try:
    base64.b16decode('ab')
except ValueError:
    print('Error')
# ---- b85
import base64
for d in [b'', b'a', b'hello', b'hello world!', bytes(8), b'\xff' * 5]:
    e = base64.b85encode(d)
    print(e, base64.b85decode(e) == d, base64.b85encode(d, pad=True))
# ---- a85
import base64
for d in [b'', b'a', b'hello world', bytes(4), b'    ']:
    e = base64.a85encode(d)
    print(e, base64.a85decode(e) == d)
print(base64.a85encode(b'xyz', adobe=True), base64.a85decode(b'<~G^+IX~>', adobe=True), base64.a85encode(b'    ', foldspaces=True))
# ---- encodebytes
import base64
e = base64.encodebytes(b'x' * 100)
print(e, base64.decodebytes(e) == b'x' * 100)
# ---- type errors
import base64
try:
    base64.b64encode('text')
except TypeError:
    print('TypeError')
print(base64.b64encode(bytearray(b'ab')), base64.b64encode('é'.encode('utf-8')).decode())
# ---- binascii
import binascii
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), binascii.b2a_hex(b'xy'), binascii.a2b_hex(b'7879'), binascii.hexlify(b'\x01\x02\x03', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
print(binascii.crc32(b'hello world'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.b2a_base64(b'hi'), binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64('aGk='))
print(binascii.crc_hqx(b'hello', 0), binascii.crc_hqx(b'123456789', 0xffff))
try:
    binascii.unhexlify('abc')
except binascii.Error:
    print('Error')
# ---- zlib checksums
import zlib
print(zlib.crc32(b'The quick brown fox'), zlib.adler32(b'Wikipedia'), zlib.adler32(b''), zlib.adler32(b'abc', 5), zlib.crc32(b'a' * 1000))
