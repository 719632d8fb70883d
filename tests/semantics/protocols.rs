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

/// A subclass of dict, list, tuple, str, int or float in a node's outputs
/// (Counter, defaultdict, an IntEnum or str Enum member) is written as the
/// value inside it, as CPython's json writes it (the shim's output JSON
/// writer, `mpn_native_of`).
#[test]
fn dict_subclass_in_outputs() {
    use mpnode_build::pack::pack;
    use mpnode_build::runtime::RUNTIME_WASM;
    use mpnode_host::{Engine, Node};
    let src = "\
from collections import Counter, OrderedDict, defaultdict
from enum import Enum, IntEnum
class D(dict):
    pass
class I(int):
    pass
class S(str):
    pass
class F(float):
    pass
class L(list):
    pass
class T(tuple):
    pass
class Level(IntEnum):
    LOW = 1
    HIGH = 3
class Color(str, Enum):
    RED = 'red'
def get_node():
    return {'name': 'sub', 'friendly_name': 'Sub', 'description': 'test', 'category': 'Test', 'pins': []}
def run(context):
    dd = defaultdict(int)
    dd['z'] += 2
    return {'outputs': {'counter': Counter('abca'), 'plain': D(b=1, a=[D(x=None)]), 'dd': dd,
                        'od': OrderedDict([('k', 1)]), 'int': I(5), 'str': S('s'), 'float': F(0.1 + 0.2),
                        'list': L([I(1), S('x')]), 'tuple': T((1, 2)),
                        'enums': [Level.HIGH, Color.RED, sorted([Level.HIGH, 2, Level.LOW])]}, 'error': None}
";
    let dir = std::env::temp_dir().join(format!("mpnode-subclass-outputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sub.py");
    std::fs::write(&file, src).unwrap();
    let want = crate::support::cpython_outputs(file.to_str().unwrap(), &serde_json::json!({}));
    let mut node = Node::load(&Engine::new(), &pack(RUNTIME_WASM, src, "sub.py").unwrap()).unwrap();
    let report = node.run(serde_json::json!({})).unwrap();
    assert!(report.result.error.is_none(), "{:?}", report.result.error);
    let got = serde_json::to_string(&report.result.outputs).unwrap();
    assert_eq!(got, serde_json::to_string(&want).unwrap());
    assert!(got.starts_with(r#"{"counter":{"a":2,"b":1,"c":1},"plain":{"b":1,"a":[{"x":null}]}"#), "{got}");
}

/// `int()`, `float()`, `round()`, `format()`, `str.format` and f-strings
/// call the class's special methods (patch 0026).
#[test]
fn number_special_methods() {
    crate::probes::check(&[
        (
            "int float",
            "class N:\n    def __int__(self):\n        return 7\n    def __float__(self):\n        return 2.5\nprint(int(N()), float(N()), type(int(N())).__name__)",
        ),
        (
            "index",
            "class I:\n    def __index__(self):\n        return 12\nprint(int(I()))",
        ),
        (
            "int big",
            "class B:\n    def __int__(self):\n        return 10 ** 30\nprint(int(B()))",
        ),
        (
            "float into math",
            "import math\nclass F:\n    def __float__(self):\n        return 16.0\nprint(math.sqrt(F()), math.floor(F()))",
        ),
        (
            "round",
            "class R:\n    def __round__(self, n=None):\n        return ('r', n)\nprint(round(R()), round(R(), 2), round(R(), None))",
        ),
        (
            "format",
            "class Fm:\n    def __format__(self, spec):\n        return '<' + spec + '>'\nx = Fm()\nprint(format(x), format(x, '>5'), '{}|{:x}|{:{}}'.format(x, x, x, 'q'), f'{x:%Y}', f'{x}')",
        ),
        (
            "format with conversion skips __format__",
            "class Fm:\n    def __format__(self, spec):\n        return 'F'\n    def __repr__(self):\n        return 'R'\n    def __str__(self):\n        return 'S'\nprint('{!r} {!s} {}'.format(Fm(), Fm(), Fm()))",
        ),
        (
            "format result padded by caller",
            "class P:\n    def __format__(self, spec):\n        return format(3.14159, spec)\nprint(f'[{P():8.2f}]', '{0:.1f}'.format(P()))",
        ),
        ("no int", "class E:\n    pass\ntry:\n    int(E())\nexcept TypeError:\n    print('TypeError')"),
        ("no float", "class E:\n    pass\ntry:\n    float(E())\nexcept TypeError:\n    print('TypeError')"),
        (
            "decimal and fraction",
            "from decimal import Decimal\nfrom fractions import Fraction\nd = Decimal('2.675')\nprint(int(d), float(d), round(d, 2), f'{d:.1f}', format(d, '>8'))\nf = Fraction(7, 2)\nprint(int(f), float(f), round(f), round(f, 1))",
        ),
        (
            "datetime format spec",
            "import datetime\nd = datetime.date(2024, 3, 9)\nprint(f'{d:%Y/%m/%d}', format(d, '%d.%m.'), '{:%b}'.format(d))",
        ),
    ]);
}

/// `a < b` falls back to `b > a`, `==` to the other's `__eq__`, and
/// `NotImplemented` defers, as in CPython (patch 0017).
#[test]
fn reflected_comparisons() {
    crate::probes::check(&[
        (
            "int on the left",
            "class C:\n    def __init__(self, v):\n        self.v = v\n    def __gt__(self, o):\n        return self.v > o\n    def __lt__(self, o):\n        return self.v < o\n    def __ge__(self, o):\n        return self.v >= o\n    def __le__(self, o):\n        return self.v <= o\nprint(1 < C(2), 3 < C(2), 2 <= C(2), 5 >= C(2), 1.5 > C(2))",
        ),
        (
            "NotImplemented defers",
            "class A:\n    def __lt__(self, o):\n        return NotImplemented\nclass B:\n    def __gt__(self, o):\n        return 'B.gt'\nprint(A() < B())",
        ),
        (
            "NotImplemented both ways",
            "class A:\n    def __lt__(self, o):\n        return NotImplemented\nA() < A()",
        ),
        ("unsupported keeps the order", "class Z:\n    pass\n1 < Z()"),
        ("unsupported reversed", "class Z:\n    pass\nZ() >= 'a'"),
        (
            "eq reflected",
            "class E:\n    def __eq__(self, o):\n        return o == 5\nprint(5 == E(), E() == 5, 5.0 == E(), 'x' == E(), 4 == E(), 5 != E())",
        ),
        (
            "eq result kept truthy",
            "class E:\n    def __eq__(self, o):\n        return 'yes'\nprint(bool(E() == 1), bool(1 == E()), 1 != E())",
        ),
        (
            "eq NotImplemented falls to identity",
            "class N:\n    def __eq__(self, o):\n        return NotImplemented\nn = N()\nprint(n == n, n == N(), n != N(), n in [n])",
        ),
        ("NotImplemented repr", "print(NotImplemented, repr(NotImplemented), NotImplemented is NotImplemented)"),
        (
            "sorting mixed",
            "class V:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n        if isinstance(o, V):\n            return self.v < o.v\n        return NotImplemented\n    def __gt__(self, o):\n        if isinstance(o, V):\n            return self.v > o.v\n        return self.v > o\n    def __repr__(self):\n        return 'V(%d)' % self.v\nprint(sorted([V(3), V(1), V(2)]), 0 < V(1), V(1) < 0 if False else 'skip')",
        ),
        (
            "fraction on the right",
            "from fractions import Fraction\nprint(1 < Fraction(3, 2), 2 > Fraction(3, 2), 1 == Fraction(1), 0.5 == Fraction(1, 2))",
        ),
    ]);
}

/// `print(..., file=obj)` calls `obj.write(text)` for each piece, as
/// CPython does (patch 0018).
#[test]
fn print_to_any_writer() {
    crate::probes::check(&[
        (
            "writer class",
            "import builtins\nclass W:\n    def __init__(self):\n        self.parts = []\n    def write(self, s):\n        self.parts.append(s)\nw = W()\nbuiltins.print('a', 1, [2], None, file=w)\nbuiltins.print(file=w)\nbuiltins.print('x', 'y', sep='--', end='!', file=w)\nbuiltins.print(3.5, sep=None, end=None, file=w)\nprint(w.parts)",
        ),
        (
            "str subclass and objects",
            "import builtins\nclass S(str):\n    pass\nclass O:\n    def __str__(self):\n        return 'O!'\nclass W:\n    def __init__(self):\n        self.parts = []\n    def write(self, s):\n        self.parts.append((type(s).__name__, s))\nw = W()\nbuiltins.print(O(), b'b', file=w)\nprint(w.parts)",
        ),
        (
            "no write",
            "import builtins\nbuiltins.print('x', file=5)",
        ),
        (
            "io StringIO subclass write",
            "import builtins, io\nclass Up(io.StringIO):\n    def write(self, s):\n        return super().write(s.upper())\nu = Up()\nbuiltins.print('hi', 'there', file=u)\nprint(repr(u.getvalue()))",
        ),
    ]);
}

/// Set operators with a dict view on either side, and `reversed()` of a
/// dict and its views (patch 0019).
#[test]
fn dict_views_and_iteration() {
    crate::probes::check(&[
        (
            "view on the right",
            "d = {'a': 1, 'b': 2}\nprint(sorted({'a', 'z'} & d.keys()), sorted({'z'} | d.keys()), sorted({'a', 'z'} - d.keys()), sorted({'a', 'z'} ^ d.keys()))\nprint(sorted({('a', 1)} & d.items()), type({'a'} & d.keys()).__name__)",
        ),
        (
            "view on the left",
            "d = {'a': 1, 'b': 2}\nprint(sorted(d.keys() | ['c']), sorted(d.keys() - {'a'}), sorted(d.keys() & {'b', 'q'}), d.keys() == {'a', 'b'}, d.keys() <= {'a', 'b', 'c'})",
        ),
        (
            "frozenset on the left",
            "d = {'a': 1}\nprint(sorted(frozenset('ab') & d.keys()), sorted(frozenset('ab') - d.keys()))",
        ),
        ("values are no set", "d = {'a': 1}\ntry:\n    print({1} & d.values())\nexcept TypeError:\n    print('TypeError')"),
        (
            "reversed views",
            "d = {'x': 1, 'y': 2, 'z': 3}\nprint(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))\nprint(list(reversed({})), list(reversed({}.items())))",
        ),
        (
            "reversed dict subclass",
            "class D(dict):\n    pass\nprint(list(reversed(D(a=1, b=2))))",
        ),
        (
            "same size is fine",
            "d = {'a': 1, 'b': 2}\nfor k in d:\n    d[k] = d[k] * 10\nprint(d)\nfor k in list(d):\n    del d[k]\nprint(d)",
        ),
    ]);
}
