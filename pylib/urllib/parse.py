# mpnode's urllib.parse, written from CPython 3.11's documentation
# (RFC 3986 splitting and joining, percent-encoding, query strings).

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~')
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms', 'prospero',
                 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp',
               'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh',
               'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu', 'sip', 'sips',
               'mms', 'sftp', 'tel']
_SCHEME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.'


def quote_from_bytes(bs, safe='/'):
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore') if hasattr(safe, 'encode') else safe
    safe = _ALWAYS_SAFE | frozenset(safe)
    out = []
    for b in bs:
        if b in safe:
            out.append(chr(b))
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def quote(string, safe='/', encoding=None, errors=None):
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or 'utf-8')
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    if (isinstance(string, str) and ' ' not in string) or (isinstance(string, bytes) and b' ' not in string):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


_HEX = '0123456789abcdefABCDEF'


def unquote_to_bytes(string):
    if isinstance(string, str):
        string = string.encode('utf-8')
    out = bytearray()
    i = 0
    n = len(string)
    while i < n:
        c = string[i]
        if c == 37 and i + 2 < n + 0 and i + 2 <= n - 1 + 0 and chr(string[i + 1]) in _HEX and chr(string[i + 2]) in _HEX:
            out.append(int(bytes(string[i + 1:i + 3]), 16))
            i += 3
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _decode(b, encoding, errors):
    try:
        return b.decode(encoding or 'utf-8')
    except UnicodeError:
        if errors == 'strict':
            raise
        out = []
        i = 0
        n = len(b)
        while i < n:
            c = b[i]
            need = 1 if c < 0x80 else 2 if 0xc2 <= c < 0xe0 else 3 if 0xe0 <= c < 0xf0 else 4 if 0xf0 <= c < 0xf5 else 0
            if need:
                try:
                    out.append(b[i:i + need].decode('utf-8'))
                    i += need
                    continue
                except UnicodeError:
                    pass
            # one U+FFFD for the longest start of a valid sequence (as CPython)
            j = i + 1
            while need and j < n and j < i + need and 0x80 <= b[j] < 0xc0:
                j += 1
            out.append('\ufffd')
            i = j
        return ''.join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    if isinstance(string, bytes):
        return _decode(unquote_to_bytes(string), encoding, errors)
    if '%' not in string:
        return string
    return _decode(unquote_to_bytes(string), encoding, errors)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


class _Result(tuple):
    _fields = ()

    def __getattr__(self, name):
        f = type(self)._fields
        if name in f:
            return self[f.index(name)]
        if name == 'hostname':
            net = self[1].rpartition('@')[2]
            if net.startswith('['):
                return net[1:net.find(']')].lower() or None
            return net.partition(':')[0].lower() or None
        if name == 'port':
            net = self[1].rpartition('@')[2]
            if net.startswith('['):
                net = net[net.find(']') + 1:]
            p = net.partition(':')[2]
            if not p:
                return None
            if not p.isdigit():
                raise ValueError("Port could not be cast to integer value as %r" % p)
            v = int(p)
            if not 0 <= v <= 65535:
                raise ValueError('Port out of range 0-65535')
            return v
        if name == 'username':
            net = self[1]
            if '@' not in net:
                return None
            return net.rpartition('@')[0].partition(':')[0]
        if name == 'password':
            net = self[1]
            if '@' not in net:
                return None
            u = net.rpartition('@')[0]
            return u.partition(':')[2] if ':' in u else None
        raise AttributeError(name)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(['%s=%r' % (f, v) for f, v in zip(self._fields, self)]))

    __str__ = __repr__

    def _replace(self, **kw):
        return type(self)([kw.pop(f, v) for f, v in zip(self._fields, self)])

    def _asdict(self):
        return dict(zip(self._fields, self))


class SplitResult(_Result):
    _fields = ('scheme', 'netloc', 'path', 'query', 'fragment')

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_Result):
    _fields = ('scheme', 'netloc', 'path', 'params', 'query', 'fragment')

    def geturl(self):
        return urlunparse(self)


class DefragResult(_Result):
    _fields = ('url', 'fragment')

    def geturl(self):
        return self[0] + ('#' + self[1] if self[1] else '')


def urlsplit(url, scheme='', allow_fragments=True):
    url = url.strip(' \t\n\r\x00\x0b\x0c')
    for c in '\t\r\n':
        url = url.replace(c, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isalpha() and all(c in _SCHEME_CHARS for c in url[:i]):
        scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        end = len(url)
        for c in '/?#':
            k = url.find(c, 2)
            if k >= 0:
                end = min(end, k)
        netloc, url = url[2:end], url[end:]
        if ('[' in netloc and ']' not in netloc) or (']' in netloc and '[' not in netloc):
            raise ValueError('Invalid IPv6 URL')
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult((scheme, netloc, url, query, fragment))


def urlparse(url, scheme='', allow_fragments=True):
    s = urlsplit(url, scheme, allow_fragments)
    path = s[2]
    params = ''
    if s[0] in uses_params and ';' in path:
        k = path.rfind('/')
        k = path.find(';', k if k >= 0 else 0)
        if k >= 0:
            path, params = path[:k], path[k + 1:]
    return ParseResult((s[0], s[1], path, params, s[3], s[4]))


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = '%s;%s' % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urldefrag(url):
    if '#' in url:
        s = urlparse(url)
        return DefragResult((urlunparse((s[0], s[1], s[2], s[3], s[4], '')), s[5]))
    return DefragResult((url, ''))


def _remove_dots(segments):
    out = []
    for seg in segments:
        if seg == '..':
            if len(out) > 1 or (out and out[0] != ''):
                out.pop()
        elif seg != '.':
            out.append(seg)
    return out


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    bs, bn, bp, bpar, bq, bf = urlparse(base, '', allow_fragments)
    s, n, p, par, q, f = urlparse(url, bs, allow_fragments)
    if not s:
        s = bs
    if s != bs or s not in uses_relative:
        return url
    if s in uses_netloc:
        if n:
            return urlunparse((s, n, p, par, q, f))
        n = bn
    if not p and not par:
        p = bp
        par = bpar
        if not q:
            q = bq
        return urlunparse((s, n, p, par, q, f))
    base_parts = bp.split('/')
    if base_parts[-1] != '':
        del base_parts[-1]
    if p[:1] == '/':
        segments = p.split('/')
    else:
        segments = base_parts + p.split('/')
        segments[1:-1] = [x for x in segments[1:-1] if x]
    resolved = []
    for seg in segments:
        if seg == '..':
            try:
                resolved.pop()
            except IndexError:
                pass
        elif seg == '.':
            continue
        else:
            resolved.append(seg)
    if segments[-1] in ('.', '..'):
        resolved.append('')
    return urlunparse((s, n, '/'.join(resolved) or '/', par, q, f))


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
              max_num_fields=None, separator='&'):
    if not qs:
        return []
    if isinstance(qs, bytes):
        qs = qs.decode('ascii')
    out = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        if '=' in field:
            name, value = field.split('=', 1)
        else:
            if strict_parsing:
                raise ValueError('bad query field: %r' % (field,))
            name, value = field, ''
        if value or keep_blank_values:
            out.append((unquote_plus(name, encoding, errors), unquote_plus(value, encoding, errors)))
    return out


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
             max_num_fields=None, separator='&'):
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields, separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, 'items'):
        query = list(query.items())
    out = []
    for k, v in query:
        k = quote_via(k if isinstance(k, (str, bytes)) else str(k), safe)
        if not doseq or isinstance(v, (str, bytes)):
            out.append(k + '=' + quote_via(v if isinstance(v, (str, bytes)) else str(v), safe))
        else:
            try:
                items = list(v)
            except TypeError:
                out.append(k + '=' + quote_via(str(v), safe))
                continue
            for e in items:
                out.append(k + '=' + quote_via(e if isinstance(e, (str, bytes)) else str(e), safe))
    return '&'.join(out)
