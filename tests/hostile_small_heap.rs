//! The example nodes on a tiny heap: every example (examples/*.py with its
//! inputs in examples/*.json) runs many times on one instance with a 16 KiB
//! GC heap (48 KiB for SDK-style nodes, which import the SDK module), so
//! that the collector runs over and over between and inside runs, and every
//! run must give exactly what the same example gives on the default heap
//! (outputs, error, exec pins, logs, stream).
//!
//! This is the part of the "GC torture" that needs no special
//! build: collections happen at the port's safe points as usual, only far
//! more often. (Forcing a collection at *every* allocation needs a build
//! flag of the runtime, which does not exist yet.)

use std::path::{Path, PathBuf};

use mpnode::pack::{pack_with, PackOptions};
use mpnode::runtime::RUNTIME_WASM;
use mpnode::{Engine, Limits, Node, RunReport};
use serde_json::Value;

/// The tiny heap.
const SMALL_HEAP: u32 = 16 << 10;

/// The tiny heap for SDK-style nodes: the `sdk` module itself takes most
/// of 32 KiB (see sdk_node_whose_heap_cannot_take_its_input_says_so).
const SMALL_SDK_HEAP: u32 = 48 << 10;

fn is_sdk_style(path: &Path) -> bool {
    std::fs::read_to_string(path).unwrap().contains("sdk import")
}

/// Runs per example on the tiny heap.
const RUNS: usize = 25;

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

fn load(path: &Path, heap: Option<u32>) -> Node {
    let source = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let wasm = pack_with(RUNTIME_WASM, &source, name, &PackOptions { heap_size: heap })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    Node::load_with_limits(&Engine::new(), &wasm, Limits::restrictive()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What a run produced, without the parts that differ from run to run
/// (time, fuel).
fn observable(report: &RunReport) -> String {
    let logs: Vec<String> = report.logs.iter().map(|l| format!("{:?} {}", l.level, l.message)).collect();
    format!("{}\nlogs: {logs:?}\nstream: {:?}", report.result.to_json(), report.stream)
}

#[test]
fn examples_on_a_tiny_heap_match_the_default_heap() {
    let examples = examples();
    assert!(examples.len() >= 3, "found only {} examples with inputs", examples.len());
    for (path, inputs) in examples {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut normal = load(&path, None);
        let expected = observable(&normal.run(inputs.clone()).unwrap());
        let heap = if is_sdk_style(&path) { SMALL_SDK_HEAP } else { SMALL_HEAP };
        let mut small = load(&path, Some(heap));
        for i in 0..RUNS {
            let report = small.run(inputs.clone()).unwrap();
            let got = observable(&report);
            assert_eq!(got, expected, "{name}, run {i} on a {heap}-byte heap differs from the default heap");
        }
    }
}

fn progress_on_32_kib() -> (Node, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/progress.py");
    let inputs = serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap()).unwrap();
    (load(&path, Some(32 << 10)), inputs)
}

#[test]
fn sdk_node_whose_heap_cannot_take_its_input_fails_cleanly() {
    let (mut node, inputs) = progress_on_32_kib();
    for _ in 0..3 {
        let report = node.run(inputs.clone()).unwrap();
        assert!(report.result.error.is_some());
        assert!(report.result.outputs.is_empty());
    }
}

/// BUG (host): the SDK-style example progress.py on a 32 KiB heap: after
/// `sdk` is imported the heap has no room for the run envelope, the guest's
/// `alloc` returns 0, and the host writes the envelope at address 0 anyway
/// and calls `run(0, len)` (src/node.rs, `run_sequence`; see
/// hostile_nodes.rs, an_input_that_no_longer_fits_the_heap_is_a_clear_error).
/// The error reads "`run` returned invalid JSON: EOF while parsing a value"
/// instead of saying that the heap is too small for the input.
#[test]
fn sdk_node_whose_heap_cannot_take_its_input_says_so() {
    let (mut node, inputs) = progress_on_32_kib();
    let report = node.run(inputs).unwrap();
    let err = report.result.error.unwrap_or_default();
    assert!(err.contains("alloc") || err.contains("heap"), "{err}");
    assert!(!err.contains("invalid JSON"), "{err}");
}
