//! Flow-Like's core-module host on wasmtime, for tests/flowlike_wasmtime.rs
//! (see there, and `../shared/flow-like-abi.md`): its import set, with the
//! functions the runtime uses behaving as Flow-Like's do, its call order and
//! its ptr/len unpacking. A crate of its own only so that it is compiled
//! optimised in every build, as Flow-Like's host is (see Cargo.toml).

pub use wasmtime;

use serde_json::Value;
use wasmtime::{Caller, Config, Engine, Extern, Func, FuncType, Instance, Linker, Module, Ref, Store, Val, ValType};

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
pub struct State {
    /// Log lines: (level, message).
    pub logs: Vec<(u8, String)>,
    /// Stream events: (event, data).
    pub stream: Vec<(String, Value)>,
}

/// Stream data as mpnode's host keeps it: JSON if it parses, else a string.
fn stream_data(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

/// Fuel per call group.
pub const FUEL: u64 = 10_000_000_000;

/// wasmtime with fuel on, wasm exception handling off, everything else
/// default (so `max_wasm_stack` is 512 KiB).
pub fn engine() -> Engine {
    let mut config = Config::new();
    config.consume_fuel(true);
    // No wasm exception handling: the module must not need it. This
    // wasmtime build has no `gc` feature, so the exceptions proposal cannot
    // be on; the legacy one is switched off explicitly. The test
    // `exception_handling_is_off_in_this_engine` checks both.
    #[allow(deprecated)]
    config.wasm_legacy_exceptions(false);
    Engine::new(&config).unwrap()
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

/// One import of Flow-Like's host: module, name, parameter and result
/// types.
pub struct Import {
    pub module: String,
    pub name: String,
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

/// Flow-Like's linker: every function of its import set (`imports`).
pub fn linker(engine: &Engine, imports: &[Import]) -> Linker<State> {
    let mut linker = Linker::new(engine);
    for f in imports {
        let ty = FuncType::new(engine, f.params.iter().cloned(), f.results.iter().cloned());
        let (module, name) = (f.module.as_str(), f.name.as_str());
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
pub fn instantiate(engine: &Engine, linker: &Linker<State>, module: &Module) -> (Store<State>, Instance) {
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
pub fn unpack(store: &mut Store<State>, instance: &Instance, packed: i64) -> Vec<u8> {
    assert!(packed >= 0, "the guest returned error code {packed}");
    let (ptr, len) = ((packed >> 32) as u32 as usize, packed as u32 as usize);
    let memory = instance.get_memory(&mut *store, "memory").unwrap();
    memory.data(&*store)[ptr..ptr + len].to_vec()
}

/// The definitions as Flow-Like reads them: the array from `get_nodes` if
/// the module exports it (a package), else the one object from `get_node`;
/// and what `get_node` alone gives.
pub fn definitions(engine: &Engine, linker: &Linker<State>, module: &Module) -> (Vec<Value>, Value) {
    let (mut store, instance) = instantiate(engine, linker, module);
    let get_node = instance.get_typed_func::<(), i64>(&mut store, "get_node").unwrap();
    let packed = get_node.call(&mut store, ()).unwrap();
    let one: Value = serde_json::from_slice(&unpack(&mut store, &instance, packed)).unwrap();
    let all = match instance.get_typed_func::<(), i64>(&mut store, "get_nodes") {
        Ok(get_nodes) => {
            let packed = get_nodes.call(&mut store, ()).unwrap();
            match serde_json::from_slice(&unpack(&mut store, &instance, packed)).unwrap() {
                Value::Array(all) => all,
                other => panic!("get_nodes returned {other}"),
            }
        }
        Err(_) => vec![one.clone()],
    };
    (all, one)
}

/// What a run gives: the result envelope, log lines, stream events.
pub type Outcome = (Value, Vec<(u8, String)>, Vec<(String, Value)>);

/// A linker for exactly the functions `module` imports, handled as
/// [`linker`] handles them (for benchmarks, which need no check of the
/// import set).
pub fn linker_for(engine: &Engine, module: &Module) -> Linker<State> {
    let imports: Vec<Import> = module
        .imports()
        .filter_map(|i| match i.ty() {
            wasmtime::ExternType::Func(ty) => Some(Import {
                module: i.module().to_string(),
                name: i.name().to_string(),
                params: ty.params().collect(),
                results: ty.results().collect(),
            }),
            _ => None,
        })
        .collect();
    linker(engine, &imports)
}

/// One run as Flow-Like makes it: fresh instance, alloc, write, run, read,
/// dealloc.
pub fn run(engine: &Engine, linker: &Linker<State>, module: &Module, envelope: &[u8]) -> Result<Outcome, wasmtime::Error> {
    let (mut store, instance) = instantiate(engine, linker, module);
    run_on(&mut store, &instance, envelope)
}

/// One run on an existing instance (a warm run), with a fresh fuel budget:
/// alloc, write, run, read, dealloc.
pub fn run_on(store: &mut Store<State>, instance: &Instance, envelope: &[u8]) -> Result<Outcome, wasmtime::Error> {
    store.set_fuel(FUEL)?;
    let alloc = instance.get_typed_func::<i32, i32>(&mut *store, "alloc")?;
    let run = instance.get_typed_func::<(i32, i32), i64>(&mut *store, "run")?;
    let dealloc = instance.get_typed_func::<(i32, i32), ()>(&mut *store, "dealloc")?;
    let len = envelope.len() as i32;
    let ptr = alloc.call(&mut *store, len)?;
    assert!(ptr > 0, "alloc({len}) failed");
    instance.get_memory(&mut *store, "memory").unwrap().write(&mut *store, ptr as usize, envelope)?;
    let packed = run.call(&mut *store, (ptr, len))?;
    let result: Value = serde_json::from_slice(&unpack(store, instance, packed)).unwrap();
    dealloc.call(&mut *store, (ptr, len))?;
    let logs = std::mem::take(&mut store.data_mut().logs);
    let stream = std::mem::take(&mut store.data_mut().stream);
    Ok((result, logs, stream))
}
