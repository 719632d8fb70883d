# inputs: {"hex": "48656c6c6f2c20776f726c6421", "n": 1000000}
import struct
import binascii
import zlib


def get_node():
    return {"name": "bytes_ops", "friendly_name": "bytes_ops", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    b = bytes.fromhex(context["inputs"]["hex"])
    n = context["inputs"]["n"]
    packed = struct.pack("<IhB", n, -2, 7)
    return {"outputs": {"text": b.decode(), "hex": b[:5].hex(), "rev": b[::-1].decode(), "upper": b.upper().decode(),
                        "packed": packed.hex(), "unpacked": list(struct.unpack("<IhB", packed)),
                        "to_bytes": list(n.to_bytes(4, "big")), "from": int.from_bytes(b"\x01\x00", "little"),
                        "crc": binascii.crc32(b), "adler": zlib.adler32(b), "bits": n.bit_length(),
                        "ba": list(bytearray(b"ab") + b"c"), "repr": repr(b[:3]), "latin": "\u00e9".encode("latin-1").hex()},
            "error": None}
