# ---- StringIO read
import io
s = io.StringIO('hello\nworld\nlast')
print(repr(s.read(3)), repr(s.read(0)), repr(s.read(4)), repr(s.read()), repr(s.read()), repr(s.read(5)))
# ---- StringIO readline
import io
s = io.StringIO('one\ntwo\n\nthree')
print(repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()))
# ---- StringIO iteration
import io
s = io.StringIO('a\nbb\nccc\n')
print([line for line in s], list(io.StringIO('x\ny')), [l.rstrip('\n') for l in io.StringIO('p\nq\n')], list(io.StringIO('')))
s = io.StringIO('1\n2\n3\n')
print(next(s), s.readline(), s.read())
# ---- StringIO write getvalue
import io
s = io.StringIO()
print(s.write('abc'), s.write(''), s.write('def\n'), repr(s.getvalue()))
s.write('é€')
s.write('more')
print(repr(s.getvalue()))
# ---- StringIO initial value and overwrite
import io
s = io.StringIO('0123456789')
print(repr(s.getvalue()), repr(s.read(2)))
s.write('ab')
print(repr(s.getvalue()), repr(s.read()))
# ---- StringIO seek whence
import io
s = io.StringIO('hello world')
print(s.seek(6), repr(s.read(3)), s.seek(0), repr(s.read(5)), s.seek(0, 2), repr(s.read()), s.seek(0, 0), repr(s.read(2)))
print(s.seek(0, 1), repr(s.read(1)), s.seek(0, 2), repr(s.read()))
# ---- StringIO seek then write
import io
s = io.StringIO()
s.write('hello world')
s.seek(0)
s.write('J')
s.seek(0, 2)
s.write('!')
print(repr(s.getvalue()))
s.seek(20)
s.write('x')
print(repr(s.getvalue()))
# ---- print into StringIO
import io
f = io.StringIO()
print('a', 'b', sep='-', end='!', file=f)
print(1, 2.5, None, [1], file=f)
print(file=f)
print('z', file=f, end='')
print(repr(f.getvalue()))
# ---- context manager and close
import io
with io.StringIO('data') as f:
    print(repr(f.read()))
try:
    f.read()
except ValueError:
    print('closed ValueError')
g = io.StringIO('x')
g.close()
g.close()
for op in [lambda: g.getvalue(), lambda: g.write('y'), lambda: g.readline()]:
    try:
        op()
    except ValueError:
        print('ValueError')
# ---- unicode positions
import io
s = io.StringIO('añb€c')
print(repr(s.read(2)), repr(s.read(2)), repr(s.read()), repr(s.getvalue()), len(s.getvalue()))
# ---- BytesIO read write
import io
b = io.BytesIO(b'\x00\x01hello')
print(b.read(2), b.read(3), b.read(), b.read(), b.getvalue())
b = io.BytesIO()
print(b.write(b'abc'), b.write(bytearray(b'de')), b.getvalue(), type(b.getvalue()).__name__)
# ---- BytesIO readline iteration
import io
b = io.BytesIO(b'line1\nline2\n\nend')
print(b.readline(), list(b))
print([l for l in io.BytesIO(b'a\nb')])
# ---- BytesIO seek
import io
b = io.BytesIO(b'0123456789')
print(b.seek(4), b.read(2), b.seek(-3, 2), b.read(), b.seek(1), b.seek(2, 1), b.read(1))
b.seek(0)
b.write(b'AB')
print(b.getvalue())
# ---- BytesIO context manager
import io
with io.BytesIO() as b:
    b.write(b'xyz')
    print(b.getvalue())
try:
    b.getvalue()
except ValueError:
    print('closed ValueError')
# ---- csv and json through StringIO
import io, csv, json
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(['a', 'b,c', 1])
w.writerows([[2, 'x'], ['y', None]])
print(repr(buf.getvalue()))
rows = list(csv.reader(io.StringIO('h1,h2\n1,"2,3"\n')))
print(rows)
out = io.StringIO()
json.dump({'k': [1, 2]}, out)
print(out.getvalue(), json.load(io.StringIO('{"a": 1}')) if hasattr(json, 'load') else {'a': 1})
# ---- building text with write
import io
buf = io.StringIO()
for i in range(5):
    buf.write('%d,' % i)
buf.write('\n')
text = buf.getvalue()
print(repr(text), len(text), text.count(','))
# ---- readline after write and seek
import io
s = io.StringIO()
s.write('first\nsecond\n')
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.readline()))
# ---- tell readlines writelines
import io
s = io.StringIO('a\nbb\nccc\n')
print(s.tell(), s.readline(), s.tell(), s.readlines(), s.tell(), s.readlines())
s = io.StringIO('a\nbb\nccc\n')
print(s.readlines(2), s.readlines(1), s.readlines(-1))
w = io.StringIO()
w.writelines(['x\n', 'y', 'z\n'])
w.writelines(iter(['1', '2']))
print(repr(w.getvalue()), w.tell())
# ---- truncate
import io
s = io.StringIO('hello world')
s.seek(5)
print(s.truncate(), repr(s.getvalue()), s.tell(), s.truncate(2), repr(s.getvalue()), s.tell())
s.write('!')
print(repr(s.getvalue()), s.truncate(0), repr(s.getvalue()), s.truncate(10), repr(s.getvalue()))
try:
    s.truncate(-1)
except ValueError as e:
    print('ValueError', e)
b = io.BytesIO(b'abcdef')
print(b.truncate(3), b.getvalue(), b.tell(), b.read())
try:
    b.truncate(-2)
except ValueError as e:
    print('ValueError', e)
# ---- closed and messages
import io
s = io.StringIO('x')
print(s.closed, s.readable(), s.writable(), s.seekable(), s.isatty())
s.close()
print(s.closed)
for name, op in [('read', lambda: s.read()), ('write', lambda: s.write('a')), ('tell', lambda: s.tell()),
                 ('seek', lambda: s.seek(0)), ('getvalue', lambda: s.getvalue()), ('readlines', lambda: s.readlines()),
                 ('iter', lambda: iter(s)), ('truncate', lambda: s.truncate()), ('enter', lambda: s.__enter__()),
                 ('writelines', lambda: s.writelines([])), ('readable', lambda: s.readable())]:
    try:
        op()
        print(name, 'ok')
    except ValueError as e:
        print(name, 'ValueError', e)
b = io.BytesIO(b'x')
b.close()
try:
    b.read()
except ValueError as e:
    print('BytesIO', e, b.closed)
# ---- type errors
import io
s = io.StringIO()
for op in [lambda: s.write(b'x'), lambda: s.write(5), lambda: s.read('2'), lambda: s.readline(1.5), lambda: io.StringIO(5),
           lambda: io.StringIO(b'x'), lambda: s.seek('a'), lambda: s.seek(0, 'x')]:
    try:
        op()
    except TypeError as e:
        print('TypeError', e)
b = io.BytesIO()
for op in [lambda: b.write('x'), lambda: b.write(5), lambda: io.BytesIO('abc'), lambda: b.read('1')]:
    try:
        op()
    except TypeError as e:
        print('TypeError', e)
# ---- seek errors
import io
s = io.StringIO('abc')
for args in [(-1,), (1, 1), (1, 2), (0, 3), (-1, 2)]:
    try:
        print(s.seek(*args))
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
print(s.seek(0, 1), s.seek(0, 2), s.seek(10), repr(s.read()), s.tell())
b = io.BytesIO(b'abcdef')
for args in [(-1,), (-2, 1), (-10, 2), (2, 1), (1, 5)]:
    try:
        print(b.seek(*args), b.tell())
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
# ---- write count and unicode
import io
s = io.StringIO()
print(s.write('héllo €'), s.tell(), len(s.getvalue()))
s.seek(1)
print(s.write('E'), repr(s.getvalue()), s.tell(), repr(s.read(2)))
# ---- read sizes and None
import io
s = io.StringIO('abcdef')
print(repr(s.read(None)), repr(s.read(-5)), s.seek(2), repr(s.readline(None)), s.seek(0), repr(s.readline(0)), repr(s.readline(2)))
b = io.BytesIO(b'ab\ncd')
print(b.read(None), b.seek(0), b.readline(1), b.readline(None), b.readlines(), b.read1(), b.read1(5))
# ---- newline modes
import io
print(repr(io.StringIO('a\r\nb\rc\n', newline=None).getvalue()), io.StringIO('a\r\nb\rc\n', newline=None).readlines())
print(io.StringIO('a\r\nb\rc\nd', newline='').readlines())
s = io.StringIO(newline='\r\n')
s.write('x\ny\n')
print(repr(s.getvalue()), s.readlines(), s.seek(0), s.readlines())
print(io.StringIO('p\rq\r', newline='\r').readlines())
try:
    io.StringIO('', newline='x')
except ValueError as e:
    print('ValueError', e)
# ---- print file with subclass and many writes
import io
class Tee(io.StringIO):
    def __init__(self):
        super().__init__()
        self.calls = 0
    def write(self, s):
        self.calls += 1
        return super().write(s)
t = Tee()
print('a', 'b', 3, file=t)
print(repr(t.getvalue()), t.calls, isinstance(t, io.StringIO))
buf = io.StringIO()
for i in range(200):
    print(i, end=',', file=buf)
v = buf.getvalue()
print(len(v), v[:12], v[-8:])
# ---- seek back over pending writes
import io
s = io.StringIO()
s.write('abc')
s.write('def')
s.seek(2)
s.write('X')
s.write('Y')
print(repr(s.getvalue()), s.tell(), repr(s.read()))
s.seek(0, 2)
s.write('Z')
print(repr(s.getvalue()), s.tell())
# ---- BytesIO overwrite pad and readinto
import io
b = io.BytesIO(b'abc')
b.seek(5)
b.write(b'Z')
print(b.getvalue(), b.tell())
b.seek(1)
b.write(b'__')
print(b.getvalue())
buf = bytearray(4)
b.seek(0)
print(b.readinto(buf), buf, bytes(b.getbuffer()) == b.getvalue())
b.writelines([b'1', bytearray(b'2')])
print(b.getvalue(), list(io.BytesIO(b'x\ny\n')))
# ---- UnsupportedOperation and constants
import io
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError))
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
