# inputs: {"items": ["<b>bold</b>", "Tom & Jerry", "\"quoted\"", "caf\u00e9"]}
import html
import textwrap


def get_node():
    return {"name": "html_escape", "friendly_name": "html_escape", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    items = context["inputs"]["items"]
    li = "\n".join(f"  <li>{html.escape(i)}</li>" for i in items)
    doc = f"<ul>\n{li}\n</ul>"
    para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."
    return {"outputs": {"html": doc, "back": html.unescape("&lt;p&gt; &amp;amp; &eacute; &#39;"),
                        "wrapped": textwrap.wrap(para, 30), "short": textwrap.shorten(para, 40),
                        "dedent": textwrap.dedent("    a\n      b\n    c")}, "error": None}
