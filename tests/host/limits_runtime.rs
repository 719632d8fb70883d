//! Limits on the real runtime (MicroPython + shim): the deadline stops
//! Python loops (plain, and calling Python functions, each of which
//! re-enters the guest through `env.invoke_vii`), fuel runs out in Python,
//! the memory limit applies to the heap the runtime grows in `_initialize`,
//! and the report gives fuel and pages.

use std::time::Duration;

use mpnode_build::pack::{pack, pack_with, PackOptions};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Error, Failure, Limits, Node};
use serde_json::json;

const NODE: &str = r#"
def get_node():
    return {"name": "spin", "friendly_name": "Spin", "description": "loops on demand",
            "category": "Test", "pins": []}

def f(x):
    return x + 1

def run(context):
    mode = context["inputs"].get("mode")
    if mode == "pass":
        while True:
            pass
    if mode == "call":
        n = 0
        while True:
            n = f(n)
    if mode == "count":
        n = 0
        for i in range(context["inputs"]["n"]):
            n = f(n)
        return {"outputs": {"n": n}, "error": None}
    return {"outputs": {"ok": True}, "error": None}
"#;

fn wasm() -> Vec<u8> {
    pack(RUNTIME_WASM, NODE, "node.py").unwrap()
}

fn load(limits: Limits) -> Node {
    Node::load_with_limits(&Engine::new(), &wasm(), limits).unwrap()
}

fn assert_works(node: &mut Node) {
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.error(), None);
    assert_eq!(report.result.outputs["ok"], true);
}

#[test]
fn the_deadline_stops_while_true_pass() {
    let mut node = load(Limits::default().with_timeout(Some(Duration::from_millis(200))));
    let report = node.run(json!({"mode": "pass"})).unwrap();
    assert_eq!(report.failure, Some(Failure::Deadline { export: "run", timeout_ms: 200 }));
    assert!(report.error().unwrap().contains("deadline of 200 ms"), "{:?}", report.error());
    assert!(report.duration >= Duration::from_millis(200));
    assert_works(&mut node);
}

#[test]
fn the_deadline_stops_a_loop_that_calls_python_functions() {
    let mut node = load(Limits::default().with_timeout(Some(Duration::from_millis(200))));
    let report = node.run(json!({"mode": "call"})).unwrap();
    assert_eq!(report.failure, Some(Failure::Deadline { export: "run", timeout_ms: 200 }));
    assert_works(&mut node);
}

#[test]
fn fuel_runs_out_in_python_and_the_next_run_works() {
    let mut node = load(Limits::default().with_fuel(20_000_000));
    for mode in ["pass", "call"] {
        let report = node.run(json!({"mode": mode})).unwrap();
        assert_eq!(report.failure, Some(Failure::OutOfFuel { export: "run", limit: 20_000_000 }), "{mode}");
        assert!(report.error().unwrap().contains("out of fuel"));
        assert!(report.fuel_consumed > 19_000_000 && report.fuel_consumed <= 20_000_000);
        assert_works(&mut node);
    }
}

#[test]
fn fuel_per_run_is_reported_and_grows_with_the_work() {
    let mut node = load(Limits::default());
    let fuel = |node: &mut Node, n: u32| {
        let report = node.run(json!({"mode": "count", "n": n})).unwrap();
        assert_eq!(report.result.outputs["n"], n);
        report.fuel_consumed
    };
    let (small, big) = (fuel(&mut node, 100), fuel(&mut node, 10_100));
    // Each call of f costs the same: 10 000 more calls cost about 100 times
    // what 100 calls and the run around them cost.
    assert!(big > small * 20, "{small} {big}");
}

#[test]
fn the_runtime_heap_counts_against_the_memory_limit() {
    // The default heap (1 MiB) does not fit in 512 KiB: the load fails in
    // `_initialize`, where the runtime grows memory for its heap.
    let error = Node::load_with_limits(&Engine::new(), &wasm(), Limits::default().with_memory(512 << 10)).unwrap_err();
    match &error {
        Error::Guest(Failure::MemoryLimit { export: "_initialize", limit, requested }) => {
            assert_eq!(*limit, 512 << 10);
            assert!(*requested > 1 << 20, "{requested}");
        }
        other => panic!("{other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("memory limit of 524288 bytes"), "{message}");

    // A 32 MiB heap does not fit the default 16 MiB limit; 8 MiB does.
    let big = |heap: u32| {
        let options = PackOptions { heap_size: Some(heap), ..Default::default() };
        pack_with(RUNTIME_WASM, NODE, "node.py", &options).unwrap()
    };
    let error = Node::load(&Engine::new(), &big(32 << 20)).unwrap_err();
    assert!(error.to_string().contains("memory limit of 16777216 bytes"), "{error}");
    let mut node = Node::load(&Engine::new(), &big(8 << 20)).unwrap();
    assert_works(&mut node);
    assert!(node.memory_pages().unwrap() * 65536 > 8 << 20);
}

#[test]
fn pages_are_reported_per_run() {
    let mut node = load(Limits::default());
    let pages = node.memory_pages().unwrap();
    assert!(pages > 16 && pages <= 256, "{pages}");
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.memory_pages, pages);
}

#[test]
fn the_seed_node_runs_in_4_pages_with_a_small_heap() {
    // Issue 3 item 4: 4 wasm pages (256 KiB) of linear memory, enforced by
    // the memory limit, for the seed node packed with a 64 KiB heap.
    let source = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/uppercase.py")).unwrap();
    let options = PackOptions { heap_size: Some(64 << 10), ..Default::default() };
    let wasm = pack_with(RUNTIME_WASM, &source, "uppercase.py", &options).unwrap();
    let limits = Limits::default().with_memory(4 * 65536);
    let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap();
    for _ in 0..200 {
        let report = node.run(json!({"input": "hello"})).unwrap();
        assert_eq!(report.error(), None);
        assert_eq!(report.result.outputs["output"], "HELLO");
        assert!(report.memory_pages <= 4, "{}", report.memory_pages);
    }
}
