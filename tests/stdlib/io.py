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
