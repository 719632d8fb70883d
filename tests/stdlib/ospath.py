# ---- join
import os.path
print(os.path.join('a', 'b', 'c'), os.path.join('/a', 'b/'), os.path.join('a/', '/b', 'c'), os.path.join('', 'x'), os.path.join('a', ''), os.path.join('/'))
# ---- split basename dirname
import os
for p in ['/usr/lib/x.py', 'x.py', '/x', '/', 'a/b/', '//a//b', '']:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p))
# ---- splitext
import os.path
for p in ['a.txt', 'a.tar.gz', '.bashrc', 'a/b.c/d', 'x.', '..a', 'dir/.hidden.txt', 'noext']:
    print(p, os.path.splitext(p))
# ---- normpath
import os.path
for p in ['a//b/./c/..', '/../x', '../a/../../b', '', '.', 'a/', '//x/y', '///x', '/a/b/../../..', 'a/./b/../../c']:
    print(repr(p), os.path.normpath(p))
# ---- isabs abspath relpath
import os.path
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.relpath('/x/y', '/x/y'), os.path.relpath('/p/q', '/r/s'))
# ---- commonprefix commonpath
import os.path
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonprefix([]), os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonpath(['a/b', 'a/c']), os.path.commonpath(['/a']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError:
    print('ValueError')
# ---- os constants
import os
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.name)
# ---- environ
import os
print(os.environ.get('MPNODE_SURELY_UNSET_VAR'), os.getenv('MPNODE_SURELY_UNSET_VAR', 'dflt'), 'MPNODE_SURELY_UNSET_VAR' in os.environ)
# ---- fspath
import os
class P:
    def __fspath__(self):
        return '/from/fspath'
print(os.fspath('x'), os.fspath(b'y'), os.fspath(P()), os.path.join(P(), 'z'))
try:
    os.fspath(3)
except TypeError:
    print('TypeError')
# ---- split roundtrip
import os.path
for p in ['/a/b/c.txt', 'rel/file', 'f']:
    h, t = os.path.split(p)
    print(os.path.join(h, t) == p, os.path.splitext(t)[0] + os.path.splitext(t)[1] == t)
