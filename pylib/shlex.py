# mpnode's shlex: split (POSIX rules), quote, join, from CPython 3.11's
# documentation.
_SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_'


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError('s argument must not be None')
    out = []
    cur = None
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in ' \t\r\n':
            if cur is not None:
                out.append(cur)
                cur = None
            i += 1
        elif c == '#' and comments:
            if cur is not None:
                out.append(cur)
                cur = None
            while i < n and s[i] != '\n':
                i += 1
        elif c == "'":
            j = s.find("'", i + 1)
            if j < 0:
                raise ValueError('No closing quotation')
            cur = (cur or '') + s[i + 1:j]
            i = j + 1
        elif c == '"':
            i += 1
            buf = cur or ''
            while True:
                if i >= n:
                    raise ValueError('No closing quotation')
                c = s[i]
                if c == '"':
                    i += 1
                    break
                if c == '\\' and i + 1 < n and s[i + 1] in '$`"\\\n':
                    buf += s[i + 1]
                    i += 2
                else:
                    buf += c
                    i += 1
            cur = buf
        elif c == '\\':
            if i + 1 >= n:
                raise ValueError('No escaped character')
            cur = (cur or '') + s[i + 1]
            i += 2
        else:
            cur = (cur or '') + c
            i += 1
    if cur is not None:
        out.append(cur)
    return out


def quote(s):
    if not s:
        return "''"
    for c in s:
        if c not in _SAFE:
            return "'" + s.replace("'", "'\"'\"'") + "'"
    return s


def join(split_command):
    return ' '.join([quote(a) for a in split_command])
