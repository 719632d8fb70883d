# inputs: {"user": "ada", "items": 3}
import logging
from string import Template, ascii_lowercase, capwords

log = logging.getLogger("node")


def get_node():
    return {"name": "template_logging", "friendly_name": "template_logging", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    i = context["inputs"]
    msg = Template("$user has ${items} items").substitute(i)
    safe = Template("$user and $missing").safe_substitute(i)
    log.info("built %s", msg)
    return {"outputs": {"msg": msg, "safe": safe, "caps": capwords("hello big world"), "letters": ascii_lowercase[:5],
                        "fmt": "{user}:{items:03d}".format_map(i)}, "error": None}
