# inputs: {"names": ["alpha", "beta"]}
import uuid


def get_node():
    return {"name": "uuid_ids", "friendly_name": "uuid_ids", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    ns = uuid.UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
    ids = {n: str(uuid.uuid5(ns, n)) for n in context["inputs"]["names"]}
    u = uuid.UUID(ids["alpha"])
    r = uuid.uuid4()
    return {"outputs": {"ids": ids, "hex": u.hex, "version": u.version, "v3": str(uuid.uuid3(uuid.NAMESPACE_DNS, "x.org")),
                        "random_ok": r.version == 4 and len(str(r)) == 36}, "error": None}
