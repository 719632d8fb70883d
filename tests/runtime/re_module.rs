//! The `re` module (micropython/modre.c) in the real runtime, compared with
//! CPython's `re` on the same calls: each case is a Python expression that
//! tests/nodes/re_cases.py evaluates under both and reports in a common form.
//! The example node examples/regex_extract.py is run too.

use std::path::Path;

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Node};
use serde_json::{json, Value};

fn load_source(src: &str, name: &str) -> Node {
    let wasm = pack(RUNTIME_WASM, src, name).unwrap();
    Node::load(&Engine::new(), &wasm).unwrap()
}

use crate::support::{cpython_outputs, load};

/// Each expression's value under mpnode must equal CPython's.
fn compare_with_cpython(cases: &[&str]) {
    let inputs = json!({ "cases": cases });
    let mut node = load("tests/nodes/re_cases.py");
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let got = report.result.outputs["results"].as_array().unwrap().clone();
    let want = cpython_outputs("tests/nodes/re_cases.py", &inputs)["results"].as_array().unwrap().clone();
    assert_eq!(got.len(), cases.len());
    let diffs: Vec<String> = cases
        .iter()
        .zip(got.iter().zip(&want))
        .filter(|(_, (g, w))| g != w)
        .map(|(c, (g, w))| format!("{c}\n    mpnode:  {g}\n    CPython: {w}"))
        .collect();
    assert!(diffs.is_empty(), "{} of {} cases differ from CPython:\n{}", diffs.len(), cases.len(), diffs.join("\n"));
}

#[test]
fn matching_and_groups_match_cpython() {
    compare_with_cpython(&[
        // literals, ., anchors
        r"re.match('abc', 'abcdef')",
        r"re.match('abc', 'xabc')",
        r"re.search('abc', 'xxabcxx')",
        r"re.search('a.c', 'a\nc abc')",
        r"re.search('^b', 'ab')",
        r"re.search('c$', 'abc\n')",
        r"re.search('a$', 'a\nb')",
        r"re.fullmatch('a+', 'aaa')",
        r"re.fullmatch('a+', 'aaab')",
        r"re.fullmatch('a|ab', 'ab')",
        r"re.match('', 'abc')",
        // groups, alternation, nesting
        r"re.match('(a)(b)?(c)', 'ac')",
        r"re.match('(a|b)+', 'abba!')",
        r"re.match('((a)|(b))*', 'ab')",
        r"re.search('(foo|foobar)baz', 'foobarbaz')",
        r"re.match('(?:ab)+(c)', 'ababc')",
        r"re.match('(a*)*', 'b')",
        r"re.match('(a*)+b', 'aab')",
        r"re.match('(?P<first>\w+) (?P<last>\w+)', 'Ada Lovelace').group('last', 'first', 0)",
        r"re.match('(?P<y>\d{4})-(?P<m>\d\d)', '2024-05-01').groupdict()",
        r"re.match('(a)(x)?', 'a').groups('-')",
        r"re.match('(a)(x)?', 'a').span(2)",
        r"[re.match('(a)b(c)', 'abc').start(2), re.match('(a)b(c)', 'abc').end(1)]",
        r"re.match('(a)b', 'ab')[1]",
        r"re.match('(\w+)-\1', 'abc-abc')",
        r#"re.match('(?P<q>[\'"]).*?(?P=q)', '"hi" there').group(0)"#,
        // greedy and lazy, counted repeats
        r"re.match('a*', 'aaab')",
        r"re.match('a*?', 'aaab')",
        r"re.match('a+?b', 'aaab')",
        r"re.match('<.*>', '<a><b>')",
        r"re.match('<.*?>', '<a><b>')",
        r"re.match('a{2}', 'aaaa')",
        r"re.match('a{2,}', 'aaaa')",
        r"re.match('a{,2}', 'aaaa')",
        r"re.match('a{1,3}?', 'aaaa')",
        r"re.match('(ab){1,2}c', 'ababc')",
        r"re.match('a{x}', 'a{x}')",
        r"re.match('x?y??z', 'xyz')",
        // classes and escapes
        r"re.findall('[a-c]+', 'xxabcbaxcab')",
        r"re.findall('[^a-c ]+', 'xx abc yy')",
        r"re.findall('[]a]+', 'a]]b')",
        r"re.findall('[a\-z]', 'a-z b')",
        r"re.findall('[\d.]+', 'v1.25 and 3')",
        r"re.findall(r'\d+', 'a1b22c333')",
        r"re.findall(r'\D+', 'a1b22c333')",
        r"re.findall(r'\w+', 'hi, there_1 !')",
        r"re.findall(r'\W+', 'hi, there_1 !')",
        r"re.findall(r'\s+', 'a b\t\nc')",
        r"re.findall(r'\S+', ' a bc\t\nd ')",
        r"re.findall(r'\bfoo\b', 'foo foobar barfoo foo.')",
        r"re.findall(r'\Boo\B', 'foo boot')",
        r"re.findall(r'\$\d+\.\d\d', 'cost $12.50 or $3.99')",
        r"re.findall(r'\x41\u00e9\t', 'A\u00e9\t')",
        r"re.search(r'\Aab', 'ab') is not None and re.search(r'b\Z', 'ab\n') is None",
        // flags
        r"re.findall('abc', 'ABC abc AbC', re.IGNORECASE)",
        r"re.findall('[a-c]+', 'ABCabcXYZ', re.I)",
        r"re.findall('^\w', 'one\ntwo\nthree', re.MULTILINE)",
        r"re.findall('\w$', 'one\ntwo\nthree', re.M)",
        r"re.match('a.b', 'a\nb', re.DOTALL)",
        r"re.match('(?i)hello', 'HeLLo')",
        r"re.findall(r'\w+', 'héllo wörld', re.ASCII)",
        // compiled patterns
        r"re.compile(r'(\d+)').findall('a1b22')",
        r"re.compile('o').search('hello world', 5)",
        r"re.compile('b+').split('abbcbd')",
        r"re.compile(r'\s').sub('_', 'a b c', 1)",
        r"re.compile('x', re.I).fullmatch('X')",
        r"[m.span() for m in re.compile('a').finditer('banana')]",
    ]);
}

#[test]
fn sub_split_findall_match_cpython() {
    compare_with_cpython(&[
        r"re.sub('a', 'b', 'banana')",
        r"re.sub('a', 'b', 'banana', 2)",
        r"re.sub('a', 'b', 'banana', count=1)",
        r"re.subn('a', 'o', 'banana')",
        r"re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work')",
        r"re.sub(r'(?P<w>\w+)', r'<\g<w>|\g<1>|\g<0>>', 'ab cd')",
        r"re.sub(r'(a)|b', r'[\1]', 'ab')",
        r"re.sub('x', r'\n\t\\', 'axb')",
        r"re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333')",
        r"re.sub('x*', '-', 'abxd')",
        r"re.sub('', '-', 'abc')",
        r"re.sub(r'\s+', ' ', '  lots   of\n\nspace ')",
        r"re.sub('(?i)HELLO', 'bye', 'hello Hello')",
        r"re.sub('a', 'b', 'xyz')",
        r"re.split(',', 'a,b,,c')",
        r"re.split(r'\s*,\s*', 'a , b,c ,d')",
        r"re.split('(,)', 'a,b,c')",
        r"re.split('(,)|(;)', 'a,b;c')",
        r"re.split(',', 'a,b,c,d', 2)",
        r"re.split(',', 'a,b,c,d', maxsplit=1)",
        r"re.split('x*', 'axbc')",
        r"re.split(r'\b', 'hi there')",
        r"re.split('z', 'abc')",
        r"re.findall('a(b)?', 'ab a ab')",
        r"re.findall(r'(\w)(\d)', 'a1 b2 c')",
        r"re.findall('', 'ab')",
        r"re.findall('a*', 'baaac')",
        r"re.findall(r'\d{3}-\d{4}', 'call 555-1234 or 555-9876')",
        r"list(re.finditer(r'\d', 'a1b2'))",
        r"re.escape('a.b*c? [x] (y) $5 ^ a|b {1} + - # ~ & \\ _ é')",
        r"re.sub('b', 'x', re.escape('a.b'))",
    ]);
}

#[test]
fn unicode_text_steps_whole_characters() {
    compare_with_cpython(&[
        r"re.findall('.', 'héllo')",
        r"re.match('h.llo', 'héllo')",
        r"re.search('ö+', 'wöörld').span()",
        r"re.findall(r'\w+', 'héllo wörld ünïcödé straße')",
        r"re.findall(r'\w+', 'Привет, мир! Γειά σου κόσμε')",
        r"re.findall(r'\w+', '日本語 テキスト 中文')",
        r"re.findall(r'\W+', 'a — b « c » d … e € f 😀 g')",
        r"re.findall(r'\s+', 'a\u00a0b\u2003c\u3000d')",
        r"re.findall('[à-ÿ]+', 'voilà çà et là')",
        r"re.findall('[^a-z ]', 'naïve café')",
        r"re.sub('é', 'e', 'café résumé')",
        r"re.split(r'\s*—\s*', 'un — deux—trois')",
        r"[m.span() for m in re.finditer('ü', 'über grün ü')]",
        r"re.match(r'(\w+)\s(\w+)', 'Zoë Ångström').span(2)",
        r"re.search('😀(.)', 'ab😀c😀').groups()",
        r"re.findall(r'\bé\w*', 'été écrit ça')",
        r"re.sub(r'(\w)(\w*)', lambda m: m.group(1).upper() + m.group(2), 'élan vital')",
    ]);
}

#[test]
fn bad_patterns_raise_re_error() {
    compare_with_cpython(&[
        r"re.compile('(ab')",
        r"re.compile('ab)')",
        r"re.compile('[abc')",
        r"re.compile('*a')",
        r"re.compile('a**')",
        r"re.compile('a{3,2}')",
        r"re.compile('[z-a]')",
        r"re.compile(r'\q')",
        r"re.compile(r'(a)\2')",
        r"re.compile('a\\')",
        r"re.match('a', b'a')",
        r"re.match('(a)', 'a').group(2)",
        r"re.sub('(a)', r'\2', 'a')",
        r"re.match(b'(a+)', b'xaa')",
        r"re.search(b'a+', b'xaa').group()",
        // lookbehind must have a fixed width; lookaround groups must close
        r"re.compile('(?<=a|bc)d')",
        r"re.compile('(?<!a*)d')",
        r"re.compile('(?<=(a)\\1)d')",
        r"re.compile('(?=a')",
        r"re.compile('(?<a)')",
        r"re.compile('(?<=a|b)c')",
    ]);
}

#[test]
fn error_message_names_the_problem_and_position() {
    let mut node = load_source(
        "import re\ndef get_node():\n    return {}\ndef run(c):\n    re.compile(c['inputs']['p'])\n    return {'outputs': {}, 'error': None}\n",
        "node.py",
    );
    let report = node.run(json!({"p": "ab(c"})).unwrap();
    let err = report.result.error.unwrap();
    assert!(err.ends_with("ValueError: missing ), unterminated subpattern at position 4"), "{err}");
}

#[test]
fn catastrophic_backtracking_raises_runtime_error_and_long_subjects_work() {
    let src = r#"
import re
def get_node():
    return {}
def run(c):
    out = {}
    try:
        re.match('(a|aa)*b', 'a' * 60)
        out['blowup'] = 'finished'
    except RuntimeError as e:
        out['blowup'] = str(e)
    text = 'word ' * 4000
    out['long'] = len(re.findall(r'\w+', text))
    out['star'] = re.match('.*', text).end()
    out['sub'] = len(re.sub(r'\s+', '', text))
    out['nested'] = re.match('(' * 40 + 'a' + ')' * 40, 'a').end()
    try:
        re.match('(?=(a|aa)*b)', 'a' * 60)
        out['look'] = 'finished'
    except RuntimeError as e:
        out['look'] = str(e)
    try:
        re.compile('(' * 200 + ')' * 200)
        out['deep'] = 'compiled'
    except ValueError as e:
        out['deep'] = 'error'
    try:
        re.compile('(?:a{1000}){1000}')
        out['huge'] = 'compiled'
    except ValueError as e:
        out['huge'] = 'error'
    return {'outputs': out, 'error': None}
"#;
    let mut node = load_source(src, "node.py");
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let out = &report.result.outputs;
    assert_eq!(out["blowup"], "re: backtracking limit exceeded");
    assert_eq!(out["look"], "re: backtracking limit exceeded", "a lookaround shares the match's step budget");
    assert_eq!(out["long"], 4000);
    assert_eq!(out["star"], 20000);
    assert_eq!(out["sub"], 16000);
    assert_eq!(out["nested"], 1);
    assert_eq!(out["deep"], "error");
    assert_eq!(out["huge"], "error");
    // The instance is sound afterwards.
    let again = node.run(json!({})).unwrap();
    assert_eq!(again.result.outputs, report.result.outputs);
}

#[test]
fn import_names() {
    let src = "import re, ure\nfrom re import sub\ndef get_node():\n    return {}\ndef run(c):\n    return {'outputs': {'same': re is ure, 'sub': sub('a', 'b', 'aa')}, 'error': None}\n";
    let mut node = load_source(src, "node.py");
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    assert_eq!(report.result.outputs["same"], true);
    assert_eq!(report.result.outputs["sub"], "bb");
}

#[test]
fn example_regex_extract_node() {
    let inputs: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/regex_extract.json")).unwrap())
            .unwrap();
    let mut node = load("examples/regex_extract.py");
    assert_eq!(node.definition().unwrap()["name"], "wasm_python_regex_extract");
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let out = Value::Object(report.result.outputs.clone());
    assert_eq!(out["emails"], json!(["zoe.m@example.org", "ann.lee+work@mail.example.co.uk"]));
    assert_eq!(out["dates"], json!(["2024-05-01", "2024-06-03"]));
    assert_eq!(out, cpython_outputs("examples/regex_extract.py", &inputs));
}
