//! `pysyntax::lower` against the real interpreters.
//!
//! Every snippet is a small program that prints. It runs three ways, and the
//! three outputs must be equal:
//!
//! 1. the original source under CPython 3 (`python3`);
//! 2. the lowered source under CPython 3 (the rewrite means the same);
//! 3. the lowered source under MicroPython v1.9.4, packed as a node and run
//!    in wasmi (the rewrite compiles and means the same there too).
//!
//! A snippet is wrapped into a node (see [`wrap`]): its module-level code
//! runs with `print` collecting lines, and the node's `run(context)` prints
//! them, so they arrive in the run report's logs, one entry per line. In
//! CPython the wrapped program ends with a call of `run({})`.
//!
//! Snippets avoid what MicroPython v1.9.4 does differently for reasons
//! unrelated to the lowering (each would differ with `str.format` too):
//! - the order of dicts with several keys, and `repr` of floats beyond 16
//!   digits;
//! - `!a` inside `str.format` (the lowering turns `!a` into `!r`, which
//!   matches CPython for ASCII text only, so the snippets use ASCII);
//! - `repr` of non-ASCII text (`'w\xf6rld'` where CPython shows
//!   `'wörld'`), widths of non-ASCII text in a spec (counted in UTF-8
//!   bytes: `'{:>3}'.format('é')` pads with one space), and `{:c}` above
//!   127 (gives a byte);
//! - `=` as a fill character (`'{:=^6}'.format(2)` is an invalid format
//!   specifier; `=` as the alignment works), and `_` as a thousands
//!   separator;
//! - `str` methods v1.9.4 lacks (`zfill`, `casefold`, …);
//! - `case[i]: T = v`: a statement starting `case [` is taken for a
//!   `match` case and left alone (v1.9.4 has no `match` either).

use mpnode_build::lower::lower;
use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, LogLevel, Node};
use serde_json::json;

/// Lines before the snippet in the wrapped program.
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

fn wrap(snippet: &str) -> String {
    format!("{HEADER}{snippet}\n{FOOTER}")
}

/// `(name, snippet)`: each snippet prints; all three runs must agree.
const CASES: &[(&str, &str)] = &[
    // ---- f-strings: fields, conversions, specs ----
    (
        "simple names",
        r#"
x = 5
name = "node"
print(f"x is {x}, name is {name}")
print(f"{x}{name}{x}")
"#,
    ),
    (
        "every prefix spelling",
        r#"
v = 7
print(f'a{v}', F'b{v}', rf'c{v}', fr'd{v}', Rf'e{v}', fR'f{v}', RF'g{v}', FR'h{v}', rF'i{v}', Fr'j{v}')
"#,
    ),
    (
        "every quote style",
        r#"
v = "q"
print(f'1{v}', f"2{v}", f'''3{v}''', f"""4{v}""")
print(f'''it's "{v}"''', f"""say "{v}" and 'x'""")
"#,
    ),
    (
        "conversions",
        r#"
s = "it's"
n = 42
items = [1, "two", None, True]
print(f"{s!r} {s!s} {n!r} {items!r} {items} {None!r}")
print(f"{s!a}")  # ASCII text: !a and !r agree
"#,
    ),
    (
        "alignment and fill",
        r#"
w = "ab"
n = 42
print(f"[{w:>6}][{w:<6}][{w:^6}][{w:*^7}][{w:6}]")
print(f"[{n:>6}][{n:<6}][{n:^6}][{n:_>6}][{n:6}][{n:06}][{-n:=5}][{n:=+5}]")
"#,
    ),
    (
        "numbers in specs",
        r#"
pi = 3.14159265
n = 255
print(f"{pi:.2f} {pi:8.3f} {pi:<8.1f}| {-pi:.0f} {pi:+.1f}")
print(f"{n:x} {n:X} {n:#x} {n:o} {n:b} {n:05d} {n:+d} {-n:d}")
print(f"{1e6:.1e} {0.5:.0%} {2.5:g} {65:c}")
"#,
    ),
    (
        "conversion with spec",
        r#"
s = "hi"
print(f"[{s!r:>8}] [{s!s:<5}] [{s!r:*^10}]")
"#,
    ),
    (
        "nested fields in the spec",
        r#"
x = "mid"
width = 9
fill = "-"
align = "^"
pi = 3.14159
prec = 3
print(f"[{x:{width}}] [{x:{fill}{align}{width}}] [{pi:.{prec}f}] [{pi:{width}.{prec}}]")
print(f"[{x!r:>{width}}]")
"#,
    ),
    (
        "doubled braces",
        r#"
x = 5
print(f"{{}} {{x}} {{{x}}} }}{{")
print(f"{{literal}}")
print(f"{{{{x}}}}")
"#,
    ),
    (
        "calls",
        r#"
items = [3, 1, 2]
words = ["a", "b", "c"]
print(f"{len(items)} {sorted(items)} {max(items, key=lambda v: -v)} {' '.join(words)}")
print(f"{'-'.join(str(i) for i in items)} {str(len(words)).center(5)!r}")
"#,
    ),
    (
        "subscripts and slices",
        r#"
d = {"k": "v", "n": [10, 20, 30]}
a = [0, 1, 2, 3, 4]
m = [[1, 2], [3, 4]]
print(f"{d['k']} {d['n'][1]} {a[1:3]} {a[-1]} {a[::2]} {m[1][0]} {a[len(a) - 2]}")
print(f'{d["k"]}')
"#,
    ),
    (
        "attribute access",
        r#"
class Obj:
    name = "thing"
    def method(self, k=1):
        return self.name * k
o = Obj()
print(f"{o.name} {o.method()} {o.method(k=2)} {'abc'.upper()} {o.name.upper()[1:]}")
"#,
    ),
    (
        "arithmetic and comparisons",
        r#"
a = 7
b = 3
print(f"{a + b * 2} {a // b} {a % b} {-a} {a ** 2} {a / 2} {a - -b} {(a + b) * 2}")
print(f"{a != b} {a == b} {a <= b} {a >= b} {a < b} {a > b} {a is None} {b in [3]}")
print(f"{a & b} {a | b} {a ^ b} {a << 2} {a >> 1} {~a} {not a}")
"#,
    ),
    (
        "conditional expressions",
        r#"
ok = True
n = 3
print(f"{'yes' if ok else 'no'} {n if n > 2 else -n} {('a' if not ok else 'b')!r}")
print(f"[{'long' if ok else 's':>6}]")
"#,
    ),
    (
        "lambdas in parentheses",
        r#"
print(f"{(lambda v: v * 2)(21)} {(lambda: 'none')()}")
f = lambda v: f"<{v}>"
print(f("x"), f(1))
"#,
    ),
    (
        "containers and comprehensions",
        r#"
print(f"{[i * i for i in range(4)]} { {'a': 1}['a'] } {(1, 2)} {[x for x in 'ab']!r}")
print(f"{ {1} } {len({i: i for i in range(3)})} {sum(i for i in range(5))}")
"#,
    ),
    (
        "nested f-strings",
        r#"
x = 4
w = 6
print(f"{f'{x}'!r} {f'<{x:>{w}}>'}")
print(f"""{f'{x + 1}' + f"{x}"} {f'''{f"{x}"}'''}""")
"#,
    ),
    (
        "nested quotes of the other kind",
        r#"
d = {"key": "value", "}": "close", "{": "open"}
print(f"{d['key']} {'single' + '!'} {d.get('missing', 'default')}")
print(f"{d['}']} {d['{']} {'{'} {'}'} {'{}'}")
print(f'{d["key"]} {"double"} {d.get("missing", "default")}')
print(f"""{d["key"]} {d['key']}""")
"#,
    ),
    (
        "implicit concatenation with plain strings",
        r#"
x = 1
y = 2
print(f"{x}" "{not a field}" f"{y}" '}{' "end")
print("{plain}" f"{x}")
print(f"a" "{b}" f"c")
print("pre{" f"{{x}}" r"\d{2}" f"{y}")
"#,
    ),
    (
        "concatenation across lines and comments",
        r#"
x = "X"
msg = (f"first {x}, "   # a comment with {braces} and "quotes"
       "second {x}, "
       f"third {x!r}"
)
print(msg)
total = f"{x}" \
    "-{}" \
    f"{x}"
print(total)
"#,
    ),
    (
        "raw f-strings and backslashes",
        r#"
x = "v"
print(repr(rf"\d+{x}\n"), repr(fr'{x}\t\\'), repr(Rf"\{x}"))
print(repr(f"tab\t{x}\nline\\{x}"), repr(f"\'{x}\'"), repr(f'\"{x}\"'))
"#,
    ),
    (
        "escapes that decode to braces",
        r#"
x = 5
print(f"\x7b{x}\x7d")
print("\173" f"{x}" "\175")
print(f"\u007b{x}\u007d")
print("\x7b" f"no fields" "\x7d")
"#,
    ),
    (
        "multi-line triple-quoted f-strings",
        r#"
name = "node"
items = [1, 2, 3]
text = f"""Report for {name}:
  count: {len(
      items)}
  total: {sum(items):>5}
  done"""
print(text)
after = "line numbers still match"
print(after)
"#,
    ),
    (
        "debug specifier",
        r#"
x = 5
s = "str"
d = {"k": 1}
print(f"{x=}")
print(f"{x = }")
print(f"{s=}")
print(f"{s=!s}")
print(f"{x=:>4}")
print(f"{d['k']=}")
print(f"{x + 1=}")
print(f"{x==5=}")
"#,
    ),
    (
        "f-strings in functions, defaults and comprehensions",
        r#"
def label(v, prefix=f"{'P'}:"):
    return f"{prefix}{v}"
print(label(1), label(2, prefix=f"{3}>"))
print([f"{i}:{i * i}" for i in range(3)])
print({f"k{i}": i for i in range(1)})
"#,
    ),
    (
        "methods and operators after an f-string",
        r#"
x = "ab"
print(f"{x}-{x}".upper(), f"{x}"[0], f"{x}" * 2, f"{x}" + "!", len(f"{x}{x}"))
print(f"{x}".join(["1", "2"]), "%s|" % f"{x}", f"{x}" == "ab")
"#,
    ),
    (
        "f-strings without fields",
        r#"
print(f"", f"plain", f'', F"""""", repr(f"{{}}"))
"#,
    ),
    (
        "unicode",
        r#"
name = "wörld"
print(f"héllo {name} ✓ {len(name)} {name.upper()}")
print(f"{'é'}|{'✓'}|{name[1]}")
"#,
    ),
    (
        "values of every kind",
        r#"
print(f"{None} {True} {False} {0} {-1} {[]} {()} {''} {'x'!r} {(1,)}")
print(f"{2 ** 70} {-(2 ** 65)} {10 / 4} {7 // 2}")
"#,
    ),
    (
        "a table row",
        r#"
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for name, qty, price in rows:
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}|{qty * price:>7.2f}")
"#,
    ),
    (
        "f-strings as call arguments and dict values",
        r#"
x = 2
def show(*args, **kw):
    return (args, sorted(kw.items()))
print(show(f"{x}", key=f"{x * 2}"))
print({"k": f"{x}"}["k"], [f"{x}", f'{x}'])
"#,
    ),
    (
        "strings and comments that only look like syntax",
        r#"
# f"{x}" and x: int = 5 in a comment
s = "x: int = 5"
t = 'f"{x}"'
u = """
y: list[int] = []
{not a field}
"""
print(s, t, u.strip().split("\n"))
print("{}".format(1), "{0}{0}".format("a"))
"#,
    ),
    // ---- variable annotations ----
    (
        "annotated assignments",
        r#"
x: int = 5
y: "str" = "why"
z: list[int] = [1, 2]
print(x, y, z)
"#,
    ),
    (
        "attribute annotations in methods",
        r#"
class Holder:
    def __init__(self):
        self.items: list[str] = []
        self.count: int = 0
    def add(self, v: str) -> None:
        self.items.append(v)
        self.count: int = self.count + 1
h = Holder()
h.add("a")
h.add("b")
print(h.items, h.count)
"#,
    ),
    (
        "annotations naming classes",
        r#"
class NodeDefinition:
    def __init__(self, name):
        self.name = name
nodes: list[NodeDefinition] = []
nodes.append(NodeDefinition("one"))
lookup: dict[str, NodeDefinition] = {n.name: n for n in nodes}
print([n.name for n in nodes], list(lookup))
"#,
    ),
    (
        "bare annotations",
        r#"
count: int
class Config:
    name: str
    size: int
def f():
    local: int
    local = 3
    return local
print(f(), hasattr(Config, "name"))
if True:
    flag: bool
print("ok")
"#,
    ),
    (
        "union and optional annotations",
        r#"
value: int | None = None
other: dict[str, list[int | None]] | None = {"a": [1, None]}
def get(key: str, default: int | None = None) -> list[int] | None:
    result: list[int] | None = other.get(key)
    return result if result is not None else default
print(value, get("a"), get("b"), get("c", 5))
"#,
    ),
    (
        "multi-line annotations",
        r#"
table: dict[
    str,
    list[int],
] = {
    "a": [1],
}
pairs: tuple[
    int, int
]
print(table)
print("still aligned")
"#,
    ),
    (
        "annotation targets",
        r#"
d = {}
d["k"]: int = 3
class C:
    pass
c = C()
c.attr: str = "value"
lst = [0, 0]
lst[1]: int = 9
(p): int = 4
print(d, c.attr, lst, p)
"#,
    ),
    (
        "annotated tuple and lambda values",
        r#"
t: tuple = 1, 2
fn: "callable" = lambda a=1: a + 1
g: dict = {"k": lambda: 0}
print(t, fn(), fn(5), g["k"]())
"#,
    ),
    (
        "annotations after semicolons and headers",
        r#"
a = 1; b: int = 2; c: str = "c"
if True: d: int = 4
for i in range(1): e: int = i + 5
class K: f: int = 6
print(a, b, c, d, e, K.f)
"#,
    ),
    (
        "class bodies of annotations",
        r#"
class Point:
    x: int = 0
    y: int = 0
    label: str = "origin"
    def __init__(self, x: int = 0, y: int = 0):
        self.x = x
        self.y = y
p = Point(3, 4)
print(p.x, p.y, p.label, Point.x)
"#,
    ),
    (
        "annotation with f-string value",
        r#"
name = "n"
label: str = f"<{name!r}>"
print(label)
"#,
    ),
    (
        "parameter and return annotations stay",
        r#"
def f(a: int, b: "B" = 2, *args: int, c: dict[str, int] | None = None, **kw: object) -> list[int] | None:
    return [a, b, len(args), c is None, len(kw)]
async_like = lambda x: x
print(f(1), f(1, 3, 4, 5, c={}, z=1))
"#,
    ),
    (
        "names that are soft keywords",
        r#"
match = 3
case = [4, 5]
print(match, case[0])
match: int = 6
case: list = [7]
print(match, case)
"#,
    ),
    (
        "left alone: dicts, slices, lambdas, headers",
        r#"
d = {"a": 1}
s = [1, 2, 3][1:]
f = lambda: 0
g = lambda k: {k: k}
if s: x = 1
else: x = 2
while False: pass
try: y = 1
except ValueError: y = 2
finally: z = 3
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *exc): return False
with Ctx() as c: pass
print(d, s, f(), g("k"), x, y, z)
"#,
    ),
    (
        "upper-case string prefixes and underscores in numbers",
        r#"
x = 1_000
print(R"\d", B"b", U"u", Rb"\x", bR"y", x + 0x_ff, 1_0.0_1)
print(0.5.as_integer_ratio(), 1_0.0.is_integer(), 2.5e1_0.is_integer(), 1e3.__class__.__name__)
"#,
    ),
    (
        "tabs and continuations",
        "
def f():
\tv: int = 1
\tw: str = f\"{v}\" \\
\t\t\"!\"
\treturn w
print(f())
",
    ),
];

fn micropython(engine: &Engine, node: &str) -> Result<String, String> {
    let wasm = pack(RUNTIME_WASM, node, "node.py").map_err(|e| e.to_string())?;
    let mut node = Node::load(engine, &wasm).map_err(|e| e.to_string())?;
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

#[test]
fn lowered_snippets_print_what_cpython_prints() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let engine = Engine::new();
    let mut failures = Vec::new();
    for (name, snippet) in CASES {
        let original = wrap(snippet);
        let lowered = match lower(&original) {
            Ok(lowered) => lowered,
            Err(e) => {
                failures.push(format!("{name}: lower failed: {e}"));
                continue;
            }
        };
        if lowered.lines().count() != original.lines().count() {
            failures.push(format!("{name}: line count changed\n{lowered}"));
        }
        let call = "\nrun({})\n";
        let expected = match crate::support::python3(&format!("{original}{call}")) {
            Ok(out) => out,
            Err(e) => {
                failures.push(format!("{name}: the original fails in CPython:\n{e}"));
                continue;
            }
        };
        match crate::support::python3(&format!("{lowered}{call}")) {
            Ok(out) if out == expected => {}
            Ok(out) => failures.push(format!("{name}: CPython, lowered:\n{out}expected:\n{expected}---\n{lowered}")),
            Err(e) => failures.push(format!("{name}: the lowered source fails in CPython:\n{e}---\n{lowered}")),
        }
        match micropython(&engine, &lowered) {
            Ok(out) if out == expected => {}
            Ok(out) => failures.push(format!("{name}: MicroPython:\n{out}expected:\n{expected}---\n{lowered}")),
            Err(e) => failures.push(format!("{name}: MicroPython fails:\n{e}---\n{lowered}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n\n{}", failures.len(), CASES.len(), failures.join("\n\n"));
}

/// `(node file, the line its exception is raised on)`: each node raises in
/// `run`, below lowered code that spans several lines.
const RAISING: &[(&str, usize)] = &[
    (
        r#"def get_node():
    return {"name": "n", "friendly_name": "N", "description": "d", "category": "T", "pins": []}

def run(context):
    data: dict[
        str,
        int,
    ] = {"a": 1}
    label: str = f"""first {data["a"]}
second {data!r:>30}
third"""
    count: int
    raise ValueError(f"bad {label!r}")
"#,
        13,
    ),
    (
        r#"def get_node():
    return {"name": "n", "friendly_name": "N", "description": "d", "category": "T", "pins": []}

def helper(values: list[int] | None = None) -> int | None:
    total: int = 0
    text = (f"{total}"
            "{literal}"
            f"{values}")
    return values[0] // total

def run(context):
    result: int | None = helper(
        [1, 2])
    return {"outputs": {"r": result}, "error": None}
"#,
        9,
    ),
    (
        r#"class Thing:
    name: str
    size: int = 0
    def describe(self) -> str:
        msg = f"""{self.size:>{
            4}}"""
        return f"{self.name}: {msg}"

def get_node():
    return {"name": "n", "friendly_name": "N", "description": "d", "category": "T", "pins": []}

def run(context):
    text: str = Thing().describe()
    return {"outputs": {"t": text}, "error": None}
"#,
        7,
    ),
];

/// The line of the innermost `File "…", line N` of a traceback.
fn last_line(traceback: &str) -> Option<usize> {
    let at = traceback.rfind(", line ")? + ", line ".len();
    traceback[at..].split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[test]
fn exceptions_report_the_original_line() {
    let engine = Engine::new();
    for (source, line) in RAISING {
        let lowered = lower(source).unwrap();
        assert_eq!(lowered.lines().count(), source.lines().count(), "{lowered}");
        let cpython = crate::support::python3(&format!("{source}\nrun({{}})\n")).unwrap_err();
        assert_eq!(last_line(&cpython), Some(*line), "CPython, original:\n{cpython}");
        let cpython = crate::support::python3(&format!("{lowered}\nrun({{}})\n")).unwrap_err();
        assert_eq!(last_line(&cpython), Some(*line), "CPython, lowered:\n{cpython}\n{lowered}");
        let micropython = micropython(&engine, &lowered).unwrap_err();
        assert_eq!(last_line(&micropython), Some(*line), "MicroPython:\n{micropython}\n{lowered}");
    }
}

#[test]
fn a_malformed_f_string_is_an_error_with_its_line() {
    let e = lower("def run(context):\n    return f'{context!x}'\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 22));
    assert!(crate::support::python3("def run(context):\n    return f'{context!x}'\n").unwrap_err().contains("line 2"));
}

/// `from __future__ import annotations` becomes `pass`. Typed node files
/// use it for forward references, which CPython then never evaluates; nor
/// does MicroPython ever evaluate parameter and return annotations. (The
/// lowered file is not run in CPython here: without the import, CPython
/// would evaluate `-> Later` when defining `first`.)
#[test]
fn future_annotations_import() {
    let snippet = r#"from __future__ import annotations
_lines = []
_print = print
def print(*args, sep=' ', end='\n'):
    _lines.append(sep.join([str(a) for a in args]) + end)
def first(items: list[Later]) -> Later | None:
    head: Later | None = items[0] if items else None
    return head
class Later:
    pass
print(first([3]), first([]), f"{first([Later()]).__class__.__name__}")
"#;
    let source = format!("{snippet}{FOOTER}");
    let lowered = lower(&source).unwrap();
    assert!(lowered.starts_with("pass\n"), "{lowered}");
    let expected = crate::support::python3(&format!("{source}\nrun({{}})\n")).unwrap();
    assert_eq!(expected, "3 None Later\n");
    assert_eq!(micropython(&Engine::new(), &lowered).unwrap(), expected, "{lowered}");
}
