//! A warm instance must cost the same per run however many runs came before
//! (patch 0008: explicit frees used to move the allocator's scan start back,
//! so each run scanned all garbage since the last collection).

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Node};
use serde_json::json;

#[test]
fn fuel_per_warm_run_does_not_grow_between_collections() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/uppercase.py")).unwrap();
    let wasm = pack(RUNTIME_WASM, &src, "uppercase.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let mut fuel = Vec::new();
    for _ in 0..300 {
        let report = node.run(json!({"input": "hello"})).unwrap();
        assert_eq!(report.result.outputs["output"], json!("HELLO"));
        fuel.push(report.fuel_consumed);
    }
    // Fuel is deterministic; the default 1 MiB heap does not collect within
    // 300 runs of this node, so run 300 must cost what run 5 cost.
    let (early, late) = (fuel[4], fuel[299]);
    assert!(late < early + early / 10, "run 5 took {early} fuel, run 300 took {late}: cost grows with garbage");
}
