# inputs: {"ts": [1700000000, 1700003600, 1700086400]}
import time
from datetime import datetime, timezone, timedelta


def get_node():
    return {"name": "time_window", "friendly_name": "time_window", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    ts = context["inputs"]["ts"]
    out = []
    for t in ts:
        dt = datetime.fromtimestamp(t, tz=timezone.utc)
        out.append({"iso": dt.isoformat(), "hour": dt.hour, "cet": dt.astimezone(timezone(timedelta(hours=1))).isoformat()})
    g = time.gmtime(ts[0])
    return {"outputs": {"rows": out, "gm": time.strftime("%Y-%m-%d %H:%M:%S", g), "yday": g.tm_yday,
                        "back": datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc).timestamp(),
                        "mono": time.monotonic() >= 0}, "error": None}
