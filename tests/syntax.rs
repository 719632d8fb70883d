//! Python 3.5–3.11 syntax lowered for MicroPython v1.9.4 (`lower::modern`),
//! differentially: every case runs under CPython 3 (`python3`) and, packed
//! as a node, under the module in wasmi; the printed lines must be equal.
//!
//! A family's cases go into one node (one module run): each case becomes a
//! function `_case_N` whose body is the snippet, called in order under a
//! `try` that prints the exception's type (so error cases compare too).
//! `print` collects lines that `run` logs (see `wrap`). Output avoids what
//! v1.9.4 does differently for reasons unrelated to syntax (order of dicts
//! with several keys: printed sorted; float reprs; error message texts).

#[path = "support/mod.rs"]
mod support;

use mpnode_build::compile::Compiler;
use mpnode_build::lower::lower;
use mpnode_build::pack::{pack, pack_precompiled, PackOptions, SourceFile};
use mpnode_build::runtime::{RUNTIME_NO_COMPILER_WASM, RUNTIME_WASM};
use mpnode_host::{Engine, LogLevel, Node};
use serde_json::json;

const HEADER: &str = "\
_lines = []
_print = print
def print(*args, sep=' ', end='\\n'):
    _lines.append(sep.join([str(a) for a in args]) + end)
";

const FOOTER: &str = "
def get_node():
    return {'name': 'snippet', 'friendly_name': 'Snippet', 'description': 'test', 'category': 'Test', 'pins': []}

def run(context):
    for line in ''.join(_lines).split('\\n')[:-1]:
        _print(line)
    return {'outputs': {}, 'error': None}
";

/// One node holding every case of a family.
fn batch(cases: &[(&str, &str)]) -> String {
    let mut out = String::from(HEADER);
    for (k, (name, snippet)) in cases.iter().enumerate() {
        out.push_str(&format!("def _case_{k}():\n"));
        let mut body = false;
        for line in snippet.lines() {
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
                body = true;
            }
        }
        if !body {
            out.push_str("    pass\n");
        }
        out.push_str(&format!(
            "print('== ' + {name:?})\ntry:\n    _case_{k}()\nexcept Exception as e:\n    print('raised', type(e).__name__)\n"
        ));
    }
    out.push_str(FOOTER);
    out
}

fn micropython(engine: &Engine, node: &str) -> Result<String, String> {
    let wasm = pack(RUNTIME_WASM, node, "node.py").map_err(|e| e.to_string())?;
    run_logs(engine, &wasm)
}

/// As `mpnode build` packs by default: compiled at build time, run by the
/// runtime without the compiler.
fn micropython_precompiled(engine: &Engine, node: &str) -> Result<String, String> {
    let compiler = Compiler::new().map_err(|e| e.to_string())?;
    let files = [SourceFile::new("node.py", node)];
    let wasm = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler).map_err(|e| e.to_string())?;
    run_logs(engine, &wasm)
}

fn run_logs(engine: &Engine, wasm: &[u8]) -> Result<String, String> {
    let mut node = Node::load(engine, wasm).map_err(|e| e.to_string())?;
    let report = node.run(json!({})).map_err(|e| e.to_string())?;
    if let Some(error) = report.result.error {
        return Err(error);
    }
    let mut out = String::new();
    for entry in report.logs.iter().filter(|e| e.level == LogLevel::Info) {
        out.push_str(&entry.message);
        out.push('\n');
    }
    Ok(out)
}

/// Runs a family and compares case by case.
fn differential(family: &str, cases: &[(&str, &str)]) {
    let source = batch(cases);
    let lowered = lower(&source).unwrap_or_else(|e| panic!("{family}: lower failed: {e}\n{source}"));
    assert_eq!(lowered.lines().count(), source.lines().count(), "{family}: line count changed\n{lowered}");
    assert_eq!(lower(&source).unwrap(), lowered, "{family}: lowering is not deterministic");
    let expected = crate::support::python3(&format!("{source}\nrun({{}})\n")).unwrap_or_else(|e| panic!("{family}: CPython fails:\n{e}"));
    let got = micropython(&Engine::new(), &source).unwrap_or_else(|e| panic!("{family}: MicroPython fails:\n{e}\n---\n{lowered}"));
    let precompiled = micropython_precompiled(&Engine::new(), &source).unwrap_or_else(|e| panic!("{family}: precompiled fails:\n{e}"));
    assert_eq!(precompiled, got, "{family}: bytecode in the runtime without the compiler differs from source");
    // Both must print each case's header: no case may be skipped.
    assert_eq!(expected.matches("== ").count(), cases.len(), "{family}: {expected}");
    if got != expected {
        let split = |s: &str| s.split("== ").map(str::to_string).collect::<Vec<_>>();
        let (e, g) = (split(&expected), split(&got));
        let mut diffs = Vec::new();
        for k in 0..e.len().max(g.len()) {
            let (a, b) = (e.get(k).cloned().unwrap_or_default(), g.get(k).cloned().unwrap_or_default());
            if a != b {
                diffs.push(format!("CPython:\n{a}MicroPython:\n{b}"));
            }
        }
        panic!("{family}: {} of {} cases differ:\n{}\n---\n{lowered}", diffs.len(), cases.len(), diffs.join("\n"));
    }
}

#[test]
fn unpacking_in_displays() {
    differential(
        "unpacking in displays",
        &[
            ("list of two", "a = [1, 2]; b = (3,)\nprint([*a, *b])"),
            ("list mixed", "a = [1, 2]\nprint([0, *a, 3, *range(2), 9])"),
            ("list only star", "print([*'ab'])"),
            ("list trailing comma", "a = [1]\nprint([*a, 2,])"),
            ("tuple", "a = [1, 2]\nprint((*a, *a))"),
            ("tuple one star", "a = [1, 2]\nprint((*a,))"),
            ("set", "a = [1, 2]; b = {2, 3}\nprint(sorted({*a, *b, 4}))"),
            ("dict merge", "a = {'x': 1}; b = {'y': 2}\nprint(sorted({**a, **b}.items()))"),
            ("dict override", "a = {'x': 1, 'y': 1}; b = {'y': 2}\nd = {**a, **b, 'z': 3}\nprint(sorted(d.items()))"),
            ("dict key then merge", "b = {'k': 2}\nprint({'k': 1, **b})"),
            ("dict merge then key", "b = {'k': 2}\nprint({**b, 'k': 1})"),
            ("dict single", "a = {'x': 1}\nd = {**a}\nd['y'] = 2\nprint(sorted(d.items()), a)"),
            ("dict empty", "print({**{}})"),
            ("nested displays", "a = [1]; b = [2]\nprint([*[*a, *b], *(*b, *a)])"),
            ("nested dicts", "a = {'x': {'p': 1}}\nprint({**a, 'y': {**a['x'], 'q': 2}}['y']['p'])"),
            ("multi-line", "a = [1]\nx = [\n    *a,  # first\n    *a,\n    3,\n]\nprint(x)"),
            ("generator in star", "print([*(i * i for i in range(4))])"),
            ("star of dict keys", "d = {'k': 1}\nprint([*d])"),
            ("star of string in tuple", "print((*'xy', 'z'))"),
            ("in comprehension element", "print([[*r, 0] for r in [[1], [2, 3]]])"),
            ("star non-iterable", "print([*5])"),
            ("dict star non-mapping", "print({**[1]})"),
            ("inside an f-string", "a = [1]; d = {'k': 2}\nprint(f'{[*a, *a]} {({**d, **d})}')"),
            ("inline return", "def f(a):\n    if a: return *a, 0\n    else: return *a, 1\nprint(f([5]), f([]))"),
            ("assignment value", "a = [1, 2]\nt = *a, 3\nprint(t)"),
            ("assignment value two stars", "a = [1]\nt = *a, *a\nprint(t)"),
            ("return star", "def f(a):\n    return *a, 'end'\nprint(f([1, 2]))"),
            ("yield star", "def g(a):\n    yield *a, 0\nprint(list(g((5, 6))))"),
            ("star target unchanged", "a, *b = [1, 2, 3]\nprint(a, b)"),
            ("star target middle", "a, *b, c = range(5)\nprint(a, b, c)"),
            ("star target list", "[*q] = 'ab'\nprint(q)"),
            ("for over starred tuple", "a = [1, 2]; b = 'x'\nfor v in *a, *b, 3:\n    print(v)"),
            ("for star target", "for a, *b in [(1, 2, 3)]:\n    print(a, b)"),
            ("deep nesting", "a = [1]\nprint([*[*[*a]]], {**{**{'k': [*a]}}})"),
            ("set from strings", "print(sorted({*'ab', *'bc'}))"),
            ("display in call with stars", "def f(*a): return a\nprint(f(*[*'ab'], *({**{'k': 1}})))"),
            ("walrus free comprehension untouched", "print([x for x in range(3) if x])"),
            ("multiplication untouched", "a = 3\nprint([a * 2, 2 * a], (a * a,))"),
            ("power untouched", "print({2 ** 3: 1})"),
            ("lambda star untouched", "f = lambda *a, **k: (a, sorted(k))\nprint(f(1, x=2))"),
        ],
    );
}

#[test]
fn unpacking_in_calls() {
    differential(
        "unpacking in calls",
        &[
            ("two stars", "def f(*a): return a\nprint(f(*[1], *(2, 3)))"),
            ("star then positional", "def f(*a): return a\nprint(f(*[1, 2], 3))"),
            ("positional star positional star", "def f(*a): return a\nprint(f(0, *[1], 2, *'ab'))"),
            ("two double stars", "def f(**k): return sorted(k.items())\nprint(f(**{'a': 1}, **{'b': 2}))"),
            ("stars and keywords", "def f(*a, **k): return a, sorted(k.items())\nprint(f(*[1], *[2], x=3, **{'y': 4}, **{'z': 5}))"),
            ("keyword between", "def f(a, b, c, d=0, e=0): return a, b, c, d, e\nprint(f(*[1], *[2], 3, d=4, **{'e': 5}))"),
            ("print sep", "xs = [1, 2, 3]\nprint(*xs, sep=',')"),
            ("print two stars sep", "xs = [1, 2]\nprint(*xs, *xs, sep='-', end='!\\n')"),
            ("one star unchanged", "def f(a, b): return a + b\nprint(f(*[1, 2]))"),
            ("nested call", "def f(*a): return sum(a)\nprint(f(*[f(*[1], *[2])], *[3]))"),
            ("method call", "class A:\n    def m(self, *a): return a\nprint(A().m(*[1], *[2]))"),
            ("call result call", "def mk(): return lambda *a: a\nprint(mk()(*[1], *[2]))"),
            ("multi-line call", "def f(*a, **k): return a, sorted(k)\nprint(f(\n    *[1],\n    *[2],  # two\n    k=1,\n))"),
            ("too many args error", "def f(a): return a\nf(*[1], *[2])"),
            ("star of generator", "print(*(i for i in range(3)), *[9])"),
            ("builtin with stars", "print(max(*[1, 5], *[3]))"),
            ("dict constructor", "print(sorted(dict(**{'a': 1}, **{'b': 2}).items()))"),
            ("class call", "class P:\n    def __init__(self, *a): self.a = a\nprint(P(*[1], 2).a)"),
        ],
    );
}

#[test]
fn walrus_in_comprehensions() {
    differential(
        "walrus",
        &[
            ("filter and keep", "def f(x): return x * 2 if x % 2 else 0\nprint([y for x in range(5) if (y := f(x))])"),
            ("comparison", "print([y for x in range(6) if (y := x * x) > 5])"),
            ("with more conditions", "print([(x, y) for x in range(6) if x > 1 if (y := x % 3)])"),
            ("set comprehension", "print(sorted({y for x in 'abcab' if (y := x.upper()) != 'B'}))"),
            ("dict comprehension", "print(sorted({x: y for x in range(4) if (y := x + 10) > 11}.items()))"),
            ("generator", "print(sum(y for x in range(4) if (y := x * 3)))"),
            ("nested for", "print([z for a in range(3) for b in range(3) if (z := a * b) == 2])"),
            ("while loop", "data = [3, 2, 1, 0, 5]\nwhile (v := data.pop(0)):\n    print(v)\nprint(data)"),
            ("while comparison", "it = iter(range(10))\nwhile (n := next(it)) < 4:\n    if n == 1:\n        continue\n    print(n)"),
            ("while break else", "xs = [1, 2, 3]\nwhile (x := xs.pop()) > 0:\n    if x == 2:\n        break\nelse:\n    print('no break')\nprint('left', xs)"),
            ("while else runs", "xs = [0, 1]\nwhile (x := xs.pop()):\n    print(x)\nelse:\n    print('done')"),
            ("while nested in function", "def f(q):\n    out = []\n    while (item := q.pop(0) if q else None) is not None:\n        out.append(item * 2)\n    return out\nprint(f([1, 2, 3]))"),
            ("if walrus", "import re\ndef first_number(s):\n    if (m := re.search('[0-9]+', s)):\n        return int(m.group(0))\n    return None\nprint(first_number('ab12c'), first_number('x'))"),
            ("if walrus bare", "d = {'k': 0, 'j': 4}\ndef g(key):\n    if v := d.get(key):\n        return v\n    return 'none'\nprint(g('k'), g('j'), g('x'))"),
            ("while walrus bare", "frames = [1, 2, 0, 3]\nwhile f := frames.pop(0):\n    print(f)"),
            ("if walrus comparison", "def f(xs):\n    if (n := len(xs)) > 2:\n        print('long', n)\n    print('end')\nf([1, 2, 3]); f([])"),
            ("if walrus inline body", "data = {'k': 5}\nif (v := data.get('k')) is not None: print('v', v)"),
            ("if walrus in loop with inner loop", "for s in ['a', 'bb']:\n    if (n := len(s)) > 1:\n        for i in range(n):\n            if i:\n                break\n            print(s, i)"),
            ("if elif else", "def f(xs):\n    if (n := len(xs)) > 2:\n        return 'long', n\n    elif (m := n * 10) > 0:\n        return 'short', m\n    else:\n        return 'empty', n, m\nprint(f([1, 2, 3]), f([1]), f([]))"),
            ("later in a test", "def f(d):\n    if d and (v := d.get('k')) is not None:\n        return v\n    return 'none'\nprint(f({'k': 0}), f({}), f({'j': 1}))"),
            ("if binds even when false", "def f():\n    if (x := 0):\n        pass\n    return x\nprint(f())"),
            ("while leaves the refused value", "it = iter([3, 2, 0, 5])\nwhile (v := next(it)):\n    pass\nprint(v, list(it))"),
            ("while with break continue", "xs = list(range(8))\nwhile (x := xs.pop(0)) < 6:\n    if x % 2:\n        continue\n    if x == 4:\n        break\n    print(x)\nprint('x', x)"),
            ("call argument", "def show(*a, **k): return a, sorted(k.items())\nprint(show(y := 3, y * 2, z=(w := 4)), y, w)"),
            ("nested in call", "print(len(s := 'abc'), s)"),
            ("comprehension element", "print([y := x * 2 for x in range(3)], y)"),
            ("element and condition", "print([(x, y) for x in range(5) if (y := x * x) % 2], y)"),
            ("generator binds on iteration", "g = (t := v for v in 'ab')\nprint(list(g), t)"),
            ("set and dict comprehension bind", "print(sorted({(a := c) for c in 'xy'}), a)\nprint({k: (b := k * 2) for k in [1, 2]}, b)"),
            ("nested comprehensions bind outside", "total = 0\nrows = [[(total := total + v) for v in row] for row in [[1, 2], [3]]]\nprint(rows, total)"),
            ("nested comprehension binds function local", "def f():\n    [[(last := (i, j)) for j in range(2)] for i in range(2)]\n    return last\nprint(f())"),
            ("nonlocal target", "def outer():\n    hits = 0\n    def inner():\n        nonlocal hits\n        [(hits := hits + 1) for _ in range(3)]\n    inner()\n    return hits\nprint(outer())"),
            ("global target", "def f():\n    global GW\n    [(GW := i) for i in range(4)]\nf()\nprint(GW)"),
            ("comprehension in a closure", "def f():\n    def g():\n        return [(r := i) for i in range(3)], r\n    return g()\nprint(f())"),
            ("read before bind in comprehension", "def f():\n    acc = 10\n    out = [(acc, (acc := acc + x)) for x in [1, 2]]\n    return out, acc\nprint(f())"),
            ("closure defined before the binding comprehension", "y = 'global'\ndef f():\n    g = lambda: y\n    [(y := 1) for _ in [0]]\n    return g(), y\nprint(f())"),
            ("parameter as target", "def f(n):\n    [(n := n + 1) for _ in range(2)]\n    return n\nprint(f(5))"),
            ("lambda body parenthesised", "f = lambda: (z := 9) + z\nprint(f())"),
            ("tuple and list displays", "print((a := 1, a + 1), [b := 'x', b * 2], {c := 3})"),
            ("in f-string", "print(f'{(n := 4) * 2} {n}')"),
            ("nested walrus", "print((a := (b := 2) + 1), a, b)"),
            ("with subject", "class C:\n    def __enter__(self): return 'entered'\n    def __exit__(self, *e): return False\nwith (c := C()) as v:\n    print(type(c).__name__, v)"),
            ("walrus in assert", "assert (q := 5) == 5\nprint(q)"),
            ("subscript", "d = {1: 'one'}\nprint(d[k := 1], k, [10, 20][i := 1], i)"),
            ("subscript tuple", "d = {(1, 2): 'p'}\nprint(d[a := 1, 2], a)"),
            ("walrus in return", "def f(): return (r := 3), r\nprint(f())"),
            ("while with else and walrus", "def f(xs):\n    while (x := xs.pop() if xs else None) is not None:\n        if x < 0:\n            break\n    else:\n        return 'exhausted'\n    return 'negative', x\nprint(f([1, 2]), f([1, -1, 2]))"),
            ("elif chain binds each", "def f(s):\n    if (a := s.find('a')) >= 0:\n        return 'a', a\n    elif (b := s.find('b')) >= 0:\n        return 'b', a, b\n    return 'none', a, b\nprint(f('xa'), f('xb'), f('x'))"),
            ("conditional expression", "v = 3\nprint((w := v * 2) if v else None, w)"),
            ("boolean operators", "def f(d):\n    return (a := d.get('a')) and (b := d.get('b')) and a + b\nprint(f({'a': 1, 'b': 2}), f({'a': 0}), f({}))"),
            ("in a method", "class C:\n    def __init__(self, xs): self.xs = xs\n    def evens(self):\n        return [h for x in self.xs if (h := x // 2) * 2 == x], h\nprint(C([2, 3, 4]).evens())"),
            ("class body walrus", "class C:\n    a = (b := 5) + 1\nprint(C.a, C.b)"),
            ("generator function", "def g(it):\n    while (x := next(it, None)) is not None:\n        yield x * 10\nprint(list(g(iter([1, 2]))))"),
            ("any with witness", "xs = [3, 8, 12]\nif any((hit := x) > 5 for x in xs):\n    print('first over 5', hit)"),
            ("all with counterexample", "xs = [2, 4, 5, 6]\nif not all((bad := x) % 2 == 0 for x in xs):\n    print('odd', bad)"),
            ("walrus value is the expression", "print((x := [1, 2]) is x, x)"),
            ("regex style", "import re\nprint([m.group(0) for s in ['a1', 'b', 'c22'] if (m := re.search('[0-9]+', s))])"),
        ],
    );
}

#[test]
fn match_statement() {
    differential(
        "match",
        &[
            ("literal ints", "for v in [1, 2, 3]:\n    match v:\n        case 1:\n            print('one')\n        case 2:\n            print('two')\n        case _:\n            print('other', v)"),
            ("literal strings", "for v in ['go', 'stop', 'x']:\n    match v:\n        case 'go': print('G')\n        case \"stop\": print('S')\n        case _: print('?')"),
            ("None True False", "for v in [None, True, False, 0, 1]:\n    match v:\n        case None: print('none')\n        case True: print('true')\n        case False: print('false')\n        case _: print('int', v)"),
            ("negative literal", "match -3:\n    case -3: print('minus three')"),
            ("no match runs nothing", "match 5:\n    case 1: print('no')\nprint('after')"),
            ("capture", "match 42:\n    case x: print('got', x)\nprint(x)"),
            ("wildcard does not bind", "_ = 'keep'\nmatch 1:\n    case _: print(_)"),
            ("value pattern", "class Color:\n    RED = 1\n    GREEN = 2\nfor v in [2, 1, 3]:\n    match v:\n        case Color.RED: print('red')\n        case Color.GREEN: print('green')\n        case other: print('other', other)"),
            ("sequence exact", "match [1, 2]:\n    case [a]: print('one', a)\n    case [a, b]: print('two', a, b)"),
            ("sequence tuple form", "match (1, 2, 3):\n    case (a, b, c): print(a + b + c)"),
            ("sequence open form", "match 1, 2:\n    case a, b: print(b, a)"),
            ("sequence star end", "match [1, 2, 3, 4]:\n    case [first, *rest]: print(first, rest)"),
            ("sequence star middle", "match 'abcde':\n    case _: pass\nmatch list('abcde'):\n    case [a, *mid, z]: print(a, mid, z)"),
            ("sequence star empty", "match [1]:\n    case [a, *rest]: print(a, rest)"),
            ("sequence star wildcard", "match [1, 2, 3]:\n    case [*_, last]: print(last)"),
            ("string is not a sequence", "match 'ab':\n    case [a, b]: print('seq')\n    case str(): print('str')"),
            ("dict is not a sequence", "match {0: 1}:\n    case [a]: print('seq')\n    case _: print('not')"),
            ("sequence literals inside", "for cmd in [['go', 3], ['stop'], ['go', 'x']]:\n    match cmd:\n        case ['go', int(n)]: print('go', n)\n        case ['stop']: print('stop')\n        case _: print('bad', cmd)"),
            ("nested sequence", "match [1, [2, [3, 4]]]:\n    case [a, [b, [c, d]]]: print(a, b, c, d)"),
            ("mapping", "match {'action': 'move', 'x': 1}:\n    case {'action': 'move', 'x': x}: print('move', x)"),
            ("mapping extra keys ok", "match {'a': 1, 'b': 2}:\n    case {'a': a}: print(a)"),
            ("mapping missing key", "match {'a': 1}:\n    case {'b': b}: print('b')\n    case {'a': 1}: print('a is 1')"),
            ("mapping rest", "match {'a': 1, 'b': 2, 'c': 3}:\n    case {'a': 1, **rest}: print(sorted(rest.items()))"),
            ("mapping nested", "match {'p': {'x': [1, 2]}}:\n    case {'p': {'x': [_, y]}}: print(y)"),
            ("mapping value key", "class K:\n    NAME = 'n'\nmatch {'n': 5}:\n    case {K.NAME: v}: print(v)"),
            ("class keyword", "class P:\n    def __init__(self, x, y): self.x = x; self.y = y\nmatch P(1, 2):\n    case P(x=0): print('zero')\n    case P(x=1, y=yy): print('one', yy)"),
            ("class positional", "class P:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y): self.x = x; self.y = y\nmatch P(3, 4):\n    case P(a, b): print(a, b)"),
            ("class positional literal", "class P:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y): self.x = x; self.y = y\nfor p in [P(0, 1), P(2, 0)]:\n    match p:\n        case P(0, y): print('on y', y)\n        case P(x, 0): print('on x', x)"),
            ("class wrong type", "class A: pass\nclass B: pass\nmatch B():\n    case A(): print('A')\n    case B(): print('B')"),
            ("class subclass", "class A: pass\nclass B(A): pass\nmatch B():\n    case A(): print('A matches B')"),
            ("builtin class self", "for v in [1, 'a', 2.5, [1]]:\n    match v:\n        case int(n): print('int', n)\n        case str(s): print('str', s)\n        case float(): print('float')\n        case list([a]): print('list of', a)"),
            ("class pattern on bool", "match True:\n    case bool(b): print('bool', b)"),
            ("missing attribute", "class A: pass\nmatch A():\n    case A(x=1): print('x')\n    case A(): print('plain')"),
            ("or literals", "for v in [1, 2, 3, 4]:\n    match v:\n        case 1 | 2: print('small', v)\n        case 3 | 4: print('big', v)"),
            ("or mixed", "for v in [None, 'a', [1]]:\n    match v:\n        case None | 'a': print('na')\n        case [_] | (_, _): print('seq')"),
            ("or binding", "for v in [[1], (2, 'x'), {'k': 3}, 4]:\n    match v:\n        case [a] | (a, _) | {'k': a}: print('a', a)\n        case _: print('none')"),
            ("or binding nested", "for v in [('add', 1, 2), ('neg', 5)]:\n    match v:\n        case ('add', x, y) | ('sub', x, y): print('bin', x, y)\n        case ('neg', x) | ('pos', x): print('un', x)"),
            ("as", "match [1, 2]:\n    case [1, _] as pair: print(pair)"),
            ("or with as", "for v in [1, 2, 3]:\n    match v:\n        case (1 | 2) as small: print('small', small)\n        case other: print(other)"),
            ("unparenthesised or with as", "for v in ['q', 'esc', 'x']:\n    match {'key': v}:\n        case {'key': 'q' | 'esc' as k}: print('quit', k)\n        case {'key': str(k)}: print('key', k)"),
            ("or with as in a sequence", "match [2, 9]:\n    case [1 | 2 as a, b]: print(a, b)"),
            ("guard", "for v in [-1, 0, 5]:\n    match v:\n        case n if n < 0: print('neg')\n        case 0: print('zero')\n        case n if n > 3: print('big', n)"),
            ("guard uses outer", "limit = 3\nfor v in [[1, 5], [4, 2]]:\n    match v:\n        case [a, b] if a + b > limit * 2: print('over', a, b)\n        case [a, b]: print('under', a, b)"),
            ("guard false falls through", "match 5:\n    case x if x > 10: print('no')\n    case x: print('yes', x)"),
            ("first match wins", "match 1:\n    case 1: print('first')\n    case 1: print('second')"),
            ("return from case", "def f(v):\n    match v:\n        case 1: return 'one'\n        case _: return 'many'\nprint(f(1), f(2))"),
            ("nested match", "for v in [(1, 'a'), (2, 'b')]:\n    match v:\n        case (n, s):\n            match s:\n                case 'a': print(n, 'A')\n                case _: print(n, 'other')"),
            ("loop inside case with break", "match [1, 2, 3]:\n    case [*xs]:\n        for x in xs:\n            if x == 2:\n                break\n            print(x)"),
            ("subject evaluated once", "n = [0]\ndef s():\n    n[0] += 1\n    return n[0]\nmatch s():\n    case 2: print('two')\n    case 1: print('one')\nprint(n)"),
            ("match as a name", "match = 3\nprint(match)\nmatch = [match]\nprint(match[0])"),
            ("case as a name", "case = 2\nprint(case)"),
            ("exception in body", "match 1:\n    case 1: raise ValueError('x')"),
            ("binding after match", "match (1, 2):\n    case (a, b): pass\nprint(a, b)"),
            ("multi-line case", "match [1, 2]:\n    case [\n        a,\n        b,\n    ]:\n        print(a, b)"),
            ("tuple subject literal", "match (1, 'a'):\n    case (1, 'b'): print('no')\n    case (1, 'a'): print('yes')"),
            ("empty sequence", "for v in [[], [1], ()]:\n    match v:\n        case []: print('empty', v)\n        case [_]: print('one')"),
            ("empty mapping matches any dict", "for v in [{}, {'a': 1}, []]:\n    match v:\n        case {}: print('dict')\n        case _: print('not dict')"),
            ("star in nested", "match [[1, 2, 3], [4]]:\n    case [[h, *t], [*u]]: print(h, t, u)"),
            ("class nested in sequence", "class P:\n    __match_args__ = ('v',)\n    def __init__(self, v): self.v = v\nmatch [P(1), P(2)]:\n    case [P(a), P(b)] if a < b: print('ordered', a, b)"),
            ("mapping rest empty", "match {'a': 1}:\n    case {'a': _, **rest}: print(rest)"),
            ("string literal concat", "match 'ab':\n    case 'a' 'b': print('concat')"),
            ("guard with call", "def ok(x): return x % 2 == 0
for v in [1, 2]:\n    match v:\n        case n if ok(n): print('even', n)\n        case n: print('odd', n)"),
            ("match in loop continues", "for v in range(3):\n    match v:\n        case 1: print('one')\n    print('after', v)"),
            ("break in a case body", "for v in [1, 2, 3, 4]:\n    match v:\n        case 3:\n            break\n        case _:\n            print(v)\nprint('left at', v)"),
            ("continue in a case body", "for v in range(5):\n    match v % 2:\n        case 0: continue\n    print('odd', v)"),
            ("break inline in a guard case", "for v in [[1], [2, 3], [4]]:\n    match v:\n        case [a, b] if a < b: break\n        case [a]: print('one', a)\nprint(v)"),
            ("while with match", "n = 0\nwhile True:\n    n += 1\n    match n:\n        case 1 | 2: continue\n        case 5: break\n    print('n', n)\nprint('end', n)"),
            ("match in a class body", "class Config:\n    mode = 'fast'\n    match mode:\n        case 'fast': speed = 10\n        case _: speed = 1\n    match {'k': [1, 2]}:\n        case {'k': [_, *rest]}: extra = rest\nprint(Config.speed, Config.extra)"),
            ("match in a method", "class A:\n    def kind(self, v):\n        match v:\n            case int(): return 'int'\n            case [*_]: return 'list'\n        return 'other'\nprint(A().kind(1), A().kind([1]), A().kind('s'))"),
            ("nested match with break", "for v in [(1, 'a'), (2, 'stop'), (3, 'c')]:\n    match v:\n        case (n, s):\n            match s:\n                case 'stop': break\n                case _: print(n, s)\nprint('out')"),
            ("guard binds before test", "match [3, 4]:\n    case [a, b] if a > b: print('no')\n    case [a, b] if (s := a + b) > 5: print('sum', s)"),
            ("or pattern binds first matching", "for v in [(1, 2), [3]]:\n    match v:\n        case (a, _) | [a]: print('a', a)"),
            ("mapping rest keeps the rest only", "match {'a': 1, 'b': 2, 'c': 3}:\n    case {'a': _, 'b': _, **rest}: print(rest)"),
            ("as on a capture-free pattern", "match [1, 2]:\n    case [1, _] as whole: print(whole)"),
            ("match in a generator", "def g(xs):\n    for x in xs:\n        match x:\n            case 0: return\n            case _: yield x * 2\nprint(list(g([1, 2, 0, 3])))"),
            ("module-style names do not leak into results", "def f(v):\n    match v:\n        case [x, y]: return x + y\n    return None\nprint(f([1, 2]), f(3))"),
            ("case body with try", "for v in [1, 0]:\n    match v:\n        case 0:\n            try:\n                1 / v\n            except ZeroDivisionError:\n                print('div')\n        case n:\n            print(1 / n)"),
            ("match inside try finally in a loop", "for v in [1, 2, 3]:\n    try:\n        match v:\n            case 2: continue\n            case 3: break\n        print('v', v)\n    finally:\n        print('finally', v)"),
            ("match in a with body", "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): print('exit')\nfor v in [1, 2]:\n    with C():\n        match v:\n            case 1: continue\n        print('two')"),
            ("match in a comprehension's function", "def kind(v):\n    match v:\n        case []: return 'empty'\n        case [_, *_]: return 'seq'\n        case {}: return 'map'\n    return 'other'\nprint([kind(v) for v in [[], [1], {}, 3]])"),
            ("capture shadows outer name", "x = 'outer'\nmatch 5:\n    case x: pass\nprint(x)"),
            ("guard sees capture of failed case", "match 3:\n    case x if x > 5: pass\n    case _: print('x is', x)"),
            ("class pattern keyword only match args", "class P:\n    __match_args__ = ('a',)\n    def __init__(self): self.a = 1; self.b = 2\nmatch P():\n    case P(1, b=2): print('both')"),
            ("sequence of mappings", "match [{'a': 1}, {'b': 2}]:\n    case [{'a': x}, {'b': y}]: print(x + y)"),
            ("or inside sequence", "for v in [[1, 'x'], [2, 'y'], [3, 'z']]:\n    match v:\n        case [1 | 2, s]: print('low', s)\n        case [n, _]: print('high', n)"),
            ("as inside sequence", "match [1, [2, 3]]:\n    case [a, [_, _] as pair]: print(a, pair)"),
            ("match on a range", "match range(3):\n    case [0, *rest]: print(rest)"),
            ("match subject is a call with side effects", "calls = []\ndef f():\n    calls.append(1)\n    return [1, 2]\nmatch f():\n    case [1]: pass\n    case [1, 2]: pass\n    case _: pass\nprint(len(calls))"),
            ("match returns from nested loops", "def find(grid):\n    for row in grid:\n        for cell in row:\n            match cell:\n                case ('hit', pos): return pos\n                case 'stop': break\n    return None\nprint(find([['a', 'stop', ('hit', 9)], [('hit', 4)]]))"),
            ("event dispatch", "def handle(ev):\n    match ev:\n        case {'type': 'click', 'pos': [x, y]}: return f'click {x},{y}'\n        case {'type': 'key', 'key': str(k)} if len(k) == 1: return 'key ' + k\n        case {'type': t}: return 'unknown ' + t\n        case _: return 'invalid'\nfor e in [{'type': 'click', 'pos': [1, 2]}, {'type': 'key', 'key': 'a'}, {'type': 'key', 'key': 'ab'}, {'type': 'x'}, 7]:\n    print(handle(e))"),
        ],
    );
}

/// Coroutines run to completion when called: `async def` is a plain
/// function and `await` takes the value. CPython drives each coroutine with
/// `drive` (what a host's event loop does); under mpnode `drive` gets the
/// value itself.
#[test]
fn async_functions() {
    let drive = "def drive(c):\n    if not hasattr(c, 'send'):\n        return c\n    try:\n        c.send(None)\n    except StopIteration as e:\n        return e.value\n";
    let cases: Vec<(&str, String)> = [
        ("await a coroutine", "async def two(): return 2\nasync def main():\n    return await two() * 3\nprint(drive(main()))"),
        ("await in expressions", "async def v(x): return x\nasync def main():\n    a = [await v(1), await v(2)]\n    return -await v(3) + sum(a) ** await v(2)\nprint(drive(main()))"),
        ("await method", "class S:\n    async def get(self, k): return k * 2\nasync def main():\n    s = S()\n    return await s.get('ab')\nprint(drive(main()))"),
        ("await in f-string and call", "async def v(x): return x\nasync def main():\n    return f'{await v(5)}' + str(await v(6))\nprint(drive(main()))"),
        ("exception propagates", "async def bad(): raise KeyError('k')\nasync def main():\n    try:\n        await bad()\n    except KeyError as e:\n        return 'caught'\nprint(drive(main()))"),
        ("nested await chain", "async def a(): return 1\nasync def b(): return await a() + 1\nasync def c(): return await b() + 1\nprint(drive(c()))"),
        ("await parenthesised", "async def v(x): return x\nasync def main(): return await (v(7))\nprint(drive(main()))"),
        ("async lambda-free closure", "def outer():\n    async def inner(x): return x + 1\n    return inner\nprint(drive(outer()(1)))"),
    ]
    .iter()
    .map(|(n, c)| (*n, format!("{drive}{c}")))
    .collect();
    let cases: Vec<(&str, &str)> = cases.iter().map(|(n, c)| (*n, c.as_str())).collect();
    differential("async", &cases);
}

/// A node whose `run` is `async def`: CPython runs it with `asyncio.run`,
/// mpnode calls it; the outputs are equal.
#[test]
fn async_run_node() {
    let source = node(
        "async def fetch(x):
    return x * 2

async def run(context):
    doubled = [await fetch(v) for v in [1, 2, 3]]
    return {'outputs': {'r': doubled, 'n': await fetch(21)}, 'error': None}
",
    );
    let expected = crate::support::python3(&format!(
        "{source}\nimport asyncio, json\nprint(json.dumps(asyncio.run(run({{}}))['outputs'], sort_keys=True))\n"
    ))
    .unwrap();
    let wasm = pack(RUNTIME_WASM, &source, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None);
    let got = serde_json::to_string(&report.result.outputs).unwrap();
    let expected: serde_json::Value = serde_json::from_str(expected.trim()).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&got).unwrap(), expected);
}

#[test]
fn statements_and_literals() {
    differential(
        "statements and literals",
        &[
            ("numeric underscores", "print(1_000_000, 0x_ff, 0b_1010, 0o_17, 1_0.5, 1e1_0 > 1)"),
            ("decorator subscript", "ds = [lambda f: (lambda: 'wrapped ' + f())]\n@ds[0]\ndef g(): return 'g'\nprint(g())"),
            ("decorator call chain", "class R:\n    def __init__(self): self.fs = {}\n    def on(self, n):\n        def d(f):\n            self.fs[n] = f\n            return f\n        return d\nr = [R()]\n@r[0].on('x')\ndef h(): return 1\nprint(sorted(r[0].fs))"),
            ("decorator lambda", "@(lambda f: f() * 2)\ndef named(): return 21\nprint(named)"),
            ("decorator plain still works", "def d(f): return lambda: f() + 1\n@d\ndef one(): return 1\nprint(one())"),
            ("parenthesised with", "class C:\n    def __init__(self, n): self.n = n\n    def __enter__(self): print('enter', self.n); return self.n\n    def __exit__(self, *a): print('exit', self.n)\nwith (C(1) as a, C(2) as b):\n    print(a + b)"),
            ("parenthesised with multi-line", "class C:\n    def __enter__(self): return 1\n    def __exit__(self, *a): pass\nwith (\n    C() as a,  # first\n    C() as b,\n):\n    print(a, b)"),
            ("with single parenthesised", "class C:\n    def __enter__(self): return 'in'\n    def __exit__(self, *a): pass\nwith (C()) as c:\n    print(c)"),
            ("positional-only", "def f(a, b, /, c, *, d=4): return a, b, c, d\nprint(f(1, 2, 3), f(1, 2, c=3, d=5))"),
            ("positional-only trailing", "def f(a, /): return a\nprint(f(7))"),
            ("positional-only defaults", "def f(a=1, /, b=2): return a, b\nprint(f(), f(5), f(b=6))"),
            ("positional-only by keyword", "def f(a, b, /, c): return a, b, c\nf(1, b=2, c=3)"),
            ("positional-only name in kwargs", "def f(a, /, **kw): return a, kw\nprint(f(1, a=2))"),
            ("positional-only inline body", "def f(a, /): return a * 2\nprint(f(4))\nf(a=4)"),
            ("positional-only closure", "def f(a, /):\n    g = lambda: a + 1\n    return g()\nprint(f(1))"),
            ("positional-only annotated", "def f(a: int, b: str = 'x', /) -> str:\n    return str(a) + b\nprint(f(1), f(2, 'y'))"),
            ("method positional-only", "class A:\n    def m(self, x, /):\n        return x\nprint(A().m(3))"),
            ("lambda positional-only", "f = lambda a, /, b=2: a + b\nprint(f(1), f(1, 5), f(1, b=3))"),
            ("keyword-only", "def f(a, *, b): return a, b\nprint(f(1, b=2))"),
            ("keyword-only missing", "def f(a, *, b): return a, b\nf(1, 2)"),
            ("isinstance union", "print(isinstance(1, int | str), isinstance('a', int | str), isinstance(1.5, int | str))"),
            ("isinstance union none", "print(isinstance(None, int | None), isinstance(2, int | None))"),
            ("issubclass union", "class A: pass\nclass B: pass\nclass C(B): pass\nprint(issubclass(C, A | B), issubclass(A, B | int))"),
            ("isinstance user classes", "class A: pass\nclass B: pass\nprint([isinstance(x, A | B) for x in [A(), B(), 1]])"),
            ("union value", "T = int | str\nprint(isinstance('x', T), isinstance(2.0, T))"),
            ("union of user classes", "class Circle: pass\nclass Square: pass\nShape = Circle | Square\nMaybe = None | Circle\nprint(isinstance(Square(), Shape), isinstance(None, Maybe), isinstance(1, Shape))"),
            ("union repr", "print(int | str, int | None, list[int], dict[str, list[int]])"),
            ("union kept in a variable", "t = int\nu = t | str\nprint(u, isinstance('a', u), isinstance(b'', u))"),
            ("constants or untouched", "RED, BLUE = 1, 4\nclass Flag:\n    A = 2\n    B = 8\nprint(RED | BLUE, Flag.A | Flag.B, RED | Flag.B)"),
            ("bit or untouched", "a, b = 5, 2\nprint(a | b, 1 | 2 | 4)"),
            ("generic alias call", "xs = list[int]()\nxs.append(1)\nprint(xs, dict[str, int]())"),
            ("generic alias value", "Alias = dict[str, list[int]]\nprint(Alias(a=[1]))"),
            ("list indexing untouched", "list_ = [5]\nprint(list_[0])"),
            ("global", "def f():\n    global G\n    G = 5\nf()\nprint(G)"),
            ("nonlocal", "def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    inc(); inc()\n    return n\nprint(outer())"),
            ("global from nested", "def outer():\n    def inner():\n        global GN\n        GN = 'set'\n    inner()\nouter()\nprint(GN)"),
            ("nonlocal two levels", "def a():\n    x = 1\n    def b():\n        def c():\n            nonlocal x\n            x += 10\n        c()\n    b()\n    return x\nprint(a())"),
            ("global in method", "COUNT = 0\nclass K:\n    def bump(self):\n        global COUNT\n        COUNT += 1\nK().bump(); K().bump()\nprint(COUNT)"),
            ("nonlocal with match capture", "def f():\n    seen = None\n    def g(v):\n        nonlocal seen\n        match v:\n            case [x, *_]: seen = x\n    g([7, 8])\n    return seen\nprint(f())"),
            ("walrus result used later", "def f(xs):\n    ys = [y for x in xs if (y := x - 1) > 0]\n    return ys, len(ys)\nprint(f([1, 2, 5]))"),
            ("future import", "print('ok')"),
        ],
    );
}

/// `break`/`continue` in a `finally` block (patch 0053): the pending
/// exception or return is dropped, as in CPython 3.8+.
#[test]
fn break_continue_in_finally() {
    differential(
        "finally",
        &[
            ("continue and break", "r = []\nfor i in range(5):\n    try:\n        r.append(i)\n    finally:\n        if i == 3:\n            break\n        continue\n    r.append('never')\nprint(r)"),
            ("break drops an exception", "for i in range(3):\n    try:\n        raise ValueError(i)\n    finally:\n        break\nprint('swallowed', i)"),
            ("continue drops an exception", "n = 0\nfor i in range(3):\n    try:\n        n += 1\n        1 / 0\n    finally:\n        continue\nprint(n)"),
            ("continue drops a return", "def f():\n    for i in range(3):\n        try:\n            return 'ret', i\n        finally:\n            if i < 2:\n                continue\n    return 'after'\nprint(f())"),
            ("break drops a return", "def f():\n    for i in range(3):\n        try:\n            return i\n        finally:\n            break\n    return 'broke'\nprint(f())"),
            ("break drops a pending break", "r = []\nfor i in range(3):\n    for j in range(3):\n        try:\n            if j == 1:\n                break\n        finally:\n            r.append((i, j))\n            if j == 0:\n                continue\nprint(r)"),
            ("nested try finally", "r = []\nfor i in range(3):\n    try:\n        try:\n            r.append(('in', i))\n        finally:\n            if i == 1:\n                continue\n            r.append(('inner', i))\n    finally:\n        r.append(('outer', i))\nprint(r)"),
            ("finally inside finally", "r = []\nfor i in range(3):\n    try:\n        pass\n    finally:\n        try:\n            r.append(i)\n        finally:\n            if i == 1:\n                break\nprint(r)"),
            ("outer handler still runs", "r = []\nfor i in range(3):\n    try:\n        try:\n            r.append(i)\n        finally:\n            continue\n    finally:\n        r.append('outer')\nprint(r)"),
            ("except outside still catches later", "r = []\ni = 0\nwhile i < 5:\n    i += 1\n    try:\n        try:\n            if i == 3:\n                raise KeyError(i)\n        finally:\n            if i % 2:\n                continue\n            r.append(i)\n        if i == 4:\n            raise KeyError(i)\n    except KeyError:\n        r.append('caught')\nprint(r)"),
            ("while loop", "i = 0\nwhile i < 4:\n    i += 1\n    try:\n        if i == 2:\n            raise RuntimeError\n    finally:\n        if i < 4:\n            continue\n    print('end', i)"),
            ("generator", "def g():\n    for i in range(3):\n        try:\n            yield i\n        finally:\n            continue\nprint(list(g()))"),
            ("exception after the loop still raises", "for i in range(2):\n    try:\n        pass\n    finally:\n        continue\nraise ValueError('after')"),
            ("loop inside the finally", "for i in range(2):\n    try:\n        raise ValueError\n    except ValueError:\n        pass\n    finally:\n        for j in range(3):\n            if j == 1:\n                break\n        print(i, j)"),
            ("break in else branch of finally if", "r = []\nfor i in range(4):\n    try:\n        r.append(i)\n    finally:\n        if i < 2:\n            pass\n        else:\n            break\nprint(r)"),
            ("continue in a finally of a try-except-else", "r = []\nfor i in range(3):\n    try:\n        if i == 1:\n            raise ValueError\n    except ValueError:\n        r.append('exc')\n    else:\n        r.append('else')\n    finally:\n        continue\nprint(r)"),
            ("break drops an exception raised in except", "for i in range(2):\n    try:\n        try:\n            raise KeyError\n        except KeyError:\n            raise ValueError\n    finally:\n        break\nprint('done', i)"),
            ("with outside the loop unaffected", "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): print('exit'); return False\nwith C():\n    for i in range(3):\n        try:\n            pass\n        finally:\n            if i == 1:\n                break\n    print('after loop', i)"),
            ("with between loop and try", "class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): print('exit'); return False\nfor i in range(3):\n    with C():\n        try:\n            pass\n        finally:\n            if i == 1:\n                break\n    print('iter', i)\nprint('end', i)"),
            ("nested loops in finally", "r = []\nfor i in range(2):\n    try:\n        pass\n    finally:\n        for j in range(3):\n            try:\n                r.append((i, j))\n            finally:\n                if j == 1:\n                    break\nprint(r)"),
            ("return after swallowed return", "def f():\n    for i in range(2):\n        try:\n            return 'first'\n        finally:\n            continue\n    return 'second'\nprint(f())"),
            ("deep recursion in loop finally", "def f(n):\n    out = 0\n    for i in range(n):\n        try:\n            out += i\n        finally:\n            if i % 2:\n                continue\n    return out\nprint(f(10))"),
            ("return value of a function after", "def f(xs):\n    total = 0\n    for x in xs:\n        try:\n            total += 10 // x\n        finally:\n            if x == 0:\n                continue\n    return total\nprint(f([1, 0, 5]))"),
        ],
    );
}

/// Walrus SyntaxErrors: the build reports CPython's message and line.
const WALRUS_ERRORS: &[&str] = &[
    "x := 1\n",
    "def f():\n    return [i := 0 for i in range(3)]\n",
    "def f():\n    return [x for x in (y := [1])]\n",
    "class A:\n    v = [(y := 1) for x in range(3)]\n",
    "(a.b := 1)\n",
    "(a[0] := 1)\n",
    "((a, b) := 1)\n",
    "([a] := 1)\n",
    "(f() := 1)\n",
    "(1 := 2)\n",
    "(a + b := 1)\n",
    "d = {x := 1: 2}\n",
    "def f():\n    return x := 1\n",
    "f = lambda: x := 1\n",
    "def f():\n    return [[(x := 1) for y in a] for x in b]\n",
    "y = x := 1\n",
    "x = [1, 2]\nprint(x[y := 0:1])\n",
];

#[test]
fn walrus_syntax_errors_match_cpython() {
    for src in WALRUS_ERRORS {
        let cpython = crate::support::python3(&format!(
            "try:\n    compile({src:?}, 'node.py', 'exec')\nexcept SyntaxError as e:\n    print(f'{{e.lineno}}: {{e.msg}}')\n"
        ))
        .unwrap();
        let (line, msg) = cpython.trim().split_once(": ").unwrap_or_else(|| panic!("CPython accepts {src:?}: {cpython}"));
        let source = node(src);
        let line: usize = line.parse::<usize>().unwrap() + 2;
        let compiler = Compiler::new().unwrap();
        let files = [SourceFile::new("node.py", source.as_str())];
        let err = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler).unwrap_err().to_string();
        assert!(err.contains(&format!("node.py:{line}: SyntaxError: {msg}")), "{src}: {err}");
    }
}

/// Wraps a body into a node file with `run` at the end.
fn node(body: &str) -> String {
    format!("def get_node():\n    return {{'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'T', 'pins': []}}\n{body}")
}

/// `(body, line, column, what)`: valid CPython 3.11 that stays unsupported
/// fails at build time, naming the place and the construct.
const UNSUPPORTED: &[(&str, usize, usize, &str)] = &[
    ("async def gen(y):\n    async for x in y:\n        yield x\n", 4, 5, "'async for' is not supported by mpnode"),
    ("async def run(context):\n    async with context as c:\n        return c\n", 4, 5, "'async with' is not supported by mpnode"),
    (
        "def run(context):\n    for x in [1]:\n        try:\n            pass\n        finally:\n            with context:\n                break\n",
        9,
        17,
        "'break' inside a `with` or `try` in a `finally` block is not supported by mpnode",
    ),
    (
        "def run(context):\n    while context:\n        try:\n            pass\n        finally:\n            try:\n                pass\n            except Exception:\n                continue\n",
        11,
        17,
        "'continue' inside a `with` or `try` in a `finally` block is not supported by mpnode",
    ),
    (
        "def run(context):\n    match context:\n        case [a, *_] | {'a': a, **b}: pass\n",
        5,
        24,
        "alternative patterns binding different names are not supported by mpnode",
    ),
    (
        "def run(context):\n    match context:\n        case 1 + 2j: pass\n        case -x: pass\n",
        6,
        14,
        "this pattern is not supported by mpnode",
    ),
];

#[test]
fn unsupported_constructs_fail_at_build_time_with_place_and_reason() {
    for (body, line, column, what) in UNSUPPORTED {
        let source = node(body);
        // Each is Python CPython compiles (but `-x` as a pattern, and OR
        // patterns binding different names, which CPython refuses too).
        if !what.contains("this pattern") && !what.contains("alternative patterns") {
            crate::support::python3(&format!("compile({source:?}, 'node.py', 'exec')\n"))
                .unwrap_or_else(|e| panic!("CPython rejects:\n{source}\n{e}"));
        }
        let err = pack(RUNTIME_WASM, &source, "node.py").unwrap_err().to_string();
        let prefix = format!("node.py:{line}:{column}: SyntaxError: {what} (");
        assert!(err.starts_with(&prefix), "expected {prefix:?}, got {err:?}\n{source}");
        assert!(err.ends_with(')'), "{err}");
    }
}

/// `(node body, the line its exception is raised on)`: lowered constructs
/// above and around the raise keep the node's line numbers.
const RAISING: &[(&str, usize)] = &[
    (
        "def run(context):
    parts = [
        *context.get('a', []),
        *[1, 2],
    ]
    merged = {**context, 'k': 1,
              **{'j': 2}}
    raise ValueError(len(parts))
",
        10,
    ),
    (
        "def run(context):
    match {'kind': 'x', 'items': [1, 2]}:
        case {'kind': 'y'}:
            pass
        case {'kind': k, 'items': [first, *rest]} if first > 0:
            total = first + sum(rest)
            raise KeyError(k)
",
        9,
    ),
    (
        "def helper(a, /, *rest):
    return [a, *rest]

@(lambda f: f)
def run(context):
    with (
        open_it() as a,
    ):
        pass
",
        9,
    ),
    (
        "def f(*a, **k):
    return 1 // 0

def run(context):
    x = [y for v in [1] if (y := v)]
    return f(*x,
             *x,
             **{'a': 1},
             **{'b': 2})
",
        4,
    ),
];

const RAISING_MORE: &[(&str, usize)] = &[
    (
        "def run(context):
    for i in range(3):
        match [i, {'k': i}]:
            case [0, _]:
                continue
            case [n, {'k': k}] if (m := n * k) > 3:
                break
            case [
                n,
                _,
            ]:
                raise ValueError(n)
",
        14,
    ),
    (
        "def run(context):
    for i in range(2):
        try:
            pass
        finally:
            if i:
                continue
    while (n := len(context)) < 1:
        context = [y for x in [1] if (y := x)]
    raise KeyError(n)
",
        12,
    ),
];

/// The line of the innermost `File "…", line N` of a traceback.
fn last_line(traceback: &str) -> Option<usize> {
    let at = traceback.rfind(", line ")? + ", line ".len();
    traceback[at..].split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[test]
fn tracebacks_name_the_original_line() {
    let engine = Engine::new();
    for (body, line) in RAISING.iter().chain(RAISING_MORE) {
        let source = node(body);
        let cpython = crate::support::python3(&format!("{source}\nrun({{}})\n")).unwrap_err();
        assert_eq!(last_line(&cpython), Some(*line), "CPython:\n{cpython}");
        let lowered = lower(&source).unwrap();
        assert_eq!(lowered.lines().count(), source.lines().count(), "{lowered}");
        let mp = micropython(&engine, &source).unwrap_err();
        assert_eq!(last_line(&mp), Some(*line), "MicroPython:\n{mp}\n---\n{lowered}");
    }
}

/// Module-level code (globals instead of locals) for the statement-level
/// rewrites.
#[test]
fn module_level_statements() {
    let snippet = "\
for cmd in [['go', 1], ['stop'], 'x']:
    match cmd:
        case ['go', n] if n > 0:
            print('go', n)
        case ['stop']:
            print('stop')
        case other:
            print('other', other)
print(n, other)
xs = [3, 0]
while (x := xs.pop()) == 0:
    print('zero')
if (m := len(xs)) == 1:
    print('m', m)
print([(last := v) for v in 'ab'], last)
print([*xs, *xs], {**{'a': 1}})
";
    let source = format!("{HEADER}{snippet}{FOOTER}");
    let expected = crate::support::python3(&format!("{source}\nrun({{}})\n")).unwrap();
    assert!(expected.contains("go 1\nstop\nother x\n1 x\nzero\n"), "{expected}");
    assert_eq!(micropython(&Engine::new(), &source).unwrap(), expected, "{}", lower(&source).unwrap());
}
