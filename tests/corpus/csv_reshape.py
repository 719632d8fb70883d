# inputs: {"csv": "name,dept,salary\nAda,eng,120000\nBob,ops,85000.50\nCy,eng,99000\nDee,sales,70250\n"}
import csv
import io


def get_node():
    return {"name": "csv_reshape", "friendly_name": "csv_reshape", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    rows = list(csv.DictReader(io.StringIO(context["inputs"]["csv"])))
    by_dept = {}
    for row in rows:
        by_dept.setdefault(row["dept"], []).append(float(row["salary"]))
    summary = {d: {"n": len(v), "total": sum(v), "avg": round(sum(v) / len(v), 2)} for d, v in by_dept.items()}
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["dept", "n", "avg"])
    for d, s in sorted(summary.items()):
        w.writerow([d, s["n"], f"{s['avg']:,.2f}"])
    return {"outputs": {"summary": summary, "csv": out.getvalue()}, "error": None}
