#!/usr/bin/env python3
"""Writes pylib/_mpn_ucd.py, the tables of mpnode's unicodedata module,
from the unicodedata of the CPython running this script (3.11: Unicode
14.0.0). Deterministic: the same Python gives the same file.

    python3 scripts/gen_unicodedata.py

Encodings (all little-endian; pylib/unicodedata.py reads them):
- Tables keyed by code point within a plane: 2-byte keys (cp & 0xFFFF),
  and a tuple of 18 entry indices where each plane's entries start.
- CAT (planes CPL): 3 bytes a run, key and category index into CATS; 31
  is "Lu and Ll alternating, Lu first". Every plane starts a run.
- CCC: 5 bytes a run of equal nonzero combining class: start(3) count ccc.
- DRUN: 8 bytes a run of code points with one-character decompositions:
  start(3) count target(3) flags (bit 7 compat, bit 5 the target steps by
  1 along the run, else it stays).
- DEC (planes DPL): 3 bytes a decomposition: key, info (bit 7 compat, bit
  6 a primary composite: its 2-character canonical decomposition composes
  in NFC; bits 0-5 its length in DPOOL, UTF-8). DOFF: the DPOOL offset of
  every 16th entry (2 bytes each); the others add the lengths between.
- NUM: 6 bytes a run: start(3) count kind index; kind bit 0 decimal, bit 1
  digit, bit 2 the value steps by 1 along the run; index into NUMV
  ('num/den' or 'num', space separated).
- Names: WORDS (space separated) with WOFF (2 bytes each: start offsets),
  NAMES (each name its word tokens then 0xff; a token is one byte < 0x80,
  or two: 0x80 + j // 254, j % 254 for word 128 + j), NRUN (7 bytes a run
  of consecutive named code points: start(3) count(2) first ordinal(2)),
  NIDX (3 bytes: the NAMES offset of every 16th name).
- CJK: 6 bytes a range of CJK UNIFIED IDEOGRAPH-X names: start(3) end(3).
"""
import os
import sys
import unicodedata as U
from fractions import Fraction

assert U.unidata_version == '14.0.0', U.unidata_version
MAX = 0x110000

# Code points whose names are tabled (the rest of the named characters:
# NotImplementedError). Latin, Greek, Cyrillic, IPA, combining marks,
# punctuation, currency, letterlike, arrows, math, technical, enclosed,
# box drawing, shapes, symbols, dingbats, CJK punctuation, fullwidth.
NAMED = [(0x0000, 0x052F), (0x1E00, 0x1FFF), (0x2000, 0x27FF), (0x2C60, 0x2C7F), (0x2E00, 0x2E7F),
         (0x3000, 0x303F), (0xFB00, 0xFB06), (0xFF00, 0xFFEF)]


def le(n, k):
    return bytes((n >> (8 * i)) & 255 for i in range(k))


def categories():
    cats = []
    runs = []
    prev = None
    for cp in range(MAX):
        c = U.category(chr(cp))
        if c not in cats:
            cats.append(c)
        # Lu Ll Lu Ll ... pairs fold into one alternating run
        if prev is not None and prev[1] in ('LuLl', 'Lu') and c == ('Ll' if (cp - prev[0]) % 2 else 'Lu') \
                and (prev[1] == 'LuLl' or cp == prev[0] + 1) and cp & 0xFFFF:
            if prev[1] == 'Lu':
                prev = (prev[0], 'LuLl')
                runs[-1] = prev
            continue
        if prev is not None and prev[1] == c and cp & 0xFFFF:
            continue
        prev = (cp, c)
        runs.append(prev)
    cats.sort()
    out = bytearray()
    planes = []
    for start, c in runs:
        if not start & 0xFFFF:
            planes.append(len(out) // 3)
        out += le(start, 2) + bytes((31 if c == 'LuLl' else cats.index(c),))
    planes.append(len(out) // 3)
    return cats, bytes(out), tuple(planes)


def combining():
    out = bytearray()
    cp = 0
    while cp < MAX:
        c = U.combining(chr(cp))
        if not c:
            cp += 1
            continue
        n = 1
        while n < 255 and cp + n < MAX and U.combining(chr(cp + n)) == c:
            n += 1
        out += le(cp, 3) + bytes((n, c))
        cp += n
    return bytes(out)


def decompositions():
    items = []
    for cp in range(MAX):
        d = U.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        compat = parts[0].startswith('<')
        seq = ''.join(chr(int(x, 16)) for x in parts if not x.startswith('<'))
        primary = (not compat and len(seq) == 2 and U.normalize('NFC', seq) == chr(cp))
        items.append((cp, compat, primary, seq))
    entries = []   # [start, compat, primary, step, count, seq]
    for cp, compat, primary, seq in items:
        if entries and len(seq) == 1 and not primary:
            e = entries[-1]
            if e[0] + e[4] == cp and e[1] == compat and not e[2] and len(e[5]) == 1 and e[4] < 255 \
                    and cp & 0xFFFF:
                step = ord(seq) - ord(e[5])
                if e[4] == 1 and step in (0, 1):
                    e[3] = step
                    e[4] += 1
                    continue
                if e[4] > 1 and step == e[4] * e[3]:
                    e[4] += 1
                    continue
        entries.append([cp, compat, primary, 0, 1, seq])
    out = bytearray()
    runs = bytearray()
    pool = bytearray()
    offs = bytearray()
    planes = [0] * 18
    n = 0
    for start, compat, primary, step, count, seq in entries:
        if count > 1:
            runs += le(start, 3) + bytes((count,)) + le(ord(seq), 3) + bytes(((128 if compat else 0) | (32 if step else 0),))
            continue
        b = seq.encode()
        assert len(b) < 64
        if n % 16 == 0:
            offs += le(len(pool), 2)
        for pl in range((start >> 16) + 1, 18):
            planes[pl] = n + 1
        out += le(start & 0xFFFF, 2) + bytes(((128 if compat else 0) | (64 if primary else 0) | len(b),))
        pool += b
        n += 1
    assert len(pool) < 65536
    return bytes(out), bytes(pool), bytes(runs), bytes(offs), tuple(planes)


def numerics():
    vals = []
    runs = []   # [start, count, kind, value]
    for cp in range(MAX):
        ch = chr(cp)
        v = U.numeric(ch, None)
        if v is None:
            continue
        kind = (1 if U.decimal(ch, None) is not None else 0) | (2 if U.digit(ch, None) is not None else 0)
        if runs:
            r = runs[-1]
            if r[0] + r[1] == cp and (r[2] & 3) == kind and r[1] < 255:
                if r[1] == 1 and v in (r[3], r[3] + 1):
                    r[2] |= 4 if v == r[3] + 1 else 0
                    r[1] += 1
                    continue
                if r[1] > 1 and v == r[3] + (r[1] if r[2] & 4 else 0):
                    r[1] += 1
                    continue
        runs.append([cp, 1, kind, v])
    out = bytearray()
    for start, count, kind, v in runs:
        f = Fraction(v).limit_denominator(100000)
        assert f.numerator / f.denominator == v, (start, v)
        s = str(f)
        if s not in vals:
            vals.append(s)
        out += le(start, 3) + bytes((count, kind, vals.index(s)))
    assert len(vals) < 256
    return bytes(out), ' '.join(vals)


def names():
    named = []
    for lo, hi in NAMED:
        for cp in range(lo, hi + 1):
            n = U.name(chr(cp), None)
            if n and not n.startswith('CJK UNIFIED IDEOGRAPH-'):
                named.append((cp, n))
    freq = {}
    for _, n in named:
        for w in n.split(' '):
            freq[w] = freq.get(w, 0) + 1
    words = sorted(freq, key=lambda w: (-freq[w], w))
    index = {w: i for i, w in enumerate(words)}
    assert len(words) < 128 + 127 * 254
    wtext = ' '.join(words)
    woff = bytearray()
    pos = 0
    for w in words:
        woff += le(pos, 2)
        pos += len(w) + 1
    assert pos < 65536
    text = bytearray()
    nidx = bytearray()
    for k, (_, n) in enumerate(named):
        if k % 16 == 0:
            nidx += le(len(text), 3)
        for w in n.split(' '):
            i = index[w]
            text += bytes((i,)) if i < 128 else bytes((0x80 + (i - 128) // 254, (i - 128) % 254))
        text.append(255)
    runs = bytearray()
    k = 0
    while k < len(named):
        j = k
        while j + 1 < len(named) and named[j + 1][0] == named[j][0] + 1 and j + 1 - k < 65535:
            j += 1
        runs += le(named[k][0], 3) + le(j - k + 1, 2) + le(k, 2)
        k = j + 1
    assert len(named) < 65536
    return wtext, bytes(woff), bytes(text), bytes(runs), bytes(nidx)


def cjk():
    out = bytearray()
    start = None
    for cp in range(MAX + 1):
        ok = cp < MAX and U.name(chr(cp), '').startswith('CJK UNIFIED IDEOGRAPH-')
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out += le(start, 3) + le(cp - 1, 3)
            start = None
    return bytes(out)


def lit(name, b):
    lines = []
    for i in range(0, len(b), 64):
        lines.append('    ' + repr(b[i:i + 64]))
    return '%s = (\n%s\n)\n' % (name, '\n'.join(lines))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cats, cat, cpl = categories()
    dec, pool, drun, doff, dpl = decompositions()
    num, numv = numerics()
    wtext, woff, text, runs, nidx = names()
    parts = [
        '# Generated by scripts/gen_unicodedata.py from CPython %d.%d\'s unicodedata\n'
        '# (Unicode %s). Do not edit: run the script again.\n' % (sys.version_info[0], sys.version_info[1], U.unidata_version),
        'CPL = %r\n' % (cpl,),
        'DPL = %r\n' % (dpl,),
        'CATS = %r\n' % ' '.join(cats),
        'NUMV = %r\n' % numv,
        'NAMED = %r\n' % (tuple(x for r in NAMED for x in r),),
        lit('CAT', cat), lit('CCC', combining()), lit('DEC', dec), lit('DPOOL', pool), lit('DRUN', drun), lit('DOFF', doff), lit('NUM', num),
        lit('WORDS', wtext.encode()), lit('WOFF', woff), lit('NAMES', text), lit('NRUN', runs), lit('NIDX', nidx),
        lit('CJK', cjk()),
    ]
    with open(os.path.join(root, 'pylib', '_mpn_ucd.py'), 'w') as f:
        f.write(''.join(parts))
    for n, b in [('CAT', cat), ('DEC', dec), ('DPOOL', pool), ('DRUN', drun), ('DOFF', doff), ('NUM', num), ('WORDS', wtext), ('WOFF', woff),
                 ('NAMES', text), ('NRUN', runs), ('NIDX', nidx)]:
        print(n, len(b), file=sys.stderr)


main()
