//! The node contract under a JIT: a small host on wasmtime (Flow-Like's own
//! engine) that reproduces Flow-Like's core-module host as
//! `../shared/flow-like-abi.md` documents it, independent of mpnode's wasmi
//! host:
//!
//! - only Flow-Like's import set (`mpnode::imports::HOST_FUNCTIONS`: the
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
//! wasmtime is a long build, so this file is behind the `bench-wasmtime`
//! feature (the optional wasmtime dependency the benchmarks use):
//!
//! ```text
//! cargo test --features bench-wasmtime --test flowlike_wasmtime
//! ```
#![cfg(feature = "bench-wasmtime")]

use std::path::{Path, PathBuf};

use mpnode::imports::HOST_FUNCTIONS;
use mpnode::pack::pack;
use mpnode::runtime::RUNTIME_WASM;
use mpnode::{Engine as WasmiEngine, Node};
use serde_json::{json, Value};
use wasmtime::{Caller, Config, Engine, Extern, Func, FuncType, Instance, Linker, Module, Ref, Store, Trap, Val, ValType};

/// The error `_emscripten_throw_longjmp` unwinds with, caught by the
/// nearest `invoke_vii`.
#[derive(Debug)]
struct Longjmp;

impl std::fmt::Display for Longjmp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("longjmp")
    }
}

impl std::error::Error for Longjmp {}

/// What the host collects during a call group.
#[derive(Default)]
struct State {
    logs: Vec<(u8, String)>,
    stream: Vec<(String, Value)>,
}

/// Stream data as mpnode's host keeps it: JSON if it parses, else a string.
fn stream_data(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

const FUEL: u64 = 10_000_000_000;

fn engine() -> Engine {
    let mut config = Config::new();
    config.consume_fuel(true);
    // No wasm exception handling: the module must not need it (this
    // wasmtime build has no `gc` feature, so the exceptions proposal cannot
    // be on; the legacy one is switched off explicitly).
    config.wasm_legacy_exceptions(false);
    Engine::new(&config).unwrap()
}

fn wasmtime_type(ty: &wasmi::ValType) -> ValType {
    match ty {
        wasmi::ValType::I32 => ValType::I32,
        wasmi::ValType::I64 => ValType::I64,
        wasmi::ValType::F32 => ValType::F32,
        wasmi::ValType::F64 => ValType::F64,
        other => panic!("no host function of Flow-Like's takes {other:?}"),
    }
}

fn memory(caller: &mut Caller<'_, State>) -> wasmtime::Memory {
    caller.get_export("memory").and_then(Extern::into_memory).expect("the module exports its memory")
}

fn read_string(caller: &mut Caller<'_, State>, ptr: i32, len: i32) -> String {
    let mem = memory(caller);
    let data = mem.data(&caller);
    let (ptr, len) = (ptr as u32 as usize, len as u32 as usize);
    String::from_utf8_lossy(&data[ptr..ptr + len]).into_owned()
}

fn export_func(caller: &mut Caller<'_, State>, name: &str) -> Func {
    caller.get_export(name).and_then(Extern::into_func).unwrap_or_else(|| panic!("export {name}"))
}

/// Flow-Like's linker: every function of its import set.
fn linker(engine: &Engine) -> Linker<State> {
    let mut linker = Linker::new(engine);
    for f in HOST_FUNCTIONS {
        let ty = FuncType::new(engine, f.params.iter().map(wasmtime_type), f.results.iter().map(wasmtime_type));
        let (module, name) = (f.module, f.name);
        match (module, name) {
            ("flowlike_log", "trace" | "debug" | "info" | "warn" | "error") => {
                let level = ["trace", "debug", "info", "warn", "error"].iter().position(|l| *l == name).unwrap() as u8;
                linker
                    .func_new(module, name, ty, move |mut caller, params, _| {
                        let text = read_string(&mut caller, params[0].unwrap_i32(), params[1].unwrap_i32());
                        caller.data_mut().logs.push((level, text));
                        Ok(())
                    })
                    .unwrap();
            }
            ("flowlike_log", "log_json") => {
                linker
                    .func_new(module, name, ty, |mut caller, p, _| {
                        let level = p[0].unwrap_i32().clamp(0, 4) as u8;
                        let text = read_string(&mut caller, p[1].unwrap_i32(), p[2].unwrap_i32());
                        caller.data_mut().logs.push((level, text));
                        Ok(())
                    })
                    .unwrap();
            }
            ("flowlike_stream", "emit") => {
                linker
                    .func_new(module, name, ty, |mut caller, p, _| {
                        let event = read_string(&mut caller, p[0].unwrap_i32(), p[1].unwrap_i32());
                        let data = read_string(&mut caller, p[2].unwrap_i32(), p[3].unwrap_i32());
                        caller.data_mut().stream.push((event, stream_data(data)));
                        Ok(())
                    })
                    .unwrap();
            }
            ("flowlike_stream", "text") => {
                linker
                    .func_new(module, name, ty, |mut caller, p, _| {
                        let text = read_string(&mut caller, p[0].unwrap_i32(), p[1].unwrap_i32());
                        caller.data_mut().stream.push(("text".to_string(), Value::String(text)));
                        Ok(())
                    })
                    .unwrap();
            }
            ("flowlike_meta", "time_now") => {
                linker
                    .func_new(module, name, ty, |_, _, results| {
                        let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis();
                        results[0] = Val::I64(ms as i64);
                        Ok(())
                    })
                    .unwrap();
            }
            ("flowlike_meta", "random") => {
                linker
                    .func_new(module, name, ty, |_, _, results| {
                        results[0] = Val::I64(0x5eed_1234_5678_9abc);
                        Ok(())
                    })
                    .unwrap();
            }
            ("env", "_emscripten_throw_longjmp") => {
                linker.func_new(module, name, ty, |_, _, _| Err(wasmtime::Error::new(Longjmp))).unwrap();
            }
            ("env", "invoke_vii") => {
                linker
                    .func_new(module, name, ty, |mut caller, params, _| {
                        let (index, a, b) = (params[0].unwrap_i32(), params[1].unwrap_i32(), params[2].unwrap_i32());
                        // Save the guest's stack pointer, call table[index](a, b);
                        // on a longjmp restore it and setThrew(1, 0).
                        let mut sp = [Val::I32(0)];
                        export_func(&mut caller, "emscripten_stack_get_current").call(&mut caller, &[], &mut sp)?;
                        let table = caller
                            .get_export("__indirect_function_table")
                            .and_then(Extern::into_table)
                            .expect("the module exports its function table");
                        let func = match table.get(&mut caller, u64::from(index as u32)) {
                            Some(Ref::Func(Some(func))) => func,
                            other => panic!("invoke_vii: table entry {index} is {other:?}"),
                        };
                        match func.call(&mut caller, &[Val::I32(a), Val::I32(b)], &mut []) {
                            Ok(()) => Ok(()),
                            Err(e) if e.downcast_ref::<Longjmp>().is_some() => {
                                export_func(&mut caller, "_emscripten_stack_restore").call(&mut caller, &sp, &mut [])?;
                                export_func(&mut caller, "setThrew").call(&mut caller, &[Val::I32(1), Val::I32(0)], &mut [])?;
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    })
                    .unwrap();
            }
            _ => {
                // Stubs, as Flow-Like's host answers without capabilities:
                // zeros (which, for its string getters, is an offset into a
                // host buffer the guest cannot read anyway).
                linker
                    .func_new(module, name, ty, |_, _, results| {
                        for r in results.iter_mut() {
                            *r = match r {
                                Val::I64(_) => Val::I64(0),
                                _ => Val::I32(0),
                            };
                        }
                        Ok(())
                    })
                    .unwrap();
            }
        }
    }
    linker
}

/// One fresh instance, `_initialize` called, as Flow-Like does per run.
fn instantiate(engine: &Engine, linker: &Linker<State>, module: &Module) -> (Store<State>, Instance) {
    let mut store = Store::new(engine, State::default());
    store.set_fuel(FUEL).unwrap();
    let instance = linker.instantiate(&mut store, module).unwrap();
    if let Ok(init) = instance.get_typed_func::<(), ()>(&mut store, "_initialize") {
        init.call(&mut store, ()).unwrap();
    }
    store.data_mut().logs.clear();
    store.data_mut().stream.clear();
    (store, instance)
}

/// The bytes a packed `(ptr << 32) | len` return value points at.
fn unpack(store: &mut Store<State>, instance: &Instance, packed: i64) -> Vec<u8> {
    assert!(packed >= 0, "the guest returned error code {packed}");
    let (ptr, len) = ((packed >> 32) as u32 as usize, packed as u32 as usize);
    let memory = instance.get_memory(&mut *store, "memory").unwrap();
    memory.data(&*store)[ptr..ptr + len].to_vec()
}

/// The definition, through `get_nodes` if exported (a package), else
/// `get_node`.
fn definition(engine: &Engine, linker: &Linker<State>, module: &Module) -> Value {
    let (mut store, instance) = instantiate(engine, linker, module);
    let get_node = instance.get_typed_func::<(), i64>(&mut store, "get_node").unwrap();
    let packed = get_node.call(&mut store, ()).unwrap();
    serde_json::from_slice(&unpack(&mut store, &instance, packed)).unwrap()
}

/// What a run gives: the result envelope, log lines, stream events.
type Outcome = (Value, Vec<(u8, String)>, Vec<(String, Value)>);

/// One run as Flow-Like makes it: fresh instance, alloc, write, run, read,
/// dealloc.
fn run(engine: &Engine, linker: &Linker<State>, module: &Module, envelope: &[u8]) -> Result<Outcome, wasmtime::Error> {
    let (mut store, instance) = instantiate(engine, linker, module);
    let alloc = instance.get_typed_func::<i32, i32>(&mut store, "alloc")?;
    let run = instance.get_typed_func::<(i32, i32), i64>(&mut store, "run")?;
    let dealloc = instance.get_typed_func::<(i32, i32), ()>(&mut store, "dealloc")?;
    let len = envelope.len() as i32;
    let ptr = alloc.call(&mut store, len)?;
    assert!(ptr > 0, "alloc({len}) failed");
    instance.get_memory(&mut store, "memory").unwrap().write(&mut store, ptr as usize, envelope)?;
    let packed = run.call(&mut store, (ptr, len))?;
    let result: Value = serde_json::from_slice(&unpack(&mut store, &instance, packed)).unwrap();
    dealloc.call(&mut store, (ptr, len))?;
    let logs = std::mem::take(&mut store.data_mut().logs);
    let stream = std::mem::take(&mut store.data_mut().stream);
    Ok((result, logs, stream))
}

fn envelope(inputs: &Value, node_name: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "inputs": inputs, "node_id": "node-1", "run_id": "run-1", "app_id": "app-1", "board_id": "board-1",
        "user_id": "user-1", "stream_state": false, "log_level": 0, "node_name": node_name,
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

fn examples() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter_map(|p| {
            let inputs = std::fs::read_to_string(p.with_extension("json")).ok()?;
            Some((p, serde_json::from_str(&inputs).unwrap()))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn compare(name: &str, source: &str, inputs: &Value) {
    let wasm = pack(RUNTIME_WASM, source, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let engine = engine();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    let def = definition(&engine, &linker, &module);
    let node_name = def["name"].as_str().unwrap_or_else(|| panic!("{name}: definition without a name: {def}")).to_string();
    let env = envelope(inputs, &node_name);
    let (result, logs, stream) = run(&engine, &linker, &module, &env).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let (expected, expected_logs, expected_stream) = run_wasmi(&wasm, &env);
    assert_eq!(result, expected, "{name}: wasmtime and wasmi give different results");
    assert_eq!(logs, expected_logs, "{name}: different logs");
    assert_eq!(stream, expected_stream, "{name}: different stream events");
    // And the definitions agree.
    let mut node = Node::load(&WasmiEngine::new(), &wasm).unwrap();
    assert_eq!(def, node.definition().unwrap(), "{name}: different definitions");
}

#[test]
fn every_example_gives_the_same_result_as_under_wasmi() {
    let examples = examples();
    assert!(examples.len() >= 3);
    for (path, inputs) in examples {
        let source = std::fs::read_to_string(&path).unwrap();
        compare(path.file_name().unwrap().to_str().unwrap(), &source, &inputs);
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

/// BUG (guest, for Flow-Like): every Python call is a nested
/// `env.invoke_vii` (the VM's dispatch loop is the body of `nlr_protect`,
/// micropython/patches/0001), so each level of Python recursion costs a
/// host frame plus the JIT's frames for the VM on the native stack. Under
/// wasmtime's default `max_wasm_stack` (512 KiB, which counts the host
/// frames between nested wasm calls) recursion traps with "call stack
/// exhausted": between 200 and 300 Python levels in a release build of
/// this harness, about 80 in a debug build (its host closure unoptimized),
/// while wasmi runs 300 levels and then raises "RuntimeError: maximum
/// recursion depth exceeded". Past MicroPython's own limit a node gets a
/// Python exception in mpnode and a trap in Flow-Like (unless Flow-Like
/// raises `max_wasm_stack`). Suggested: make MicroPython's recursion limit
/// fire first under wasmtime's default stack (a Python call-depth cap in
/// the guest), or avoid a host re-entry per Python call.
#[test]
#[ignore = "bug: deep Python recursion traps under wasmtime's default 512 KiB stack instead of RuntimeError (one invoke_vii per Python call)"]
fn deep_python_recursion_is_a_python_error_under_wasmtime_too() {
    for depth in [100, 100_000] {
        compare("raiser.py", RAISER, &json!({"case": "ok", "depth": depth}));
    }
}

#[test]
fn an_endless_loop_runs_out_of_wasmtime_fuel() {
    let src = "def get_node():\n    return {'name': 'loop'}\n\ndef run(context):\n    while True:\n        pass\n";
    let wasm = pack(RUNTIME_WASM, src, "loop.py").unwrap();
    let engine = engine();
    let module = Module::new(&engine, &wasm).unwrap();
    let linker = linker(&engine);
    let err = run(&engine, &linker, &module, &envelope(&json!({}), "loop")).unwrap_err();
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
