# mpnode's io: in-memory text and binary streams with CPython 3.11's API and
# messages (StringIO, BytesIO), in Python. Packed when a node imports `io`,
# it is found before the runtime's C `io` (a weak link), whose StringIO lacks
# tell/readlines/writelines/truncate/closed and counts UTF-8 bytes.
# print(..., file=f) calls f.write (patch 0018), so these take it too.
# No files: open() and the file classes are not here (no file system).

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


try:
    _BYTES = (bytes, bytearray, memoryview)
except NameError:  # the runtime has no memoryview
    _BYTES = (bytes, bytearray)


class UnsupportedOperation(OSError):
    pass


def _closed(msg='I/O operation on closed file.'):
    return ValueError(msg)


def _size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError('argument should be integer or None, not %r' % type(size).__name__)
    return size


def _index(n):
    if not isinstance(n, int):
        raise TypeError('%r object cannot be interpreted as an integer' % type(n).__name__)
    return n


class _Base:
    # A stream over one value: _get() and _set() hold the text or bytes,
    # _pos the position; subclasses say how pieces are made.

    # CPython's StringIO methods say 'I/O operation on closed file' (no
    # full stop); BytesIO's, and those both inherit from IOBase, have one.
    def _check(self):
        if self._closed:
            raise _closed(self._closed_msg)

    def _check_base(self):
        if self._closed:
            raise _closed()

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __enter__(self):
        self._check_base()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_base()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check()
        return True

    writable = seekable = readable

    def isatty(self):
        self._check_base()
        return False

    def flush(self):
        self._check_base()

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def tell(self):
        self._check()
        return self._pos

    def getvalue(self):
        self._check()
        return self._get()

    def read(self, size=-1):
        self._check()
        size = _size(size)
        v = self._get()
        start = min(self._pos, len(v))
        end = len(v) if size < 0 else min(start + size, len(v))
        self._pos = max(self._pos, end)
        return v[start:end]

    def readline(self, size=-1):
        self._check()
        size = _size(size)
        v = self._get()
        start = min(self._pos, len(v))
        end = self._line_end(v, start)
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return v[start:end]

    def readlines(self, hint=-1):
        hint = _size(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def write(self, s):
        self._check()
        s = self._piece(s)
        n = len(s)
        if not n:
            return 0
        v = self._get()
        pos = self._pos
        if pos > len(v):
            v = v + self._pad * (pos - len(v))
        self._set(v[:pos] + s + v[pos + n:] if pos < len(v) else v + s)
        self._pos = pos + n
        return n

    def writelines(self, lines):
        self._check_base()
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif _index(size) < 0:
            raise ValueError(self._neg_size % size)
        v = self._get()
        if size < len(v):
            self._set(v[:size])
        return size


class StringIO(_Base):
    _closed_msg = 'I/O operation on closed file'
    _pad = '\0'
    _neg_size = 'Negative size value %d'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._newline = newline
        self._closed = False
        self._parts = []
        self._v = ''
        self._pos = 0
        if initial_value is not None:
            if not isinstance(initial_value, str):
                raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
            self._v = self._translate(initial_value)

    @property
    def newlines(self):
        self._check()
        return None

    @property
    def line_buffering(self):
        return False

    encoding = None
    errors = None

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl and nl != '\n':
            return s.replace('\n', nl)
        return s

    def _get(self):
        if self._parts:
            self._v += ''.join(self._parts)
            self._parts = []
        return self._v

    def _set(self, v):
        self._parts = []
        self._v = v

    def _piece(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        return self._translate(s)

    def write(self, s):
        # appending (the common case) keeps pieces and joins them once
        self._check()
        if self._parts or self._pos == len(self._v):
            s = self._piece(s)
            self._parts.append(s)
            self._pos += len(s)
            return len(s)
        return _Base.write(self, s)

    def tell(self):
        self._check()
        return self._pos

    def _line_end(self, v, start):
        nl = self._newline
        if nl == '':
            i = start
            n = len(v)
            while i < n:
                c = v[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    return i + 2 if v[i + 1:i + 2] == '\n' else i + 1
                i += 1
            return n
        i = v.find('\r' if nl == '\r' else '\n', start)
        return len(v) if i < 0 else i + 1

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        self._get()  # pending pieces are joined before the position moves
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
        elif whence == 1:
            if pos:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._pos
        elif whence == 2:
            if pos:
                raise OSError("Can't do nonzero cur-relative seeks")  # sic, CPython 3.11
            pos = len(self._get())
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(_Base):
    _closed_msg = 'I/O operation on closed file.'
    _pad = b'\0'
    _neg_size = 'negative size value %d'

    def __init__(self, initial_bytes=b''):
        self._closed = False
        self._pos = 0
        self._v = b'' if initial_bytes is None else self._piece(initial_bytes)

    def _get(self):
        return self._v

    def _set(self, v):
        self._v = v

    def _piece(self, b):
        if not isinstance(b, _BYTES):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return bytes(b)

    def _line_end(self, v, start):
        i = v.find(b'\n', start)
        return len(v) if i < 0 else i + 1

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        n = len(data)
        for i in range(n):  # v1.9.4 has no slice assignment on bytearray
            buffer[i] = data[i]
        return n

    def getbuffer(self):
        self._check()
        return _BYTES[-1](bytearray(self._v))

    def seek(self, pos, whence=0):
        self._check()
        pos = _index(pos)
        whence = _index(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._v) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)
