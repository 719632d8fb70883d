# inputs: {"payload": "the quick brown fox", "secret": "k3y"}
import hashlib
import hmac
import base64


def get_node():
    return {"name": "hashing", "friendly_name": "hashing", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    data = context["inputs"]["payload"].encode()
    key = context["inputs"]["secret"].encode()
    sig = hmac.new(key, data, hashlib.sha256).digest()
    return {"outputs": {
        "md5": hashlib.md5(data).hexdigest(),
        "sha1": hashlib.sha1(data).hexdigest(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "sha512_prefix": hashlib.sha512(data).hexdigest()[:32],
        "hmac_b64": base64.b64encode(sig).decode(),
        "urlsafe": base64.urlsafe_b64encode(sig).rstrip(b"=").decode(),
        "ok": hmac.compare_digest(sig, hmac.new(key, data, "sha256").digest()),
    }, "error": None}
