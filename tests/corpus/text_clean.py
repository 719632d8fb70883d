# inputs: {"text": "  Hello,\u00a0World!  Caf\u00e9   CR\u00c8ME br\u00fbl\u00e9e\t\tend. "}
import re
import unicodedata


def get_node():
    return {"name": "text_clean", "friendly_name": "text_clean", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    text = context["inputs"]["text"]
    words = text.split()
    ascii_text = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return {"outputs": {"words": words, "slug": slug, "title": " ".join(words).title(),
                        "count": len(words), "upper": text.strip().upper()}, "error": None}
