# inputs: {"rows": [["Widget", 1234567.891, 0.0712], ["Gadget", 42, 0.5], ["Thing", -3.14159, 1.0]]}
def get_node():
    return {"name": "format_report", "friendly_name": "format_report", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    lines = []
    for name, amount, share in context["inputs"]["rows"]:
        lines.append(f"{name:<10}|{amount:>15,.2f}|{share:>8.1%}|{amount:+e}")
    lines.append("{:=^40}".format(" total "))
    lines.append("%-8s %08.3f %x %o %r" % ("pct", 3.14159, 255, 8, "q"))
    lines.append(format(1234567, "_d") + " " + format(0.1 + 0.2) + " " + str(1e16) + " " + repr(1e-7))
    return {"outputs": {"lines": lines}, "error": None}
