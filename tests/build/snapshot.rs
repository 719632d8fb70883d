//! Build-time snapshots (`mpnode_build::snapshot`): a snapshotted module must
//! behave exactly like the module it came from, load under Flow-Like's
//! contract, be deterministic, and start without interpreter start-up work.

use std::path::Path;

use mpnode_build::pack::{collect_files, pack_files, pack_with, PackOptions};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_build::snapshot::{snapshot, SnapshotError};
use mpnode_host::{Engine, Limits, Node, RunReport};
use serde_json::{json, Value};

fn repo(file: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

fn packed(file: &str, options: &PackOptions) -> Vec<u8> {
    let files = collect_files(&repo(file)).unwrap();
    pack_files(RUNTIME_WASM, &files, options).unwrap()
}

fn snap(wasm: &[u8]) -> Vec<u8> {
    snapshot(&Engine::new(), wasm, &Limits::default()).unwrap().wasm
}

/// What a run produced, minus what legitimately differs between runs (time,
/// fuel).
fn observable(r: &RunReport) -> Value {
    json!({
        "result": r.result.to_json(),
        "failure": r.failure.as_ref().map(|f| f.to_string()),
        "logs": r.logs.iter().map(|l| (l.level.as_str(), l.message.clone(), l.data.clone())).collect::<Vec<_>>(),
        "stream": r.stream.iter().map(|s| serde_json::to_value(s).unwrap()).collect::<Vec<_>>(),
        "warnings": r.warnings,
    })
}

/// Runs `inputs` three times (warm instance) and once more on a fresh
/// instance, returning everything observable plus the definitions.
fn behaviour(wasm: &[u8], inputs: &Value) -> Value {
    let mut node = Node::load(&Engine::new(), wasm).unwrap();
    let defs = node.definitions().map_err(|e| e.to_string());
    let mut runs: Vec<Value> = (0..3).map(|_| observable(&node.run(inputs.clone()).unwrap())).collect();
    node.set_fresh_instance_per_run(true);
    runs.push(observable(&node.run(inputs.clone()).unwrap()));
    json!({ "definitions": format!("{defs:?}"), "runs": runs })
}

#[test]
fn every_example_behaves_the_same_from_a_snapshot() {
    for (path, inputs) in crate::support::examples() {
        let name = format!("examples/{}", path.file_name().unwrap().to_str().unwrap());
        let plain = packed(&name, &PackOptions::default());
        let snapped = snap(&plain);
        assert_eq!(behaviour(&snapped, &inputs), behaviour(&plain, &inputs), "{name}");
    }
}

#[test]
fn test_nodes_behave_the_same_from_a_snapshot() {
    let cases = [
        ("tests/nodes/raises.py", json!({"n": 4})),
        ("tests/nodes/raises.py", json!({"n": -1})),
        ("tests/nodes/echo_types.py", json!({"value": {"a": [1, 2.5, "é", null, true, 12345678901234567890u64]}})),
        ("tests/nodes/case_map.py", json!({"text": "straße Ωμέγα ǅ"})),
    ];
    for (file, inputs) in cases {
        let plain = packed(file, &PackOptions::default());
        assert_eq!(behaviour(&snap(&plain), &inputs), behaviour(&plain, &inputs), "{file} {inputs}");
    }
}

/// The GC proof (tests/runtime.rs) again, starting from a snapshot on a
/// small heap: the heap the snapshot froze must keep working.
#[test]
fn gc_torture_from_a_snapshot_matches_cpython() {
    let options = PackOptions { heap_size: Some(64 * 1024), ..Default::default() };
    let wasm = snap(&packed("tests/nodes/gc_torture.py", &options));
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let inputs = json!({"rounds": 40});
    let expected = crate::support::cpython_outputs("tests/nodes/gc_torture.py", &inputs);
    for _ in 0..3 {
        let report = node.run(inputs.clone()).unwrap();
        assert_eq!(report.result.error, None);
        assert_eq!(Value::Object(report.result.outputs), expected);
    }
}

#[test]
fn snapshots_are_deterministic() {
    let plain = packed("examples/sdk_fstrings.py", &PackOptions::default());
    let a = snap(&plain);
    let b = snap(&plain);
    assert!(a == b, "two snapshots of the same module differ");
    assert_ne!(a, plain);
}

#[test]
fn module_level_state_is_taken_at_build_time_and_random_is_reseeded() {
    let src = "import random\nSTARTED = [random.getrandbits(30) for _ in range(3)]\nCOUNT = 0\n\
               def get_node():\n    return {'name': 'state', 'friendly_name': 'State', 'description': 'd', 'category': 'Test', 'pins': []}\n\
               def run(context):\n    global COUNT\n    COUNT += 1\n    return {'outputs': {'started': STARTED, 'count': COUNT, 'now': random.getrandbits(30)}, 'error': None}\n";
    let wasm = snap(&pack_with(RUNTIME_WASM, src, "node.py", &PackOptions::default()).unwrap());
    let engine = Engine::new();
    let mut a = Node::load(&engine, &wasm).unwrap();
    let mut b = Node::load(&engine, &wasm).unwrap();
    let ra = a.run(json!({})).unwrap().result.outputs;
    let rb = b.run(json!({})).unwrap().result.outputs;
    // Module-level code ran once, at build time: both instances start from it.
    assert_eq!(ra["started"], rb["started"]);
    assert_eq!(ra["count"], json!(1));
    assert_eq!(a.run(json!({})).unwrap().result.outputs["count"], json!(2), "warm instance keeps globals");
    // At run time random is seeded from the host per instance, not frozen.
    assert_ne!(ra["now"], rb["now"], "both instances drew the same random number");
}

#[test]
fn an_import_error_is_kept_and_reported_by_every_call() {
    let src = "def get_node():\n    return {}\n\ndef helper():\n    raise RuntimeError('broken at import')\n\nhelper()\n";
    let wasm = snap(&pack_with(RUNTIME_WASM, src, "node.py", &PackOptions::default()).unwrap());
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    for _ in 0..2 {
        let report = node.run(json!({})).unwrap();
        let error = report.result.error.unwrap();
        assert!(error.contains("broken at import"), "{error}");
        assert!(error.contains("node.py\", line 5"), "{error}");
    }
}

#[test]
fn a_snapshot_needs_no_start_up_work() {
    let plain = packed("examples/uppercase.py", &PackOptions::default());
    let snapped = snap(&plain);
    let fuel_to_start = |wasm: &[u8]| {
        let node = Node::load(&Engine::new(), wasm).unwrap();
        node.start_fuel()
    };
    let (cold, warm) = (fuel_to_start(&plain), fuel_to_start(&snapped));
    assert!(warm * 20 < cold, "snapshot start-up used {warm} fuel, plain {cold}");
}

#[test]
fn the_seed_node_runs_in_four_pages_from_a_snapshot() {
    let options = PackOptions { heap_size: Some(64 * 1024), ..Default::default() };
    let wasm = snap(&packed("examples/uppercase.py", &options));
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({"input": "héllo"})).unwrap();
    assert_eq!(report.result.outputs["output"], json!("HÉLLO"));
    assert!(report.memory_pages <= 4, "{} pages", report.memory_pages);
}

#[test]
fn a_failing_start_is_a_typed_error() {
    let src = "def get_node():\n    return {}\nwhile True:\n    pass\n";
    let wasm = pack_with(RUNTIME_WASM, src, "node.py", &PackOptions::default()).unwrap();
    let limits = Limits::default().with_fuel(50_000_000);
    match snapshot(&Engine::new(), &wasm, &limits) {
        Err(SnapshotError::Initialize(e)) => assert!(e.to_string().contains("out of fuel"), "{e}"),
        other => panic!("expected an initialization error, got {:?}", other.map(|s| s.wasm.len())),
    }
    assert!(matches!(snapshot(&Engine::new(), b"not wasm", &Limits::default()), Err(SnapshotError::InvalidWasm(_))));
    // Modules whose memory the snapshot cannot carry over are refused
    // before anything runs, with the way out in the message.
    for (wat, what) in [
        (r#"(module (import "env" "memory" (memory 1)))"#, "imports its memory"),
        (r#"(module (memory 1) (data "passive"))"#, "passive data"),
        ("(module)", "0 memories"),
    ] {
        match snapshot(&Engine::new(), &wat::parse_str(wat).unwrap(), &Limits::default()) {
            Err(e @ SnapshotError::Unsupported(_)) => {
                let text = e.to_string();
                assert!(text.contains(what) && text.contains("--no-snapshot"), "{wat}: {text}");
            }
            other => panic!("{wat}: expected Unsupported, got {:?}", other.map(|s| s.wasm.len())),
        }
    }
}

/// What module-level code allocated and dropped is not stored: the guest
/// collects and zeroes the free heap before the snapshot is taken (config
/// flag FLAG_SNAPSHOT), and what is still referenced is kept.
#[test]
fn garbage_from_the_import_is_not_stored() {
    let src = "_junk = ''.join(['mpnode-garbage-%d;' % i for i in range(2000)])\n\
               KEPT = '-'.join(['mpnode-kept-%d' % i for i in range(3)])\n\
               del _junk\n\
               def get_node():\n    return {'name': 'g', 'friendly_name': 'G', 'description': 'd', 'category': 'Test', 'pins': []}\n\
               def run(context):\n    return {'outputs': {'kept': KEPT}, 'error': None}\n";
    let plain = pack_with(RUNTIME_WASM, src, "node.py", &PackOptions::default()).unwrap();
    let wasm = snap(&plain);
    let has = |needle: &[u8]| wasm.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"mpnode-kept-0-mpnode-kept-1-mpnode-kept-2"), "a live object is missing from the snapshot");
    assert!(!has(b"mpnode-garbage-1999;"), "a dropped object is stored in the snapshot");
    assert!(wasm.len() < plain.len() + 24 * 1024, "snapshot {} bytes, plain {}", wasm.len(), plain.len());
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    assert_eq!(node.run(json!({})).unwrap().result.outputs["kept"], json!("mpnode-kept-0-mpnode-kept-1-mpnode-kept-2"));
}
