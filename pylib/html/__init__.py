# mpnode's html: escape and unescape (named references of HTML 4 and the
# common HTML5 ones, decimal and hex character references).
_NAMED = {
    'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'", 'nbsp': '\xa0', 'copy': '\xa9', 'reg': '\xae',
    'trade': '\u2122', 'hellip': '\u2026', 'mdash': '\u2014', 'ndash': '\u2013', 'lsquo': '\u2018',
    'rsquo': '\u2019', 'ldquo': '\u201c', 'rdquo': '\u201d', 'bull': '\u2022', 'middot': '\xb7', 'euro': '\u20ac',
    'pound': '\xa3', 'yen': '\xa5', 'cent': '\xa2', 'sect': '\xa7', 'deg': '\xb0', 'plusmn': '\xb1',
    'times': '\xd7', 'divide': '\xf7', 'frac12': '\xbd', 'frac14': '\xbc', 'frac34': '\xbe', 'laquo': '\xab',
    'raquo': '\xbb', 'iexcl': '\xa1', 'iquest': '\xbf', 'shy': '\xad', 'micro': '\xb5', 'para': '\xb6',
    'auml': '\xe4', 'ouml': '\xf6', 'uuml': '\xfc', 'Auml': '\xc4', 'Ouml': '\xd6', 'Uuml': '\xdc', 'szlig': '\xdf',
    'eacute': '\xe9', 'egrave': '\xe8', 'ecirc': '\xea', 'aacute': '\xe1', 'agrave': '\xe0', 'acirc': '\xe2',
    'iacute': '\xed', 'oacute': '\xf3', 'uacute': '\xfa', 'ntilde': '\xf1', 'ccedil': '\xe7', 'Eacute': '\xc9',
    'aring': '\xe5', 'Aring': '\xc5', 'aelig': '\xe6', 'AElig': '\xc6', 'oslash': '\xf8', 'Oslash': '\xd8',
    'larr': '\u2190', 'rarr': '\u2192', 'uarr': '\u2191', 'darr': '\u2193', 'hearts': '\u2665', 'alpha': '\u03b1',
    'beta': '\u03b2', 'gamma': '\u03b3', 'delta': '\u03b4', 'pi': '\u03c0', 'sigma': '\u03c3', 'omega': '\u03c9',
    'infin': '\u221e', 'ne': '\u2260', 'le': '\u2264', 'ge': '\u2265', 'zwj': '\u200d', 'zwnj': '\u200c',
}
_INVALID = {0x00: '\ufffd', 0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026',
            0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039',
            0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d',
            0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161',
            0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178'}


def escape(s, quote=True):
    s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    if quote:
        s = s.replace('"', '&quot;').replace("'", '&#x27;')
    return s


def unescape(s):
    if '&' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '&':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '#':
            j = i + 2
            hexa = j < n and s[j] in 'xX'
            if hexa:
                j += 1
            k = j
            while k < n and (s[k] in '0123456789' or (hexa and s[k] in 'abcdefABCDEF')):
                k += 1
            if k == j:
                out.append(c)
                i += 1
                continue
            num = int(s[j:k], 16 if hexa else 10)
            if k < n and s[k] == ';':
                k += 1
            if num in _INVALID:
                out.append(_INVALID[num])
            elif 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
                out.append('\ufffd')
            else:
                out.append(chr(num))
            i = k
            continue
        k = i + 1
        while k < n and (s[k].isalpha() or s[k].isdigit()) and k - i < 32:
            k += 1
        name = s[i + 1:k]
        if k < n and s[k] == ';' and name in _NAMED:
            out.append(_NAMED[name])
            i = k + 1
            continue
        done = False
        for L in range(len(name), 1, -1):
            if name[:L] in ('amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg') and name[:L] in _NAMED:
                out.append(_NAMED[name[:L]])
                i = i + 1 + L
                done = True
                break
        if not done:
            out.append(c)
            i += 1
    return ''.join(out)
