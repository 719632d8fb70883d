# ---- quote
from urllib.parse import quote, quote_plus
print(quote('a b&c/d?e=f'), quote('a b/c', safe=''), quote('é ü'), quote(b'\xff x'), quote('~_.-'), quote(''), quote('/path with space/', safe='/'))
print(quote_plus('a b&c/d'), quote_plus('x+y z', safe='+'), quote_plus('no-space'))
# ---- unquote
from urllib.parse import unquote, unquote_plus
print(unquote('a%20b%26c'), unquote('%C3%A9t%C3%A9'), unquote('100%'), unquote('%zz%4'), unquote_plus('a+b%2Bc'), unquote('%E2%82'), unquote(b'%41'))
# ---- urlsplit
from urllib.parse import urlsplit
u = urlsplit('https://user:pw@Example.com:8080/p/a/t/h?query=1&b=2#frag')
print(u, u.scheme, u.netloc, u.path, u.query, u.fragment, u.hostname, u.port, u.username, u.password, u.geturl())
print(urlsplit('/relative/path?x=1'), urlsplit('mailto:someone@example.com'), urlsplit('//host/p'), urlsplit('http://[::1]:80/x').hostname)
# ---- urlparse
from urllib.parse import urlparse
p = urlparse('http://www.cwi.nl:80/%7Eguido/Python.html;params?q=1#f')
print(p, p.params, p.port, p._replace(scheme='https').geturl(), urlparse('file:///etc/passwd'), tuple(urlparse('x')))
# ---- urlunparse urlunsplit
from urllib.parse import urlunparse, urlunsplit
print(urlunparse(('https', 'example.com', '/path', '', 'a=1', 'top')), urlunsplit(('http', 'h', 'p', '', '')), urlunsplit(('', '', 'rel', 'q', '')))
# ---- urljoin
from urllib.parse import urljoin
base = 'http://a/b/c/d;p?q'
for rel in ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../g', '../..', '../../g', '.', './', 'http://x/y', '']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('https://example.com/api/v1/', 'users/3'), urljoin('https://example.com/api/v1', 'users'))
# ---- parse_qs
from urllib.parse import parse_qs, parse_qsl
print(parse_qsl('a=1&b=2&a=3&c=&d'), parse_qsl('a=1&c=', keep_blank_values=True), sorted(parse_qs('x=1&x=2&y=a+b%21').items()), parse_qs(''))
# ---- urlencode
from urllib.parse import urlencode
print(urlencode([('a', 1), ('b', 'x y'), ('c', 'é&')]), urlencode([('k', [1, 2])], doseq=True), urlencode([('k', [1, 2])]), urlencode([('s', 'a/b')], safe='/'))
# ---- urldefrag
from urllib.parse import urldefrag
print(urldefrag('http://x/y#frag'), urldefrag('http://x/y'), urldefrag('http://x/y#frag').url)
# ---- roundtrip
from urllib.parse import quote, unquote, urlencode, parse_qsl
s = 'Grüße & co / 100%'
print(unquote(quote(s)) == s, parse_qsl(urlencode([('q', s)])) == [('q', s)])
