# inputs: {"rows": [["Name", "Qty", "Price"], ["Apple", 3, 0.5], ["Watermelon", 12, 3.25], ["Fig", 100, 12.0]]}
def get_node():
    return {"name": "text_table", "friendly_name": "text_table", "description": "corpus program", "category": "Test", "pins": []}


import textwrap


def run(context):
    rows = context["inputs"]["rows"]
    cells = [[str(c) if not isinstance(c, float) else f"{c:.2f}" for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = [" | ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))) for r in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    body = "\n".join(lines)
    return {"outputs": {"table": body, "indented": textwrap.indent(body, "> "), "fill": textwrap.fill("word " * 12, width=25),
                        "total": sum(r[1] * r[2] for r in rows[1:])}, "error": None}
