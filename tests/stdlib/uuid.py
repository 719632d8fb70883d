# ---- parse
import uuid
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn, u.fields, u.time_low, u.node)
# ---- forms
import uuid
for s in ['{12345678-1234-5678-1234-567812345678}', '12345678123456781234567812345678', 'urn:uuid:12345678-1234-5678-1234-567812345678']:
    print(uuid.UUID(s))
# ---- bytes
import uuid
u = uuid.UUID('00112233-4455-6677-8899-aabbccddeeff')
print(u.bytes, u.bytes_le, uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u, uuid.UUID(fields=u.fields) == u)
# ---- uuid3 uuid5
import uuid
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/x'), uuid.uuid3(uuid.NAMESPACE_OID, '1.2.3'))
try:
    uuid.uuid3(uuid.NAMESPACE_OID, b'1.2.3')
except TypeError:
    print('TypeError')
# ---- uuid4
import uuid
a, b = uuid.uuid4(), uuid.uuid4()
print(a != b, a.version, a.variant, len(str(a)), str(a)[14], str(a)[19] in '89ab')
# ---- errors
import uuid
for bad in ['xyz', '12345678-1234-5678-1234-56781234567', 'g2345678123456781234567812345678']:
    try:
        uuid.UUID(bad)
    except ValueError:
        print('ValueError')
try:
    uuid.UUID()
except TypeError:
    print('TypeError')
# ---- compare hash
import uuid
a = uuid.UUID(int=1); b = uuid.UUID(int=2)
print(a < b, sorted([b, a])[0] == a, {a: 1}[uuid.UUID(int=1)], a == uuid.UUID(int=1), str(uuid.UUID(int=0)))
# ---- version set
import uuid
print(uuid.UUID(int=0, version=4), uuid.UUID(int=(1 << 128) - 1, version=1))
# ---- namespaces
import uuid
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
# ---- secrets
import secrets
t = secrets.token_hex(16); u = secrets.token_urlsafe(16); b = secrets.token_bytes(8)
print(len(t), all(c in '0123456789abcdef' for c in t), len(u) >= 20, len(b), type(b).__name__, 0 <= secrets.randbelow(10) < 10, secrets.choice('ab') in 'ab', secrets.compare_digest('a', 'a'))
print(0 <= secrets.randbits(100) < 2 ** 100, len(secrets.token_hex()), secrets.token_hex(4) != secrets.token_hex(4))
