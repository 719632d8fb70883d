# mpnode's fnmatch: shell-style wildcards (*, ?, [seq], [!seq]) matched
# directly (no regular expressions), from CPython 3.11's documentation.


def _match(name, pat):
    # Iterative matcher with backtracking on the last '*'.
    n, p = 0, 0
    star = -1
    mark = 0
    while n < len(name):
        if p < len(pat):
            c = pat[p]
            if c == '*':
                star = p
                mark = n
                p += 1
                continue
            if c == '?':
                n += 1
                p += 1
                continue
            if c == '[':
                end, ok = _set(pat, p, name[n])
                if end is not None:
                    if ok:
                        n += 1
                        p = end
                        continue
                elif name[n] == '[':
                    n += 1
                    p += 1
                    continue
            elif c == name[n]:
                n += 1
                p += 1
                continue
        if star >= 0:
            p = star + 1
            mark += 1
            n = mark
            continue
        return False
    while p < len(pat) and pat[p] == '*':
        p += 1
    return p == len(pat)


def _set(pat, i, ch):
    j = i + 1
    neg = False
    if j < len(pat) and pat[j] == '!':
        neg = True
        j += 1
    if j < len(pat) and pat[j] == ']':
        j += 1
    while j < len(pat) and pat[j] != ']':
        j += 1
    if j >= len(pat):
        return None, False
    body = pat[i + 1 + neg:j]
    ok = False
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            if body[k] <= ch <= body[k + 2]:
                ok = True
            k += 3
        else:
            if body[k] == ch:
                ok = True
            k += 1
    return j + 1, ok != neg


def fnmatchcase(name, pat):
    return _match(name, pat)


def fnmatch(name, pat):
    return _match(name, pat)


def filter(names, pat):
    return [n for n in names if _match(n, pat)]


def translate(pat):
    raise NotImplementedError('mpnode: fnmatch.translate needs regular expressions mpnode does not have; use fnmatch()')
