# inputs: {"dates": ["2024-02-28", "2024-03-01", "2023-12-31", "2024-02-29"]}
from datetime import date, datetime, timedelta


def get_node():
    return {"name": "dates_report", "friendly_name": "dates_report", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    ds = sorted(date.fromisoformat(s) for s in context["inputs"]["dates"])
    gaps = [(b - a).days for a, b in zip(ds, ds[1:])]
    first = ds[0]
    return {"outputs": {
        "sorted": [d.isoformat() for d in ds],
        "gaps": gaps,
        "weekdays": [d.strftime("%A %d %B %Y") for d in ds],
        "iso_weeks": [list(d.isocalendar()) for d in ds],
        "plus_90": (first + timedelta(days=90)).isoformat(),
        "dt": datetime(2024, 1, 2, 3, 4, 5).isoformat(sep=" "),
        "parsed": datetime.strptime("2024-05-06 07:08", "%Y-%m-%d %H:%M").strftime("%d/%m/%y %I:%M %p"),
    }, "error": None}
