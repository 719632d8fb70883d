//! Criterion benchmarks (`cargo bench --features bench`): the seed node's
//! cold start and warm run, and CPU-bound Python (benches/py/cpu.py) run as
//! a node under wasmi. `scripts/bench.sh` puts the same work side by side
//! with CPython in BENCHMARKS.md.

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

criterion_group!(benches, seed, cpu);
criterion_main!(benches);
