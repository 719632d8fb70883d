//! Isolation and reuse with the real runtime: what persists between runs
//! (warm instance vs fresh instance per run), recovery after every kind of
//! failure, and many nodes on many threads sharing one engine.

use std::sync::Arc;
use std::time::Duration;

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Error, Failure, Limits, Node, RunReport};
use serde_json::{json, Value};

/// Counts its runs in a global; fails on demand in every way a Python node
/// can.
const NODE: &str = r#"
counter = 0

def get_node():
    return {"name": "counter", "friendly_name": "Counter", "description": "counts its runs",
            "category": "Test", "pins": []}

def deep(n):
    return deep(n + 1) if n < 100000 else n

class Nest:
    def __init__(self, n):
        self.inner = Nest(n - 1) if n else None

def run(context):
    global counter
    counter += 1
    how = context["inputs"].get("fail")
    if how == "raise":
        raise ValueError("asked to fail")
    if how == "spin":
        while True:
            pass
    if how == "deep":
        deep(0)
    if how == "deep_init":
        Nest(200)
    if how == "big":
        return {"outputs": {"n": len(bytearray(1 << 20))}}
    tag = context["inputs"].get("tag", 0)
    return {"outputs": {"counter": counter, "tag": tag, "id": context["node_id"]}, "error": None}
"#;

fn wasm() -> Vec<u8> {
    pack(RUNTIME_WASM, NODE, "counter.py").unwrap()
}

fn counter(report: &RunReport) -> i64 {
    assert_eq!(report.error(), None, "{:?}", report.failure);
    report.result.outputs["counter"].as_i64().unwrap()
}

fn run_ok(node: &mut Node) -> i64 {
    counter(&node.run(json!({})).unwrap())
}

fn fail(node: &mut Node, how: &str) -> RunReport {
    let report = node.run(json!({ "fail": how })).unwrap();
    assert!(!report.is_ok(), "{how}: the run should fail");
    report
}

#[test]
fn globals_persist_on_a_warm_instance() {
    let mut node = Node::load(&Engine::new(), &wasm()).unwrap();
    assert_eq!([run_ok(&mut node), run_ok(&mut node), run_ok(&mut node)], [1, 2, 3]);
}

#[test]
fn globals_start_over_with_a_fresh_instance_per_run() {
    let mut node = Node::load(&Engine::new(), &wasm()).unwrap();
    node.set_fresh_instance_per_run(true);
    assert_eq!([run_ok(&mut node), run_ok(&mut node), run_ok(&mut node)], [1, 1, 1]);
    // Switching back keeps the instance of the next run.
    node.set_fresh_instance_per_run(false);
    assert_eq!([run_ok(&mut node), run_ok(&mut node)], [1, 2]);
}

#[test]
fn a_python_exception_fails_the_run_but_keeps_the_instance() {
    let mut node = Node::load(&Engine::new(), &wasm()).unwrap();
    assert_eq!(run_ok(&mut node), 1);
    let report = fail(&mut node, "raise");
    // The node's own error: the host saw a well-formed result.
    assert_eq!(report.failure, None);
    assert!(report.error().unwrap().contains("ValueError: asked to fail"), "{:?}", report.error());
    assert!(!node.is_poisoned());
    // The failed run counted too: the instance and its globals live on.
    assert_eq!(run_ok(&mut node), 3);
}

/// After a host-side failure the instance is rebuilt: the next run works
/// and starts from fresh globals.
fn recovers(node: &mut Node, report: &RunReport, expect: impl Fn(&Failure) -> bool) {
    let failure = report.failure.as_ref().expect("a host-side failure");
    assert!(expect(failure), "{failure:?}");
    assert_eq!(report.error(), Some(failure.to_string().as_str()));
    assert!(node.is_poisoned());
    assert_eq!(run_ok(node), 1);
    assert_eq!(run_ok(node), 2);
}

#[test]
fn the_next_run_works_after_every_kind_of_failure() {
    let limits = Limits::default().with_timeout(Some(Duration::from_millis(200)));
    let mut node = Node::load_with_limits(&Engine::new(), &wasm(), limits.clone()).unwrap();

    // Deadline.
    run_ok(&mut node);
    let report = fail(&mut node, "spin");
    recovers(&mut node, &report, |f| matches!(f, Failure::Deadline { export: "run", timeout_ms: 200 }));
    // The other steps are bounded by fuel, memory or depth, not by the
    // clock: a loaded machine must not turn them into deadline failures.
    let limits = Limits::default().with_timeout(Some(Duration::from_secs(120)));
    node.set_limits(limits.clone());

    // Out of fuel.
    node.set_limits(limits.clone().with_fuel(30_000_000));
    let report = fail(&mut node, "spin");
    node.set_limits(limits.clone());
    recovers(&mut node, &report, |f| matches!(f, Failure::OutOfFuel { export: "run", .. }));

    // Python-to-Python calls are stackless (issue 13): recursion 100,000
    // deep is the guest's RecursionError, a Python exception; the instance
    // lives on.
    let report = fail(&mut node, "deep");
    assert_eq!(report.failure, None);
    assert!(report.error().unwrap().contains("maximum recursion depth exceeded"), "{:?}", report.error());
    assert!(!node.is_poisoned());
    assert_eq!(run_ok(&mut node), 4);

    // A trap: the host stops recursion through `__init__` (which nests the
    // VM in `env.invoke_vii`) deeper than its invoke_vii cap.
    node.set_limits(limits.clone().with_max_invoke_depth(50));
    let report = fail(&mut node, "deep_init");
    node.set_limits(limits.clone());
    recovers(
        &mut node,
        &report,
        |f| matches!(f, Failure::HostCall { function: "env.invoke_vii", message, .. } if message.contains("nested more than 50")),
    );

    // The memory limit: the heap grows on demand (issue 13), so it bites
    // when a run needs more than the limit: the MemoryError names it, and
    // the instance is not kept (issue 16 item 5), so the next run starts
    // from fresh globals.
    node.set_limits(limits.clone().with_memory(512 << 10));
    run_ok(&mut node);
    let report = fail(&mut node, "big");
    assert_eq!(report.failure, None);
    let error = report.error().unwrap();
    assert!(error.contains("MemoryError") && error.contains("memory limit of 512 KiB"), "{error}");
    assert!(node.is_poisoned());
    node.set_limits(limits.clone());
    assert_eq!(run_ok(&mut node), 1);
    assert_eq!(run_ok(&mut node), 2);

    // A Python exception, then a run that works on the same instance.
    let report = fail(&mut node, "raise");
    assert_eq!(report.failure, None);
    assert_eq!(run_ok(&mut node), 4);
}

/// Issue 13: the heap starts small and grows on demand, so the node loads
/// and runs within a 512 KiB memory limit (it used to need room for its
/// whole 1 MiB heap in `_initialize`); a run that needs more than the limit
/// fails with the MemoryError that names it, and the next run works.
#[test]
fn a_node_loads_in_a_small_memory_limit_and_a_run_that_needs_more_fails() {
    let limits = Limits::default().with_memory(512 << 10);
    let mut node = Node::load_with_limits(&Engine::new(), &wasm(), limits).unwrap();
    assert!(node.memory_pages().unwrap() * 65536 <= 512 << 10);
    assert_eq!(run_ok(&mut node), 1);
    let report = fail(&mut node, "big");
    let error = report.error().unwrap();
    assert!(error.contains("MemoryError: the node's memory limit of 512 KiB is reached"), "{error}");
    assert!(error.contains("--memory"), "{error}");
    assert_eq!(run_ok(&mut node), 1);
    // Even a limit below what the runtime needs to start is a clean load
    // error, in `_initialize`.
    let error = Node::load_with_limits(&Engine::new(), &wasm(), Limits::default().with_memory(128 << 10)).unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::MemoryLimit { export: "_initialize", .. })), "{error:?}");
}

#[test]
fn many_nodes_on_many_threads_share_one_engine() {
    const THREADS: usize = 8;
    const RUNS: i64 = 25;
    let engine = Engine::new();
    let wasm = Arc::new(wasm());
    // Half compile their own module, half share one compiled module.
    let module = engine.compile(&wasm).unwrap();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (engine, wasm, module) = (engine.clone(), Arc::clone(&wasm), module.clone());
            std::thread::spawn(move || {
                let mut node = if t % 2 == 0 {
                    Node::load(&engine, &wasm).unwrap()
                } else {
                    Node::from_module(&engine, module, Limits::default()).unwrap()
                };
                node.context_mut().node_id = format!("node-{t}");
                let mut seen = Vec::new();
                for i in 0..RUNS {
                    if i == RUNS / 2 && t % 3 == 0 {
                        // Some threads fail midway and carry on.
                        node.set_limits(Limits::default().with_fuel(10_000_000));
                        assert!(!node.run(json!({"fail": "spin"})).unwrap().is_ok());
                        node.set_limits(Limits::default());
                    }
                    let report = node.run(json!({ "tag": t as i64 * 1000 + i })).unwrap();
                    assert_eq!(report.error(), None);
                    let outputs = &report.result.outputs;
                    assert_eq!(outputs["tag"], t as i64 * 1000 + i);
                    assert_eq!(outputs["id"], Value::String(format!("node-{t}")));
                    seen.push(outputs["counter"].as_i64().unwrap());
                }
                (t, seen)
            })
        })
        .collect();
    for handle in handles {
        let (t, seen) = handle.join().unwrap();
        // Each node counts its own runs, whatever the other threads do.
        let expect: Vec<i64> = if t % 3 == 0 { (1..=RUNS / 2).chain(1..=RUNS - RUNS / 2).collect() } else { (1..=RUNS).collect() };
        assert_eq!(seen, expect, "thread {t}");
    }
}
