# inputs: {"log": "2024-01-02 ERROR [db] timeout after 30s\n2024-01-02 INFO [web] ok\n2024-01-03 WARN [db] slow query 2.5s\n2024-01-04 ERROR [auth] bad token user=ada"}
import re

LINE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<level>[A-Z]+) \[(?P<area>\w+)\] (?P<msg>.*)$", re.M)


def get_node():
    return {"name": "regex_extract2", "friendly_name": "regex_extract2", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    entries = [m.groupdict() for m in LINE.finditer(context["inputs"]["log"])]
    counts = {}
    for e in entries:
        counts[e["level"]] = counts.get(e["level"], 0) + 1
    seconds = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)s\b", context["inputs"]["log"])]
    users = re.findall(r"user=(\w+)", context["inputs"]["log"])
    return {"outputs": {"entries": entries, "counts": counts, "seconds": seconds, "users": users,
                        "masked": re.sub(r"user=\w+", lambda m: "user=" + "*" * (len(m.group()) - 5), context["inputs"]["log"]).splitlines()[-1]},
            "error": None}
