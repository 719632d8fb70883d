//! GC inside module code (patch 0009): the node's module-level code, an
//! imported module's and code run by `exec` are entered from C, yet the GC
//! must run inside them when their caller is clean (README, "GC roots").
//! On a 16 KiB heap with GC torture each part allocates well over ten times
//! the heap in short-lived objects (estimated: module level ~780 KB, `exec`
//! ~570 KB, the import ~280 KB) while keeping live structures, and the
//! result must equal CPython's. Before patch 0009 each part ran out of
//! memory there; the same `exec` called back by C code still does.

use std::path::Path;
use std::process::Command;

use mpnode_build::compile::Compiler;
use mpnode_build::pack::{pack_files, pack_precompiled, PackOptions, SourceFile};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, Node};
use serde_json::{json, Value};

const NODE: &str = "tests/nodes/gc_torture_module.py";
const HELPER: &str = "tests/nodes/gc_torture_helper.py";
const HEAP: u32 = 16 << 10;

fn files() -> Vec<SourceFile> {
    let read = |p: &str| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap();
    vec![SourceFile::new("gc_torture_module.py", read(NODE)), SourceFile::new("gc_torture_helper.py", read(HELPER))]
}

/// The node's `run` under CPython 3, its helper module importable.
fn cpython(inputs: &Value) -> Value {
    let driver = "import json, sys\nsrc = open(sys.argv[1]).read()\nns = {}\nexec(compile(src, sys.argv[1], 'exec'), ns)\n\
                  r = ns['run']({'inputs': json.loads(sys.argv[2])})\nprint(json.dumps(r['outputs']))\n";
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .args(["-c", driver])
        .arg(dir.join(NODE))
        .arg(inputs.to_string())
        .env("PYTHONPATH", dir.join("tests/nodes"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 is needed to compute the expected results (apt-get install python3)");
    assert!(out.status.success(), "CPython failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Torture is slow, and a loaded machine slower: no wall-clock deadline
/// (fuel still bounds every call), so the test cannot fail on timing.
fn load(wasm: &[u8]) -> Node {
    Node::load_with_limits(&Engine::new(), wasm, Limits::default().with_timeout(None)).unwrap()
}

fn check(wasm: &[u8]) {
    let mut node = load(wasm);
    let inputs = json!({"rounds": 600});
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let expected = cpython(&inputs);
    assert_eq!(Value::Object(report.result.outputs.clone()), expected);
    // Again on the same instance: what the collections left is sound.
    let again = node.run(inputs).unwrap();
    assert_eq!(again.result.error, None, "{:?}", again.result.error);
    assert_eq!(again.result.outputs, report.result.outputs);
}

fn options() -> PackOptions {
    PackOptions { heap_size: Some(HEAP), gc_torture: true }
}

#[test]
fn module_import_and_exec_code_collect_on_a_16_kib_heap_under_torture() {
    check(&pack_files(RUNTIME_WASM, &files(), &options()).unwrap());
}

#[test]
fn the_same_precompiled() {
    let compiler = Compiler::new().expect("the compiler module is embedded");
    check(&pack_precompiled(RUNTIME_WASM, &files(), &options(), &compiler).unwrap());
}

#[test]
fn exec_called_back_by_c_code_is_not_collected_and_runs_out_of_memory() {
    let mut node = load(&pack_files(RUNTIME_WASM, &files(), &options()).unwrap());
    let report = node.run(json!({"rounds": 600, "via_c": true})).unwrap();
    let error = report.result.error.expect("the exec'd loop fits the heap without a collection: the test proves nothing");
    assert!(error.contains("MemoryError"), "{error}");
    // The instance works again afterwards.
    let report = node.run(json!({"rounds": 600})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
}
