# ---- lookahead
import re
print(re.findall(r'\w+(?=,)', 'a, bb, ccc and d'), re.search(r'foo(?=bar)', 'foobaz foobar').span())
# ---- negative lookahead
import re
print(re.findall(r'\b(?!un)\w+', 'undo redo unzip zip'), re.match(r'(?!abc)\w+', 'abcd'))
# ---- lookbehind
import re
print(re.findall(r'(?<=\$)\d+', 'cost $30, $4 or 5'), re.search(r'(?<=-)\w+', 'spam-egg').group())
# ---- negative lookbehind
import re
print(re.findall(r'(?<!\d)\d{2}(?!\d)', '12 345 67 8 90x'), re.sub(r'(?<!\\)n', 'N', r'n\n an'))
# ---- lookbehind at the start
import re
print(re.search(r'(?<=a)b', 'b'), re.search(r'(?<!a)b', 'b').span(), re.findall(r'(?<=ab)c', 'abcabc'))
# ---- lookbehind alternatives of one width
import re
print(re.findall(r'(?<=a|b)x', 'ax bx cx'), re.findall(r'(?<=ab|cd)\d', 'ab1 cd2 ef3'), re.findall(r'(?<=[ab]{2})c', 'abc acc bbc c'))
# ---- variable width lookbehind is an error
import re
for p in [r'(?<=a|bc)x', r'(?<=a*)b', r'(?<=a+)b', r'(?<!x{1,2})y', r'(?<=(a)\1)b']:
    try:
        re.compile(p)
        print('compiled', p)
    except re.error:
        print('error', p)
# ---- fixed width lookbehind forms
import re
for p in [r'(?<=a{2})b', r'(?<=(a))b', r'(?<=\d\w.)x', r'(?<=(?:ab){2})c', r'(?<=\b)a', r'(?<=(?=a)a)b']:
    print(p, re.findall(p, 'aab 1bax ababc ab'))
# ---- captures inside lookahead
import re
m = re.match(r'(?=(\w+))\w', 'hello')
print(m.groups(), m.span(), m.lastindex)
m = re.search(r'(\d+)(?=(px|em))', 'width: 12em')
print(m.groups(), m.group(0))
# ---- captures of a failed negative lookahead are unset
import re
m = re.match(r'(?!(a)b)(\w)', 'ac')
print(m.groups(), m.span())
# ---- lookaround in a loop
import re
print(re.findall(r'(?:(?<=,)\w)+', 'a,b,c'), re.sub(r'(?=(\d{3})+$)', ',', '1234567'), re.sub(r'\B(?=(\d{3})+(?!\d))', ',', '1234567890'))
# ---- password style checks
import re
p = re.compile(r'^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$')
print([bool(p.match(s)) for s in ['abcdefgh', 'abcDEF12', 'Ab1', 'ABCDEFG1', 'zZ9zzzzzz']])
# ---- nested lookaround
import re
print(re.findall(r'(?<=(?<!x)a)b', 'ab xab aab'), re.findall(r'a(?=b(?!c))', 'ab abc abd'))
# ---- lookaround with unicode
import re
print(re.findall(r'(?<=é)\w', 'éa éé xé'), re.findall(r'\w(?=ü)', 'aü bü c'), re.sub(r'(?<=ß)', '|', 'aßbß'))
# ---- lookbehind on bytes
import re
print(re.findall(rb'(?<=\x00)\w', b'\x00a\x00b c'), re.split(rb'(?<=;)', b'a;b;c'))
# ---- split and sub with lookaround
import re
print(re.split(r'(?<=[.!?]) +', 'One. Two! Three? Four'), re.sub(r'(?<=[a-z])(?=[A-Z])', '_', 'camelCaseName').lower())
# ---- ignorecase lookaround
import re
print(re.findall(r'(?i)(?<=X)y', 'xy Xy xY'), re.findall(r'a(?!B)', 'ab aB ac', re.I))
# ---- empty lookarounds
import re
print(re.findall(r'(?=)', 'ab'), re.findall(r'(?<=)a', 'aa'), re.match(r'(?!)', 'a'))
# ---- lookahead repeated
import re
print(re.match(r'(?=a)*a', 'a').span(), re.findall(r'(?=(\w\w))', 'abcd'))
