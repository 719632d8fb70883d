# ---- constants
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, string.punctuation, repr(string.whitespace), len(string.printable))
# ---- capwords
import string
print(string.capwords('hello   wORLD  foo'), string.capwords('a-b c-d', '-'), repr(string.capwords('')), string.capwords(' x y '))
# ---- Template substitute
from string import Template
t = Template('$who likes $what')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}), t.substitute({'who': 'a'}, what='c'))
# ---- Template braces and dollars
from string import Template
print(Template('${noun}ification costs $$5').substitute(noun='vector'), Template('$a$b').substitute(a=1, b=2))
# ---- Template errors
from string import Template
try:
    Template('$who $missing').substitute(who='x')
except KeyError as e:
    print('KeyError', e.args[0])
try:
    Template('bad $ here').substitute()
except ValueError as e:
    print('ValueError', e)
# ---- safe_substitute
from string import Template
print(Template('$who owes $amount, $ ok ${x').safe_substitute(who='tim'))
# ---- identifiers
from string import Template
print(Template('$a ${b} $a $$c').get_identifiers(), Template('$a').is_valid(), Template('$').is_valid())
# ---- template subclass delimiter
from string import Template
class T(Template):
    delimiter = '%'
print(T('%name is %age').substitute(name='x', age=3))
# ---- membership
import string
print([c for c in 'a1!B ' if c in string.ascii_letters], all(c in string.hexdigits for c in 'cafe'), ''.join(c for c in 'Hi, there!' if c not in string.punctuation))
# ---- Formatter
import string
print(string.Formatter().format('{0}-{x}', 1, x=2), string.Formatter().vformat('{} {}', ('a', 'b'), {}))
