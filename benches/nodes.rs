//! Criterion benchmarks (`cargo bench --features bench`): the seed node's
//! cold start and warm run, and CPU-bound Python (benches/py/cpu.py) run as
//! a node under wasmi. With `--features bench-wasmtime`, the same module
//! under wasmtime too, through the tests' copy of Flow-Like's host
//! (`tests/flowlike_host`: fuel on, setjmp/longjmp through `invoke_vii`,
//! logs and streams collected). `scripts/bench.sh` puts the work
//! side by side with native MicroPython and CPython in BENCHMARKS.md.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, Node};
use serde_json::json;

fn source(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(c: &mut Criterion) {
    let engine = Engine::new();
    let wasm = pack(RUNTIME_WASM, &source("examples/uppercase.py"), "uppercase.py").unwrap();
    let mut group = c.benchmark_group("seed");
    group.bench_function("compile", |b| b.iter(|| engine.compile(&wasm).unwrap()));
    let module = engine.compile(&wasm).unwrap();
    // Cold start: a new instance of a compiled module, `_initialize`
    // included (interpreter start-up and the node's import).
    group.bench_function("cold_start", |b| b.iter(|| Node::from_module(&engine, module.clone(), Limits::default()).unwrap()));
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
    use flowlike_host::wasmtime::Module;
    let engine = flowlike_host::engine();
    let seed = pack(RUNTIME_WASM, &source("examples/uppercase.py"), "uppercase.py").unwrap();
    let mut group = c.benchmark_group("seed_wasmtime");
    group.sample_size(10);
    group.bench_function("compile", |b| b.iter(|| Module::new(&engine, &seed).unwrap()));
    let module = Module::new(&engine, &seed).unwrap();
    let linker = flowlike_host::linker_for(&engine, &module);
    group.bench_function("cold_start", |b| b.iter(|| flowlike_host::instantiate(&engine, &linker, &module)));
    let (mut store, instance) = flowlike_host::instantiate(&engine, &linker, &module);
    let hello = envelope(json!({"input": "hello"}), "wasm_python_uppercase");
    let (result, _, _) = flowlike_host::run_on(&mut store, &instance, &hello).unwrap();
    assert_eq!(result["outputs"]["output"], "HELLO");
    group.bench_function("warm_run", |b| b.iter(|| flowlike_host::run_on(&mut store, &instance, &hello).unwrap()));
    group.finish();

    let cpu = pack(RUNTIME_WASM, &source("benches/py/cpu.py"), "cpu.py").unwrap();
    let module = Module::new(&engine, &cpu).unwrap();
    let linker = flowlike_host::linker_for(&engine, &module);
    let (mut store, instance) = flowlike_host::instantiate(&engine, &linker, &module);
    let mut group = c.benchmark_group("cpu_wasmtime");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for task in ["loop", "fib", "json", "pystone"] {
        let input = envelope(json!({ "task": task }), "bench_cpu");
        let (result, _, _) = flowlike_host::run_on(&mut store, &instance, &input).unwrap();
        assert!(result["error"].is_null(), "{task}: {result}");
        group.bench_function(task, |b| b.iter(|| flowlike_host::run_on(&mut store, &instance, &input).unwrap()));
    }
    group.finish();
}

#[cfg(not(feature = "bench-wasmtime"))]
criterion_group!(benches, seed, cpu);
#[cfg(feature = "bench-wasmtime")]
criterion_group!(benches, seed, cpu, wasmtime);
criterion_main!(benches);
