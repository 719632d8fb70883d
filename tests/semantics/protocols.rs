//! The protocols CPython's builtins follow on user objects (issue 10, items
//! 4, 7 and 8): mappings that are not dicts, the numeric special methods
//! (`__int__`, `__index__`, `__float__`, `__round__`, `__format__`),
//! reflected comparisons and `NotImplemented`, `print(file=)` into any
//! object with `write`, and dict views and iteration. Differential probes
//! (tests/semantics/probes.rs), one test per feature so that a failure names it.

/// `dict(x)`, `{**x}`, `d.update(x)`, `f(**x)` read a dict subclass or any
/// object with `keys()` and `__getitem__` as a mapping (patch 0016).
#[test]
fn mappings() {
    crate::probes::check(&[
        (
            "dict subclass into dict",
            "class D(dict):\n    pass\nd = D(b=1, a=2)\nprint(dict(d), {**d}, {**d, 'c': 3})\nx = {'z': 0}\nx.update(d)\nprint(x)\ndef f(**kw):\n    return kw\nprint(f(**d))",
        ),
        (
            "keys and getitem",
            "class M:\n    def keys(self):\n        return ['a', 'b']\n    def __getitem__(self, k):\n        return k * 2\nprint(dict(M()), {**M()})\nx = {'a': 0}\nx.update(M(), c=1)\nprint(x)\ndef f(**kw):\n    return kw\nprint(f(**M()))",
        ),
        (
            "subclass getitem is used",
            "class U:\n    def keys(self):\n        return iter('xy')\n    def __getitem__(self, k):\n        return k.upper()\nd = dict(U())\nprint(d, type(d).__name__)",
        ),
        (
            "counter and defaultdict",
            "from collections import Counter, defaultdict, OrderedDict\nc = Counter('abracadabra')\nprint(sorted(dict(c).items()))\ndd = defaultdict(list)\ndd['k'].append(1)\nprint(dict(dd), {**dd})\nprint(dict(OrderedDict([('q', 1), ('p', 2)])))",
        ),
        ("pairs still work", "print(dict([('a', 1), ['b', 2]]), dict(zip('ab', 'cd')))"),
        ("bad pairs", "try:\n    dict([(1, 2, 3)])\nexcept ValueError:\n    print('ValueError')"),
        ("not iterable", "dict(5)"),
        (
            "keys raises",
            "class K:\n    def keys(self):\n        return [1]\n    def __getitem__(self, k):\n        raise KeyError(k)\ndict(K())",
        ),
    ]);
}

/// A dict subclass in a node's outputs is written as a JSON object (the
/// shim's output JSON writer).
#[test]
fn dict_subclass_in_outputs() {
    use mpnode_build::pack::pack;
    use mpnode_build::runtime::RUNTIME_WASM;
    use mpnode_host::{Engine, Node};
    let src = "\
from collections import Counter, OrderedDict, defaultdict
class D(dict):
    pass
def get_node():
    return {'name': 'sub', 'friendly_name': 'Sub', 'description': 'test', 'category': 'Test', 'pins': []}
def run(context):
    dd = defaultdict(int)
    dd['z'] += 2
    return {'outputs': {'counter': Counter('abca'), 'plain': D(b=1, a=[D(x=None)]), 'dd': dd,
                        'od': OrderedDict([('k', 1)])}, 'error': None}
";
    let mut node = Node::load(&Engine::new(), &pack(RUNTIME_WASM, src, "sub.py").unwrap()).unwrap();
    let report = node.run(serde_json::json!({})).unwrap();
    assert!(report.result.error.is_none(), "{:?}", report.result.error);
    let got = serde_json::to_string(&report.result.outputs).unwrap();
    assert_eq!(got, r#"{"counter":{"a":2,"b":1,"c":1},"plain":{"b":1,"a":[{"x":null}]},"dd":{"z":2},"od":{"k":1}}"#);
}
