# mpnode's calendar: the basics of CPython 3.11's module (isleap, leapdays,
# monthrange, weekday, timegm, day and month names).
import time as _time

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
day_name = list(_time._DAYS)
day_abbr = [d[:3] for d in _time._DAYS]
month_name = [''] + list(_time._MONTHS)
month_abbr = [''] + [m[:3] for m in _time._MONTHS]
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class IllegalMonthError(ValueError):
    pass


def isleap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def leapdays(y1, y2):
    y1 -= 1
    y2 -= 1
    return (y2 // 4 - y1 // 4) - (y2 // 100 - y1 // 100) + (y2 // 400 - y1 // 400)


def weekday(year, month, day):
    days = int(_time.mktime((year, month, day, 0, 0, 0, 0, 0, 0)) // 86400)
    return (days + 3) % 7


def monthrange(year, month):
    if not 1 <= month <= 12:
        raise IllegalMonthError('bad month number %r; must be 1-12' % (month,))
    return weekday(year, month, 1), mdays[month] + (month == 2 and isleap(year))


def timegm(t):
    return int(_time.mktime(t))
