# mpnode's time: utime (the host clock, flowlike_meta.time_now) plus
# CPython 3.11's struct_time, gmtime, strftime, mktime, monotonic and
# perf_counter. Local time is UTC: nodes have no time zone.
from utime import time, time_ns, sleep, sleep_ms, sleep_us, ticks_ms, ticks_us, ticks_diff, ticks_add

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


class struct_time(tuple):
    # struct_time(9-sequence), built by calling the class (tuple.__new__,
    # patch 0065, is not needed here: the 9-sequence is not checked).

    def __getattr__(self, name):
        if name in _FIELDS:
            return self[_FIELDS.index(name)]
        if name == 'tm_zone':
            return 'UTC'
        if name == 'tm_gmtoff':
            return 0
        raise AttributeError(name)

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(['%s=%d' % (f, v) for f, v in zip(_FIELDS, self)])


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rem = divmod(secs, 86400)
    n = days + 719162
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        y -= 1
        n = 365
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    yday = n + 1
    dim = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    m = 0
    while n >= dim[m]:
        n -= dim[m]
        m += 1
    h, rem = divmod(rem, 3600)
    mi, s = divmod(rem, 60)
    return struct_time((y, m + 1, n + 1, h, mi, s, (days + 3) % 7, yday, 0))


localtime = gmtime


def mktime(t):
    y, m, d, H, M, S = t[0], t[1], t[2], t[3], t[4], t[5]
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    before = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[m - 1] + (m > 2 and leap)
    days = _days_before_year(y) + before + d - 1 - 719162
    return float(((days * 24 + H) * 60 + M) * 60 + S)


calendar_timegm = mktime


def monotonic():
    return time_ns() / 1000000000


def monotonic_ns():
    return time_ns()


perf_counter = monotonic
perf_counter_ns = monotonic_ns


process_time = monotonic
process_time_ns = monotonic_ns


_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')
_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')


def _isoweek(y, yday, wday):
    # ISO year and week of the day `yday` (1-based) of year y, a `wday` (Monday 0).
    week = (yday - wday + 9) // 7
    if week < 1:
        py = y - 1
        pleap = py % 4 == 0 and (py % 100 != 0 or py % 400 == 0)
        return _isoweek(py, yday + 365 + pleap, wday)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    if week == 53 and (365 + leap - yday) < 3 - wday:
        return y + 1, 1
    return y, week


def strftime(fmt, t=None):
    if t is None:
        t = gmtime()
    return _format(fmt, tuple(t[:8]), 0, '+0000', 'UTC')


def strptime(s, fmt='%a %b %d %H:%M:%S %Y'):
    r = _parse(s, fmt)
    secs = mktime(r[:6] + (0, 0, 0))
    g = gmtime(secs)
    return struct_time(tuple(g[:8]) + (-1,))


def _format(fmt, tt, us, z, zname):
    # tt: (y, m, d, H, M, S, wday, yday)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i >= n:
            out.append(c)
            continue
        c = fmt[i]
        i += 1
        y, mo, d, H, M, S, wd, yd = tt
        if c == 'Y':
            out.append('%d' % y if y >= 1000 else '%04d' % y)
        elif c == 'm':
            out.append('%02d' % mo)
        elif c == 'd':
            out.append('%02d' % d)
        elif c == 'H':
            out.append('%02d' % H)
        elif c == 'M':
            out.append('%02d' % M)
        elif c == 'S':
            out.append('%02d' % S)
        elif c == 'f':
            out.append('%06d' % us)
        elif c == 'y':
            out.append('%02d' % (y % 100))
        elif c == 'a':
            out.append(_DAYS[wd][:3])
        elif c == 'A':
            out.append(_DAYS[wd])
        elif c == 'b' or c == 'h':
            out.append(_MONTHS[mo - 1][:3])
        elif c == 'B':
            out.append(_MONTHS[mo - 1])
        elif c == 'w':
            out.append(str((wd + 1) % 7))
        elif c == 'u':
            out.append(str(wd + 1))
        elif c == 'j':
            out.append('%03d' % yd)
        elif c == 'I':
            out.append('%02d' % ((H + 11) % 12 + 1))
        elif c == 'p':
            out.append('AM' if H < 12 else 'PM')
        elif c == 'e':
            out.append('%2d' % d)
        elif c == 'z':
            out.append(z)
        elif c == 'Z':
            out.append(zname)
        elif c == 'U':
            out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif c == 'W':
            out.append('%02d' % ((yd + 6 - wd) // 7))
        elif c in 'GVg':
            iy, iw = _isoweek(y, yd, wd)
            out.append('%d' % iy if c == 'G' else ('%02d' % iw if c == 'V' else '%02d' % (iy % 100)))
        elif c == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wd][:3], _MONTHS[mo - 1][:3], d, H, M, S, y))
        elif c == 'x':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'X':
            out.append('%02d:%02d:%02d' % (H, M, S))
        elif c == 'D':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'T':
            out.append('%02d:%02d:%02d' % (H, M, S))
        elif c == 'F':
            out.append('%04d-%02d-%02d' % (y, mo, d))
        elif c == 'R':
            out.append('%02d:%02d' % (H, M))
        elif c == 'n':
            out.append('\n')
        elif c == 't':
            out.append('\t')
        elif c == '%':
            out.append('%')
        else:
            out.append('%' + c)
    return ''.join(out)


def _parse(s, fmt):
    y, mo, d, h, mi, se, us = 1900, 1, 1, 0, 0, 0, 0
    tz = None
    pm = None
    yday = None
    i = 0
    j = 0
    n = len(fmt)

    def num(j, maxlen):
        k = j
        while k < len(s) and k - j < maxlen and s[k].isdigit():
            k += 1
        if k == j:
            raise ValueError("time data %r does not match format %r" % (s, fmt))
        return int(s[j:k]), k

    def name(j, names):
        low = s[j:].lower()
        best = None
        for idx, nm in enumerate(names):
            for cand in (nm, nm[:3]):
                if low.startswith(cand.lower()) and (best is None or len(cand) > best[1]):
                    best = (idx, len(cand))
        if best is None:
            raise ValueError("time data %r does not match format %r" % (s, fmt))
        return best[0], j + best[1]

    while i < n:
        c = fmt[i]
        if c == '%' and i + 1 < n:
            c = fmt[i + 1]
            i += 2
            if c == 'Y':
                y, j = num(j, 4)
            elif c == 'y':
                y, j = num(j, 2)
                y += 2000 if y < 69 else 1900
            elif c == 'm':
                mo, j = num(j, 2)
            elif c == 'd':
                d, j = num(j, 2)
            elif c == 'H':
                h, j = num(j, 2)
            elif c == 'I':
                h, j = num(j, 2)
                if pm is None:
                    pm = False
            elif c == 'M':
                mi, j = num(j, 2)
            elif c == 'S':
                se, j = num(j, 2)
            elif c == 'f':
                k = j
                v, j = num(j, 6)
                us = int((s[k:j] + '000000')[:6])
            elif c == 'j':
                v, j = num(j, 3)
                yday = v
            elif c in 'bBh':
                v, j = name(j, _MONTHS)
                mo = v + 1
            elif c in 'aA':
                v, j = name(j, _DAYS)
            elif c == 'p':
                t = s[j:j + 2].upper()
                if t not in ('AM', 'PM'):
                    raise ValueError("time data %r does not match format %r" % (s, fmt))
                pm = t == 'PM'
                j += 2
            elif c == 'z':
                if s[j:j + 1] == 'Z':
                    tz = 0
                    j += 1
                else:
                    sign = s[j:j + 1]
                    if sign not in ('+', '-'):
                        raise ValueError("time data %r does not match format %r" % (s, fmt))
                    k = j + 1
                    while k < len(s) and (s[k].isdigit() or s[k] in ':.'):
                        k += 1
                    body = s[j + 1:k].replace(':', '')
                    tz = int(body[:2]) * 3600 + int(body[2:4]) * 60 + int(body[4:6] or 0)
                    if sign == '-':
                        tz = -tz
                    j = k
            elif c == 'Z':
                for nm in ('UTC', 'GMT'):
                    if s[j:j + 3].upper() == nm:
                        j += 3
                        break
                else:
                    raise ValueError("time data %r does not match format %r" % (s, fmt))
            elif c == '%':
                if s[j:j + 1] != '%':
                    raise ValueError("time data %r does not match format %r" % (s, fmt))
                j += 1
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (c, fmt))
        else:
            i += 1
            if c.isspace():
                while j < len(s) and s[j].isspace():
                    j += 1
            elif j < len(s) and s[j] == c:
                j += 1
            else:
                raise ValueError("time data %r does not match format %r" % (s, fmt))
    if j != len(s):
        raise ValueError('unconverted data remains: %s' % s[j:])
    if pm is not None:
        if h == 12:
            h = 0
        if pm:
            h += 12
    if yday is not None:
        g = gmtime(mktime((y, 1, 1, 0, 0, 0)) + (yday - 1) * 86400)
        mo, d = g[1], g[2]
    return y, mo, d, h, mi, se, us, tz


def asctime(t=None):
    return strftime('%a %b %e %H:%M:%S %Y', t)


def ctime(secs=None):
    return asctime(gmtime(secs))
