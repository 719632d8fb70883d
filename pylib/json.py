# json as CPython 3.11 has it (issue 10), packed when a node imports json.
# Parsing goes through the shim's Rust parser (the codec that also reads the
# run envelope, via the native _json module); a document it refuses (an
# error, NaN/Infinity, a lone surrogate escape) or a call with hooks is
# parsed here, with CPython's JSONDecodeError messages and positions.
# Encoding follows CPython's encoder: separators, indent, sort_keys,
# default, ensure_ascii, allow_nan, skipkeys, check_circular; a plain
# dumps() goes through the shim's writer (_json.dumps) first.
import _json

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError', 'JSONDecoder', 'JSONEncoder']


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__('%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_WS = ' \t\n\r'
_DIGITS = '0123456789'
_CONST = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}


class _Parser:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict):
        self.s = s
        self.n = len(s)
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONST.__getitem__
        self.strict = strict

    def err(self, msg, pos):
        raise JSONDecodeError(msg, self.s, pos)

    def ws(self, i):
        s, n = self.s, self.n
        while i < n and s[i] in _WS:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= self.n:
            self.err('Expecting value', i)
        c = s[i]
        if c == '"':
            return self.string(i + 1)
        if c == '{':
            return self.object(i + 1)
        if c == '[':
            return self.array(i + 1)
        if c == 'n' and s[i:i + 4] == 'null':
            return None, i + 4
        if c == 't' and s[i:i + 4] == 'true':
            return True, i + 4
        if c == 'f' and s[i:i + 5] == 'false':
            return False, i + 5
        if c == 'N' and s[i:i + 3] == 'NaN':
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s[i:i + 8] == 'Infinity':
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s[i:i + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), i + 9
        return self.number(i)

    def number(self, start):
        s, n = self.s, self.n
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] in '123456789':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif i < n and s[i] == '0':
            i += 1
        else:
            self.err('Expecting value', start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and s[i] in 'eE':
            e = i
            i += 1
            if i < n and s[i] in '+-':
                i += 1
            d = i
            while i < n and s[i] in _DIGITS:
                i += 1
            if i > d:
                is_float = True
            else:
                i = e
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def hex4(self, i, end):
        h = self.s[i:i + 4]
        if len(h) == 4 and all(c in '0123456789abcdefABCDEF' for c in h):
            return int(h, 16)
        self.err('Invalid \\uXXXX escape', end)

    def string(self, i):
        s, n = self.s, self.n
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != '\\' and (s[j] >= ' ' or not self.strict):
                j += 1
            if j >= n:
                self.err('Unterminated string starting at', begin)
            chunks.append(s[i:j])
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                self.err('Invalid control character at', j)
            j += 1
            if j >= n:
                self.err('Unterminated string starting at', begin)
            e = s[j]
            if e != 'u':
                if e not in _ESC:
                    self.err('Invalid \\escape', j - 1)
                chunks.append(_ESC[e])
                i = j + 1
                continue
            if j + 5 >= n:
                self.err('Invalid \\uXXXX escape', j)
            u = self.hex4(j + 1, j)
            i = j + 5
            if 0xd800 <= u <= 0xdbff and i + 6 < n and s[i:i + 2] == '\\u':
                u2 = self.hex4(i + 2, i + 1)
                if 0xdc00 <= u2 <= 0xdfff:
                    u = 0x10000 + ((u - 0xd800) << 10 | (u2 - 0xdc00))
                    i += 6
            chunks.append(chr(u))

    def object(self, i):
        s = self.s
        pairs = []
        i = self.ws(i)
        if i < self.n and s[i] == '}':
            return self.finish(pairs), i + 1
        while True:
            if i >= self.n or s[i] != '"':
                self.err('Expecting property name enclosed in double quotes', i)
            k, i = self.string(i + 1)
            i = self.ws(i)
            if i >= self.n or s[i] != ':':
                self.err("Expecting ':' delimiter", i)
            i = self.ws(i + 1)
            v, i = self.value(i)
            pairs.append((k, v))
            i = self.ws(i)
            if i < self.n and s[i] == '}':
                return self.finish(pairs), i + 1
            if i >= self.n or s[i] != ',':
                self.err("Expecting ',' delimiter", i)
            i = self.ws(i + 1)

    def finish(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def array(self, i):
        s = self.s
        out = []
        i = self.ws(i)
        if i < self.n and s[i] == ']':
            return out, i + 1
        while True:
            v, i = self.value(i)
            out.append(v)
            i = self.ws(i)
            if i < self.n and s[i] == ']':
                return out, i + 1
            if i >= self.n or s[i] != ',':
                self.err("Expecting ',' delimiter", i)
            i = self.ws(i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, strict=True, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not ' + type(s).__name__)
    if cls is not None:
        return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                   parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, strict=strict, **kw).decode(s)
    if not (object_hook or parse_float or parse_int or parse_constant or object_pairs_hook) and strict:
        v = _json.loads(s)
        if v is not _json.FAIL:
            return v
    return _decode(s, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, strict)


def _decode(s, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None, strict=True):
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    p = _Parser(s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict)
    v, i = p.value(p.ws(0))
    i = p.ws(i)
    if i != p.n:
        p.err('Extra data', i)
    return v


def load(fp, **kw):
    return loads(fp.read(), **kw)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _decode(s, self.object_hook, self.parse_float, self.parse_int, self.parse_constant,
                       self.object_pairs_hook, self.strict)

    def raw_decode(self, s, idx=0):
        p = _Parser(s, self.object_hook, self.object_pairs_hook, self.parse_float, self.parse_int,
                    self.parse_constant, self.strict)
        return p.value(idx)


# ---- encoding ----------------------------------------------------------------------

# A str as a JSON string literal, escaped as CPython's encoder does it (C).
_quote = _json.quote
_INF = float('inf')


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)

    def encode(self, o):
        out = []
        self._enc(o, out, 0, {} if self.check_circular else None)
        return ''.join(out)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INF:
            text = 'Infinity'
        elif o == -_INF:
            text = '-Infinity'
        else:
            return repr(o) if type(o) is float else repr(float(o))
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant: ' + repr(o))
        return text

    def _enc(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append('%d' % o)
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple, dict)):
            if markers is not None:
                i = id(o)
                if i in markers:
                    raise ValueError('Circular reference detected')
                markers[i] = o
            if isinstance(o, dict):
                self._dict(o, out, level, markers)
            else:
                self._list(o, out, level, markers)
            if markers is not None:
                del markers[i]
        else:
            if markers is not None:
                if id(o) in markers:
                    raise ValueError('Circular reference detected')
                markers[id(o)] = o
            self._enc(self.default(o), out, level, markers)
            if markers is not None:
                del markers[id(o)]

    def _list(self, o, out, level, markers):
        if not o:
            out.append('[]')
            return
        out.append('[')
        sep = self.item_separator
        if self.indent is not None:
            level += 1
            nl = '\n' + self.indent * level
            sep = sep + nl
            out.append(nl)
        # Bound once: attribute lookups are what an item costs most here.
        append = out.append
        enc = self._enc
        first = True
        for v in o:
            if not first:
                append(sep)
            first = False
            enc(v, out, level, markers)
        if self.indent is not None:
            append('\n' + self.indent * (level - 1))
        append(']')

    def _dict(self, o, out, level, markers):
        if not o:
            out.append('{}')
            return
        out.append('{')
        sep = self.item_separator
        if self.indent is not None:
            level += 1
            nl = '\n' + self.indent * level
            sep = sep + nl
            out.append(nl)
        items = sorted(o.items()) if self.sort_keys else o.items()
        append = out.append
        enc = self._enc
        ascii = self.ensure_ascii
        ksep = self.key_separator
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = self._float(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = '%d' % k
            elif self.skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not ' + type(k).__name__)
            if not first:
                append(sep)
            first = False
            append(_quote(k, ascii))
            append(ksep)
            enc(v, out, level, markers)
        if self.indent is not None:
            append('\n' + self.indent * (level - 1))
        append('}')


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    if cls is None and indent is None and default is None and not sort_keys and not kw:
        # The shim's writer, in C speed; it declines (FAIL) what it does not
        # write exactly as CPython (NaN, bytes, other objects, cycles).
        item, key = separators or (', ', ': ')
        s = _json.dumps(obj, ensure_ascii, item, key)
        if s is not _json.FAIL:
            return s
    return (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                                allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                                sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
