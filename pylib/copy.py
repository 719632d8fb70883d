# mpnode's copy, written from CPython 3.11's documentation: copy() and
# deepcopy() with a memo and the __copy__/__deepcopy__ hooks.


class Error(Exception):
    pass


error = Error
_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, type(len), type(lambda: 0))


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is bytearray:
        return bytearray(x)
    f = getattr(x, '__copy__', None)
    if f is not None:
        return f()
    return _reconstruct(x, None, {})


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _ATOMIC):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for v in x:
            y.append(deepcopy(v, memo))
    elif cls is tuple:
        y = tuple([deepcopy(v, memo) for v in x])
        if d in memo:
            return memo[d]
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set([deepcopy(v, memo) for v in x])
    elif cls is frozenset:
        y = frozenset([deepcopy(v, memo) for v in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        f = getattr(x, '__deepcopy__', None)
        if f is not None:
            y = f(memo)
        else:
            y = _reconstruct(x, memo, memo)
    memo[d] = y
    _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, deep, memo):
    cls = type(x)
    if not hasattr(x, '__dict__'):
        raise Error('mpnode: cannot copy an object of type %s' % cls.__name__)
    try:
        y = object.__new__(cls)
    except TypeError:
        y = None
    if y is None:
        raise Error('mpnode: cannot copy an object of type %s' % cls.__name__)
    if deep is not None:
        memo[id(x)] = y
    for k, v in x.__dict__.items():
        setattr(y, k, deepcopy(v, memo) if deep is not None else v)
    return y
