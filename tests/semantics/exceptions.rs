//! Exceptions as CPython 3 has them (issue 10 item 8, issue 11 item 6):
//! str() and repr(), messages of common errors, chaining with `from` and
//! the implicit context, RecursionError, and the error string a failing
//! node reports. Differential probes (see tests/probes/mod.rs), plus the
//! node error string compared with CPython's traceback.

use std::io::Write;
use std::process::{Command, Stdio};

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Node};
use serde_json::json;

#[test]
fn exception_str_and_repr() {
    crate::probes::check(&[
        ("str keyerror", "print(str(KeyError('k')), str(KeyError(1)), str(KeyError()), str(KeyError('a', 'b')))"),
        ("repr", "print(repr(ValueError('x')), repr(ValueError()), repr(ValueError('a', 2)), repr(KeyError('k')))"),
        ("str", "print(str(ValueError('x')), repr(str(ValueError())), str(ValueError('a', 2)), str(ValueError(3)))"),
        ("args", "print(ValueError('x').args, KeyError().args, OSError(2, 'no').args)"),
        ("subclass", "class E(ValueError):\n    pass\nprint(repr(E('x')), str(E('y')), repr(E()), isinstance(E(), ValueError))"),
        ("subclass keyerror", "class K(KeyError):\n    pass\nprint(str(K('z')), repr(K('z')))"),
        ("custom str", "class E(Exception):\n    def __str__(self):\n        return 'custom'\nprint(str(E()), repr(E('a')))"),
        ("dict keyerror", "d = {}\ntry:\n    d['missing']\nexcept KeyError as e:\n    print(str(e), repr(e), e.args)"),
        ("format with exception", "print('error: {}'.format(ValueError('bad')), 'x' + str(KeyError('y')))"),
        ("recursion error", "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(type(e).__name__, isinstance(e, RuntimeError), e)"),
        ("recursion error class", "print(issubclass(RecursionError, RuntimeError), RecursionError.__name__)"),
    ]);
}

#[test]
fn exception_chaining() {
    crate::probes::check(&[
        (
            "raise from",
            "try:\n    try:\n        {}['k']\n    except KeyError as e:\n        raise ValueError('bad') from e\nexcept ValueError as v:\n    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)",
        ),
        (
            "raise from none",
            "try:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise ValueError('x') from None\nexcept ValueError as v:\n    print(v.__cause__, type(v.__context__).__name__, v.__suppress_context__)",
        ),
        (
            "implicit context",
            "try:\n    try:\n        [][1]\n    except IndexError:\n        raise TypeError('t')\nexcept TypeError as t:\n    print(type(t.__context__).__name__, t.__cause__, t.__suppress_context__)",
        ),
        (
            "implicit context in a call",
            "def g():\n    raise KeyError('g')\ntry:\n    try:\n        int('x')\n    except ValueError:\n        g()\nexcept KeyError as k:\n    print(type(k.__context__).__name__, repr(k))",
        ),
        ("no context", "try:\n    raise ValueError('v')\nexcept ValueError as v:\n    print(v.__context__, v.__cause__, v.__suppress_context__)"),
        (
            "context after handled",
            "try:\n    raise KeyError('a')\nexcept KeyError:\n    pass\ntry:\n    raise ValueError('b')\nexcept ValueError as v:\n    print(v.__context__)",
        ),
        (
            "reraise keeps no self context",
            "try:\n    try:\n        raise ValueError('v')\n    except ValueError:\n        raise\nexcept ValueError as v:\n    print(v.__context__)",
        ),
        (
            "from a class",
            "try:\n    raise ValueError('x') from KeyError\nexcept ValueError as v:\n    print(type(v.__cause__).__name__, repr(v.__cause__))",
        ),
        ("set cause", "e = ValueError('x')\ne.__cause__ = KeyError('k')\nprint(repr(e.__cause__), e.__suppress_context__)"),
        (
            "nested context chain",
            "try:\n    try:\n        try:\n            raise KeyError(1)\n        except KeyError:\n            raise IndexError(2)\n    except IndexError:\n        raise ValueError(3)\nexcept ValueError as v:\n    print(repr(v.__context__), repr(v.__context__.__context__))",
        ),
        (
            "user subclass chain",
            "class AppError(Exception):\n    pass\ntry:\n    try:\n        {}['x']\n    except KeyError as e:\n        raise AppError('wrapped') from e\nexcept AppError as a:\n    print(repr(a), repr(a.__cause__))",
        ),
        (
            "context in finally",
            "try:\n    try:\n        raise KeyError('k')\n    finally:\n        pass\nexcept KeyError as k:\n    print(k.__context__)",
        ),
    ]);
}

#[test]
fn messages_of_common_errors() {
    crate::probes::check(&[
        ("keyerror message", "{'a': 1}['b']"),
        ("keyerror int", "{}[3]"),
        ("indexerror list", "[1][5]"),
        ("indexerror tuple", "(1,)[5]"),
        ("indexerror str", "'ab'[5]"),
        ("zero division", "1 / 0"),
        ("attributeerror", "class A:\n    pass\nA().missing"),
        ("attributeerror int", "(1).foo"),
        ("nameerror", "undefined_name_here"),
        ("not callable", "None()"),
        ("not iterable", "for x in 5:\n    pass"),
        ("not subscriptable", "None[0]"),
        ("unsupported operand", "1 + 'a'"),
        ("int of text", "int('12a')"),
        ("float of text", "float('x1')"),
        ("int of text base 16", "int('xyz', 16)"),
        ("int of spaced text", "int(' 4 2 ')"),
        ("float of empty", "float('')"),
        ("str plus int", "'a' + 1"),
        ("str plus none", "s = 'x'\ns += None"),
        ("int in str", "1 in 'abc'"),
        ("compare str int", "'a' < 1"),
        ("compare int none", "3 >= None"),
        ("subtract strs", "'a' - 'b'"),
        ("multiply list list", "[1] * [2]"),
        ("power str", "'a' ** 2"),
        ("inplace or", "x = 1\nx |= 'a'"),
        ("str times str", "'a' * 'b'"),
        ("float times list", "2.5 * [1]"),
        ("too many args", "global f\ndef f(a):\n    pass\nf(1, 2)"),
        ("too many args 2", "global f\ndef f(a, b):\n    pass\nf(1, 2, 3)"),
        ("too many with defaults", "global f\ndef f(a, b=1):\n    pass\nf(1, 2, 3)"),
        ("none expected", "global f\ndef f():\n    pass\nf(1)"),
        ("missing one", "global f\ndef f(a, b):\n    pass\nf(1)"),
        ("missing two", "global f\ndef f(a, b, c=0):\n    pass\nf()"),
        ("missing three", "global f\ndef f(x, y, z):\n    pass\nf()"),
    ]);
}

const NODE_HEADER: &str = "\
def get_node():
    return {'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'T', 'pins': []}

";

/// CPython's traceback for `run({})` of the node, reduced to what mpnode
/// can show: frames of node.py only (no source lines under them).
fn cpython_traceback(src: &str) -> String {
    let dir = std::env::temp_dir().join(format!("mpnode-exc-{}-{}", std::process::id(), src.len()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("node.py"), src).unwrap();
    let mut child = Command::new("python3")
        .arg("-c")
        .arg("import sys, traceback\nsys.path.insert(0, '.')\nimport node\ntry:\n    node.run({})\nexcept BaseException:\n    sys.stdout.write(traceback.format_exc())\n")
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    child.wait().unwrap();
    let _ = std::io::stderr().flush();
    let mut kept = Vec::new();
    for line in out.lines() {
        if line.starts_with("  File ") {
            if !line.contains("node.py") {
                continue;
            }
            kept.push(line.replace(&format!("\"{}\"", dir.join("node.py").display()), "\"node.py\""));
        } else if line.starts_with("    ") {
            // source line, or its ^^^ markers: mpnode has no source at run time
        } else {
            kept.push(line.to_string());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    kept.join("\n")
}

fn mpnode_error(src: &str) -> String {
    let wasm = pack(RUNTIME_WASM, src, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    node.run(json!({})).unwrap().result.error.expect("the node should fail")
}

#[test]
fn the_error_string_shows_the_chain_as_cpython_prints_it() {
    let cases = [
        "def run(context):\n    d = {}\n    try:\n        d['key']\n    except KeyError as e:\n        raise ValueError('bad input') from e\n",
        "def run(context):\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise RuntimeError('during')\n",
        "def run(context):\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise ValueError('quiet') from None\n",
        "def helper(x):\n    return int(x)\n\ndef run(context):\n    try:\n        helper('abc')\n    except ValueError as e:\n        raise KeyError('k') from e\n",
        "class NodeError(Exception):\n    pass\n\ndef run(context):\n    try:\n        try:\n            [][0]\n        except IndexError:\n            raise TypeError()\n    except TypeError as t:\n        raise NodeError('outer') from t\n",
        "def run(context):\n    raise ValueError()\n",
        "def run(context):\n    raise KeyError('name')\n",
    ];
    let mut failures = Vec::new();
    for body in cases {
        let src = format!("{NODE_HEADER}{body}");
        let want = cpython_traceback(&src);
        let got = mpnode_error(&src);
        if got.trim_end() != want.trim_end() {
            failures.push(format!("{body}\n--- CPython:\n{want}\n--- mpnode:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}
