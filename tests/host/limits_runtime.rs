//! Limits on the real runtime (MicroPython + shim): the deadline stops
//! Python loops (plain, and calling Python functions, each of which
//! re-enters the guest through `env.invoke_vii`), fuel runs out in Python,
//! the memory limit applies to the heap, which grows on demand (issue 13),
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
    if mode == "alloc":
        return {"outputs": {"n": len(bytearray(context["inputs"]["n"]))}, "error": None}
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

/// A run that allocates `n` bytes at once.
fn alloc(node: &mut Node, n: u32) -> mpnode_host::RunReport {
    node.run(json!({"mode": "alloc", "n": n})).unwrap()
}

/// Issue 13: the heap grows on demand, up to the memory limit, so the
/// limit no longer decides whether the node loads but how much a run may
/// allocate: 512 KiB runs the node, and a run that allocates 1 MiB fails
/// with the MemoryError naming the limit. `PackOptions::heap_size` caps the
/// heap below the limit, with its own MemoryError. A limit the runtime
/// cannot start in is still a load error in `_initialize`.
#[test]
fn the_runtime_heap_counts_against_the_memory_limit() {
    let mut node = load(Limits::default().with_memory(512 << 10));
    assert_works(&mut node);
    let report = alloc(&mut node, 1 << 20);
    let error = report.error().unwrap();
    assert!(error.contains("MemoryError: the node's memory limit of 512 KiB is reached"), "{error}");
    assert!(report.memory_pages <= 8, "{}", report.memory_pages);
    assert_works(&mut node);
    // Under the default 16 MiB the same run works: the heap grew for it.
    let mut node = load(Limits::default());
    let report = alloc(&mut node, 1 << 20);
    assert_eq!(report.error(), None);
    assert_eq!(report.result.outputs["n"], 1 << 20);
    assert!(report.memory_pages * 65536 > 1 << 20, "{}", report.memory_pages);

    // A 256 KiB heap cap: the same run fails under the default limit, with
    // the cap's MemoryError; 100 KiB fits.
    let options = PackOptions { heap_size: Some(256 << 10), ..Default::default() };
    let capped = pack_with(RUNTIME_WASM, NODE, "node.py", &options).unwrap();
    let mut node = Node::load(&Engine::new(), &capped).unwrap();
    let error = alloc(&mut node, 1 << 20).error().unwrap().to_string();
    assert!(error.contains("MemoryError") && error.contains("heap cap"), "{error}");
    assert_eq!(alloc(&mut node, 100 << 10).result.outputs["n"], 100 << 10);

    let error = Node::load_with_limits(&Engine::new(), &wasm(), Limits::default().with_memory(128 << 10)).unwrap_err();
    match &error {
        Error::Guest(Failure::MemoryLimit { export: "_initialize", limit, .. }) => assert_eq!(*limit, 128 << 10),
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("memory limit of 131072 bytes"), "{error}");
}

/// The heap starts small (issue 13: a few pages at rest) and the report of
/// each run gives the pages after it: they grow with what a run allocates
/// and never shrink.
#[test]
fn pages_are_reported_per_run() {
    let mut node = load(Limits::default());
    let pages = node.memory_pages().unwrap();
    assert!((2..=8).contains(&pages), "{pages}");
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.memory_pages, pages);
    let report = alloc(&mut node, 2 << 20);
    assert_eq!(report.error(), None);
    assert!(report.memory_pages > 32, "{}", report.memory_pages);
    assert_eq!(node.memory_pages().unwrap(), report.memory_pages);
    let grown = report.memory_pages;
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.memory_pages, grown);
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
