//! str as CPython 3 has it (issue 10, item 5): methods, Unicode predicates
//! and case mapping over the whole BMP, codecs and their errors. Each test
//! is a batch of differential probes (see tests/probes/mod.rs).

#[test]
fn str_padding_and_affixes() {
    crate::probes::check(&[
        ("ljust", "print(repr('ab'.ljust(5)), repr('ab'.ljust(5, '*')), repr('abcdef'.ljust(3)), repr('é'.ljust(3, 'ü')))"),
        ("rjust", "print(repr('ab'.rjust(5)), repr('ab'.rjust(5, '-')), repr(''.rjust(2)), repr('ab'.rjust(-1)))"),
        ("center", "print([s.center(w, f) for s in ('a', 'ab', 'abc', '') for w in (4, 5, 6) for f in '*-'])"),
        ("center default", "print(repr('x'.center(4)), repr('xy'.center(5)), repr('é'.center(4, '·')))"),
        ("fill errors", "'a'.ljust(4, 'ab')"),
        ("fill errors empty", "'a'.center(4, '')"),
        ("zfill", "print(['42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), ''.zfill(3), 'abc'.zfill(2), '--1'.zfill(5), '1.5'.zfill(6)])"),
        ("expandtabs", "print(repr('a\\tb\\tc'.expandtabs()), repr('ab\\tc'.expandtabs(4)), repr('a\\n\\tb'.expandtabs(2)), repr('\\t'.expandtabs(0)))"),
        ("removeprefix", "print('prefix_name'.removeprefix('prefix_'), 'name'.removeprefix('x'), repr('ab'.removeprefix('')), 'aa'.removeprefix('a'))"),
        ("removesuffix", "print('file.txt'.removesuffix('.txt'), 'file'.removesuffix('.txt'), 'éé'.removesuffix('é'))"),
        ("removeprefix type", "'abc'.removeprefix(1)"),
        ("startswith tuple", "print('hello'.startswith(('he', 'x')), 'hello'.startswith(('x', 'y')), 'hello'.endswith(('lo', 'x')), 'hello'.endswith(()))"),
        ("startswith start end", "s = 'hello world'\nprint(s.startswith('world', 6), s.startswith('wor', 6, 8), s.startswith('wor', 6, 9), s.startswith('h', -11), s.startswith('', 11), s.startswith('', 12))"),
        ("endswith start end", "s = 'hello world'\nprint(s.endswith('hello', 0, 5), s.endswith('o', 0, -6), s.endswith('ld', -2), s.endswith('', 3, 1), s.endswith('x', None, None))"),
        ("startswith unicode", "print('żółw'.startswith('żó'), 'żółw'.startswith('ł', 2), 'żółw'.endswith('ł', 0, 3))"),
        ("startswith bad type", "'abc'.startswith(['a'])"),
    ]);
}

#[test]
fn str_split_strip_and_lines() {
    crate::probes::check(&[
        ("split maxsplit kw", "print('a b c d'.split(maxsplit=1), 'a,b,c'.split(',', maxsplit=1), 'a,b,c'.split(sep=',', maxsplit=0))"),
        (
            "rsplit maxsplit kw",
            "print('a b c d'.rsplit(maxsplit=1), 'a,b,c'.rsplit(',', maxsplit=1), 'a b  c '.rsplit(None, 1), '  a b'.rsplit(maxsplit=5))",
        ),
        ("split whitespace", "print('  a  b\\tc\\n'.split(), ''.split(), '   '.split(), ' a b '.split(None, 1), 'a b c '.split(None, 2))"),
        ("split unicode spaces", "print('a\\u00a0b\\u2003c\\u3000d'.split(), 'x\\u2028y'.split(), '\\x1cq\\x1fr'.split())"),
        ("rsplit whitespace", "print(' a  b c '.rsplit(), ' a  b c '.rsplit(None, 1), 'a\\u00a0b'.rsplit(None, 0))"),
        ("split empty sep", "'abc'.split('')"),
        ("split sep bad type", "'abc'.split(1)"),
        ("strip unicode", "print(repr('\\u00a0 x \\u3000'.strip()), repr('\\u2009y\\n'.lstrip()), repr('z\\u205f'.rstrip()))"),
        (
            "strip chars",
            "print('xxaxx'.strip('x'), 'éaé'.strip('é'), 'ab:c:'.rstrip(':'), 'ç-ç'.lstrip('ç'), 'abc'.strip(None), 'abcba'.strip('ab'))",
        ),
        ("splitlines", "print('a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x85h\\u2028i\\u2029j'.splitlines())"),
        (
            "splitlines keepends",
            "print('a\\nb\\r\\n\\nc'.splitlines(True), 'x\\r\\n'.splitlines(keepends=True), ''.splitlines(), '\\n'.splitlines())",
        ),
        ("partition", "print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kv'.partition('='))"),
    ]);
}

#[test]
fn str_translate_format_map_and_predicates() {
    crate::probes::check(&[
        ("maketrans two", "t = str.maketrans('abc', 'xyz')\nprint(sorted(t.items()), 'aabbcc d'.translate(t))"),
        ("maketrans three", "t = str.maketrans('ab', 'ba', 'c')\nprint(sorted(t.items(), key=lambda kv: kv[0]), 'abcabc'.translate(t))"),
        ("maketrans dict", "t = str.maketrans({'a': 'AA', 'b': None, ord('c'): 'C', 'é': 'e'})\nprint('abcé'.translate(t))"),
        ("maketrans errors", "str.maketrans('ab', 'c')"),
        ("maketrans dict key", "str.maketrans({'ab': 1})"),
        ("translate ints", "print('hello'.translate({104: 72, 108: None, 111: 'ø'}))"),
        ("format_map", "print('{name} is {age:>4}'.format_map({'name': 'Ann', 'age': 7}))"),
        ("format_map missing", "'{x}'.format_map({})"),
        ("isnumeric", "print([s.isnumeric() for s in ('123', '½', '²', '一二', 'Ⅻ', '1.5', '', '٣')])"),
        ("isdecimal", "print([s.isdecimal() for s in ('123', '½', '²', '٣٤', '१', '', '1a')])"),
        ("isdigit", "print([s.isdigit() for s in ('123', '½', '²', '٣', '①', '', 'x')])"),
        ("isalpha", "print([s.isalpha() for s in ('abc', 'é', 'Ωμέγα', '中文', 'ab1', '', 'ǅ', 'ª', 'a b')])"),
        ("isalnum", "print([s.isalnum() for s in ('abc1', 'é2', '½', '²x', '', 'a_b', 'Ⅻ')])"),
        ("isspace", "print([s.isspace() for s in (' \\t\\n', '\\u00a0', '\\u200b', '\\u3000', '\\x1c', '', 'a ', '\\u180e', '\\x85')])"),
        ("isidentifier", "print([s.isidentifier() for s in ('abc', '_x1', '1x', 'é', 'a-b', '', 'ℕ', 'x·y', '·x', 'a\\u0300', 'class')])"),
        ("isprintable", "print([s.isprintable() for s in ('abc', '', 'a\\n', 'é', '\\u00a0', ' ', '\\u200b', '\\x7f', '中', '\\U0001F600')])"),
        ("istitle", "print([s.istitle() for s in ('Hello World', 'Hello world', 'HELLO', 'H', '', '1A', 'A1b', 'ǅungla', 'Élan Vital', 'they\\'Re')])"),
        ("isupper islower", "print([(s.isupper(), s.islower()) for s in ('ABC', 'abc', 'Abc', '123', 'ÀÉ', 'àé', 'ǅ', 'ß', 'ΣΑ', 'ⓐ', 'Ⓐ', 'ª')])"),
        ("bytes keep ascii", "print(b'abc'.isalpha(), b'ABC'.upper(), b'a b'.split(), b'  x '.strip())"),
    ]);
}

#[test]
fn str_case_mapping_as_cpython() {
    crate::probes::check(&[
        ("one to many", "print('ﬁ'.upper(), 'ß'.upper(), 'ŉ'.upper(), 'ǰ'.upper(), 'ﬃ'.title(), 'ß'.title(), 'ΐ'.upper())"),
        ("latin extended b", "print('ǅ'.upper(), 'ǅ'.lower(), 'ǆ'.title(), 'Ǆ'.title(), 'ƀ'.upper(), 'Ƀ'.lower(), 'ȿ'.upper())"),
        ("casefold", "print('Straße'.casefold(), 'ﬁ'.casefold(), 'ſ'.casefold(), 'ΣΑΣ'.casefold(), 'Ꭰ'.casefold(), 'ꭰ'.casefold(), 'ABC'.casefold())"),
        ("casefold compare", "print('STRASSE'.casefold() == 'straße'.casefold(), 'µ'.casefold() == 'μ')"),
        ("final sigma", "print('ΟΔΟΣ ΟΔΟΣ.'.lower(), 'Σ'.lower(), 'ΑΣ\\'Α'.lower(), 'aΣb'.lower())"),
        ("title", "print('hello wORLD'.title(), \"they're bill's\".title(), 'ǆemal ǉubav'.title(), 'élan vital'.title(), '1st 2nd'.title())"),
        ("capitalize", "print('ǆemal'.capitalize(), 'hELLO'.capitalize(), 'ßa'.capitalize(), 'ﬁx'.capitalize())"),
        ("swapcase", "print('Hello Wörld'.swapcase(), 'ß'.swapcase(), 'ǅ'.swapcase(), 'ΣΑΣ'.swapcase())"),
        ("scripts", "print('армения'.upper(), 'ⴀ'.upper(), 'Ⴀ'.lower(), 'ꙁ'.upper(), 'ｂ'.upper(), 'ⓐ'.upper(), 'ǈ'.lower())"),
        ("cherokee georgian", "print('Ꮳ'.lower(), 'ꮳ'.upper(), 'ა'.upper(), 'Ა'.lower(), 'ა'.title())"),
        ("non bmp unchanged", "print('𝐀'.lower() == '𝐀', '😀'.upper() == '😀', len('😀'.upper()))"),
        ("repr printable", "print(repr('wörld'), repr('中文'), repr('a\\u200bb'), repr('\\x7f\\x85'), repr('\\u00a0'), ['é', 'ü'], {'k': 'ñ'})"),
    ]);
}

/// Predicates over the whole BMP, compared as the list of code points
/// where each one changes value.
fn predicate_probes(methods: &[&str]) -> Vec<(String, String)> {
    let body = |m: &str| {
        format!("prev = False\nout = []\nfor cp in range(0x10000):\n    v = chr(cp).{m}()\n    if v != prev:\n        out.append(cp)\n        prev = v\nprint(len(out), out)")
    };
    methods.iter().map(|m| (format!("{m} over the BMP"), body(m))).collect()
}

/// Case maps over the whole BMP in four blocks, compared as the code
/// points each one changes and what it maps them to.
fn map_probes(methods: &[&str]) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for m in methods {
        for lo in (0..0x10000).step_by(0x4000) {
            let hi = lo + 0x4000;
            v.push((
                format!("{m} over {lo:04x}-{:04x}", hi - 1),
                format!("out = []\nfor cp in range({lo}, {hi}):\n    c = chr(cp)\n    m = c.{m}()\n    if m != c:\n        out.append((cp, [ord(x) for x in m]))\nprint(len(out), out)"),
            ));
        }
    }
    v
}

fn check_owned(probes: Vec<(String, String)>) {
    let refs: Vec<(&str, &str)> = probes.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    crate::probes::check(&refs);
}

#[test]
fn unicode_predicates_match_cpython_over_the_whole_bmp() {
    check_owned(predicate_probes(&["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace"]));
}

#[test]
fn unicode_predicates_2_match_cpython_over_the_whole_bmp() {
    check_owned(predicate_probes(&["isprintable", "isidentifier", "isupper", "islower", "istitle"]));
}

#[test]
fn unicode_case_maps_match_cpython_over_the_whole_bmp() {
    check_owned(map_probes(&["upper", "lower", "title"]));
}

#[test]
fn unicode_case_maps_2_match_cpython_over_the_whole_bmp() {
    check_owned(map_probes(&["casefold", "swapcase", "capitalize"]));
}

#[test]
fn codecs_and_their_errors() {
    crate::probes::check(&[
        ("encode utf-8", "print('é€😀'.encode(), 'é'.encode('utf-8'), 'é'.encode('UTF8'), 'x'.encode(encoding='utf_8'))"),
        ("encode latin-1", "print('é'.encode('latin-1'), 'café'.encode('iso-8859-1'), 'ÿ'.encode('latin1'))"),
        ("encode ascii", "print('abc'.encode('ascii'), 'é'.encode('ascii', 'replace'), 'aéb€c'.encode('ascii', errors='ignore'))"),
        ("encode latin-1 replace", "print('a€b'.encode('latin-1', 'replace'), 'a€€b'.encode('latin-1', errors='ignore'))"),
        ("encode error", "'aé'.encode('ascii')"),
        ("encode error run", "'x€€y'.encode('latin-1')"),
        ("encode error non bmp", "'😀'.encode('latin-1')"),
        ("encode error attrs", "try:\n    'a€'.encode('latin-1')\nexcept UnicodeEncodeError as e:\n    print(e.encoding, repr(e.object), e.start, e.end, e.reason, isinstance(e, UnicodeError), isinstance(e, ValueError))"),
        ("decode utf-8", "print(b'caf\\xc3\\xa9'.decode(), b'\\xe2\\x82\\xac'.decode('utf-8'), bytes([240, 159, 152, 128]).decode() == '😀')"),
        ("decode latin-1", "print(b'caf\\xe9'.decode('latin-1'), bytes(range(250, 256)).decode('latin-1'))"),
        ("decode ascii", "print(b'abc'.decode('ascii'), repr(b'a\\xe9b'.decode('ascii', 'replace')), b'a\\xe9b'.decode('ascii', errors='ignore'))"),
        ("decode invalid start", "b'ab\\xffcd'.decode()"),
        ("decode continuation", "b'a\\xc3('.decode('utf-8')"),
        ("decode end of data", "b'a\\xe2\\x82'.decode()"),
        ("decode surrogate", "b'\\xed\\xa0\\x80'.decode()"),
        ("decode overlong", "b'\\xc0\\xaf'.decode()"),
        ("decode ascii error", "b'ok\\xe9'.decode('ascii')"),
        ("decode replace", "print(repr(b'a\\xffb\\xe2\\x82c\\xf0\\x9f'.decode('utf-8', 'replace')), b'a\\xffb'.decode(errors='ignore'))"),
        ("decode attrs", "try:\n    b'xy\\xff'.decode()\nexcept UnicodeDecodeError as e:\n    print(e.encoding, e.object, e.start, e.end, e.reason, repr(e))"),
        ("unknown encoding", "'a'.encode('klingon')"),
        ("unknown handler", "'é'.encode('ascii', 'bogus')"),
        ("str bytes encoding", "print(str(b'caf\\xe9', 'latin-1'), str(b'ok', 'ascii'), repr(str(b'a\\xff', 'utf-8', 'replace')))"),
        ("bytes str encoding", "print(bytes('é', 'latin-1'), bytes('é', 'utf-8'))"),
        ("round trip", "s = 'Zoë – 東京 😀'\nprint(s.encode().decode() == s, len(s.encode()), s.encode('utf-8', 'strict').decode('utf-8', 'strict'))"),
    ]);
}
