# mpnode's statistics, written from CPython 3.11's documentation. Sums are
# exact (fractions), as CPython's are, then converted once. (v1.9.4's
# float() does not call __float__, hence f.__float__().)
import math as _math
from fractions import Fraction as _F


class StatisticsError(ValueError):
    pass


def _dec(x):
    # a decimal.Decimal (not imported: paid only by nodes that use it)
    return type(x).__name__ == 'Decimal' and hasattr(x, 'as_integer_ratio')


def _exact(x):
    if _dec(x):
        return _F(*x.as_integer_ratio())
    return _F(x)


def _kind(data):
    t = int
    for x in data:
        if isinstance(x, float):
            t = float
        elif isinstance(x, _F) and t is int:
            t = _F
        elif _dec(x) and t is int:
            t = type(x)
        elif not isinstance(x, (int, float, _F)) and not _dec(x):
            raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)
    return t


def _convert(f, t):
    if t is int:
        return f.numerator if f.denominator == 1 else f.__float__()
    if t is _F:
        return f
    if t is not float:
        return t(f.numerator) / t(f.denominator)
    return f.__float__()


def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('mean requires at least one data point')
    t = _kind(data)
    total = _F(0)
    for x in data:
        total += _exact(x)
    return _convert(total / len(data), t)


def fmean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError('fmean requires at least one data point')
    if weights is None:
        return (sum([_exact(x) for x in data], _F(0)) / len(data)).__float__()
    weights = list(weights)
    return (sum([_exact(x) * _exact(w) for x, w in zip(data, weights)], _F(0)) / sum([_exact(w) for w in weights], _F(0))).__float__()


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('geometric_mean requires a non-empty dataset containing positive numbers')
    for x in data:
        if x <= 0:
            raise StatisticsError('geometric_mean requires a non-empty dataset containing positive numbers')
    return _math.exp(fmean([_math.log(x) for x in data]))


def harmonic_mean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        weights = [1] * len(data)
    weights = list(weights)
    t = _kind(data)
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
        if x == 0:
            return 0
    total = _F(0)
    for x, w in zip(data, weights):
        total += _exact(w) / _exact(x)
    # CPython sums the float terms w / x: the result is a float for ints too.
    return _convert(sum([_exact(w) for w in weights], _F(0)) / total, float if t is int else t)


def _sorted(data):
    data = list(data)
    data.sort()
    return data


def median(data):
    data = _sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = _sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = _sorted(data)
    if not data:
        raise StatisticsError('no median for empty data')
    return data[len(data) // 2]


def median_grouped(data, interval=1):
    data = _sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n == 1:
        return data[0]
    x = data[n // 2]
    L = x - interval / 2
    cf = len([d for d in data if d < x])
    f = len([d for d in data if d == x])
    return L + interval * (n / 2 - cf) / f


def _counts(data):
    counts = {}
    order = []
    for x in data:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
            order.append(x)
    return counts, order


def mode(data):
    counts, order = _counts(data)
    if not order:
        raise StatisticsError('no mode for empty data')
    best = order[0]
    for x in order:
        if counts[x] > counts[best]:
            best = x
    return best


def multimode(data):
    counts, order = _counts(data)
    if not order:
        return []
    m = max(counts.values())
    return [x for x in order if counts[x] == m]


def _ss(data, c=None):
    t = _kind(data)
    ex = [_exact(x) for x in data]
    if c is None:
        c = sum(ex, _F(0)) / len(ex)
    else:
        c = _exact(c)
    total = _F(0)
    for x in ex:
        total += (x - c) * (x - c)
    return total, t


def variance(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('variance requires at least two data points')
    ss, t = _ss(data, xbar)
    return _convert(ss / (len(data) - 1), t)


def pvariance(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pvariance requires at least one data point')
    ss, t = _ss(data, mu)
    return _convert(ss / len(data), t)


def _sqrt(f, t):
    if t is _F:
        raise NotImplementedError('mpnode: stdev of Fractions is not supported')
    return _math.sqrt(f.__float__())


def stdev(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('stdev requires at least two data points')
    ss, t = _ss(data, xbar)
    return _sqrt(ss / (len(data) - 1), t)


def pstdev(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pstdev requires at least one data point')
    ss, t = _ss(data, mu)
    return _sqrt(ss / len(data), t)


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = _sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError('Unknown method: %r' % (method,))
