# inputs: {"records": [{"email": "a@b.com", "age": 31, "name": "Ada"}, {"email": "bad", "age": -3, "name": ""}, {"email": "c@d.org", "age": "40", "name": "Cy"}]}
import re

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")


def get_node():
    return {"name": "validate_records", "friendly_name": "validate_records", "description": "corpus program", "category": "Test", "pins": []}


def problems(rec):
    out = []
    if not EMAIL.match(rec.get("email", "")):
        out.append("email: invalid")
    age = rec.get("age")
    if not isinstance(age, int) or isinstance(age, bool):
        out.append(f"age: expected int, got {type(age).__name__}")
    elif not 0 <= age <= 150:
        out.append(f"age: {age} out of range")
    if not rec.get("name", "").strip():
        out.append("name: empty")
    return out


def run(context):
    report = {i: problems(r) for i, r in enumerate(context["inputs"]["records"])}
    valid = [r for i, r in enumerate(context["inputs"]["records"]) if not report[i]]
    return {"outputs": {"report": {str(k): v for k, v in report.items()}, "valid": valid,
                        "rate": len(valid) / len(report)}, "error": None}
