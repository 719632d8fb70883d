# inputs: {"rows": [["a", 1], ["b", 22], ["c", 333]]}
import io


def get_node():
    return {"name": "string_io_print", "friendly_name": "string_io_print", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    buf = io.StringIO()
    for name, n in context["inputs"]["rows"]:
        print(name, n, sep="\t", file=buf)
    print("done", end="!", file=buf)
    text = buf.getvalue()
    buf.seek(0)
    first = buf.readline()
    return {"outputs": {"text": text, "first": first, "rest": buf.readlines(), "tell": buf.tell()}, "error": None}
