# mpnode's traceback: formats an exception as v1.9.4 records it (file,
# line and function per frame; no source lines). v1.9.4 has no
# sys.exc_info(): format_exc() and print_exc() work inside an `except`
# block of code that called traceback.remember(e) -- prefer
# format_exception(e), which needs nothing else.
import _mpn_exc

_last = []


def remember(exc):
    del _last[:]
    _last.append(exc)


def format_exception_only(exc, value=None):
    e = value if value is not None else exc
    if isinstance(e, type):
        return ['%s\n' % e.__name__]
    msg = str(e)
    if isinstance(e, KeyError) and len(e.args) == 1:
        msg = repr(e.args[0])  # as CPython's KeyError.__str__
    return ['%s: %s\n' % (type(e).__name__, msg) if msg else '%s\n' % type(e).__name__]


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    e = value if value is not None else exc
    if isinstance(e, type) or e is None:
        return format_exception_only(e)
    # The chain (causes, contexts) first, as CPython's chain=True; v1.9.4
    # keeps no source lines.
    text = _mpn_exc.format(e)
    lines = [l + '\n' for l in text.split('\n') if l]
    if not lines:
        lines = ['Traceback (most recent call last):\n', '']
    lines[-1] = format_exception_only(e)[0]
    return lines


def format_exc(limit=None, chain=True):
    if not _last:
        raise RuntimeError('mpnode: traceback.format_exc() needs the exception (v1.9.4 has no sys.exc_info): '
                           'use traceback.format_exception(e)')
    return ''.join(format_exception(_last[-1]))


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    text = ''.join(format_exception(exc, value, tb))
    if file is None:
        print(text, end='')
    else:
        file.write(text)


def print_exc(limit=None, file=None, chain=True):
    text = format_exc()
    if file is None:
        print(text, end='')
    else:
        file.write(text)


def format_tb(tb, limit=None):
    return []


def format_stack(f=None, limit=None):
    return []


def extract_stack(f=None, limit=None):
    return []
