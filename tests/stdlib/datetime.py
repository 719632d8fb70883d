# ---- date basics
from datetime import date, timedelta
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2))
print(d.weekday(), d.isoweekday(), d.toordinal(), date.fromordinal(738945))
print(d.year, d.month, d.day, d.replace(day=1), d.replace(year=2023, month=3))
# ---- date iso and calendar
from datetime import date
for s in ['2024-01-01', '2020-12-31', '2021-01-03', '2026-12-01', '2008-12-29', '2010-01-03']:
    d = date.fromisoformat(s)
    print(d.isoformat(), tuple(d.isocalendar()), d.isocalendar().week, d.strftime('%G-W%V-%u %j %U %W %a %A %b %B'))
print(repr(date(2024, 5, 1).isocalendar()))
print(date.fromisocalendar(2020, 53, 5))
# ---- date arithmetic and comparison
from datetime import date, timedelta
a, b = date(2024, 3, 1), date(2023, 3, 1)
print(a - b, repr(a - b), b - timedelta(days=365), a > b, a == date(2024, 3, 1), a != b, sorted([a, b])[0])
print(hash(a) == hash(date(2024, 3, 1)), {a: 1}[date(2024, 3, 1)])
print(date.min, date.max, date(2000, 1, 1).ctime())
# ---- timedelta
from datetime import timedelta
for t in [timedelta(0), timedelta(days=1, hours=1), timedelta(seconds=-1), timedelta(microseconds=123),
          timedelta(hours=-25, minutes=3), timedelta(weeks=2, milliseconds=5), timedelta(days=-3)]:
    print(str(t), repr(t), t.days, t.seconds, t.microseconds, '%.6f' % t.total_seconds())
print(timedelta(hours=1.5), timedelta(minutes=0.1), timedelta(days=0.5, seconds=0.25))
# ---- timedelta arithmetic
from datetime import timedelta
a, b = timedelta(hours=5), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, abs(-a), a * 3, 2 * b, a / b, a // b, a % b, divmod(a, b), a / 4, a // 7, a * 0.5)
print(a > b, a == timedelta(seconds=18000), bool(timedelta()), timedelta.max, timedelta.min, timedelta.resolution)
# ---- datetime basics
from datetime import datetime
dt = datetime(2024, 1, 15, 13, 45, 30, 123456)
print(dt, repr(dt), dt.date(), dt.time(), dt.isoformat(), dt.isoformat(' ', 'minutes'), dt.isoformat(timespec='milliseconds'))
print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 0, 0, 5)), datetime(2024, 1, 1).isoformat())
print(dt.replace(hour=0, microsecond=0), dt.weekday(), dt.ctime(), dt.timetuple().tm_yday)
# ---- datetime strftime
from datetime import datetime
dt = datetime(2023, 7, 4, 9, 5, 3, 42)
for f in ['%Y-%m-%d %H:%M:%S', '%d/%m/%y %I:%M %p', '%A %B %d %Y', '%a %b %f %j', '%%Y %H%M', '%c', '%x %X', '%U %W %w']:
    print(dt.strftime(f))
print('{}'.format(dt), dt.__format__('%Y/%m/%d'))
# ---- datetime strptime
from datetime import datetime
print(repr(datetime.strptime('2024-03-05 14:07:09', '%Y-%m-%d %H:%M:%S')))
print(repr(datetime.strptime('05 Mar 24 2:07 PM', '%d %b %y %I:%M %p')))
print(repr(datetime.strptime('March 5, 2024', '%B %d, %Y')))
print(repr(datetime.strptime('2024-03-05T14:07:09.5+0130', '%Y-%m-%dT%H:%M:%S.%f%z')))
try:
    datetime.strptime('2024-03', '%Y-%m-%d')
except ValueError:
    print('ValueError')
# ---- fromisoformat
from datetime import datetime, time
for s in ['2024-03-05', '2024-03-05T14:07', '2024-03-05 14:07:09.250', '2024-03-05T14:07:09+02:00', '2024-03-05T14:07:09Z', '2024-03-05T14:07:09.123456-05:30']:
    print(repr(datetime.fromisoformat(s)))
print(repr(time.fromisoformat('10:11:12')), repr(time.fromisoformat('10:11:12.5+01:00')))
# ---- timezone
from datetime import datetime, timezone, timedelta
tz = timezone(timedelta(hours=2))
dt = datetime(2024, 6, 1, 12, 0, tzinfo=tz)
print(repr(dt), dt, dt.utcoffset(), dt.tzname(), repr(timezone.utc), str(timezone.utc), repr(tz), timezone(timedelta(hours=-3), 'BRT').tzname(None))
u = dt.astimezone(timezone.utc)
print(repr(u), u == dt, u.timestamp(), dt.timestamp(), dt.strftime('%z %Z'), u.strftime('%z %Z'))
print(dt - datetime(2024, 6, 1, tzinfo=timezone.utc), datetime(2024, 1, 1, tzinfo=timezone(-timedelta(minutes=90))).isoformat())
# ---- timestamps
from datetime import datetime, timezone, date
print(repr(datetime.fromtimestamp(0, timezone.utc)), repr(datetime.fromtimestamp(1700000000.5, tz=timezone.utc)))
print(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp(), datetime.fromtimestamp(86400 * 365.25, timezone.utc).isoformat())
print(repr(date.fromtimestamp(1e9)) in ('datetime.date(2001, 9, 9)', 'datetime.date(2001, 9, 8)'))
# ---- datetime arithmetic and compare
from datetime import datetime, timedelta
a = datetime(2024, 2, 28, 23, 30)
b = a + timedelta(hours=1)
print(b, b - a, a - b, a < b, a == datetime(2024, 2, 28, 23, 30), max(a, b), (b - timedelta(days=400)))
print(datetime.combine(a.date(), a.time()) == a, hash(a) == hash(datetime(2024, 2, 28, 23, 30)))
from datetime import timezone
try:
    print(a < datetime(2024, 1, 1, tzinfo=timezone.utc))
except TypeError:
    print('TypeError')
print(a == datetime(2024, 2, 28, 23, 30, tzinfo=timezone.utc))
# ---- time class
from datetime import time
t = time(9, 30)
print(t, repr(t), repr(time(1, 2, 3, 4)), t.isoformat('hours'), t.strftime('%H:%M %p'), t < time(10), t.replace(minute=0), time.max, time())
# ---- errors
from datetime import date, datetime, time
for f in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: time(24, 0), lambda: datetime(2024, 1, 1, 0, 60), lambda: date.fromisoformat('2024/01/01')]:
    try:
        f()
    except ValueError:
        print('ValueError')
# ---- time module
import time
print(tuple(time.gmtime(0)), time.gmtime(1700000000).tm_year, time.gmtime(951782400)[:8])
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)), time.mktime((2009, 2, 13, 23, 31, 30, 0, 0, 0)))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__, time.perf_counter() >= 0)
print(tuple(time.strptime('2024-02-29', '%Y-%m-%d'))[:8])
# ---- calendar
import calendar
print(calendar.isleap(2024), calendar.isleap(1900), calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.leapdays(1900, 2024))
print(calendar.day_name[0], calendar.month_name[1], calendar.month_abbr[12], calendar.day_abbr[6], list(calendar.month_name)[:3])
print(calendar.weekday(2024, 3, 5), calendar.timegm((2009, 2, 13, 23, 31, 30, 0, 0, 0)), calendar.MONDAY, calendar.SUNDAY)
