# mpnode's logging, written from CPython 3.11's documentation. Records with
# no handler configured, and those of basicConfig() without a stream, go to
# Flow-Like's log at the matching level (_flowlike.log: trace 0 .. error 4).
import time as _time

CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0
_NAMES = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_LEVELS = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING, 'WARNING': WARNING, 'INFO': INFO,
           'DEBUG': DEBUG, 'NOTSET': NOTSET}
BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'
raiseExceptions = True
_disable = 0


def getLevelName(level):
    if level in _NAMES:
        return _NAMES[level]
    if level in _LEVELS:
        return _LEVELS[level]
    return 'Level %s' % level


def addLevelName(level, name):
    _NAMES[level] = name
    _LEVELS[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _LEVELS:
            raise ValueError('Unknown level: %r' % level)
        return _LEVELS[level]
    raise TypeError('Level not an integer or a valid string: %r' % (level,))


def _host_level(levelno):
    if levelno >= ERROR:
        return 4
    if levelno >= WARNING:
        return 3
    if levelno >= INFO:
        return 2
    if levelno >= DEBUG:
        return 1
    return 0


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None):
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = pathname
        self.module = pathname.rsplit('.', 1)[0] if pathname else ''
        self.lineno = lineno
        self.funcName = func
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.created = _time.time()
        self.msecs = int(self.created * 1000) % 1000
        self.relativeCreated = 0
        self.thread = None
        self.threadName = 'MainThread'
        self.process = None
        self.processName = 'MainProcess'

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)


class Formatter:
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *, defaults=None):
        if style not in ('%', '{', '$'):
            raise ValueError('Style must be one of: %,{,$')
        self._style = style
        self._fmt = fmt or {'%': '%(message)s', '{': '{message}', '$': '${message}'}[style]
        self.datefmt = datefmt
        self._defaults = defaults or {}

    def usesTime(self):
        return {'%': '%(asctime)', '{': '{asctime', '$': 'asctime'}[self._style] in self._fmt

    def formatTime(self, record, datefmt=None):
        t = _time.gmtime(record.created)
        if datefmt:
            return _time.strftime(datefmt, t)
        return self.default_msec_format % (_time.strftime(self.default_time_format, t), record.msecs)

    def formatException(self, ei):
        import traceback
        return ''.join(traceback.format_exception(*ei)).rstrip('\n')

    def formatMessage(self, record):
        values = dict(self._defaults)
        values.update(record.__dict__)
        if self._style == '%':
            return self._fmt % values
        if self._style == '{':
            return self._fmt.format(**values)
        from string import Template
        return Template(self._fmt).substitute(values)

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            s = s + '\n' + record.exc_text
        return s


_defaultFormatter = Formatter()


class Filter:
    def __init__(self, name=''):
        self.name = name

    def filter(self, record):
        if not self.name or self.name == record.name:
            return True
        return record.name.startswith(self.name + '.')


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            r = f.filter(record) if hasattr(f, 'filter') else f(record)
            if not r:
                return False
        return True


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.level = _check_level(level)
        self.formatter = None
        self.name = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def handle(self, record):
        rv = self.filter(record)
        if rv:
            self.emit(record)
        return rv

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')

    def flush(self):
        pass

    def close(self):
        pass

    def handleError(self, record):
        pass


class StreamHandler(Handler):
    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = stream

    def emit(self, record):
        msg = self.format(record)
        if self.stream is None:
            _flowlike_log(record.levelno, msg)
        else:
            self.stream.write(msg + self.terminator)

    def setStream(self, stream):
        old = self.stream
        self.stream = stream
        return old


class FlowLikeHandler(Handler):
    # mpnode's: every record to Flow-Like's log at its level.
    def emit(self, record):
        _flowlike_log(record.levelno, self.format(record))


class NullHandler(Handler):
    def emit(self, record):
        pass

    def handle(self, record):
        pass


class FileHandler(StreamHandler):
    def __init__(self, *a, **k):
        raise OSError('mpnode: a node has no file system (logging.FileHandler)')


def _flowlike_log(levelno, msg):
    try:
        import _flowlike
        _flowlike.log(_host_level(levelno), msg)
    except ImportError:
        print(msg)


lastResort = FlowLikeHandler(WARNING)


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or _disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    def getChild(self, suffix):
        if self is root:
            return getLogger(suffix)
        return getLogger(self.name + '.' + suffix)

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                return False
            c = c.parent
        return False

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, None)
            elif not isinstance(exc_info, tuple):
                import sys
                e = _current_exc[-1] if _current_exc else None
                exc_info = (type(e), e, None) if e is not None else None
        record = LogRecord(self.name, level, '', 0, msg, args, exc_info, None, None)
        if extra:
            for k, v in extra.items():
                setattr(record, k, v)
        self.handle(record)

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        c = self
        found = 0
        while c:
            for h in c.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            if not c.propagate:
                break
            c = c.parent
        if not found and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def debug(self, msg, *args, **kw):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kw)

    def info(self, msg, *args, **kw):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kw)

    def warning(self, msg, *args, **kw):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kw)

    warn = warning

    def error(self, msg, *args, **kw):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kw)

    def exception(self, msg, *args, exc_info=True, **kw):
        self.error(msg, *args, exc_info=exc_info, **kw)

    def critical(self, msg, *args, **kw):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kw)

    fatal = critical

    def log(self, level, msg, *args, **kw):
        if not isinstance(level, int):
            raise TypeError('level must be an integer')
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kw)

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


_current_exc = []


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, 'root', level)


root = RootLogger(WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == 'root':
        return root
    lg = _loggers.get(name)
    if lg is None:
        lg = Logger(name)
        _loggers[name] = lg
        _fix_parents()
    return lg


def _fix_parents():
    for name, lg in _loggers.items():
        parent = root
        parts = name.split('.')
        for i in range(len(parts) - 1, 0, -1):
            p = _loggers.get('.'.join(parts[:i]))
            if p is not None:
                parent = p
                break
        lg.parent = parent


def basicConfig(**kwargs):
    force = kwargs.pop('force', False)
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
    if not root.handlers:
        handlers = kwargs.pop('handlers', None)
        stream = kwargs.pop('stream', None)
        filename = kwargs.pop('filename', None)
        if filename is not None:
            raise OSError('mpnode: a node has no file system (logging.basicConfig(filename=...))')
        if handlers is None:
            handlers = [StreamHandler(stream)]
        fmt = Formatter(kwargs.pop('format', None) or {'%': BASIC_FORMAT, '{': '{levelname}:{name}:{message}',
                                                        '$': '${levelname}:${name}:${message}'}[kwargs.get('style', '%')],
                        kwargs.pop('datefmt', None), kwargs.pop('style', '%'))
        for h in handlers:
            if h.formatter is None:
                h.setFormatter(fmt)
            root.addHandler(h)
        level = kwargs.pop('level', None)
        if level is not None:
            root.setLevel(level)
        kwargs.pop('encoding', None)
        kwargs.pop('errors', None)
        kwargs.pop('filemode', None)
        if kwargs:
            raise ValueError('Unrecognised argument(s): %s' % ', '.join(kwargs))


def _root_call(name):
    def f(msg, *args, **kw):
        if not root.handlers:
            basicConfig()
        getattr(root, name)(msg, *args, **kw)
    return f


debug = _root_call('debug')
info = _root_call('info')
warning = _root_call('warning')
warn = warning
error = _root_call('error')
exception = _root_call('exception')
critical = _root_call('critical')
fatal = critical


def log(level, msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kw)


def disable(level=CRITICAL):
    global _disable
    _disable = level


def shutdown():
    pass


def captureWarnings(capture):
    pass


class LoggerAdapter:
    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs['extra'] = self.extra
        return msg, kwargs

    def log(self, level, msg, *args, **kwargs):
        msg, kwargs = self.process(msg, kwargs)
        self.logger.log(level, msg, *args, **kwargs)

    def debug(self, msg, *a, **k):
        self.log(DEBUG, msg, *a, **k)

    def info(self, msg, *a, **k):
        self.log(INFO, msg, *a, **k)

    def warning(self, msg, *a, **k):
        self.log(WARNING, msg, *a, **k)

    def error(self, msg, *a, **k):
        self.log(ERROR, msg, *a, **k)

    def critical(self, msg, *a, **k):
        self.log(CRITICAL, msg, *a, **k)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)
