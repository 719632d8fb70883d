# mpnode's warnings: warn() logs "file:line: Category: message" to
# Flow-Like's log as a warning (once per message and category, as CPython's
# default filter does); filters: simplefilter/filterwarnings actions
# "ignore", "error", "always", "default", "once".


class _Record:
    pass


# v1.9.4 has no warning categories among its builtins: they live here
# (from warnings import DeprecationWarning).
try:
    Warning = Warning
except NameError:
    class Warning(Exception):
        pass

    class UserWarning(Warning):
        pass

    class DeprecationWarning(Warning):
        pass

    class PendingDeprecationWarning(Warning):
        pass

    class SyntaxWarning(Warning):
        pass

    class RuntimeWarning(Warning):
        pass

    class FutureWarning(Warning):
        pass

    class ImportWarning(Warning):
        pass

    class UnicodeWarning(Warning):
        pass

    class BytesWarning(Warning):
        pass

    class ResourceWarning(Warning):
        pass

    class EncodingWarning(Warning):
        pass


_filters = []
_seen = {}
_showwarning_hook = None


def _category_of(message, category):
    if isinstance(message, Warning):
        return type(message)
    return category or UserWarning


def _action(category, text):
    for action, cat, msg in _filters:
        if issubclass(category, cat) and (not msg or text.startswith(msg)):
            return action
    return 'default'


def formatwarning(message, category, filename, lineno, line=None):
    return '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)


def showwarning(message, category, filename, lineno, file=None, line=None):
    text = formatwarning(message, category, filename, lineno, line)
    try:
        import _flowlike
        _flowlike.log(3, text.rstrip('\n'))
    except ImportError:
        print(text, end='')


def warn(message, category=None, stacklevel=1, source=None):
    category = _category_of(message, category)
    text = str(message)
    action = _action(category, text)
    if action == 'ignore':
        return
    if action == 'error':
        raise message if isinstance(message, Warning) else category(text)
    key = (text, category)
    if action in ('default', 'once', 'module') and key in _seen:
        return
    _seen[key] = 1
    if _catch:
        w = _Record()
        w.message = message if isinstance(message, Warning) else category(text)
        w.category = category
        w.filename = 'node.py'
        w.lineno = 0
        _catch[-1].append(w)
        return
    showwarning(text, category, 'node.py', 0)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _add(action, category, '', append)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    _add(action, category, message, append)


def _add(action, category, message, append):
    if action not in ('error', 'ignore', 'always', 'default', 'module', 'once'):
        raise ValueError('invalid action: %r' % (action,))
    item = (action, category, message)
    if item in _filters:
        _filters.remove(item)
    if append:
        _filters.append(item)
    else:
        _filters.insert(0, item)
    _seen.clear()


def resetwarnings():
    del _filters[:]
    _seen.clear()


_catch = []


class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        self._saved = list(_filters)
        self._saved_seen = dict(_seen)
        if self._action:
            simplefilter(self._action, self._category)
        if self._record:
            log = []
            _catch.append(log)
            return log
        _catch.append(None) if False else None
        return None

    def __exit__(self, *exc):
        del _filters[:]
        _filters.extend(self._saved)
        _seen.clear()
        _seen.update(self._saved_seen)
        if self._record:
            _catch.pop()
