# mpnode's itertools: every function of CPython 3.11's module (and 3.12's
# batched), written from its documentation.


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


def batched(iterable, n):
    if n < 1:
        raise ValueError('n must be at least one')
    batch = []
    for x in iterable:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def _flatten(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain:
    def __init__(self, *iterables):
        self._g = _flatten(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._g)

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._g = _flatten(iterables)
        return c


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(pred, iterable):
    it = iter(iterable)
    for x in it:
        if not pred(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(pred, iterable):
    for x in iterable:
        if not (bool(x) if pred is None else pred(x)):
            yield x


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._key = key
        self._done = False
        self._pending = None
        self._has = False

    def __iter__(self):
        return self

    def _k(self, x):
        return x if self._key is None else self._key(x)

    def __next__(self):
        if not self._has:
            try:
                x = next(self._it)
            except StopIteration:
                raise StopIteration
            self._pending = x
            self._has = True
        first = self._pending
        k = self._k(first)
        items = [first]
        self._has = False
        for x in self._it:
            if self._k(x) == k:
                items.append(x)
            else:
                self._pending = x
                self._has = True
                break
        return k, iter(items)


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif 2 <= len(args) <= 3:
        start, stop = args[0] or 0, args[1]
        step = (args[2] if len(args) == 3 else None) or 1
    else:
        raise TypeError('islice expected 2 to 4 arguments')
    if start < 0 or (stop is not None and stop < 0) or step < 1:
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    nxt = start
    i = 0
    for x in iterable:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(func, iterable):
    for args in iterable:
        yield func(*args)


def takewhile(pred, iterable):
    for x in iterable:
        if not pred(x):
            return
        yield x


def tee(iterable, n=2):
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def gen(buf):
        while True:
            if not buf:
                try:
                    x = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(x)
            yield buf.pop(0)
    return tuple([gen(b) for b in buffers])


def zip_longest(*iterables, fillvalue=None):
    its = [iter(i) for i in iterables]
    if not its:
        return
    while True:
        row = []
        live = 0
        for i, it in enumerate(its):
            if it is None:
                row.append(fillvalue)
                continue
            try:
                row.append(next(it))
                live += 1
            except StopIteration:
                its[i] = None
                row.append(fillvalue)
        if not live:
            return
        yield tuple(row)


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for r in result:
        yield r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    for idx in product(range(n), repeat=r):
        if len(set(idx)) == r:
            yield tuple([pool[i] for i in idx])


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    idx = list(range(r))
    yield tuple([pool[i] for i in idx])
    while True:
        for i in reversed(range(r)):
            if idx[i] != i + n - r:
                break
        else:
            return
        idx[i] += 1
        for j in range(i + 1, r):
            idx[j] = idx[j - 1] + 1
        yield tuple([pool[i] for i in idx])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    idx = [0] * r
    yield tuple([pool[i] for i in idx])
    while True:
        for i in reversed(range(r)):
            if idx[i] != n - 1:
                break
        else:
            return
        idx[i:] = [idx[i] + 1] * (r - i)
        yield tuple([pool[i] for i in idx])
