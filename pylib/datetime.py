# mpnode's datetime, written from CPython 3.11's documentation.
# Local time is UTC (nodes have no time zone database).
import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DBM = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHS = _time._MONTHS
_DAYS = _time._DAYS


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _dim(y, m):
    if m == 2 and _isleap(y):
        return 29
    return _DIM[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(y, m, d):
    return _days_before_year(y) + _DBM[m] + (m > 2 and _isleap(y)) + d


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, 146097)
    y = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return y - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    m = (n + 50) >> 5
    before = _DBM[m] + (m > 2 and leap)
    if before > n:
        m -= 1
        before -= _DIM[m] + (m == 2 and leap)
    return y, m, n - before + 1


def _check_date(y, m, d):
    for v in (y, m, d):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= d <= _dim(y, m):
        raise ValueError('day is out of range for month')


def _check_time(h, mi, s, us, fold=0):
    for v in (h, mi, s, us):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
    if not 0 <= h <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= mi <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= s <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= us <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _round_half_even(x):
    return int(round(x))


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        us = 0
        fl = 0.0
        for v, k in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                     (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000), (weeks, 604800000000)):
            if isinstance(v, int):
                us += v * k
            elif isinstance(v, float):
                iv = int(v)
                us += iv * k
                fl += (v - iv) * k
            else:
                raise TypeError('unsupported type for timedelta component: %s' % type(v).__name__)
        us += _round_half_even(fl)
        self._from_us(us)

    def _from_us(self, us):
        d, rem = divmod(us, 86400000000)
        s, u = divmod(rem, 1000000)
        if abs(d) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
        self._days = d
        self._seconds = s
        self._microseconds = u
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return _div_us(self._us())

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        return 'datetime.timedelta(%s)' % (', '.join(args) or '0')

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            s = '%d day%s, ' % (self._days, '' if abs(self._days) == 1 else 's') + s
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() + other._us())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__add__', type(other).__name__))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() - other._us())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__sub__', type(other).__name__))

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _td(other._us() - self._us())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__rsub__', type(other).__name__))

    def __neg__(self):
        return _td(-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int) and not isinstance(other, bool) or other is True or other is False:
            return _td(self._us() * other)
        if isinstance(other, float):
            return _td(_round_half_even(self._us() * other))
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__mul__', type(other).__name__))

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            return _td(_round_half_even(self._us() / other) if self._us() % other else self._us() // other)
        if isinstance(other, float):
            return _td(_round_half_even(self._us() / other))
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__truediv__', type(other).__name__))

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return _td(self._us() // other)
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__floordiv__', type(other).__name__))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us() % other._us())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__mod__', type(other).__name__))

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, _td(r)
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__divmod__', type(other).__name__))

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._us() < _tdus(other)

    def __le__(self, other):
        return self._us() <= _tdus(other)

    def __gt__(self, other):
        return self._us() > _tdus(other)

    def __ge__(self, other):
        return self._us() >= _tdus(other)

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


def _tdus(other):
    if not isinstance(other, timedelta):
        raise TypeError("'<' not supported between 'timedelta' and '%s'" % type(other).__name__)
    return other._us()


def _td(us):
    return timedelta(0)._from_us(us)


def _div_us(us):
    # us / 10**6 without converting a large int to float (v1.9.4's
    # conversion of large ints is inexact).
    q, r = divmod(abs(us), 1000000)
    v = q + r / 1000000
    return -v if us < 0 else v


timedelta.min = _td(-999999999 * 86400000000)
timedelta.max = _td(1000000000 * 86400000000 - 1)
timedelta.resolution = _td(1)


class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        off = self.utcoffset(dt)
        return (dt + off).replace(tzinfo=self)


def _fmt_offset(off, sep=':'):
    if off is None:
        return ''
    us = off._us()
    sign = '+'
    if us < 0:
        sign = '-'
        us = -us
    hh, rem = divmod(us, 3600000000)
    mm, rem = divmod(rem, 60000000)
    ss, us = divmod(rem, 1000000)
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or us:
        s += '%s%02d' % (sep, ss)
        if us:
            s += '.%06d' % us
    return s


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('offset must be a timedelta')
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).')
        if name is not None and not isinstance(name, str):
            raise TypeError('name must be a string')
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _fmt_offset(self._offset)

    def fromutc(self, dt):
        return (dt + self._offset).replace(tzinfo=self)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


class IsoCalendarDate(tuple):
    # Built as IsoCalendarDate((year, week, weekday)) by calling the class.

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % (self[0], self[1], self[2])


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _wrap_strftime(fmt, tt, us, tzobj, dt):
    off = tzobj.utcoffset(dt) if tzobj is not None else None
    name = tzobj.tzname(dt) if tzobj is not None else None
    return _time._format(fmt, tt, us, _fmt_offset(off, '') if off is not None else '', name or '')


def _isocal(y, m, d):
    o = _ymd2ord(y, m, d)
    year = y
    w1 = _iso_week1_monday(year)
    if o < w1:
        year -= 1
        w1 = _iso_week1_monday(year)
    elif o >= _iso_week1_monday(year + 1):
        year += 1
        w1 = _iso_week1_monday(year)
    week, day = divmod(o - w1, 7)
    return year, week + 1, day + 1


def _parse_int(s, i, n):
    t = s[i:i + n]
    if len(t) != n or not t.isdigit():
        raise ValueError('Invalid isoformat string: %r' % s)
    return int(t)


def _parse_isodate(s):
    if len(s) == 10 and s[4] == '-' and s[7] == '-':
        return _parse_int(s, 0, 4), _parse_int(s, 5, 2), _parse_int(s, 8, 2)
    if len(s) == 8 and s.isdigit():
        return int(s[:4]), int(s[4:6]), int(s[6:])
    if len(s) in (8, 10) and 'W' in s:
        w = s.replace('-', '')
        if w[4] == 'W':
            year, week = int(w[:4]), int(w[5:7])
            day = int(w[7]) if len(w) > 7 else 1
            return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
    raise ValueError('Invalid isoformat string: %r' % s)


def _parse_isotime(s, whole):
    tz = None
    for sep in ('+', '-', 'Z'):
        k = s.find(sep)
        if k >= 0:
            tzs = s[k:]
            s = s[:k]
            if tzs == 'Z':
                tz = timezone.utc
            else:
                sign = -1 if tzs[0] == '-' else 1
                parts = tzs[1:].replace(':', '')
                hh = int(parts[:2])
                mm = int(parts[2:4]) if len(parts) >= 4 else 0
                ss = int(parts[4:6]) if len(parts) >= 6 else 0
                us = int((parts[7:] + '000000')[:6]) if len(parts) > 7 else 0
                off = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us) * sign
                tz = timezone.utc if not off else timezone(off)
            break
    frac = 0
    for sep in ('.', ','):
        k = s.find(sep)
        if k >= 0:
            f = s[k + 1:]
            if not f.isdigit():
                raise ValueError('Invalid isoformat string: %r' % whole)
            frac = int((f + '000000')[:6])
            s = s[:k]
    s = s.replace(':', '') if ':' in s else s
    if len(s) not in (2, 4, 6) or not s.isdigit():
        raise ValueError('Invalid isoformat string: %r' % whole)
    h = int(s[:2])
    mi = int(s[2:4]) if len(s) >= 4 else 0
    se = int(s[4:6]) if len(s) >= 6 else 0
    return h, mi, se, frac, tz


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._y = year
        self._m = month
        self._d = day

    @property
    def year(self):
        return self._y

    @property
    def month(self):
        return self._m

    @property
    def day(self):
        return self._d

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _ord2ymd(719163 + int(t // 86400))
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        y, m, d = _parse_isodate(s)
        return cls(y, m, d)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        y, m, d = _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
        return cls(y, m, d)

    def toordinal(self):
        return _ymd2ord(self._y, self._m, self._d)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        return IsoCalendarDate(_isocal(self._y, self._m, self._d))

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._y, self._m, self._d)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._y, self._m, self._d)

    def ctime(self):
        return '%s %s %2d 00:00:00 %04d' % (_DAYS[self.weekday()][:3], _MONTHS[self._m - 1][:3], self._d, self._y)

    def _tt(self):
        return (self._y, self._m, self._d, 0, 0, 0, self.weekday(), self.toordinal() - _ymd2ord(self._y, 1, 1) + 1)

    def timetuple(self):
        return _time.struct_time(self._tt() + (-1,))

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._tt(), 0, None, None)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError('must be str')
        return self.strftime(spec) if spec else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day)

    def _key(self):
        return (self._y, self._m, self._d)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return False

    def __ne__(self, other):
        r = self.__eq__(other)
        return not r

    def _c(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return _cmp(self._key(), other._key())
        raise TypeError("can't compare '%s' to '%s'" % (type(self).__name__, type(other).__name__))

    def __lt__(self, other):
        return self._c(other) < 0

    def __le__(self, other):
        return self._c(other) <= 0

    def __gt__(self, other):
        return self._c(other) > 0

    def __ge__(self, other):
        return self._c(other) >= 0

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if not 0 < o <= 3652059:
                raise OverflowError('result out of range')
            return type(self).fromordinal(o)
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__add__', type(other).__name__))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__sub__', type(other).__name__))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, fold=0):
        _check_time(hour, minute, second, microsecond, fold)
        self._h = hour
        self._mi = minute
        self._s = second
        self._us = microsecond
        self._tz = tzinfo
        self._fold = fold

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        if s.startswith('T'):
            s = s[1:]
        h, mi, se, us, tz = _parse_isotime(s, s)
        return cls(h, mi, se, us, tz)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(None)

    def dst(self):
        return None if self._tz is None else self._tz.dst(None)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(None)

    def isoformat(self, timespec='auto'):
        s = _fmt_time(self._h, self._mi, self._s, self._us, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s

    __str__ = isoformat

    def __repr__(self):
        args = '%d, %d' % (self._h, self._mi)
        if self._us:
            args += ', %d, %d' % (self._s, self._us)
        elif self._s:
            args += ', %d' % self._s
        if self._tz is not None:
            args += ', tzinfo=%r' % (self._tz,)
        if self._fold:
            args += ', fold=1'
        return 'datetime.time(%s)' % args

    def strftime(self, fmt):
        return _wrap_strftime(fmt, (1900, 1, 1, self._h, self._mi, self._s, 0, 1), self._us, self._tz, None)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, fold=None):
        return type(self)(self._h if hour is None else hour, self._mi if minute is None else minute,
                          self._s if second is None else second, self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo, self._fold if fold is None else fold)

    def _key(self):
        k = (self._h, self._mi, self._s, self._us)
        off = self.utcoffset()
        if off:
            us = ((self._h * 60 + self._mi) * 60 + self._s) * 1000000 + self._us - off._us()
            k = (us,)
        elif off is not None:
            k = (((self._h * 60 + self._mi) * 60 + self._s) * 1000000 + self._us,)
        return k

    def __eq__(self, other):
        if not isinstance(other, time):
            return False
        if (self._tz is None) != (other._tz is None):
            return False
        if self._tz is None:
            return self._key() == other._key()
        return self._key() == other._key()

    def _c(self, other):
        if not isinstance(other, time):
            raise TypeError("can't compare '%s' to '%s'" % (type(self).__name__, type(other).__name__))
        if (self._tz is None) != (other._tz is None):
            raise TypeError("can't compare offset-naive and offset-aware times")
        return _cmp(self._key(), other._key())

    def __lt__(self, other):
        return self._c(other) < 0

    def __le__(self, other):
        return self._c(other) <= 0

    def __gt__(self, other):
        return self._c(other) > 0

    def __ge__(self, other):
        return self._c(other) >= 0

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _fmt_time(h, mi, s, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % h
    if timespec == 'minutes':
        return '%02d:%02d' % (h, mi)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (h, mi, s)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (h, mi, s, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (h, mi, s, us)
    raise ValueError('Unknown timespec value')


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond, fold)
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class):
            raise TypeError('tzinfo argument must be None or of a tzinfo subclass')
        self._y = year
        self._m = month
        self._d = day
        self._h = hour
        self._mi = minute
        self._s = second
        self._us = microsecond
        self._tz = tzinfo
        self._fold = fold

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_us(cls, us, tz):
        days, rem = divmod(us, 86400000000)
        y, m, d = _ord2ymd(days + 719163)
        s, u = divmod(rem, 1000000)
        mi, s = divmod(s, 60)
        h, mi = divmod(mi, 60)
        return cls(y, m, d, h, mi, s, u, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if isinstance(t, float):
            us = _round_half_even(t * 1000000)
        else:
            us = t * 1000000
        dt = cls._from_us(us, None)
        if tz is not None:
            dt = tz.fromutc(dt.replace(tzinfo=tz))
        return dt

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time_ns() // 1000 / 1000000, tz)

    @classmethod
    def utcnow(cls):
        return cls.now()

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        if tzinfo is True:
            tzinfo = t.tzinfo
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond, tzinfo, t.fold)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(s) > 10 and s[4] == '-':
            ds, ts = s[:10], s[11:]
        elif len(s) > 8 and s[:8].isdigit() and s[8] in 'T ':
            ds, ts = s[:8], s[9:]
        else:
            ds, ts = s, ''
        y, m, d = _parse_isodate(ds)
        if ts:
            h, mi, se, us, tz = _parse_isotime(ts, s)
        else:
            h = mi = se = us = 0
            tz = None
        return cls(y, m, d, h, mi, se, us, tz)

    @classmethod
    def strptime(cls, s, fmt):
        return cls(*_strptime(s, fmt))

    def date(self):
        return date(self._y, self._m, self._d)

    def time(self):
        return time(self._h, self._mi, self._s, self._us, fold=self._fold)

    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz, self._fold)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(self)

    def dst(self):
        return None if self._tz is None else self._tz.dst(self)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)

    def _local_us(self):
        return (((self.toordinal() - 719163) * 24 + self._h) * 60 + self._mi) * 60000000 + self._s * 1000000 + self._us

    def _utc_us(self):
        off = self.utcoffset()
        return self._local_us() - (off._us() if off is not None else 0)

    def timestamp(self):
        return _div_us(self._utc_us())

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self - off if off else self
        return _time.struct_time(dt._tt() + (0,))

    def timetuple(self):
        return _time.struct_time(self._tt() + (-1,))

    def _tt(self):
        return (self._y, self._m, self._d, self._h, self._mi, self._s, self.weekday(),
                self.toordinal() - _ymd2ord(self._y, 1, 1) + 1)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        utc = datetime._from_us(self._utc_us(), None)
        return tz.fromutc(utc.replace(tzinfo=tz))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, fold=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day, self._h if hour is None else hour,
                          self._mi if minute is None else minute, self._s if second is None else second,
                          self._us if microsecond is None else microsecond, self._tz if tzinfo is True else tzinfo,
                          self._fold if fold is None else fold)

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s%s' % (self._y, self._m, self._d, sep, _fmt_time(self._h, self._mi, self._s, self._us, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        args = '%d, %d, %d, %d, %d' % (self._y, self._m, self._d, self._h, self._mi)
        if self._us:
            args += ', %d, %d' % (self._s, self._us)
        elif self._s:
            args += ', %d' % self._s
        if self._tz is not None:
            args += ', tzinfo=%r' % (self._tz,)
        if self._fold:
            args += ', fold=1'
        return 'datetime.datetime(%s)' % args

    def ctime(self):
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYS[self.weekday()][:3], _MONTHS[self._m - 1][:3], self._d,
                                                  self._h, self._mi, self._s, self._y)

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._tt(), self._us, self._tz, self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._local_us() + other._us()
            r = datetime._from_us(us, self._tz)
            if type(self) is not datetime:
                r = type(self)(r._y, r._m, r._d, r._h, r._mi, r._s, r._us, r._tz)
            return r
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__add__', type(other).__name__))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if self._tz is other._tz:
                return _td(self._local_us() - other._local_us())
            return _td(self._utc_us() - other._utc_us())
        raise TypeError('unsupported operand type(s) for %s: %r' % ('__sub__', type(other).__name__))

    def _cmpkey(self, other):
        if (self._tz is None) != (other._tz is None):
            return None
        if self._tz is other._tz:
            return self._local_us(), other._local_us()
        return self._utc_us(), other._utc_us()

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return False
        k = self._cmpkey(other)
        return k is not None and k[0] == k[1]

    def _c(self, other):
        if not isinstance(other, datetime):
            raise TypeError("can't compare '%s' to '%s'" % (type(self).__name__, type(other).__name__))
        k = self._cmpkey(other)
        if k is None:
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return _cmp(k[0], k[1])

    def __hash__(self):
        return hash(self._utc_us() if self._tz is not None else self._local_us())


_tzinfo_class = tzinfo
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _strptime(s, fmt):
    r = _time._parse(s, fmt)
    off = r[7]
    if off is not None:
        off = timezone.utc if off == 0 else timezone(timedelta(seconds=off))
    return r[:7] + (off,)
