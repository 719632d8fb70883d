//! The json module as CPython 3's (issue 10, item 10): pylib/json.py over
//! the shim's parser. Multi-key dicts are compared sorted or dumped with
//! sort_keys, so these probes do not depend on dict order (another item).
//! Differential: see tests/semantics/mod.rs.

use crate::harness::check;

#[test]
fn json_dumps() {
    check(
        "json.dumps",
        "import json\nclass P:\n    def __init__(self, x):\n        self.x = x\n",
        &[
            "json.dumps({'a': 1})",
            "json.dumps([1, 2.5, 'x', None, True, False])",
            "json.dumps('é')",
            "json.dumps('é', ensure_ascii=False) == '\"é\"'",
            "json.dumps('😀')",
            "[ord(c) for c in json.dumps('😀', ensure_ascii=False)]",
            "json.dumps('a\"b\\\\c\\n\\t\\x01\\x7f')",
            "json.dumps(0.1 + 0.2)",
            "json.dumps(1e16)",
            "json.dumps(-0.0)",
            "json.dumps(float('nan'))",
            "json.dumps(float('inf'))",
            "json.dumps([float('-inf')])",
            "json.dumps(float('nan'), allow_nan=False)",
            "json.dumps(10**30)",
            "json.dumps((1, 2))",
            "json.dumps({'b': 1, 'a': [1, {'d': 2, 'c': 3}]}, sort_keys=True)",
            "json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent=2)",
            "json.dumps([1, [2, 3], {}], indent=2)",
            "json.dumps({'a': [], 'b': {}}, indent='\\t', sort_keys=True)",
            "json.dumps([1, 2], indent=0)",
            "json.dumps({'a': 1}, separators=(',', ':'))",
            "json.dumps([1, 2], separators=(';', '='))",
            "json.dumps({1: 'a'})",
            "json.dumps({2.5: 'a'})",
            "json.dumps({True: 'a'})",
            "json.dumps({None: 'a'})",
            "json.dumps({(1, 2): 'a'})",
            "json.dumps({(1, 2): 'a'}, skipkeys=True)",
            "json.dumps(P(3))",
            "json.dumps(P(3), default=lambda o: {'x': o.x})",
            "json.dumps({'p': P(1)}, default=lambda o: o.x)",
            "json.dumps({1, 2})",
            "json.dumps(b'x')",
            "json.dumps('')",
            "json.dumps([])",
            "json.dumps({})",
            "json.dumps({'k': 'ü'}, ensure_ascii=False) == '{\"k\": \"ü\"}'",
            "json.dumps([[[]]], indent=1)",
            "json.dumps(3.0)",
            "json.dumps(1e-7)",
            "json.dumps(123456789.123)",
        ],
    );
}

/// A plain `dumps()` goes through the shim's writer (`_json.dumps`); what
/// it declines (NaN, bytes, objects, cycles, lone surrogates) goes to the
/// Python encoder. Both must give CPython's text.
#[test]
fn json_dumps_native_path() {
    check(
        "json.dumps native",
        "import json\nfrom collections import Counter, OrderedDict\nfrom enum import IntEnum\nclass L(IntEnum):\n    A = 2\ncyc = []\ncyc.append(cyc)\n",
        &[
            "json.dumps('\\b\\f\\x00\\x1f\\x7f \\u20ac \\u00e9\\U0001f600\\u0800\\uffff')",
            "json.dumps('\\b\\x7f\\u20ac\\U0001f600', ensure_ascii=False)",
            "json.dumps({'\\u00e9': ['\\u00fc', {'k\\n': 1.5}], 'z': None, 'a': [True, False]})",
            "json.dumps({'b': 1, 'a': 2, 'c': {'y': 1, 'x': 2}})",
            "json.dumps([1, 2, [3, [4, {'a': (5, 6)}]]], separators=(',', ':'))",
            "json.dumps(Counter('abca'))",
            "json.dumps(OrderedDict([('z', 1), ('a', 2)]))",
            "json.dumps([L.A, {L.A: L.A}])",
            "json.dumps({1: 2, 2.5: 3, True: 4, None: 5, 10**20: 6})",
            "json.dumps([1, [2, float('nan')]])",
            "json.dumps([1, {'b': b'x'}])",
            "json.dumps(cyc)",
            "json.dumps('\\ud800')",
            "json.dumps(['a', '\\udc00b'], ensure_ascii=False) == '[\"a\", \"\\udc00b\"]'",
            "json.dumps(-(10**40))",
            "json.dumps([0.1, 1e22, 5e-324, 1.7976931348623157e308])",
            "json.dumps('x' * 300)[:5]",
            "json.dumps({'a': 1}, separators=('|', '='))",
        ],
    );
}

#[test]
fn json_loads() {
    check(
        "json.loads",
        "import json\nfrom collections import OrderedDict\n\
         def err(s):\n    try:\n        json.loads(s)\n    except json.JSONDecodeError as e:\n        \
         return (e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError), str(e))\n",
        &[
            "json.loads('{\"a\": 1}')",
            "sorted(json.loads('{\"b\": [1, 2.5, null], \"a\": true}').items())",
            "json.loads('[1, -0, -0.0, 1e5, 1E-2, 2.5]')",
            "[ord(c) for c in json.loads('\"\\\\u00e9\"')]",
            "[ord(c) for c in json.loads('\"\\\\ud83d\\\\ude00\"')]",
            "len(json.loads('\"\\\\ud83d\\\\ude00\"'))",
            "json.loads('\"a\\\\nb\\\\t\\\\\"c\\\\/\"')",
            "json.loads('12345678901234567890123')",
            "json.loads('0.1')",
            "json.loads('1.7976931348623157e308')",
            "json.loads('NaN') != json.loads('NaN')",
            "json.loads('Infinity')",
            "json.loads('[-Infinity]')",
            "json.loads(' \\n [1] \\t')",
            "json.loads(b'[1]')",
            "json.loads('\"é\"') == 'é'",
            "json.loads(5)",
            "err('[1,]')",
            "err('{\"a\": 1,}')",
            "err('{\"a\" 1}')",
            "err('[1 2]')",
            "err('')",
            "err('   ')",
            "err('nul')",
            "err('{1: 2}')",
            "err('\"abc')",
            "err('\"a\\nb\"')",
            "err('\"\\\\x\"')",
            "err('\"\\\\u12\"')",
            "err('1.')",
            "err('01')",
            "err('-')",
            "err('[1]\\n[2]')",
            "err('{\\n  \"a\": 1\\n  \"b\": 2\\n}')",
            "err(\"{'a': 1}\")",
            "err('[\"é\", x]')",
            "issubclass(json.JSONDecodeError, ValueError)",
            "json.loads('{\"a\": {\"b\": 1}}', object_hook=lambda d: ('hooked', sorted(d.items())))",
            "json.loads('{\"b\": 1, \"a\": 2}', object_pairs_hook=lambda p: p)",
            "list(json.loads('{\"b\": 1, \"a\": 2}', object_pairs_hook=OrderedDict).items())",
            "json.loads('[1.5, 2]', parse_float=str)",
            "json.loads('[1.5, 2]', parse_int=float)",
            "json.loads('[NaN]', parse_constant=lambda c: c)",
            "json.loads('\"\\\\ud800\"') == '\\ud800'",
            "json.loads(json.dumps({'x': [1, 'é', 2.5]})) == {'x': [1, 'é', 2.5]}",
            "json.loads(json.dumps('😀')) == '😀'",
        ],
    );
}

/// Item 11: a str the host cannot read as UTF-8 (a lone surrogate) in an
/// output is the run's error, naming where it is, not the host's "run
/// returned bytes that are not UTF-8"; the next run works.
#[test]
fn a_lone_surrogate_in_an_output_is_an_error_naming_its_path() {
    use mpnode_build::pack::pack;
    use mpnode_build::runtime::RUNTIME_WASM;
    use mpnode_host::{Engine, Node};
    use serde_json::json;
    let source = "\
def get_node():
    return {'name': 'sur', 'friendly_name': 'S', 'description': 'd', 'category': 'Test', 'pins': []}

def run(context):
    if context['inputs'].get('bad'):
        return {'outputs': {'text': ['ok', 'a\\ud800b']}, 'error': None}
    if context['inputs'].get('key'):
        return {'outputs': {'map': {'\\udfff': 1}}, 'error': None}
    return {'outputs': {'text': ['ok', 'caf\\u00e9 \\U0001f600']}, 'error': None}
";
    let wasm = pack(RUNTIME_WASM, source, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({"bad": true})).unwrap();
    let error = report.result.error.expect("an error");
    assert!(error.contains(r#"outputs["text"][1]"#) && error.contains("surrogate"), "{error}");
    let report = node.run(json!({"key": true})).unwrap();
    let error = report.result.error.expect("an error");
    assert!(error.contains(r#"outputs["map"]"#) && error.contains("surrogate"), "{error}");
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None);
    assert_eq!(report.result.outputs["text"], json!(["ok", "café 😀"]));
}
