# ---- fnmatch basics
from fnmatch import fnmatch, fnmatchcase
for n, p in [('a.py', '*.py'), ('a.pyc', '*.py'), ('abc', 'a?c'), ('abc', 'a??c'), ('x', '*'), ('', '*'), ('', '?'), ('data_01.csv', 'data_*.csv'), ('a', '**a'), ('ab', '*a*b*')]:
    print(n, p, fnmatch(n, p), fnmatchcase(n, p))
# ---- fnmatch sets
from fnmatch import fnmatch
for n, p in [('a1', 'a[0-9]'), ('ax', 'a[0-9]'), ('ax', 'a[!0-9]'), ('a]', 'a[]]'), ('a-', 'a[a-]'), ('[', '['), ('a[b', 'a[b'), ('b', '[abc]'), ('d', '[!abc]'), ('c', '[a-c][')]:
    print(n, p, fnmatch(n, p))
# ---- fnmatch filter
import fnmatch
print(fnmatch.filter(['a.py', 'b.txt', 'c.py', 'readme'], '*.py'), fnmatch.filter([], '*'), fnmatch.filter(['log1', 'log22', 'log'], 'log?'))
# ---- backtracking
from fnmatch import fnmatchcase
print(fnmatchcase('aaaaaaaaab', '*a*a*a*b'), fnmatchcase('mississippi', '*sip*'), fnmatchcase('mississippi', 'm*iss*ppi'), fnmatchcase('abc', '*c*c'))
# ---- shlex split
import shlex
for s in ['a b  c', 'one "two three" four', "it's \"quoted\"", "'single quoted' x", 'esc\\ aped arg', 'a"b c"d', '"a\\"b"', "''", 'x # not comment', '  ']:
    print(repr(s), shlex.split(s))
# ---- shlex comments
import shlex
print(shlex.split('cmd --flag value # comment here', comments=True), shlex.split('a#b', comments=True))
# ---- shlex errors
import shlex
for s in ['"unterminated', "'open", 'trailing\\']:
    try:
        shlex.split(s)
    except ValueError as e:
        print('ValueError', e)
# ---- shlex quote join
import shlex
print(shlex.quote('simple'), shlex.quote(''), shlex.quote('has space'), shlex.quote("it's"), shlex.quote('$HOME'), shlex.join(['ls', '-l', 'my file']))
# ---- shlex roundtrip
import shlex
args = ['a b', "c'd", 'e"f', '', 'plain']
print(shlex.split(shlex.join(args)) == args)
# ---- warnings
import warnings
try:
    DeprecationWarning, RuntimeWarning, UserWarning
except NameError:  # mpnode: v1.9.4 has no warning categories built in
    from warnings import DeprecationWarning, RuntimeWarning, UserWarning
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('first')
    warnings.warn('dep', DeprecationWarning)
    warnings.warn(UserWarning('obj'))
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('ignore')
    warnings.warn('quiet')
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', message='skip')
    warnings.warn('skip me'); warnings.warn('keep me')
    print([str(x.message) for x in w])
print(warnings.formatwarning('msg', UserWarning, 'f.py', 3))
