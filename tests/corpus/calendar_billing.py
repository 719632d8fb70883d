# inputs: {"year": 2024, "month": 2, "start": "2024-01-31"}
def get_node():
    return {"name": "calendar_billing", "friendly_name": "calendar_billing", "description": "corpus program", "category": "Test", "pins": []}


import calendar
from datetime import date, timedelta


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def run(context):
    i = context["inputs"]
    start = date.fromisoformat(i["start"])
    schedule = [add_months(start, k).isoformat() for k in range(4)]
    first_wd, days = calendar.monthrange(i["year"], i["month"])
    business = sum(1 for d in range(1, days + 1) if date(i["year"], i["month"], d).weekday() < 5)
    return {"outputs": {"schedule": schedule, "days": days, "first_weekday": calendar.day_name[first_wd],
                        "business_days": business, "leap": calendar.isleap(i["year"]), "month": calendar.month_name[i["month"]],
                        "week_later": (start + timedelta(weeks=1, hours=36)).isoformat()}, "error": None}
