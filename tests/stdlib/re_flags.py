# ---- verbose
import re
p = re.compile(r'''
    (\d{3})   # area
    [-\ ]?    # separator: escaped space
    (\d{4})   # number
''', re.VERBOSE)
print(p.match('555-1234').groups(), p.match('555 1234').groups(), p.match('5551234').groups())
# ---- verbose X alias and whitespace in classes
import re
print(re.findall(r'[ a]+ b', 'a ab  b', re.X), re.findall(r'a \# b', 'a#b', re.X), re.X == re.VERBOSE)
# ---- verbose quantifier after spaces
import re
print(re.match(r'a +  b {2}', 'aaabb', re.X).span(), re.match(r'(?x) a b # c', 'ab').group())
# ---- inline x flag with comments
import re
print(re.findall(r'''(?x)
  \b [A-Z]\w*   # capitalised
  (?= \s | $)   # then space or end
''', 'Alpha beta Gamma Delta,'))
# ---- verbose with alternation and groups
import re
print(re.findall(r' ( cat | dog ) s? ', 'cats dog birds dogs', re.X), re.sub(r' \s+ ', '-', 'a  b   c', flags=re.X))
# ---- combined flags
import re
print(re.findall(r'^ a . ', 'A\nab\nAc', re.I | re.M | re.X), re.findall(r'a.b', 'a\nb', re.S | re.X))
# ---- ascii flag
import re
print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'), re.findall(r'(?a)\d', '1٢3'))
# ---- unicode by default
import re
print(re.findall(r'\w+', 'Привет мир ΑΒΓ'), re.findall(r'\d', '٣4۵'), re.findall(r'\s', 'a\u3000b\xa0c'))
# ---- ascii flag with \b and \s
import re
print(re.findall(r'\bé\w*', 'é écho', re.A), re.split(r'\s', 'a\xa0b c', flags=re.ASCII))
# ---- flag values
import re
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.NOFLAG), re.IGNORECASE == re.I, re.ASCII == re.A)
# ---- Match.lastindex and lastgroup
import re
for p, s in [(r'(a)(b)', 'ab'), (r'((a)b)', 'ab'), (r'(a)(x)?', 'a'), (r'a', 'a'), (r'(?:(a)|(b))+', 'ab'), (r'(?:(a)|(b))+', 'ba'), (r'(a)()', 'a')]:
    m = re.match(p, s)
    print(p, m.lastindex, m.lastgroup)
# ---- lastgroup with names
import re
m = re.match(r'(?P<key>\w+)=(?P<val>\w+)', 'k=v')
print(m.lastindex, m.lastgroup)
tok = re.compile(r'(?P<num>\d+)|(?P<name>[a-z]+)|(?P<op>[-+*/])')
print([(m.lastgroup, m.group()) for m in tok.finditer('x+12*y')])
m = re.match(r'(?P<outer>(?P<inner>a)b)', 'ab')
print(m.lastindex, m.lastgroup)
# ---- Match.expand
import re
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Ada Lovelace')
print(m.expand(r'\2, \1'), m.expand(r'\g<last> \g<first>'), m.expand(r'[\g<1>]\n'), m.expand('x'))
m = re.match(rb'(a)(b)?', b'a')
print(m.expand(rb'<\1|\2>'))
# ---- expand errors
import re
m = re.match(r'(a)', 'a')
for t in [r'\2', r'\g<x>']:
    try:
        print(m.expand(t))
    except (re.error, IndexError) as e:
        print('error')
# ---- Pattern and Match names
import re
p = re.compile('a')
m = p.match('a')
print(isinstance(p, re.Pattern), isinstance(m, re.Match), isinstance('a', re.Pattern), type(m) is re.Match, type(p) is re.Pattern)
# ---- lastindex with sub and a function
import re
print(re.sub(r'(?P<d>\d)|(?P<w>[a-z])', lambda m: m.lastgroup + str(m.lastindex), 'a1b'))
# ---- flags with compiled pattern methods
import re
p = re.compile(r'''a   # letter a
                    b''', re.X | re.I)
print(p.findall('AB ab aB'), p.sub('-', 'xaby'), p.fullmatch('Ab').span())
