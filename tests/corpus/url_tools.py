# inputs: {"url": "https://example.com:8080/a/b/../c?q=caf%C3%A9&x=1&x=2#frag", "params": {"name": "Ada Lovelace", "tag": "a&b"}}
from urllib.parse import urlparse, parse_qs, urlencode, quote, unquote, urljoin


def get_node():
    return {"name": "url_tools", "friendly_name": "url_tools", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    u = urlparse(context["inputs"]["url"])
    return {"outputs": {
        "scheme": u.scheme, "host": u.hostname, "port": u.port, "path": u.path,
        "query": parse_qs(u.query), "frag": u.fragment,
        "encoded": urlencode(context["inputs"]["params"]), "quoted": quote("a b/c"),
        "unquoted": unquote("caf%C3%A9"), "joined": urljoin(context["inputs"]["url"], "../d"),
    }, "error": None}
