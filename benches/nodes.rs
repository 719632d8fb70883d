//! Criterion benchmarks (`cargo bench --features bench`): the seed node's
//! cold start and warm run, and CPU-bound Python (benches/py/cpu.py) run as
//! a node under wasmi. With `--features bench-wasmtime`, the same module
//! under wasmtime too, through a minimal host (setjmp/longjmp, clock,
//! random; other imports answer zero). `scripts/bench.sh` puts the work
//! side by side with native MicroPython and CPython in BENCHMARKS.md.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use mpnode::pack::pack;
use mpnode::runtime::RUNTIME_WASM;
use mpnode::{Engine, Limits, Node};
use serde_json::json;

fn source(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(c: &mut Criterion) {
    let engine = Engine::new();
    let wasm = pack(
        RUNTIME_WASM,
        &source("examples/uppercase.py"),
        "uppercase.py",
    )
    .unwrap();
    let mut group = c.benchmark_group("seed");
    group.bench_function("compile", |b| b.iter(|| engine.compile(&wasm).unwrap()));
    let module = engine.compile(&wasm).unwrap();
    // Cold start: a new instance of a compiled module, `_initialize`
    // included (interpreter start-up and the node's import).
    group.bench_function("cold_start", |b| {
        b.iter(|| Node::from_module(&engine, module.clone(), Limits::default()).unwrap())
    });
    group.bench_function("cold_start_and_run", |b| {
        b.iter(|| {
            let mut node = Node::from_module(&engine, module.clone(), Limits::default()).unwrap();
            node.run(json!({"input": "hello"})).unwrap()
        })
    });
    let mut node = Node::from_module(&engine, module.clone(), Limits::default()).unwrap();
    node.run(json!({"input": "hello"})).unwrap();
    group.bench_function("warm_run", |b| {
        b.iter(|| {
            let report = node.run(json!({"input": "hello"})).unwrap();
            assert_eq!(report.result.outputs["output"], "HELLO");
        })
    });
    group.finish();
}

fn cpu(c: &mut Criterion) {
    let engine = Engine::new();
    let wasm = pack(RUNTIME_WASM, &source("benches/py/cpu.py"), "cpu.py").unwrap();
    let mut node = Node::load(&engine, &wasm).unwrap();
    let mut group = c.benchmark_group("cpu_wasmi");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for task in ["loop", "fib", "json", "pystone"] {
        node.run(json!({ "task": task })).unwrap();
        group.bench_function(task, |b| {
            b.iter(|| {
                let report = node.run(json!({ "task": task })).unwrap();
                assert_eq!(report.error(), None);
            })
        });
    }
    group.finish();
}

#[cfg(feature = "bench-wasmtime")]
mod wasmtime_host {
    //! Just enough of Flow-Like's host, on wasmtime, to run a packed node:
    //! `env.invoke_vii` / `env._emscripten_throw_longjmp` (setjmp/longjmp),
    //! `flowlike_log.*` (dropped), `flowlike_meta.time_now` / `random`.

    use wasmtime::{
        Caller, Engine, ExternType, Instance, Linker, Memory, Module, Store, Table, TypedFunc, Val,
        ValType,
    };

    #[derive(Debug)]
    struct Longjmp;

    impl std::fmt::Display for Longjmp {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("longjmp")
        }
    }

    impl std::error::Error for Longjmp {}

    pub struct Node {
        store: Store<Option<Sjlj>>,
        memory: Memory,
        alloc: TypedFunc<i32, i32>,
        dealloc: TypedFunc<(i32, i32), ()>,
        run: TypedFunc<(i32, i32), i64>,
    }

    /// The exports `invoke_vii` needs, resolved once per instance.
    #[derive(Clone)]
    pub struct Sjlj {
        table: Table,
        stack_get: TypedFunc<(), i32>,
        stack_restore: TypedFunc<i32, ()>,
        set_threw: TypedFunc<(i32, i32), ()>,
    }

    fn invoke_vii(
        mut caller: Caller<'_, Option<Sjlj>>,
        index: i32,
        a: i32,
        b: i32,
    ) -> wasmtime::Result<()> {
        let sjlj = caller.data().clone().expect("resolved after instantiation");
        let sp = sjlj.stack_get.call(&mut caller, ())?;
        let func = sjlj.table.get(&mut caller, index as u32 as u64).unwrap();
        let func = *func.as_func().flatten().unwrap();
        match func
            .typed::<(i32, i32), ()>(&caller)?
            .call(&mut caller, (a, b))
        {
            Ok(()) => Ok(()),
            Err(e) if e.downcast_ref::<Longjmp>().is_some() => {
                sjlj.stack_restore.call(&mut caller, sp)?;
                sjlj.set_threw.call(&mut caller, (1, 0))?;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    pub fn engine() -> Engine {
        Engine::default()
    }

    pub fn compile(engine: &Engine, wasm: &[u8]) -> Module {
        Module::new(engine, wasm).unwrap()
    }

    pub fn instantiate(engine: &Engine, module: &Module) -> Node {
        let mut linker = Linker::new(engine);
        linker.func_wrap("env", "invoke_vii", invoke_vii).unwrap();
        linker
            .func_wrap(
                "env",
                "_emscripten_throw_longjmp",
                || -> wasmtime::Result<()> { Err(wasmtime::Error::new(Longjmp)) },
            )
            .unwrap();
        linker
            .func_wrap("flowlike_meta", "time_now", || 0i64)
            .unwrap();
        linker
            .func_wrap("flowlike_meta", "random", || 4i64)
            .unwrap();
        // Everything else the module imports (logging, …): answers zero.
        for import in module.imports() {
            let (m, n) = (import.module(), import.name());
            let defined = matches!(
                (m, n),
                ("env", "invoke_vii" | "_emscripten_throw_longjmp")
                    | ("flowlike_meta", "time_now" | "random")
            );
            if let (false, ExternType::Func(ty)) = (defined, import.ty()) {
                let types: Vec<ValType> = ty.results().collect();
                linker
                    .func_new(m, n, ty.clone(), move |_, _, results| {
                        for (slot, ty) in results.iter_mut().zip(&types) {
                            *slot = match ty {
                                ValType::I64 => Val::I64(0),
                                _ => Val::I32(0),
                            };
                        }
                        Ok(())
                    })
                    .unwrap();
            }
        }
        let mut store = Store::new(engine, None);
        let instance: Instance = linker.instantiate(&mut store, module).unwrap();
        let sjlj = Sjlj {
            table: instance
                .get_table(&mut store, "__indirect_function_table")
                .unwrap(),
            stack_get: instance
                .get_typed_func(&mut store, "emscripten_stack_get_current")
                .unwrap(),
            stack_restore: instance
                .get_typed_func(&mut store, "_emscripten_stack_restore")
                .unwrap(),
            set_threw: instance.get_typed_func(&mut store, "setThrew").unwrap(),
        };
        *store.data_mut() = Some(sjlj);
        if let Ok(init) = instance.get_typed_func::<(), ()>(&mut store, "_initialize") {
            init.call(&mut store, ()).unwrap();
        }
        Node {
            memory: instance.get_memory(&mut store, "memory").unwrap(),
            alloc: instance.get_typed_func(&mut store, "alloc").unwrap(),
            dealloc: instance.get_typed_func(&mut store, "dealloc").unwrap(),
            run: instance.get_typed_func(&mut store, "run").unwrap(),
            store,
        }
    }

    impl Node {
        /// One run on a complete envelope; returns the result JSON.
        pub fn run(&mut self, envelope: &[u8]) -> Vec<u8> {
            let len = envelope.len() as i32;
            let ptr = self.alloc.call(&mut self.store, len).unwrap();
            self.memory
                .write(&mut self.store, ptr as usize, envelope)
                .unwrap();
            let packed = self.run.call(&mut self.store, (ptr, len)).unwrap();
            let (at, n) = ((packed >> 32) as usize, packed as u32 as usize);
            let out = self.memory.data(&self.store)[at..at + n].to_vec();
            self.dealloc.call(&mut self.store, (ptr, len)).unwrap();
            out
        }
    }
}

/// A run envelope as mpnode's host builds it.
#[cfg(feature = "bench-wasmtime")]
fn envelope(inputs: serde_json::Value, node_name: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "inputs": inputs, "node_id": "bench", "run_id": "bench-run", "app_id": "bench",
        "board_id": "bench", "user_id": "bench", "stream_state": false, "log_level": 0,
        "node_name": node_name,
    }))
    .unwrap()
}

#[cfg(feature = "bench-wasmtime")]
fn wasmtime(c: &mut Criterion) {
    let engine = wasmtime_host::engine();
    let seed = pack(
        RUNTIME_WASM,
        &source("examples/uppercase.py"),
        "uppercase.py",
    )
    .unwrap();
    let mut group = c.benchmark_group("seed_wasmtime");
    group.sample_size(10);
    group.bench_function("compile", |b| {
        b.iter(|| wasmtime_host::compile(&engine, &seed))
    });
    let module = wasmtime_host::compile(&engine, &seed);
    group.bench_function("cold_start", |b| {
        b.iter(|| wasmtime_host::instantiate(&engine, &module))
    });
    let mut node = wasmtime_host::instantiate(&engine, &module);
    let hello = envelope(json!({"input": "hello"}), "wasm_python_uppercase");
    assert!(String::from_utf8_lossy(&node.run(&hello)).contains("HELLO"));
    group.bench_function("warm_run", |b| b.iter(|| node.run(&hello)));
    group.finish();

    let cpu = pack(RUNTIME_WASM, &source("benches/py/cpu.py"), "cpu.py").unwrap();
    let module = wasmtime_host::compile(&engine, &cpu);
    let mut node = wasmtime_host::instantiate(&engine, &module);
    let mut group = c.benchmark_group("cpu_wasmtime");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for task in ["loop", "fib", "json", "pystone"] {
        let input = envelope(json!({ "task": task }), "bench_cpu");
        let result = String::from_utf8_lossy(&node.run(&input)).to_string();
        assert!(result.contains("\"error\":null"), "{task}: {result}");
        group.bench_function(task, |b| b.iter(|| node.run(&input)));
    }
    group.finish();
}

#[cfg(not(feature = "bench-wasmtime"))]
criterion_group!(benches, seed, cpu);
#[cfg(feature = "bench-wasmtime")]
criterion_group!(benches, seed, cpu, wasmtime);
criterion_main!(benches);
