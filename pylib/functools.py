# mpnode's functools, written from CPython 3.11's documentation.
# v1.9.4 functions take no attributes: wraps() copies nothing onto a plain
# function, and lru_cache's cache_info/cache_clear live on a wrapper object.

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)
class _NO:
    pass


def reduce(function, iterable, *initial):
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value')
    for x in it:
        value = function(value, x)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            kw = dict(func.keywords)
            kw.update(keywords)
            keywords = kw
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*(self.args + args), **kw)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + ['%s=%r' % kv for kv in self.keywords.items()]
        return 'functools.partial(%s)' % ', '.join(parts)


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            setattr(wrapper, name, getattr(wrapped, name))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def deco(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return deco


class _CacheInfo:
    def __init__(self, t):
        self._t = t
        self.hits, self.misses, self.maxsize, self.currsize = t

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 4

    def __eq__(self, other):
        return self._t == tuple(other)

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self._t


def _make_key(args, kwargs, typed):
    key = args
    if kwargs:
        key += (_NO,)
        for k in sorted(kwargs):
            key += (k, kwargs[k])
    if typed:
        key += tuple([type(a) for a in args])
    return key


class _LruWrapper:
    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._order = []
        self._hits = 0
        self._misses = 0
        self.__name__ = getattr(func, '__name__', 'wrapper')

    def __call__(self, *args, **kwargs):
        key = _make_key(args, kwargs, self._typed)
        cache = self._cache
        if key in cache:
            self._hits += 1
            if self._maxsize is not None:
                self._order.remove(key)
                self._order.append(key)
            return cache[key]
        self._misses += 1
        value = self.__wrapped__(*args, **kwargs)
        if self._maxsize is None:
            cache[key] = value
        elif self._maxsize > 0:
            cache[key] = value
            self._order.append(key)
            if len(self._order) > self._maxsize:
                del cache[self._order.pop(0)]
        return value

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self, obj)

    def cache_info(self):
        return _CacheInfo((self._hits, self._misses, self._maxsize, len(self._cache)))

    def cache_clear(self):
        self._cache = {}
        self._order = []
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {'maxsize': self._maxsize, 'typed': self._typed}


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _LruWrapper(maxsize, 128, False)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def deco(func):
        return _LruWrapper(func, maxsize, typed)
    return deco


def cache(func):
    return _LruWrapper(func, None, False)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ('obj',)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def total_ordering(cls):
    d = [n for n in ('__lt__', '__le__', '__gt__', '__ge__') if hasattr(cls, n)]
    if '__lt__' in d:
        if '__gt__' not in d:
            cls.__gt__ = lambda a, b: _ni(a.__lt__(b), lambda r: not r and a != b)
        if '__le__' not in d:
            cls.__le__ = lambda a, b: _ni(a.__lt__(b), lambda r: r or a == b)
        if '__ge__' not in d:
            cls.__ge__ = lambda a, b: _ni(a.__lt__(b), lambda r: not r)
    elif '__le__' in d:
        if '__lt__' not in d:
            cls.__lt__ = lambda a, b: _ni(a.__le__(b), lambda r: r and a != b)
        if '__gt__' not in d:
            cls.__gt__ = lambda a, b: _ni(a.__le__(b), lambda r: not r)
        if '__ge__' not in d:
            cls.__ge__ = lambda a, b: _ni(a.__le__(b), lambda r: not r or a == b)
    elif '__gt__' in d:
        if '__lt__' not in d:
            cls.__lt__ = lambda a, b: _ni(a.__gt__(b), lambda r: not r and a != b)
        if '__ge__' not in d:
            cls.__ge__ = lambda a, b: _ni(a.__gt__(b), lambda r: r or a == b)
        if '__le__' not in d:
            cls.__le__ = lambda a, b: _ni(a.__gt__(b), lambda r: not r)
    elif '__ge__' in d:
        if '__le__' not in d:
            cls.__le__ = lambda a, b: _ni(a.__ge__(b), lambda r: not r or a == b)
        if '__gt__' not in d:
            cls.__gt__ = lambda a, b: _ni(a.__ge__(b), lambda r: r and a != b)
        if '__lt__' not in d:
            cls.__lt__ = lambda a, b: _ni(a.__ge__(b), lambda r: not r)
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    return cls


def _ni(r, f):
    return f(r)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = getattr(func, '__name__', None)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        name = self.attrname
        d = obj.__dict__
        if name in d:
            return d[name]
        value = self.func(obj)
        d[name] = value
        return value


class singledispatch:
    def __init__(self, func):
        self._default = func
        self.registry = {object: func}

    def register(self, cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: self.register(cls, f)
            raise TypeError('mpnode: singledispatch.register needs the type as its argument (annotations are not kept)')
        self.registry[cls] = func
        return func

    def dispatch(self, cls):
        for c in _mro(cls):
            if c in self.registry:
                return self.registry[c]
        return self._default

    def __call__(self, *args, **kw):
        if not args:
            raise TypeError('singledispatch function requires at least 1 positional argument')
        return self.dispatch(type(args[0]))(*args, **kw)


def _mro(cls):
    out = [cls]
    i = 0
    while i < len(out):
        for b in getattr(out[i], '__bases__', ()):
            if b not in out:
                out.append(b)
        i += 1
    if bool in out and int not in out:
        out.append(int)
    out.append(object)
    return out
