# mpnode's os.path: posixpath's pure functions, written from CPython 3.11's
# documentation. exists/isfile/isdir answer False (no file system).
sep = '/'


def _s(p):
    if hasattr(p, '__fspath__'):
        p = p.__fspath__()
    return p


def isabs(s):
    return _s(s).startswith('/')


def join(a, *p):
    path = _s(a)
    for b in p:
        b = _s(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _s(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    p = _s(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    p = _s(p)
    dot = p.rfind('.')
    slash = p.rfind('/')
    if dot > slash:
        k = slash + 1
        while k < dot:
            if p[k] != '.':
                return p[:dot], p[dot:]
            k += 1
    return p, ''


def splitdrive(p):
    return p[:0], p


def normpath(path):
    path = _s(path)
    if path == '':
        return '.'
    initial = 1 if path.startswith('/') else 0
    if initial and path.startswith('//') and not path.startswith('///'):
        initial = 2
    comps = path.split('/')
    new = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not new) or (new and new[-1] == '..'):
            new.append(comp)
        elif new:
            new.pop()
    path = '/'.join(new)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(path):
    path = _s(path)
    if not isabs(path):
        path = join('/', path)
    return normpath(path)


realpath = abspath


def relpath(path, start='.'):
    if not path:
        raise ValueError('no path specified')
    s = [x for x in abspath(start).split('/') if x]
    p = [x for x in abspath(path).split('/') if x]
    i = 0
    while i < len(s) and i < len(p) and s[i] == p[i]:
        i += 1
    rel = ['..'] * (len(s) - i) + p[i:]
    return join(*rel) if rel else '.'


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    absf = [p.startswith('/') for p in paths]
    if any(absf) and not all(absf):
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split('/') if c and c != '.'] for p in paths]
    common = []
    for parts in zip(*split_paths):
        if all(x == parts[0] for x in parts):
            common.append(parts[0])
        else:
            break
    prefix = '/' if absf[0] else ''
    return prefix + '/'.join(common)


def normcase(s):
    return s


def expanduser(p):
    return p


def expandvars(p):
    return p


def exists(p):
    return False


isfile = isdir = islink = ismount = lexists = exists


def getsize(p):
    raise OSError('mpnode: a node has no file system')


getmtime = getatime = getctime = getsize
