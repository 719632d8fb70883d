//! Containers and builtins as CPython 3 (issue 10, items 1, 2, 3 and 7),
//! by differential probes: each probe is a Python expression (or a small
//! function body that returns a value) run under CPython 3 on this machine
//! and under the runtime module in wasmi; `repr` of the results (or the
//! exception's type name) must be equal, so key order counts.
//!
//! The probes of one area run as one node (one module load), so the whole
//! file stays fast. A failing probe is named by its area and text.
//!
//! Probes avoid what other parts of issue 10 change (float repr, exception
//! messages other than those this part sets) and what CPython leaves
//! unspecified (the iteration order of sets: they are sorted first).

use mpnode_build::pack::{pack, pack_files, PackOptions, SourceFile};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, LogLevel, Node};
use serde_json::json;

/// The GC heap of the torture runs: small (an area's compiled probes take a
/// good part of it), so that the probes' dicts, deques
/// and sort buffers are collected around (README, "GC roots").
const TORTURE_HEAP: u32 = 192 << 10;

/// Runs every probe of an area; a probe's line is `index repr` or
/// `index EXC TypeName`.
fn program(probes: &[&str]) -> String {
    // json is packed only when a module imports it by name
    let mut src = String::from(if probes.iter().any(|p| p.contains("json.")) { "import json\n\n" } else { "" });
    src.push_str(
        "def _p(i, f):\n    try:\n        r = repr(f())\n    except Exception as e:\n        r = 'EXC ' + type(e).__name__\n    print(i, r)\n\n\
         def _pm(i, f):\n    try:\n        r = repr(f())\n    except Exception as e:\n        r = 'EXC ' + type(e).__name__ + ': ' + str(e)\n    print(i, r)\n\n\
         def run(context):\n",
    );
    for (i, probe) in probes.iter().enumerate() {
        // `!` first: the exception's message counts too
        let (helper, probe) = match probe.strip_prefix('!') {
            Some(p) => ("_pm", p),
            None => ("_p", *probe),
        };
        if probe.contains('\n') {
            src.push_str(&format!("    def _f{i}():\n"));
            for line in probe.trim_matches('\n').lines() {
                src.push_str(&format!("        {line}\n"));
            }
            src.push_str(&format!("    {helper}({i}, _f{i})\n"));
        } else {
            src.push_str(&format!("    {helper}({i}, lambda: ({probe}))\n"));
        }
    }
    src.push_str(
        "    return {'outputs': {}, 'error': None}\n\n\
         def get_node():\n    return {'name': 'probe', 'friendly_name': 'Probe', 'description': 'test', 'category': 'Test', 'pins': []}\n",
    );
    src
}

fn python(source: &str) -> String {
    crate::support::python3(source).unwrap_or_else(|e| panic!("CPython failed:\n{e}"))
}

fn micropython(engine: &Engine, source: &str, torture: bool) -> String {
    let wasm = if torture {
        let options = PackOptions { heap_size: Some(TORTURE_HEAP), gc_torture: true };
        pack_files(RUNTIME_WASM, &[SourceFile::new("probe.py", source.to_string())], &options).unwrap()
    } else {
        pack(RUNTIME_WASM, source, "probe.py").unwrap()
    };
    // GC torture collects on every allocation: fuel bounds it, not the clock
    // (a loaded machine pushed it past the 10 s deadline).
    let limits = if torture { Limits::default().with_timeout(None) } else { Limits::default() };
    let mut node = Node::load_with_limits(engine, &wasm, limits).unwrap();
    let report = node.run(json!({})).unwrap();
    assert!(report.result.error.is_none(), "{}", report.result.error.unwrap());
    let mut out = String::new();
    for entry in report.logs.iter().filter(|e| e.level == LogLevel::Info) {
        out.push_str(&entry.message);
        out.push('\n');
    }
    out
}

/// Runs an area's probes both ways and lists every probe whose lines differ.
fn check(area: &str, probes: &[&str]) {
    check_with(area, probes, false)
}

fn check_with(area: &str, probes: &[&str], torture: bool) {
    let src = program(probes);
    let expected = python(&format!("{src}\nrun({{}})\n"));
    let got = micropython(&Engine::new(), &src, torture);
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    assert_eq!(e.len(), probes.len(), "{area}: CPython printed {} lines for {} probes", e.len(), probes.len());
    let mut failures = Vec::new();
    for (i, probe) in probes.iter().enumerate() {
        let got_line = g.iter().find(|l| l.split(' ').next() == Some(&i.to_string())).copied().unwrap_or("(no line)");
        if got_line != e[i] {
            failures.push(format!("{area} #{i}: {probe}\n   CPython: {}\n   mpnode:  {got_line}", e[i]));
        }
    }
    assert!(failures.is_empty(), "{} of {} probes differ:\n{}", failures.len(), probes.len(), failures.join("\n"));
}

const DICT_ORDER: &[&str] = &[
            "\nd = {}\nd['b'] = 1; d['a'] = 2; d['c'] = 3\nreturn list(d)",
            "\nd = {}\nfor k in 'zyxwvutsrqponm': d[k] = ord(k)\nreturn d",
            "\nd = {}\nfor k in 'zyxwvutsrqponm': d[k] = ord(k)\nreturn list(d.keys()), list(d.values())",
            "\nd = {}\nfor k in 'zyxwvutsrqponm': d[k] = ord(k)\nreturn list(d.items())[:4]",
            "{'b': 1, 'a': 2, 'c': 3}",
            "{3: 'c', 1: 'a', 2: 'b', -7: 'x', 100: 'y'}",
            "dict([('q', 1), ('b', 2), ('x', 3)])",
            "dict(q=1, b=2, x=3, a=4)",
            "dict({'z': 1, 'a': 2}, m=3, b=4)",
            "{k: len(k) for k in ['pear', 'apple', 'fig', 'banana']}",
            "{i * 7 % 11: i for i in range(11)}",
            "dict.fromkeys('hello world')",
            "dict.fromkeys(['z', 'a', 'm'], 0)",
            "dict(zip('dcba', range(4)))",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\ndel d['a']\nd['a'] = 4\nreturn d",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\nd['b'] = 20\nreturn d",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\nd.pop('b')\nd['d'] = 4\nd['b'] = 5\nreturn d",
            "\nd = {'x': 1, 'y': 2, 'z': 3}\nreturn d.popitem(), d",
            "\nd = {}\nfor i in range(10): d[i] = i\nreturn [d.popitem() for _ in range(10)]",
            "\nd = {}\nreturn d.popitem()",
            "\nd = {'a': 1}\nd.setdefault('c', 3)\nd.setdefault('b', 2)\nd.setdefault('a', 9)\nreturn d",
            "\nd = {'a': 1, 'b': 2}\nd.update({'c': 3, 'a': 10})\nd.update([('e', 5)], f=6)\nreturn d",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\nreturn d.copy()",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\ndel d['b']\nreturn d.copy(), list(d)",
            "\nd = {}\nfor i in range(200): d['k%d' % i] = i\nfor i in range(0, 200, 3): del d['k%d' % i]\nreturn list(d)[:12], len(d)",
            "\nd = {}\nfor i in range(300): d[i] = i\nfor i in range(290): del d[i]\nfor i in range(5): d[-i] = i\nreturn d",
            "\nd = {}\nfor r in range(50):\n    d['a'] = r\n    del d['a']\n    d['b%d' % (r % 3)] = r\nreturn d",
            "\nd = {}\nfor i in range(1000): d[i * 7919 % 1009] = i\nreturn list(d)[:10], d[7919 % 1009], len(d)",
            "\ndef f(**kw):\n    return kw\nreturn f(z=1, a=2, m=3)",
            "\ndef f(**kw):\n    return list(kw)\nreturn f(b=1, **{'y': 2, 'c': 3})",
            "\ndef f(*a, **kw):\n    return kw\nreturn f(1, 2, q=1, **dict(p=2, o=3))",
            "\nclass A:\n    def __init__(self):\n        self.z = 1\n        self.a = 2\n        self.m = 3\nreturn A().__dict__",
            "\nd = {'one': 1, 'two': 2, 'three': 3}\nreturn [k for k in d], [v for v in d.values()]",
            "\nd = {'one': 1, 'two': 2, 'three': 3}\nreturn sorted(d, key=d.get), max(d, key=d.get)",
            "\nd = {True: 'a', 1.0: 'b', 2: 'c'}\nreturn d",
            "\nd = {(1, 2): 'a', 'x': 'b', None: 'c', 3.5: 'd'}\nreturn d, d[(1, 2)], d[None]",
            "\nd = {}\nfor w in 'the quick brown fox jumps over the lazy dog the end'.split():\n    d[w] = d.get(w, 0) + 1\nreturn d",
            "json.dumps({'z': 1, 'a': [1, {'y': 2, 'b': 3}], 'm': None})",
            "json.loads('{\"z\": 1, \"a\": {\"y\": 2, \"b\": 3}, \"m\": [1]}')",
            "list(json.loads('{\"b\": 1, \"a\": 2, \"c\": 3, \"aa\": 4}').items())",
            "\nd = {'a': 1, 'b': 2, 'c': 3}\nreturn d == {'c': 3, 'b': 2, 'a': 1}, d != {'a': 1}",
            "\nd = {'a': 1, 'b': 2}\nreturn 'a' in d, 'z' in d, len(d), bool(d), bool({})",
            "\nd = {'a': 1}\nreturn d['zz']",
            "\nd = {'a': 1}\ndel d['zz']",
            "\nd = {str(i): i for i in range(20)}\nd.clear()\nd['x'] = 1\nreturn d",
            "\nd = {}\nd[1] = 'a'\nd[1.0] = 'b'\nd[True] = 'c'\nreturn d",
            "\nd = {i: i for i in range(40)}\nfor i in range(0, 40, 2): del d[i]\nd[0] = 'new'\nreturn list(d)[-3:], d.popitem()",
            "\nimport collections\nd = collections.OrderedDict()\nd['z'] = 1; d['a'] = 2; d['m'] = 3\nreturn d",
            "\nimport collections\nd = collections.OrderedDict([('a', 1), ('b', 2), ('c', 3)])\nd.move_to_end('a')\nreturn list(d)",
            "\nimport collections\nd = collections.OrderedDict([('a', 1), ('b', 2), ('c', 3)])\nd.move_to_end('c', last=False)\nreturn list(d.items())",
            "\nimport collections\nd = collections.OrderedDict([('a', 1), ('b', 2), ('c', 3)])\nd.move_to_end('c', False)\nd.move_to_end('b')\nreturn list(d)",
            "\nimport collections\nd = collections.OrderedDict([('a', 1)])\nd.move_to_end('zz')",
            "\nimport collections\nd = collections.OrderedDict([('a', 1), ('b', 2)])\nreturn d.popitem(), list(d)",
            "\nimport collections\nd = collections.OrderedDict.fromkeys('xyz')\nreturn list(d)",
            "\nimport collections\nd = collections.OrderedDict([('a', 1), ('b', 2)])\nreturn d == collections.OrderedDict([('b', 2), ('a', 1)]), d == {'b': 2, 'a': 1}",
            "\nimport collections\nd = collections.OrderedDict((str(i), i) for i in range(100))\nfor i in range(0, 100, 2): del d[str(i)]\nreturn list(d)[:5], d['51']",
];

const DICT_API: &[&str] = &[
    "{'a': 1, 'b': 2} | {'b': 3, 'c': 4}",
    "{'a': 1} | {}",
    "\nd = {'a': 1, 'b': 2}\nd |= {'c': 3, 'a': 0}\nreturn d",
    "\nd = {'a': 1}\nd |= [('z', 26), ('b', 2)]\nreturn d",
    "{'a': 1} | [('b', 2)]",
    "\nd = {'a': 1}\ne = d | {'b': 2}\nreturn d, e, d is e",
    "sorted({'a': 1, 'b': 2, 'c': 3}.keys() & {'b', 'c', 'd'})",
    "sorted({'a': 1, 'b': 2}.keys() | {'z'})",
    "sorted({'a': 1, 'b': 2, 'c': 3}.keys() - {'a'})",
    "sorted({'a': 1, 'b': 2}.keys() ^ {'b', 'q'})",
    "sorted({'a': 1, 'b': 2}.keys() & ['a', 'x'])",
    "sorted({'a': 1, 'b': 2}.keys() & {'b': 0, 'c': 1}.keys())",
    "{'a': 1, 'b': 2}.keys() == {'a', 'b'}",
    "{'a': 1, 'b': 2}.keys() == {'b': 5, 'a': 6}.keys()",
    "{'a': 1, 'b': 2}.keys() == ['a', 'b']",
    "{'a': 1}.keys() <= {'a', 'b'}",
    "{'a': 1, 'c': 2}.keys() < {'a', 'b'}",
    "sorted({'a': 1, 'b': 2}.items() & {('a', 1), ('b', 3)})",
    "sorted({'a': 1, 'b': 2}.items() - {('a', 1)})",
    "('a', 1) in {'a': 1}.items()",
    "('a', 2) in {'a': 1}.items()",
    "'a' in {'a': 1}.keys()",
    "list(reversed({'x': 1, 'y': 2, 'z': 3}))",
    "list(reversed({}))",
    "\nd = {'x': 1, 'y': 2, 'z': 3}\ndel d['y']\nd['w'] = 0\nreturn list(reversed(d))",
    "[k for k in reversed(dict.fromkeys('abcd'))]",
    "{'b': 1, 'a': 2}.keys()",
    "{'b': 1, 'a': 2}.values()",
    "{'b': 1, 'a': 2}.items()",
    "len({'b': 1, 'a': 2}.keys())",
    "\nimport collections\nreturn collections.namedtuple('P', 'x y')(1, 2)._asdict()",
];

const SORT: &[&str] = &[
            "sorted(range(12), key=lambda x: x % 3)",
            "sorted(range(12), key=lambda x: x % 3, reverse=True)",
            "sorted(['bb', 'a', 'ccc', 'dd', 'e', 'fff'], key=len)",
            "sorted(['bb', 'a', 'ccc', 'dd', 'e', 'fff'], key=len, reverse=True)",
            "sorted([(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')], key=lambda t: t[0])",
            "sorted([3, 1, 2])",
            "sorted([3, 1, 2], reverse=True)",
            "sorted('hello world')",
            "sorted([])",
            "sorted([1])",
            "sorted([2, 1], key=None)",
            "sorted([5, 3, 5.0, 3.0, 1])",
            "sorted([5.0, 3, 5, 3.0, 1], reverse=True)",
            "sorted({'b': 2, 'a': 1, 'c': 0})",
            "sorted({'b': 2, 'a': 1, 'c': 0}.items(), key=lambda kv: kv[1])",
            "sorted([[2, 1], [1, 2], [1, 1], [2]])",
            "sorted(['B', 'a', 'C', 'b'], key=str.lower)",
            "sorted(['B', 'a', 'C', 'b', 'A'], key=str.lower, reverse=True)",
            "sorted([i * 7919 % 1000 for i in range(500)]) == list(sorted(set(i * 7919 % 1000 for i in range(500))))",
            "sorted([i * 37 % 101 for i in range(300)])[:20]",
            "sorted(range(300), key=lambda i: i * 37 % 7)[:30]",
            "sorted(range(300), key=lambda i: -(i % 5))[::29]",
            "sorted([3, 'a'])",
            "\nl = [4, 2, 3, 1]\nl.sort()\nreturn l",
            "\nl = [('b', 2), ('a', 2), ('c', 1), ('d', 1)]\nl.sort(key=lambda t: t[1])\nreturn l",
            "\nl = [('b', 2), ('a', 2), ('c', 1), ('d', 1)]\nl.sort(key=lambda t: t[1], reverse=True)\nreturn l",
            "\nrows = [{'n': 'x', 'a': 30}, {'n': 'y', 'a': 25}, {'n': 'z', 'a': 30}, {'n': 'w', 'a': 25}]\nrows.sort(key=lambda r: r['n'])\nrows.sort(key=lambda r: r['a'])\nreturn [r['n'] for r in rows]",
            "\ncalls = []\ndef k(x):\n    calls.append(x)\n    return -x\nr = sorted([3, 1, 2], key=k)\nreturn r, calls",
            "\nl = list(range(20, 0, -1))\nl.sort()\nreturn l",
            "\nl = [1, 2, 3, 4, 5]\nl.sort(reverse=True)\nreturn l",
            "\nclass V:\n    def __init__(s, v, t): s.v = v; s.t = t\n    def __lt__(s, o): return s.v < o.v\nreturn [x.t for x in sorted([V(2, 'a'), V(1, 'b'), V(2, 'c'), V(1, 'd')])]",
            "min([3, 1, 2])",
            "max([3, 1, 2])",
            "min(3, 1, 2)",
            "max('apple', 'fig', 'banana', key=len)",
            "min('apple', 'fig', 'kiwi', key=len)",
            "max(['aa', 'bb', 'c'], key=len)",
            "min(['aa', 'bb', 'c', 'd'], key=len)",
            "min([], default='empty')",
            "max([], default=None)",
            "max([], key=len, default=0)",
            "max([1, 5, 2], default=0)",
            "!min([])",
            "!max([])",
            "max([1, 3, 2], key=None)",
            "max({'a': 3, 'b': 5, 'c': 1}, key={'a': 3, 'b': 5, 'c': 1}.get)",
            "min((x for x in [5, 4, 6]), key=lambda v: abs(v - 5))",
            "max([(1, 'a'), (1, 'b')], key=lambda t: t[0])",
            "min([(1, 'a'), (1, 'b')], key=lambda t: t[0])",
];

const SLICES: &[&str] = &[
    "'hello'[::-1]",
    "'hello'[::2]",
    "'hello'[1::2]",
    "'hello'[-1:0:-2]",
    "'hello'[10:-10:-1]",
    "'hello'[::-7]",
    "'héllo wörld'[::-1].encode()",
    "'h€llo'[::2].encode()",
    "'a😀b😀c'[::-1].encode()",
    "[ord(c) for c in 'a😀b😀c'[1::2]]",
    "'abc'[::0]",
    "''[::-1]",
    "'abcdef'[4:1:-1]",
    "'abcdef'[1:4:-1]",
    "'abcdef'[-2::-2]",
    "b'hello'[::-1]",
    "b'hello'[::2]",
    "b'\\x00\\x01\\x02\\x03'[3:0:-1]",
    "bytearray(b'hello')[::-1]",
    "bytearray(b'abcdef')[1::2]",
    "(1, 2, 3, 4, 5)[::-1]",
    "(1, 2, 3, 4, 5)[::2]",
    "(1, 2, 3, 4, 5)[-2::-2]",
    "()[::-1]",
    "tuple(range(10))[8:2:-3]",
    "[1, 2, 3, 4, 5][::-1]",
    "[1, 2, 3, 4, 5][::2]",
    "[1, 2, 3, 4, 5][5:0:-2]",
    "list(range(20))[::7]",
    "list(range(20))[-1:-20:-6]",
    "range(10)[::2]",
    "range(10)[::-1]",
    "list(range(10)[::-3])",
    "list(range(0, 20, 3)[::-2])",
    "list(range(10)[8:2:-2])",
    "range(10)[::-1][2]",
    "list(range(5, 0, -1)[::2])",
    "\nl = list(range(10))\ndel l[::2]\nreturn l",
    "\nl = list(range(10))\ndel l[1::3]\nreturn l",
    "\nl = list(range(10))\ndel l[::-2]\nreturn l",
    "\nl = list(range(10))\ndel l[8:2:-3]\nreturn l",
    "\nl = list(range(10))\ndel l[::1]\nreturn l",
    "\nl = list(range(6))\nl[::2] = ['a', 'b', 'c']\nreturn l",
    "\nl = list(range(6))\nl[::-2] = 'xyz'\nreturn l",
    "\nl = list(range(6))\nl[1::2] = [9, 9]",
    "!\nl = list(range(6))\nl[::2] = [1, 2]",
    "\nl = list(range(6))\nl[::2] = (7, 8, 9)\nreturn l",
    "\nl = list(range(4))\nl[1:3] = ['a', 'b', 'c']\nreturn l",
    "\nl = list(range(4))\nl[1:3] = []\nreturn l",
    "\nl = list(range(6))\nl[5:0:-2] = [0, 0, 0]\nreturn l",
    "[1, 2, 3][::0]",
    "'x'[::-1]",
    "'abcdef'[-1::-2]",
    "[0, 1, 2, 3][3::-1]",
];

const BUILTINS: &[&str] = &[
    "next(iter([]), 'dflt')",
    "next(iter([1, 2]), 'dflt')",
    "next(iter([]), None)",
    "next(iter([]))",
    "\nit = iter([1])\nreturn next(it, 0), next(it, 0), next(it, 0)",
    "next((x for x in range(3) if x > 5), -1)",
    "next((x for x in range(9) if x > 5), -1)",
    "list(iter([1, 2, 3, 0, 5].pop, 3))",
    "\nit = iter([5, 4, 0, 3, 2])\nreturn list(iter(lambda: next(it), 0))",
    "\nc = [0]\ndef f():\n    c[0] += 1\n    return c[0]\nreturn list(iter(f, 5))",
    "\nlines = ['a', 'b', '', 'c']\nreturn list(iter(lambda: lines.pop(0), ''))",
    "\nc = [0]\ndef f():\n    c[0] += 1\n    return c[0]\nit = iter(f, 2)\nreturn list(it), list(it)",
    "list(zip([1, 2], [3, 4], strict=True))",
    "list(zip([1, 2], 'ab', (5, 6), strict=True))",
    "!list(zip([1, 2], [3], strict=True))",
    "!list(zip([1], [3, 4], strict=True))",
    "!list(zip([1], [3], [5, 6], strict=True))",
    "!list(zip([1, 2], [3, 4], [5], strict=True))",
    "list(zip([1, 2], [3], strict=False))",
    "list(zip([1, 2], [3]))",
    "list(zip(strict=True))",
    "list(zip('abc', range(3), strict=True))",
    "ascii('hello')",
    "ascii('héllo')",
    "ascii('€uro')",
    "ascii('😀')",
    "ascii(['é', 1, {'ß': 'x'}])",
    "ascii(1.5)",
    "ascii(\"it's\")",
    "ascii('tab\\there')",
    "ascii(None)",
    "\nimport io\nf = io.StringIO()\nprint('a', 'b', sep='-', end='!', file=f)\nprint(1, 2, file=f)\nreturn f.getvalue()",
    "\nimport io\nf = io.StringIO()\nprint(file=f)\nprint('x', end='', file=f)\nreturn f.getvalue()",
    "\nimport io\nf = io.StringIO()\nprint(*[1, 2, 3], sep=', ', file=f)\nreturn f.getvalue()",
    "\nimport io\nf = io.StringIO()\nprint('a', 'b', sep='', end='\\n\\n', file=f)\nreturn f.getvalue()",
    "sorted({1, 2}.union([3], [4]))",
    "sorted({1, 2}.union())",
    "sorted({1, 2}.union('ab', (1, 9), {7}))",
    "sorted({1, 2, 3}.intersection([2, 3], [3]))",
    "sorted({1, 2, 3}.intersection())",
    "sorted({1, 2, 3}.intersection({2, 3, 4}))",
    "sorted({1, 2, 3}.difference([1], [2]))",
    "sorted({1, 2, 3}.difference())",
    "sorted(frozenset([1, 2]).union([5], [6]))",
    "sorted(frozenset([1, 2, 3]).intersection([2, 3], (3,)))",
    "range(0, 10, 2).index(4)",
    "range(10).count(3)",
    "range(10).count(30)",
    "range(10, 0, -2).index(4)",
    "range(-5, 5).index(-3)",
    "range(0, 10, 3).count(4)",
    "!range(0, 10, 2).index(3)",
    "!range(5).index(7)",
    "range(5).index(True)",
    "range(5).count(2.0)",
    "range(100000000).index(99999999)",
];

const COLLECTIONS: &[&str] = &[
            "__import__('collections').deque([1, 2, 3])",
            "__import__('collections').deque([1, 2, 3], 2)",
            "__import__('collections').deque('abcdef', maxlen=3)",
            "__import__('collections').deque()",
            "__import__('collections').deque(maxlen=0)",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nd.rotate(1)\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2, 3, 4, 5])\nd.rotate(-2)\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nd.rotate(7)\nreturn d",
            "\nfrom collections import deque\nd = deque()\nd.rotate(3)\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2])\nd.extendleft([3, 4, 5])\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2])\nd.extend(range(3))\nreturn d, len(d)",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nreturn d[0], d[-1], d[1]",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nd[1] = 'x'\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nreturn d[3]",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nreturn d.pop(), d.popleft(), d",
            "!\nfrom collections import deque\nreturn deque().pop()",
            "!\nfrom collections import deque\nreturn deque().popleft()",
            "\nfrom collections import deque\nd = deque(maxlen=3)\nfor i in range(10): d.append(i)\nreturn d",
            "\nfrom collections import deque\nd = deque(maxlen=3)\nfor i in range(10): d.appendleft(i)\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2, 3], maxlen=3)\nd.extendleft('ab')\nreturn d",
            "\nfrom collections import deque\nd = deque([0])\nfor i in range(100):\n    d.append(i)\n    d.appendleft(-i)\n    if i % 3 == 0: d.popleft()\nreturn list(d)[:10], len(d)",
            "\nfrom collections import deque\nd = deque(range(5))\nreturn list(d), [x * 2 for x in d], sum(d)",
            "\nfrom collections import deque\nd = deque(range(5))\nreturn 3 in d, 9 in d, bool(d), bool(deque())",
            "\nfrom collections import deque\nreturn deque([1, 2]) == deque([1, 2]), deque([1]) == deque([2])",
            "\nfrom collections import deque\nd = deque([1, 2, 3])\nd.clear()\nd.append(9)\nreturn d",
            "\nfrom collections import deque\nq = deque([(0, 0)])\nseen = {(0, 0)}\nwhile q:\n    x, y = q.popleft()\n    for nx, ny in ((x + 1, y), (x, y + 1)):\n        if nx < 4 and ny < 4 and (nx, ny) not in seen:\n            seen.add((nx, ny))\n            q.append((nx, ny))\nreturn len(seen)",
            "\nfrom collections import deque\nd = deque('abc')\nd.extend(d)\nreturn d",
            "\nfrom collections import deque\nd = deque([1, 2, 3, 2])\nreturn d.count(2), d.index(3), d.maxlen, deque(maxlen=4).maxlen",
            "\nfrom collections import deque\nd = deque([1, 2, 3, 2])\nd.remove(2)\nreturn d",
            "!\nfrom collections import deque\nd = deque([1, 2])\nd.remove(5)",
            "!\nfrom collections import deque\nreturn deque([1, 2]).index(7)",
            "\nfrom collections import deque\nd = deque(range(6))\ndel d[2]\ndel d[-1]\nreturn d",
            "\nfrom collections import deque\nd = deque(range(5))\nd.appendleft(-1)\nd.reverse()\nreturn d, list(reversed(d))",
            "\nfrom collections import deque\nd = deque(range(4))\nreturn d[::2]",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y', defaults=[0])\nreturn P(1), P(1, 2), P(y=5, x=4)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', ['x', 'y', 'z'], defaults=(1, 2))\nreturn P(0), P(0, 9)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y', defaults=[0])\nreturn P()",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x, y')\nreturn P(1, 2)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2)._replace(x=5)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\np = P(1, 2)\nq = p._replace(y=7)\nreturn p, q, type(q) is P",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._fields, P(1, 2)._fields",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2)._asdict()",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'y x')\nreturn list(P(1, 2)._asdict().items())",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P._make([3, 4]), P._make(range(2))",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2) == (1, 2), P(1, 2)[1], P(x=1, y=2).y",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nx, y = P(5, 6)\nreturn x + y, len(P(1, 2))",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2, 3)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2)._replace(z=1)",
            "\nfrom collections import namedtuple\nP = namedtuple('Point', 'x y', defaults=None)\nreturn P(1, 2)",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\np = P(1, 2)\nreturn isinstance(p, tuple), issubclass(P, tuple), p[::-1], p + (3,), (0,) + p, p * 2, tuple(p), '%s,%s' % p",
            "\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nreturn P(1, 2).x, P(1, 2).y, hash(P(1, 2)) == hash((1, 2)), {P(1, 2): 1}[(1, 2)]",
            "!\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nP(1, 2).x = 5",
            "!\nfrom collections import namedtuple\nP = namedtuple('P', 'x y')\nP(1, 2).z = 5",
            "\nfrom collections import namedtuple\nimport json\nP = namedtuple('P', 'x y')\nreturn json.dumps({'p': P(1, [2])}), json.dumps([P(1, 2)])",
            "\nfrom collections import namedtuple\nclass P(namedtuple('P', 'x y')):\n    def norm(self):\n        return abs(self.x) + abs(self.y)\nreturn P(-1, 2).norm(), P(3, 4), isinstance(P(1, 2), tuple)",
            "\nfrom typing import NamedTuple\nclass B(NamedTuple):\n    w: int\n    h: int = 1\n    def area(self):\n        return self.w * self.h\nreturn B(3), B(2, 5).area(), B._fields, B._field_defaults, isinstance(B(1), tuple), B(4)[0], list(B(4, 2))",
];

#[test]
fn dict_insertion_order() {
    check("dict order", DICT_ORDER);
}

#[test]
fn dict_operators_and_views() {
    check("dict api", DICT_API);
}

#[test]
fn stable_sort_min_max() {
    check("sort", SORT);
}

#[test]
fn extended_slices() {
    check("slices", SLICES);
}

#[test]
fn builtins() {
    check("builtins", BUILTINS);
}

#[test]
fn deque_and_namedtuple() {
    check("collections", COLLECTIONS);
}

/// The JSON the shim writes for outputs keeps the order in which the node
/// built its dicts, and dicts built from the input envelope keep the host's
/// key order.
#[test]
fn json_outputs_keep_key_order() {
    let src = "\
def get_node():
    return {'name': 'order', 'friendly_name': 'Order', 'description': 'test', 'category': 'Test', 'pins': []}

def run(context):
    inp = context['inputs']
    out = {'zeta': 1, 'alpha': 2, 'mid': {'y': 1, 'b': 2, 'a': [{'q': 1, 'c': 2}]}}
    out['echo'] = inp
    out['keys'] = list(inp)
    d = {}
    for k in ['k9', 'k1', 'k5', 'k3']:
        d[k] = len(d)
    del d['k1']
    d['k1'] = 'again'
    out['rebuilt'] = d
    out['comp'] = {str(i * 7 % 10): i for i in range(10)}
    return {'outputs': out, 'error': None}
";
    let inputs = json!({"zz": 1, "aa": {"q": [1, {"y": 2, "b": 3}], "c": null}, "mm": "x", "a": true});
    let mut node = Node::load(&Engine::new(), &pack(RUNTIME_WASM, src, "order.py").unwrap()).unwrap();
    let report = node.run(inputs.clone()).unwrap();
    assert!(report.result.error.is_none(), "{:?}", report.result.error);
    let got = serde_json::to_string(&report.result.outputs).unwrap();
    let driver = format!(
        "{src}\nimport json\nprint(json.dumps(run({{'inputs': json.loads({:?})}})['outputs'], separators=(',', ':')))\n",
        inputs.to_string()
    );
    let expected = python(&driver);
    assert_eq!(got, expected.trim_end());
}

/// The same probes on a small heap under GC torture (a collection at every
/// safe point after an allocation): the new dict layout, deque buffer, sort
/// and slice buffers stay reachable while they are live.
#[test]
fn containers_under_gc_torture() {
    check_with("dict order (torture)", DICT_ORDER, true);
    check_with("dict api (torture)", DICT_API, true);
    check_with("sort (torture)", SORT, true);
    check_with("slices (torture)", SLICES, true);
    check_with("collections (torture)", COLLECTIONS, true);
}
