//! Precompiled nodes (`mpnode build`): the compiler module in wasmi writes
//! the same `.mpy` as upstream's mpy-cross, every example runs the same
//! from bytecode in both runtimes as from source, packing stays
//! deterministic, and errors keep naming the node's file and line.

use std::path::Path;
use std::process::Command;

use mpnode_build::compile::{canonical_mpy, CompileError, Compiler};
use mpnode_build::pack::{pack_files, pack_precompiled, PackError, PackOptions, SourceFile};
use mpnode_build::runtime::{RuntimeKind, COMPILER_WASM, RUNTIME_NO_COMPILER_WASM, RUNTIME_WASM};
use mpnode_host::{Engine, Node, RunReport};
use serde_json::{json, Value};

use crate::support::node_source;

fn compiler() -> Compiler {
    Compiler::new().expect("the compiler module is embedded")
}

/// A scratch directory, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(test: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("mpnode-precompile-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// Sources that exercise what the compiler emits: every kind of constant
/// (.mpy stores ints, floats, str, bytes and ... as text), closures,
/// default and keyword-only arguments, generators, classes, exceptions,
/// comprehensions, tuple assignment, star arguments, global/nonlocal,
/// `:=` (patch 0052) and `break`/`continue` in `finally` (patch 0053).
const CONSTRUCTS: &str = r#"
import json
from collections import OrderedDict as OD
X = const = 12345
# (Not -1073741824: a 64-bit mpy-cross folds the minus into a small int, as
# 1073741824 is one there; a 32-bit compiler, like the runtime's own, keeps
# a big int and a negation. Both run the same.)
BIG = 123456789012345678901234567890
NEG = -1073741823
EDGE = 1073741823, 1073741824, -1073741825
F = (3.141592653589793, 1e300, 2.5e-300, -0.0, 1.5)
B = b"\x00\x01bytes\xff"
S = "unicode: h\u00e9llo w\u00f6rld \u2713 \U0001F600"
E = ...
def outer(a, b=2, *args, c, d=4, **kw):
    total = 0
    def inner(x):
        nonlocal total
        total += x
        return total
    for v in (a, b) + args:
        inner(v)
    return total, c, d, sorted(kw)
def gen(n):
    i = 0
    while i < n:
        yield i * i
        i += 1
    return "done"
class Base:
    attr = [1, 2, 3]
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        return self.v * 2
    @staticmethod
    def s():
        return {k: v for k, v in zip("abc", range(3))}
class Child(Base):
    def __init__(self, v):
        super().__init__(v + 1)
def swaps(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    return a, b, c
def errors(x):
    try:
        if x:
            raise ValueError("bad %d" % x)
        assert x == 0, "x"
    except (ValueError, KeyError) as e:
        return str(e)
    else:
        return None
    finally:
        pass
def comps(n):
    return [i for i in range(n) if i % 2], {i % 3 for i in range(n)}, list(j for j in range(n)), lambda *a, **k: (a, k)
G = 0
def setg():
    global G
    G += 1
    with open_ctx() as f:
        del f
def open_ctx():
    return None
def walrus(xs):
    if (n := len(xs)) > 1:
        pass
    ys = [y for x in xs if (y := x * 2)]
    while (k := n) > 0:
        n -= 1
    return ys, y, k, len(w := "ab"), w
LAST = [(last := v) for v in "xy"]
def finally_jumps(xs):
    for x in xs:
        try:
            if x:
                return x
        finally:
            if x == 1:
                continue
            break
print(outer(1, 2, 3, c=5, z=1), list(gen(4)), swaps(1, 2, 3), errors(3), Child(1).double)
"#;

fn native_mpy_cross(source: &str, name: &str, dir: &Path) -> Vec<u8> {
    let py = dir.join(name);
    let mpy = py.with_extension("mpy");
    std::fs::write(&py, source).unwrap();
    // The flags spell out this runtime's configuration (they are also
    // mpy-cross's defaults): 31-bit small ints, no cached lookups, unicode.
    let out = Command::new(mpnode_runtime::MPY_CROSS)
        .args(["-msmall-int-bits=31", "-mno-cache-lookup-bc", "-municode", "-s", name, "-o"])
        .arg(&mpy)
        .arg(&py)
        .output()
        .unwrap();
    assert!(out.status.success(), "mpy-cross {name}: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(&mpy).unwrap()
}

#[test]
fn the_compiler_module_writes_what_mpy_cross_writes() {
    let dir = scratch("identity");
    let compiler = compiler();
    let mut sources: Vec<(String, String)> =
        vec![("constructs.py".into(), CONSTRUCTS.into()), ("sdk.py".into(), mpnode_build::pack::SDK_SOURCE.into())];
    for (path, _) in crate::support::examples() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Lowered as packing lowers them (f-strings, annotations).
        sources.push((name, mpnode_build::lower::lower(&std::fs::read_to_string(&path).unwrap()).unwrap()));
    }
    for (name, source) in &sources {
        let ours = compiler.compile(source.as_bytes(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut theirs = native_mpy_cross(source, name, &dir.0);
        // Raw, the files differ only in the qstr indices inside the
        // bytecode (each compiler's own table; the loader rewrites them).
        canonical_mpy(&mut theirs).unwrap();
        if ours != theirs {
            let at = ours.iter().zip(&theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
            let around = |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(24)..(at + 24).min(b.len())]).into_owned();
            panic!(
                "{name}: the compiler module's .mpy ({} bytes) differs from mpy-cross's ({} bytes) at byte {at}:\n ours:   {:?}\n theirs: {:?}",
                ours.len(),
                theirs.len(),
                around(&ours),
                around(&theirs)
            );
        }
    }
}

#[test]
fn the_compiler_module_imports_nothing() {
    let info = mpnode_build::inspect::inspect(COMPILER_WASM).unwrap();
    assert!(info.imports.is_empty(), "{:?}", info.imports);
    let exports: Vec<&str> = info.exports.iter().map(|e| e.name.as_str()).collect();
    for name in ["memory", "mpnc_input", "mpnc_compile", "mpnc_error"] {
        assert!(exports.contains(&name), "{exports:?}");
    }
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let compiler = compiler();
    let cases = [
        ("def run(c):\n    return 1\nx = = 2\n", 3, "SyntaxError"),
        ("def f():\n  a = 1\n    b = 2\n", 3, "IndentationError"),
        ("x = 1\nreturn x\n", 2, "SyntaxError"),
        ("def f():\n    yield 1\n    return 2\nclass C:\n    nonlocal q\n", 5, "SyntaxError"),
    ];
    for (source, line, kind) in cases {
        match compiler.compile(source.as_bytes(), "node.py") {
            Err(CompileError::Syntax { file, line: l, message }) => {
                assert_eq!((file.as_str(), l), ("node.py", line), "{source:?}: {message}");
                assert!(message.starts_with(kind), "{source:?}: {message}");
            }
            other => panic!("{source:?}: {other:?}"),
        }
    }
    // Through packing: the same error, as `node.py:LINE: ...`.
    let err = pack_precompiled(
        RUNTIME_NO_COMPILER_WASM,
        &[SourceFile::new("node.py", "ok = 1\n\nif ok:\n    pass)\n")],
        &PackOptions::default(),
        &compiler,
    )
    .unwrap_err();
    assert!(matches!(err, PackError::Syntax { line: 4, .. }), "{err:?}");
    assert!(err.to_string().starts_with("node.py:4: SyntaxError"), "{err}");
    // In an imported module, that module's name.
    let files = [SourceFile::new("node.py", "import helpers\n"), SourceFile::new("helpers.py", "def f(:\n")];
    let err = pack_precompiled(RUNTIME_WASM, &files, &PackOptions::default(), &compiler).unwrap_err();
    assert!(err.to_string().starts_with("helpers.py:1: SyntaxError"), "{err}");
}

#[test]
fn huge_sources_compile() {
    let compiler = compiler();
    // 2 000 functions, 80 KB (compiling runs interpreted: ~10 s per MB; and
    // one name, as v1.9.4 finds a name by a linear scan of all names).
    let big: String = (0..2_000).map(|i| format!("def f(a, b=[{i}]):\n    return a + b[0] + {i}\n")).collect();
    assert!(compiler.compile(big.as_bytes(), "big.py").unwrap().len() > 50_000);
}

#[test]
fn deep_nesting_fails_cleanly() {
    let compiler = compiler();
    // Nesting past the compiler's C stack: an error, not a crash.
    let deep = format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    let err = compiler.compile(deep.as_bytes(), "deep.py").unwrap_err();
    assert!(matches!(err, CompileError::Failed { .. } | CompileError::Syntax { .. }), "{err:?}");
    // The compiler still works afterwards.
    assert!(compiler.compile(b"x = 1\n", "node.py").is_ok());
}

fn load(wasm: &[u8]) -> Node {
    Node::load(&Engine::new(), wasm).unwrap()
}

/// What a run shows the world, for comparing packings of one node.
fn observable(report: &RunReport) -> Value {
    json!({
        "result": report.result.to_json(),
        "logs": report.logs.iter().map(|l| format!("{:?} {}", l.level, l.message)).collect::<Vec<_>>(),
        "stream": report.stream.iter().map(|e| format!("{} {}", e.event, e.data)).collect::<Vec<_>>(),
    })
}

#[test]
fn every_example_runs_the_same_from_bytecode_in_both_runtimes() {
    let compiler = compiler();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for name in &names {
        let files = mpnode_build::pack::collect_files(&dir.join(format!("{name}.py"))).unwrap();
        let inputs: Value = serde_json::from_str(&node_source(&format!("examples/{name}.json"))).unwrap();
        let source = pack_files(RUNTIME_WASM, &files, &PackOptions::default()).unwrap();
        let with = pack_precompiled(RUNTIME_WASM, &files, &PackOptions::default(), &compiler).unwrap();
        let without = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler).unwrap();
        assert!(without.len() < source.len(), "{name}: {} vs {} bytes", without.len(), source.len());
        let mut expected: Option<(Value, Value, Value)> = None;
        for (kind, wasm) in [("source", &source), ("bytecode, with compiler", &with), ("bytecode, no compiler", &without)] {
            let mut node = load(wasm);
            let definitions = Value::Array(node.definitions().unwrap());
            let mut runs = Vec::new();
            for streaming in [false, true] {
                node.context_mut().stream_state = streaming;
                runs.push(observable(&node.run(inputs.clone()).unwrap()));
            }
            // An input that makes fail_on_purpose raise (a traceback).
            let raised = observable(&node.run(json!({"a": 1, "b": 0, "raise": true})).unwrap());
            let got = (definitions, Value::Array(runs), raised);
            match &expected {
                None => expected = Some(got),
                Some(want) => assert_eq!(&got, want, "{name}: {kind} differs from source"),
            }
        }
    }
}

#[test]
fn tracebacks_from_bytecode_name_the_source_file_and_lines() {
    let compiler = compiler();
    let files = [SourceFile::new("raises.py", node_source("tests/nodes/raises.py"))];
    for runtime in [RUNTIME_WASM, RUNTIME_NO_COMPILER_WASM] {
        let mut node = load(&pack_precompiled(runtime, &files, &PackOptions::default(), &compiler).unwrap());
        let err = node.run(json!({"n": -3})).unwrap().result.error.unwrap();
        assert!(err.contains("File \"raises.py\", line 15, in run"), "{err}");
        assert!(err.contains("File \"raises.py\", line 10, in check"), "{err}");
        assert!(err.ends_with("ValueError: negative input: -3"), "{err}");
        assert_eq!(node.run(json!({"n": 21})).unwrap().result.outputs["doubled"], 42);
    }
    // An imported module's frames name that module; __file__ is the source.
    let files = [
        SourceFile::new("node.py", "import helpers\ndef get_node():\n    return {'f': __file__}\ndef run(c):\n    return helpers.boom()\n"),
        SourceFile::new("helpers.py", "\n\ndef boom():\n    return 1 // 0\n"),
        SourceFile::new("pkg/__init__.py", "V = 7\n"),
    ];
    let mut node = load(&pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler).unwrap());
    assert_eq!(node.definition().unwrap()["f"], "node.py");
    let err = node.run(json!({})).unwrap().result.error.unwrap();
    assert!(err.contains("File \"node.py\", line 5, in run") && err.contains("File \"helpers.py\", line 4, in boom"), "{err}");
}

#[test]
fn local_modules_and_packages_import_from_bytecode() {
    let files = [
        SourceFile::new(
            "main.py",
            "import helpers\nfrom pkg.util import twice\nimport pkg\ndef get_node():\n    return {}\n\
def run(c):\n    return {'outputs': {'v': twice(helpers.shout(c['inputs']['s'])), 'p': pkg.V}, 'error': None}\n",
        ),
        SourceFile::new("helpers.py", "def shout(s):\n    return s.upper() + '!'\n"),
        SourceFile::new("pkg/__init__.py", "V = 7\n"),
        SourceFile::new("pkg/util.py", "def twice(s):\n    return s + s\n"),
    ];
    let wasm = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler()).unwrap();
    let report = load(&wasm).run(json!({"s": "hi"})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    assert_eq!(report.result.outputs["v"], "HI!HI!");
    assert_eq!(report.result.outputs["p"], 7);
}

const EVAL_NODE: &str = "def get_node():\n    return {}\ndef run(c):\n    return {'outputs': {'v': eval('6 * 7')}, 'error': None}\n";

#[test]
fn without_the_compiler_exec_and_eval_are_gone_and_source_is_refused() {
    let compiler = compiler();
    let files = [SourceFile::new("node.py", EVAL_NODE)];
    let mut node = load(&pack_precompiled(RUNTIME_WASM, &files, &PackOptions::default(), &compiler).unwrap());
    assert_eq!(node.run(json!({})).unwrap().result.outputs["v"], 42);
    let mut node = load(&pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler).unwrap());
    let err = node.run(json!({})).unwrap().result.error.unwrap();
    assert!(err.ends_with("NameError: name 'eval' is not defined"), "{err}");
    // Source in the runtime without the compiler: a message that says what to do.
    let wasm = pack_files(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default()).unwrap();
    let err = Node::load(&Engine::new(), &wasm).and_then(|mut n| n.definition().map(|_| ())).unwrap_err().to_string();
    assert!(err.contains("--with-compiler"), "{err}");
}

#[test]
fn precompiled_packing_is_deterministic() {
    let files = mpnode_build::pack::collect_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sdk_strings.py")).unwrap();
    let a = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler()).unwrap();
    let b = pack_precompiled(RUNTIME_NO_COMPILER_WASM, &files, &PackOptions::default(), &compiler()).unwrap();
    assert!(a == b, "two packings differ");
    // One compiler for many files gives each file the same bytes as alone.
    let compiler = compiler();
    let alone = compiler.compile(mpnode_build::pack::SDK_SOURCE.as_bytes(), "sdk.py").unwrap();
    compiler.compile(CONSTRUCTS.as_bytes(), "constructs.py").unwrap();
    assert!(compiler.compile(mpnode_build::pack::SDK_SOURCE.as_bytes(), "sdk.py").unwrap() == alone);
}

#[test]
fn the_runtime_without_the_compiler_is_smaller() {
    let (full, small) = (RUNTIME_WASM.len(), RUNTIME_NO_COMPILER_WASM.len());
    println!("runtime: {full} bytes; without the compiler: {small} bytes; compiler module: {} bytes", COMPILER_WASM.len());
    assert!(small + 20_000 < full, "the runtime without the compiler ({small} bytes) should be well under the full one ({full} bytes)");
    assert_eq!(RuntimeKind::smallest_for_bytecode(), RuntimeKind::NoCompiler);
    // It imports nothing the full runtime does not.
    let imports = |wasm: &[u8]| -> Vec<String> {
        mpnode_build::inspect::inspect(wasm).unwrap().imports.iter().map(|i| format!("{}.{}", i.module, i.name)).collect()
    };
    let full_imports = imports(RUNTIME_WASM);
    for i in imports(RUNTIME_NO_COMPILER_WASM) {
        assert!(full_imports.contains(&i), "{i}");
    }
}

/// A definition `mpnode build` accepts, with one output pin `v`.
const NODE_DEFINITION: &str =
    "def get_node():\n    return {'name': 'extra', 'friendly_name': 'Extra', 'description': '', 'category': 'Test', 'pins': [\n\
    {'name': 'v', 'friendly_name': 'V', 'description': '', 'pin_type': 'Output', 'data_type': 'String'}]}\n";

fn mpnode(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mpnode")).args(args).output().unwrap()
}

#[test]
fn mpnode_build_precompiles_by_default() {
    let dir = scratch("cli");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sdk_strings.py");
    let out = |name: &str| dir.0.join(name).display().to_string();
    let ex = example.display().to_string();
    let default = mpnode(&["build", &ex, "--no-manifest", "-o", &out("a.wasm")]);
    assert!(default.status.success(), "{}", String::from_utf8_lossy(&default.stderr));
    let again = mpnode(&["build", &ex, "--no-manifest", "-o", &out("b.wasm")]);
    assert!(again.status.success());
    let with = mpnode(&["build", &ex, "--no-manifest", "--with-compiler", "-o", &out("c.wasm")]);
    assert!(with.status.success(), "{}", String::from_utf8_lossy(&with.stderr));
    let source = mpnode(&["build", &ex, "--no-manifest", "--source", "-o", &out("d.wasm")]);
    assert!(source.status.success(), "{}", String::from_utf8_lossy(&source.stderr));
    let read = |name: &str| std::fs::read(dir.0.join(name)).unwrap();
    let (a, b, c, d) = (read("a.wasm"), read("b.wasm"), read("c.wasm"), read("d.wasm"));
    assert!(a == b, "rebuilds differ");
    assert!(a.len() < c.len() && a.len() < d.len(), "{} {} {}", a.len(), c.len(), d.len());
    for wasm in [&a, &c, &d] {
        let report = load(wasm).run(json!({"text": "ab cd"})).unwrap();
        assert_eq!(report.result.outputs["reversed"], "dc ba");
    }
    // A syntax error stops the build with file and line, and writes nothing.
    let bad = dir.0.join("node.py");
    std::fs::write(&bad, "def get_node():\n    return {}\n\ndef run(c):\n    return )\n").unwrap();
    let failed = mpnode(&["build", &bad.display().to_string(), "--no-manifest", "-o", &out("bad.wasm")]);
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("node.py:5: SyntaxError"), "{stderr}");
    assert!(!dir.0.join("bad.wasm").exists());
    // More files on the command line are packed as modules.
    std::fs::write(
        &bad,
        format!("import extra_mod\n{NODE_DEFINITION}def run(c):\n    return {{'outputs': {{'v': extra_mod.V}}, 'error': None}}\n"),
    )
    .unwrap();
    let sub = dir.0.join("lib");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("extra_mod.py"), "V = 'extra'\n").unwrap();
    let built = mpnode(&[
        "build",
        &bad.display().to_string(),
        &sub.join("extra_mod.py").display().to_string(),
        "--no-manifest",
        "-o",
        &out("e.wasm"),
    ]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    assert_eq!(load(&read("e.wasm")).run(json!({})).unwrap().result.outputs["v"], "extra");
}
