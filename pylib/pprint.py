# mpnode's pprint: pformat/pprint/pp for the built-in containers, written
# from CPython 3.11's documentation (dicts sorted by key unless
# sort_dicts=False, one item per line when the repr does not fit width).


def _key(k):
    return (str(type(k)), k) if not isinstance(k, (int, float, str)) else (0 if isinstance(k, (int, float)) else 1, k)


def _items(d, sort_dicts):
    items = list(d.items())
    if sort_dicts:
        try:
            items = sorted(items, key=lambda kv: kv[0])
        except TypeError:
            items = sorted(items, key=lambda kv: _key(kv[0]))
    return items


def _plain(o):
    # a dict, or a dict subclass without its own repr (Counter, OrderedDict
    # and defaultdict print themselves)
    return isinstance(o, dict) and getattr(type(o), '__repr__', None) is None


def _repr(o, sort_dicts):
    if _plain(o):
        return '{' + ', '.join(['%s: %s' % (_repr(k, sort_dicts), _repr(v, sort_dicts)) for k, v in _items(o, sort_dicts)]) + '}'
    if isinstance(o, list):
        return '[' + ', '.join([_repr(v, sort_dicts) for v in o]) + ']'
    if isinstance(o, tuple):
        if len(o) == 1:
            return '(' + _repr(o[0], sort_dicts) + ',)'
        return '(' + ', '.join([_repr(v, sort_dicts) for v in o]) + ')'
    if isinstance(o, (set, frozenset)) and o:
        try:
            items = sorted(o)
        except TypeError:
            items = list(o)
        inner = ', '.join([_repr(v, sort_dicts) for v in items])
        return '{' + inner + '}' if isinstance(o, set) else 'frozenset({' + inner + '})'
    return repr(o)


def _format(o, indent, width, level, sort_dicts, step, out):
    r = _repr(o, sort_dicts)
    if len(r) <= width - indent - level:
        out.append(r)
        return
    if _plain(o) and o:
        out.append('{')
        items = _items(o, sort_dicts)
        for i, (k, v) in enumerate(items):
            kr = _repr(k, sort_dicts) + ': '
            if i:
                out.append(',\n' + ' ' * (indent + 1))
            out.append(kr)
            _format(v, indent + 1 + len(kr), width, level + (1 if i == len(items) - 1 else 1), sort_dicts, step, out)
        out.append('}')
        return
    if isinstance(o, (list, tuple)) and o:
        open_, close = ('[', ']') if isinstance(o, list) else ('(', ')')
        if isinstance(o, tuple) and len(o) == 1:
            close = ',)'
        out.append(open_)
        for i, v in enumerate(o):
            if i:
                out.append(',\n' + ' ' * (indent + 1))
            _format(v, indent + 1, width, level + (len(close) if i == len(o) - 1 else 1), sort_dicts, step, out)
        out.append(close)
        return
    if isinstance(o, str) and len(o) > 0:
        chunks = _split_str(o, width - indent - level - 2)
        if len(chunks) > 1:
            out.append('(' + ('\n' + ' ' * (indent + 1)).join([repr(c) for c in chunks]) + ')')
            return
    out.append(r)


def _split_str(s, width):
    words = []
    cur = ''
    for part in _split_keep_spaces(s):
        if cur and len(repr(cur + part)) > width:
            words.append(cur)
            cur = part
        else:
            cur += part
    if cur:
        words.append(cur)
    return words


def _split_keep_spaces(s):
    out = []
    cur = ''
    for c in s:
        cur += c
        if c == ' ':
            out.append(cur)
            cur = ''
    if cur:
        out.append(cur)
    return out


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    out = []
    _format(object, 0, width, 0, sort_dicts, indent, out)
    return ''.join(out)


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    text = pformat(object, indent, width, depth, compact=compact, sort_dicts=sort_dicts)
    if stream is None:
        print(text)
    else:
        stream.write(text + '\n')


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return _repr(object, True)


def isreadable(object):
    return True


def isrecursive(object):
    return False


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        self._kw = dict(indent=indent, width=width, depth=depth)
        self._sort = sort_dicts
        self._stream = stream

    def pformat(self, object):
        return pformat(object, sort_dicts=self._sort, **self._kw)

    def pprint(self, object):
        pprint(object, self._stream, sort_dicts=self._sort, **self._kw)
