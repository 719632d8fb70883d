# inputs: {"text": "Price: $1,234.50; was $1,500.00. Call 555-123-4567 or (555) 987-6543."}
def get_node():
    return {"name": "re_advanced", "friendly_name": "re_advanced", "description": "corpus program", "category": "Test", "pins": []}


import re


def run(context):
    t = context["inputs"]["text"]
    prices = [float(p.replace(",", "")) for p in re.findall(r"\$([\d,]+\.\d{2})", t)]
    phones = re.findall(r"\(?(\d{3})\)?[ -]?(\d{3})-(\d{4})", t)
    parts = re.split(r"[;.]\s*", t)
    swapped = re.sub(r"(\d{3})-(\d{4})", r"\2-\1", t)
    m = re.search(r"was \$(?P<old>[\d,.]+)", t)
    named = re.sub(r"\$(?P<n>[\d,.]+)", r"<\g<n>>", t)
    return {"outputs": {"prices": prices, "phones": ["-".join(p) for p in phones], "parts": parts, "swapped": swapped,
                        "old": m.group("old"), "span": list(m.span()), "named": named, "count": len(re.findall(r"\d", t)),
                        "ci": bool(re.match(r"price", t, re.IGNORECASE)), "full": bool(re.fullmatch(r"\d+", "123")),
                        "subn": list(re.subn(r"\d", "#", "a1b22")), "escape": re.escape("a.b*c")}, "error": None}
