# mpnode's os: the pure parts (os.path, sep, environ as an empty mapping,
# fspath, getenv). Nodes have no file system and no processes: those calls
# raise OSError naming mpnode.
from . import path  # (relative: the packer then packs os/path.py too)

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
linesep = '\n'
devnull = '/dev/null'
environ = {}


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    if hasattr(p, '__fspath__'):
        return p.__fspath__()
    raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)


def cpu_count():
    return 1


def getcwd():
    return '/'


def urandom(n):
    import urandom as _ur
    return bytes([_ur.getrandbits(8) for _ in range(n)])


def _nofs(*args, **kwargs):
    raise OSError('mpnode: a node has no file system')


listdir = mkdir = makedirs = remove = unlink = rmdir = rename = replace = stat = scandir = walk = chdir = _nofs
system = popen = getpid = kill = _nofs


class PathLike:
    pass
