# ---- reader basics
import csv
rows = list(csv.reader(['a,b,c', '1,2,3', '', 'x,,z']))
print(rows)
# ---- reader quoting
import csv
print(list(csv.reader(['"a,b",c', '"say ""hi""",x', '"",end', ' sp , x'])))
print(list(csv.reader(['a, b, c'], skipinitialspace=True)))
# ---- reader multiline
import csv
print(list(csv.reader(['"line1\n', 'line2",x\n', 'y,z\n'])))
# ---- reader dialects
import csv
print(list(csv.reader(['a\tb\tc'], dialect='excel-tab')), list(csv.reader(['a;b'], delimiter=';')), list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
# ---- reader from text splitlines
import csv
text = 'name,age\r\nann,30\r\nbob,25\r\n'
r = csv.reader(text.splitlines())
print(next(r), list(r), r.line_num)
# ---- writer
import csv
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
w = W()
cw = csv.writer(w)
cw.writerow(['a', 'b,c', 'say "hi"', 1, 2.5, None, ''])
cw.writerows([[1, 2], ['x\ny', 'z']])
cw.writerow([''])
print(repr(''.join(w.parts)))
# ---- writer quoting options
import csv
class W:
    def __init__(self):
        self.s = ''
    def write(self, s):
        self.s += s
for q in [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL]:
    w = W(); csv.writer(w, quoting=q).writerow(['a', 1, 2.5, 'b c']); print(repr(w.s))
w = W(); csv.writer(w, quoting=csv.QUOTE_NONE, escapechar='\\').writerow(['a,b', 'c']); print(repr(w.s))
w = W(); csv.writer(w, dialect='excel-tab', lineterminator='\n').writerow(['a', 'b\tc']); print(repr(w.s))
# ---- DictReader
import csv
rows = list(csv.DictReader(['name,age,city', 'ann,30,rome', 'bob,25', 'cy,1,x,extra']))
print([sorted(r.items(), key=lambda kv: str(kv[0])) for r in rows])
dr = csv.DictReader(['a,b', '1,2'], fieldnames=['x', 'y'])
print([sorted(r.items()) for r in dr], dr.fieldnames)
# ---- DictWriter
import csv
class W:
    def __init__(self):
        self.s = ''
    def write(self, s):
        self.s += s
w = W()
dw = csv.DictWriter(w, fieldnames=['id', 'name'])
dw.writeheader(); dw.writerow({'id': 1, 'name': 'a,b'}); dw.writerows([{'id': 2}, {'name': 'c', 'id': 3}])
print(repr(w.s))
try:
    dw.writerow({'id': 1, 'zzz': 2})
except ValueError:
    print('ValueError')
# ---- roundtrip
import csv
class W:
    def __init__(self):
        self.s = ''
    def write(self, s):
        self.s += s
data = [['plain', 'with,comma', 'with "quote"', 'multi\nline', '']]
w = W(); csv.writer(w).writerows(data)
print(list(csv.reader(w.s.splitlines(True))) == data)
# ---- dialect registry
import csv
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(list(csv.reader(['"a"|b'], dialect='pipes')), sorted(csv.list_dialects())[:3], csv.get_dialect('excel').delimiter)
try:
    csv.get_dialect('nope')
except csv.Error:
    print('Error')
