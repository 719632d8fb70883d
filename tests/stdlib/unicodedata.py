# ---- version
import unicodedata
print(unicodedata.unidata_version)
# ---- category
import unicodedata as u
print([u.category(c) for c in 'aZ5 ,\n\u0301€←ǅ\u2028\ue000\U0010ffff中한ⅷ½\u200b🙂'])
# ---- category of every kind
import unicodedata as u
print(sorted(set(u.category(chr(c)) for c in range(0, 0x3000, 7))))
print([u.category(chr(c)) for c in (0x378, 0xd7a4, 0x1f600, 0xe0001, 0x10fffd, 0x2c00, 0x10400, 0x1e900)])
# ---- combining
import unicodedata as u
print([u.combining(c) for c in 'a\u0300\u0316\u0327\u05b0\u093c\u0e38\u3099\u1dce'], u.combining('\U0001d165'))
# ---- decimal digit numeric
import unicodedata as u
print(u.decimal('7'), u.decimal('٣'), u.digit('²'), u.numeric('½'), u.numeric('Ⅻ'), u.numeric('五'), u.numeric('௰'), u.numeric('⅓'))
print(u.decimal('²', None), u.digit('½', -1), u.numeric('a', 'x'), u.decimal('𝟗'), u.digit('①'), u.numeric('⑳'), u.numeric('𐄳'))
# ---- numeric errors
import unicodedata as u
for n, f in (('decimal', u.decimal), ('digit', u.digit), ('numeric', u.numeric)):
    try:
        f('x')
    except ValueError as e:
        print(n, e)
# ---- NFC and NFD
import unicodedata as u
s = 'Ame\u0301lie café Ω Å ﬁ ḕ'
for f in ('NFC', 'NFD'):
    r = u.normalize(f, s)
    print(f, len(r), [hex(ord(c)) for c in r if ord(c) > 127])
# ---- NFKC and NFKD
import unicodedata as u
s = 'ﬁ ① ｶ ㍿ x² ½ Ⅻ ǅ ﬀ 𝐀 ＡＢＣ ℌ'
for f in ('NFKC', 'NFKD'):
    r = u.normalize(f, s)
    print(f, ascii(r))
# ---- canonical ordering
import unicodedata as u
s = 'a\u0323\u0302 a\u0302\u0323 q\u0307\u0323 \u1e0b\u0323 e\u0301\u0316\u0300'
for f in ('NFD', 'NFC', 'NFKD', 'NFKC'):
    print(f, ascii(u.normalize(f, s)))
# ---- hangul
import unicodedata as u
s = '한국어 \u1100\u1161\u11a8 \u1112\u1161'
print(ascii(u.normalize('NFD', s)), ascii(u.normalize('NFC', u.normalize('NFD', s))), ascii(u.normalize('NFC', s)))
# ---- composition exclusions and singletons
import unicodedata as u
for s in ['\u0958', '\u2126', '\u212b', '\u0344', 'e\u0308\u0301', '\u0f73', '\ufb1d', '\U0001d15e', '\u0387', 'Å\u0304']:
    print(ascii(u.normalize('NFC', s)), ascii(u.normalize('NFD', s)), ascii(u.normalize('NFKC', s)))
# ---- normalize errors and is_normalized
import unicodedata as u
try:
    u.normalize('NFX', 'a')
except ValueError as e:
    print('ValueError', e)
print(u.is_normalized('NFC', 'café'), u.is_normalized('NFD', 'café'), u.is_normalized('NFKC', 'ﬁ'), u.normalize('NFC', ''), u.normalize('NFKD', 'plain'))
# ---- normalize round trips
import unicodedata as u
text = 'Ελληνικά Кириллица Ǆemal Ŀ ǈ ΐ ῼ ѷ ӂ ő ṩ ẛ ǖ ḯ Ǻ'
for f in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    r = u.normalize(f, text)
    print(f, len(r), u.normalize(f, r) == r, sum(map(ord, r)))
# ---- name
import unicodedata as u
print([u.name(c) for c in 'aÉ ß€Ωж→≠•—«✓①─■☃'])
print([u.name(c) for c in 'ǅʼ̈́ϔЀҨ‰₿℃⅓↯∑⌘␀⑴╬◉♫❤⸮、ＡﾟΏ'])
# ---- name of algorithmic names
import unicodedata as u
print(u.name('中'), u.name('\U00020000'), u.name('한'), u.name('각'), u.name('\ud7a3'), u.name('\u4dbf'))
# ---- name errors and default
import unicodedata as u
print(u.name('\x00', 'none'), u.name('\u0378', None), u.name('\ue000', 0))
try:
    u.name('\n')
except ValueError as e:
    print('ValueError', e)
# ---- lookup
import unicodedata as u
print(u.lookup('LATIN SMALL LETTER A WITH GRAVE'), u.lookup('greek small letter lamda'), u.lookup('EURO SIGN'), u.lookup('BLACK HEART SUIT'), u.lookup('CYRILLIC CAPITAL LETTER ZHE'))
print(u.lookup('SPACE') == ' ', u.lookup('HANGUL SYLLABLE GAG'), u.lookup('CJK UNIFIED IDEOGRAPH-4E2D'), u.lookup('RIGHTWARDS ARROW'), u.lookup('LATIN CAPITAL LETTER A'))
# ---- lookup errors
import unicodedata as u
for n in ['NO SUCH THING', 'LATIN SMALL LETTER', 'LATIN SMALL LETTER A WITH', '', 'HANGUL SYLLABLE QQ', 'CJK UNIFIED IDEOGRAPH-0041']:
    try:
        print(repr(u.lookup(n)))
    except KeyError as e:
        print('KeyError', e)
# ---- name lookup round trip
import unicodedata as u
cps = list(range(0x20, 0x7f)) + list(range(0xa0, 0x250)) + list(range(0x370, 0x3ff)) + list(range(0x400, 0x460)) + list(range(0x2010, 0x2030)) + list(range(0x2190, 0x21a0))
ok = [c for c in cps[::3] if u.category(chr(c)) != 'Cn' and u.lookup(u.name(chr(c))) == chr(c)]
print(len(ok), sum(len(u.name(chr(c))) for c in ok))
# ---- argument errors
import unicodedata as u
for n, f in (('category', u.category), ('combining', u.combining), ('name', u.name)):
    for a in ('ab', 5):
        try:
            f(a)
        except TypeError:
            print(n, 'TypeError')
