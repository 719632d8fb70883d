//! The node contract under a JIT: a small host on wasmtime (Flow-Like's own
//! engine) that reproduces Flow-Like's core-module host as
//! `../shared/flow-like-abi.md` documents it, independent of mpnode's wasmi
//! host:
//!
//! - only Flow-Like's import set (`mpnode_host::imports::HOST_FUNCTIONS`: the
//!   stub WASI functions, `flowlike_*`, `env.invoke_vii` and
//!   `env._emscripten_throw_longjmp` with the stack-save / `setThrew`
//!   behaviour); every function is defined, the ones the runtime uses with
//!   Flow-Like's behaviour, the others as stubs returning 0;
//! - its call order: instantiate, `_initialize`, `get_node`/`get_nodes`,
//!   then per run a fresh instance: `alloc` -> write the input -> `run` ->
//!   read the result -> `dealloc`;
//! - its `(ptr << 32) | len` unpacking;
//! - wasm exception handling disabled and fuel metering on.
//!
//! Every example node (examples/*.py with inputs in examples/*.json) and a
//! few nodes that raise must give the same result envelope and the same
//! log lines as under mpnode's wasmi host.
//!
//! wasmtime is a dev-dependency, so every `cargo test` (scripts/test.sh,
//! CI) runs this file; alone:
//!
//! ```text
//! cargo test --test flowlike_wasmtime
//! ```

use flowlike_host::wasmtime::{Engine, Linker, Module, Trap, ValType};
use flowlike_host::{definitions, engine, run, Import, Outcome, State};
use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::imports::HOST_FUNCTIONS;
use mpnode_host::{Engine as WasmiEngine, Node};
use serde_json::{json, Value};

use crate::support::examples;

fn wasmtime_type(ty: &wasmi::ValType) -> ValType {
    match ty {
        wasmi::ValType::I32 => ValType::I32,
        wasmi::ValType::I64 => ValType::I64,
        wasmi::ValType::F32 => ValType::F32,
        wasmi::ValType::F64 => ValType::F64,
        other => panic!("no host function of Flow-Like's takes {other:?}"),
    }
}

/// Flow-Like's linker: every function of its import set
/// (`mpnode_host::imports::HOST_FUNCTIONS`).
fn linker(engine: &Engine) -> Linker<State> {
    let imports: Vec<Import> = HOST_FUNCTIONS
        .iter()
        .map(|f| Import {
            module: f.module.to_string(),
            name: f.name.to_string(),
            params: f.params.iter().map(wasmtime_type).collect(),
            results: f.results.iter().map(wasmtime_type).collect(),
        })
        .collect();
    flowlike_host::linker(engine, &imports)
}

fn envelope(inputs: &Value, node_name: &str, streaming: bool) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "inputs": inputs, "node_id": "node-1", "run_id": "run-1", "app_id": "app-1", "board_id": "board-1",
        "user_id": "user-1", "stream_state": streaming, "log_level": 0, "node_name": node_name,
    }))
    .unwrap()
}

/// The same envelope under mpnode's wasmi host, with a fresh instance per
/// run as in Flow-Like.
fn run_wasmi(wasm: &[u8], envelope: &[u8]) -> Outcome {
    let mut node = Node::load(&WasmiEngine::new(), wasm).unwrap();
    node.set_fresh_instance_per_run(true);
    let report = node.run_envelope(envelope).unwrap();
    let logs = report.logs.iter().map(|l| (l.level as u8, l.message.clone())).collect();
    let stream = report.stream.iter().map(|e| (e.event.clone(), e.data.clone())).collect();
    (report.result.to_json(), logs, stream)
}

/// Packs `source`, reads its definitions under wasmtime, runs every node of
/// the package (streaming off and on) and compares everything with mpnode's
/// wasmi host. Returns the wasmtime results, one per node and streaming
/// mode.
fn compare(name: &str, source: &str, inputs: &Value) -> Vec<Value> {
    let wasm = pack(RUNTIME_WASM, source, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    compare_module(name, &wasm, inputs)
}

/// [`compare`] for an already built module.
fn compare_module(name: &str, wasm: &[u8], inputs: &Value) -> Vec<Value> {
    let wasm = wasm.to_vec();
    let engine = engine();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    let (defs, first) = definitions(&engine, &linker, &module);
    let mut node = Node::load(&WasmiEngine::new(), &wasm).unwrap();
    assert_eq!(defs, node.definitions().unwrap(), "{name}: different definitions");
    assert_eq!(first, node.definition().unwrap(), "{name}: different get_node");
    assert_eq!(first, defs[0], "{name}: get_node is not get_nodes()[0]");
    let mut results = Vec::new();
    for def in &defs {
        let node_name = def["name"].as_str().unwrap_or_else(|| panic!("{name}: definition without a name: {def}"));
        for streaming in [false, true] {
            let env = envelope(inputs, node_name, streaming);
            let (result, logs, stream) = run(&engine, &linker, &module, &env).unwrap_or_else(|e| panic!("{name} {node_name}: {e:?}"));
            let (expected, expected_logs, expected_stream) = run_wasmi(&wasm, &env);
            assert_eq!(result, expected, "{name} {node_name}: wasmtime and wasmi give different results");
            assert_eq!(logs, expected_logs, "{name} {node_name}: different logs");
            assert_eq!(stream, expected_stream, "{name} {node_name}: different stream events");
            results.push(result);
        }
    }
    results
}

#[test]
fn every_example_gives_the_same_result_as_under_wasmi() {
    let examples = examples();
    let all_py = examples.len();
    let mut nodes = 0;
    for (path, inputs) in examples {
        let source = std::fs::read_to_string(&path).unwrap();
        nodes += compare(path.file_name().unwrap().to_str().unwrap(), &source, &inputs).len() / 2;
    }
    // Multi-node packages (sdk_strings.py has two nodes) ran every node.
    assert!(nodes > all_py, "{nodes} nodes in {all_py} examples");
}

/// What `mpnode build` writes by default (bytecode precompiled in wasmi,
/// the runtime without the compiler, the build-time snapshot) is the
/// artifact Flow-Like loads: every example again, built that way.
#[test]
fn every_example_as_mpnode_build_writes_it_gives_the_same_result() {
    let compiler = mpnode_build::compile::Compiler::new().unwrap();
    let runtime = mpnode_build::runtime::RuntimeKind::smallest_for_bytecode().wasm();
    for (path, inputs) in examples() {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let files = mpnode_build::pack::collect_files(&path).unwrap();
        let packed =
            mpnode_build::pack::pack_precompiled(runtime, &files, &Default::default(), &compiler).unwrap_or_else(|e| panic!("{name}: {e}"));
        let built = mpnode_build::snapshot::snapshot(&WasmiEngine::new(), &packed, &mpnode_host::Limits::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .wasm;
        let plain = compare_module(&name, &packed, &inputs);
        assert_eq!(compare_module(&name, &built, &inputs), plain, "{name}: the snapshot differs under wasmtime");
    }
}

const RAISER: &str = r#"
def get_node():
    return {"name": "raiser", "friendly_name": "Raiser", "description": "raises", "category": "Test", "pins": []}

def deep(n, limit):
    return deep(n + 1, limit) if n < limit else n

def run(context):
    case = context["inputs"]["case"]
    caught = 0
    for i in range(200):
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise KeyError(str(e))
        except KeyError:
            caught += 1
    depth = deep(0, context["inputs"].get("depth", 10))
    if case == "raise":
        {}["missing"]
    print("caught", caught, "depth", depth)
    return {"outputs": {"caught": caught, "depth": depth}, "error": None}
"#;

/// Exceptions go through setjmp/longjmp, i.e. through the host's
/// `invoke_vii`: raising, catching, re-raising, a traceback, recursion (each
/// Python call is one more nested `invoke_vii`).
#[test]
fn exceptions_and_recursion_through_invoke_vii() {
    for inputs in [json!({"case": "ok"}), json!({"case": "raise"}), json!({"case": "ok", "depth": 50})] {
        compare("raiser.py", RAISER, &inputs);
    }
}

#[test]
fn an_endless_loop_runs_out_of_wasmtime_fuel() {
    let src = "def get_node():\n    return {'name': 'loop'}\n\ndef run(context):\n    while True:\n        pass\n";
    let wasm = pack(RUNTIME_WASM, src, "loop.py").unwrap();
    let engine = engine();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    let err = run(&engine, &linker, &module, &envelope(&json!({}), "loop", false)).unwrap_err();
    assert_eq!(err.downcast_ref::<Trap>(), Some(&Trap::OutOfFuel), "{err:?}");
}

#[test]
fn the_module_needs_no_import_outside_flow_likes_set() {
    let engine = engine();
    let module = Module::new(&engine, RUNTIME_WASM).unwrap();
    for import in module.imports() {
        assert!(
            HOST_FUNCTIONS.iter().any(|f| f.module == import.module() && f.name == import.name()),
            "{}.{} is not in Flow-Like's import set",
            import.module(),
            import.name()
        );
    }
}

/// The engine the examples ran on really has wasm exception handling off:
/// a module that uses it (the proposal's `try_table`/`throw`, or the legacy
/// `try`/`catch`) does not compile there.
#[test]
fn exception_handling_is_off_in_this_engine() {
    let engine = engine();
    let modern = "(module (tag $e) (func (block $h (try_table (catch $e $h) (throw $e)))))";
    let legacy = "(module (tag $e) (func try throw $e catch $e end))";
    for (what, wat_src) in [("exceptions", modern), ("legacy exceptions", legacy)] {
        let bytes = wat::parse_str(wat_src).unwrap_or_else(|e| panic!("{what}: {e}"));
        let err = Module::new(&engine, &bytes).expect_err(what);
        assert!(format!("{err:?}").contains("exceptions proposal not enabled"), "{what}: {err:?}");
    }
}

/// Recursion along several call paths: directly, through a method, an
/// operator method (`__add__`, called by the runtime), `map` (a C builtin
/// calling back) and a generator (`next`), to `depth` levels.
const RECURSER: &str = r#"
def get_node():
    return {"name": "recurser", "friendly_name": "Recurser", "description": "recurses", "category": "Test", "pins": []}

def direct(n):
    return direct(n - 1) if n else 0

class C:
    def method(self, n):
        return self.method(n - 1) if n else 0
    def __add__(self, n):
        return (self + (n - 1)) if n else 0

class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return repr(R(self.n - 1)) if self.n else "0"

def via_key(n):
    if n:
        min([n - 1], key=via_key)
    return 0

def via_map(n):
    return list(map(via_map, [n - 1]))[0] if n else 0

def gen(n):
    yield next(gen(n - 1)) if n else 0

def run(context):
    path, depth = context["inputs"]["path"], context["inputs"]["depth"]
    if path == "direct":
        r = direct(depth)
    elif path == "method":
        r = C().method(depth)
    elif path == "add":
        r = C() + depth
    elif path == "map":
        r = via_map(depth)
    elif path == "repr":
        r = int(repr(R(depth)))
    elif path == "key":
        r = via_key(depth)
    else:
        r = next(gen(depth))
    return {"outputs": {"r": r}, "error": None}
"#;

const PATHS: [&str; 7] = ["direct", "method", "add", "map", "repr", "key", "gen"];

/// Every Python call is a nested `env.invoke_vii` (the VM's dispatch loop is
/// the body of `nlr_protect`, micropython/patches/0001), so each level of
/// Python recursion costs a host frame plus the JIT's frames for the VM on
/// the native stack: under wasmtime's default `max_wasm_stack` (512 KiB,
/// which counts the host frames between nested wasm calls) a trap came at
/// 190 to 240 levels depending on the path (`probe_…` below), while wasmi
/// ran 300 and then raised. The guest now caps the nesting of protected
/// calls (`MPNODE_MAX_PROTECT_DEPTH` in micropython/mpnode_port.c, 64, which
/// also fits Flow-Like's restrictive 256 KiB stack), so under both hosts a
/// node gets about 60 levels and then
/// "RecursionError: maximum recursion depth exceeded" with a traceback.
#[test]
fn deep_python_recursion_is_a_python_error_under_wasmtime_too() {
    for path in PATHS {
        let ok = compare("recurser.py", RECURSER, &json!({"path": path, "depth": 50}));
        assert!(ok.iter().all(|r| r["error"].is_null() && r["outputs"]["r"] == 0), "{path}: {ok:?}");
        for result in compare("recurser.py", RECURSER, &json!({"path": path, "depth": 100_000})) {
            let err = result["error"].as_str().unwrap_or_else(|| panic!("{path}: {result}"));
            assert!(err.starts_with("Traceback (most recent call last):"), "{path}: {err}");
            assert!(err.ends_with("RecursionError: maximum recursion depth exceeded"), "{path}: {err}");
        }
    }
}

/// How deep Python recursion gets under wasmtime's default stack along each
/// path of `RECURSER` (run with `--ignored --nocapture`): the deepest
/// recursion that returns, and what the next level gives (a Python error
/// or a trap). With the cap (64) every path stops at the cap; built with
/// the cap out of the way (MPNODE_MAX_PROTECT_DEPTH 1000000) it measured
/// the native limit: direct 241, method 234, `__add__` 212, map 196,
/// `__repr__` 189, `key=` 198, generator 211 (debug and release alike:
/// this host is always compiled optimised).
#[test]
#[ignore]
fn probe_python_recursion_depth_under_wasmtime() {
    let wasm = pack(RUNTIME_WASM, RECURSER, "recurser.py").unwrap();
    let engine = engine();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    for path in PATHS {
        let outcome = |depth: u64| -> Result<Value, String> {
            match run(&engine, &linker, &module, &envelope(&json!({"path": path, "depth": depth}), "recurser", false)) {
                Ok((result, _, _)) if result["error"].is_null() => Ok(result),
                Ok((result, _, _)) => Err(result["error"].as_str().unwrap().lines().last().unwrap().to_string()),
                Err(e) => Err(format!("trap: {}", format!("{e}").lines().next().unwrap_or(""))),
            }
        };
        let (mut ok, mut bad) = (0u64, 100_000u64);
        while bad - ok > 1 {
            let mid = (ok + bad) / 2;
            if outcome(mid).is_ok() {
                ok = mid
            } else {
                bad = mid
            }
        }
        println!("{path}: deepest recursion that returns: {ok}; at {bad}: {:?}", outcome(bad).unwrap_err());
    }
}

/// Flow-Like's restrictive preset sets wasmtime's `max_wasm_stack` to
/// 256 KiB (its default is 1 MiB); the cap must raise before that stack runs
/// out, on every path.
#[test]
fn deep_python_recursion_is_a_python_error_under_flow_likes_restrictive_stack() {
    let wasm = pack(RUNTIME_WASM, RECURSER, "recurser.py").unwrap();
    let mut config = flowlike_host::wasmtime::Config::new();
    config.consume_fuel(true);
    config.max_wasm_stack(256 * 1024);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    for path in PATHS {
        for (depth, fails) in [(50, false), (100_000, true)] {
            let env = envelope(&json!({"path": path, "depth": depth}), "recurser", false);
            let (result, _, _) = run(&engine, &linker, &module, &env).unwrap_or_else(|e| panic!("{path} {depth}: trap {e}"));
            match result["error"].as_str() {
                None => assert!(!fails, "{path} {depth}: {result}"),
                Some(err) => {
                    assert!(fails, "{path} {depth}: {err}");
                    assert!(err.starts_with("Traceback (most recent call last):"), "{path}: {err}");
                    assert!(err.ends_with("RecursionError: maximum recursion depth exceeded"), "{path}: {err}");
                }
            }
        }
    }
}

/// Python-to-Python calls run in the caller's dispatch loop
/// (micropython/patches/0041, `MICROPY_STACKLESS`): no nested C frame and
/// no `invoke_vii`, so plain recursion, of functions and of methods, reaches
/// CPython's 1000 levels under wasmi and under Flow-Like's restrictive
/// wasmtime stack (256 KiB) alike; one level more than the limit
/// (`MPNODE_MAX_PY_DEPTH`) is a Python error with a traceback, never a trap,
/// and the next run works.
#[test]
fn python_recursion_1000_deep_under_wasmi_and_flow_likes_restrictive_stack() {
    let wasm = pack(RUNTIME_WASM, RECURSER, "recurser.py").unwrap();
    let mut config = flowlike_host::wasmtime::Config::new();
    config.consume_fuel(true);
    config.max_wasm_stack(256 * 1024);
    let engine = Engine::new(&config).unwrap();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    for path in ["direct", "method"] {
        for (depth, fails) in [(1000, false), (1023, false), (1024, true), (100_000, true), (10, false)] {
            let env = envelope(&json!({"path": path, "depth": depth}), "recurser", false);
            let (result, _, _) = run(&engine, &linker, &module, &env).unwrap_or_else(|e| panic!("{path} {depth}: trap {e}"));
            let (expected, _, _) = run_wasmi(&wasm, &env);
            assert_eq!(result, expected, "{path} {depth}: wasmtime and wasmi differ");
            match result["error"].as_str() {
                None => {
                    assert!(!fails, "{path} {depth}: {result}");
                    assert_eq!(result["outputs"]["r"], 0, "{path} {depth}");
                }
                Some(err) => {
                    assert!(fails, "{path} {depth}: {}", &err[err.len().saturating_sub(300)..]);
                    assert!(err.starts_with("Traceback (most recent call last):"), "{path}: {err}");
                    assert!(err.ends_with("RecursionError: maximum recursion depth exceeded"), "{path}: {err}");
                    let frames = err.matches(&format!(", in {path}")).count();
                    assert!(frames >= 1000, "{path} {depth}: the traceback names {frames} levels");
                }
            }
        }
    }
}
