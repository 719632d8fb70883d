//! Limits with hand-written modules: memory (initial size and growth),
//! the wall-clock deadline (in plain wasm and across nested
//! `env.invoke_vii` re-entries), fuel slices, and the error each one puts in
//! the run result. Every failure is followed by a run that works.

use std::time::Duration;

use crate::support::wat::*;
use mpnode_host::{Engine, Error, Failure, Limits, Node};
use serde_json::json;

const PAGE: usize = 65536;

/// A node whose `run` grows memory by `pages` when the input is longer
/// than 600 bytes, and then traps if `memory.grow` returned -1 (as the runtime's
/// `_initialize` does) unless `carry_on`.
fn growing_module(pages: u32, carry_on: bool) -> Vec<u8> {
    let on_failure = if carry_on { "(drop (i32.const 0))" } else { "(unreachable)" };
    node_module(
        "",
        &format!(
            "(if (i32.gt_u (local.get $len) (i32.const 600))
               (then (if (i32.eq (memory.grow (i32.const {pages})) (i32.const -1))
                       (then {on_failure}))))
             {}",
            packed(RESULT_AT, RESULT.len())
        ),
        "",
    )
}

#[test]
fn growing_past_the_memory_limit_is_a_memory_limit_error_and_the_next_run_works() {
    let limits = Limits::default().with_memory(4 * PAGE);
    let mut node = Node::load_with_limits(&Engine::new(), &growing_module(8, false), limits).unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert_eq!(report.failure, Some(Failure::MemoryLimit { export: "run", limit: 4 * PAGE, requested: 9 * PAGE }));
    let error = report.error().unwrap();
    assert!(error.contains("memory limit of 262144 bytes"), "{error}");
    assert!(error.contains("589824 bytes"), "{error}");
    assert!(node.is_poisoned());

    let report = node.run(json!({"input": "small"})).unwrap();
    assert!(report.is_ok(), "{:?}", report.error());
    assert_eq!(report.memory_pages, 1);
}

#[test]
fn growing_within_the_memory_limit_works_and_is_reported_in_pages() {
    let limits = Limits::default().with_memory(9 * PAGE);
    let mut node = Node::load_with_limits(&Engine::new(), &growing_module(8, false), limits).unwrap();
    assert_eq!(node.memory_pages(), Some(1));
    let report = node.run(big_inputs()).unwrap();
    assert!(report.is_ok(), "{:?}", report.error());
    assert_eq!(report.memory_pages, 9);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_refused_growth_the_node_survives_is_a_warning_not_an_error() {
    // memory.grow returns -1, as the spec and Flow-Like's host do; a node
    // that handles it keeps its result, and the report says what happened.
    let limits = Limits::default().with_memory(2 * PAGE);
    let mut node = Node::load_with_limits(&Engine::new(), &growing_module(8, true), limits).unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert!(report.is_ok(), "{:?}", report.error());
    assert_eq!(report.memory_pages, 1);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("memory limit of 131072 bytes"), "{:?}", report.warnings);
    // The warning belongs to that run only.
    let report = node.run(json!({})).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_module_whose_initial_memory_is_over_the_limit_does_not_load() {
    let wasm = wasm(&format!(
        r#"(module
  (memory (export "memory") 300)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "get_node") (result i64) {p})
  (func (export "run") (param i32 i32) (result i64) {p}))"#,
        p = packed(0, 2)
    ));
    let error = Node::load(&Engine::new(), &wasm).unwrap_err();
    match &error {
        Error::Guest(Failure::MemoryLimit { export: "instantiate", limit, requested }) => {
            assert_eq!(*limit, 16 << 20);
            assert_eq!(*requested, 300 * PAGE);
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("memory limit of 16777216 bytes"), "{error}");
    // Flow-Like's default preset (256 MiB) takes it.
    Node::load_with_limits(&Engine::new(), &wasm, Limits::flow_like_default()).unwrap();
}

/// A module with the Emscripten exports `env.invoke_vii` needs. Table:
/// 1 `$spin` (endless loop), 2 `$nest` (invoke_vii(2 or 1, a - 1): recurses
/// `a` levels deep, then spins), 3 `$count` (adds 1 to `$n` per call,
/// `a` calls through nested `invoke_vii`, then returns).
fn sjlj_module(run_body: &str) -> Vec<u8> {
    node_module(
        r#"(import "env" "invoke_vii" (func $invoke_vii (param i32 i32 i32)))"#,
        &format!("{run_body} {}", packed(RESULT_AT, RESULT.len())),
        r#"
  (table (export "__indirect_function_table") 4 funcref)
  (elem (i32.const 1) $spin $nest $count)
  (global $sp (mut i32) (i32.const 60000))
  (global $n (mut i32) (i32.const 0))
  (func (export "emscripten_stack_get_current") (result i32) (global.get $sp))
  (func (export "_emscripten_stack_restore") (param i32) (global.set $sp (local.get 0)))
  (func (export "setThrew") (param i32 i32))
  (func $spin (param i32 i32) (loop $l (br $l)))
  (func $nest (param $a i32) (param i32)
    (if (i32.eqz (local.get $a))
      (then (call $invoke_vii (i32.const 1) (i32.const 0) (i32.const 0)))
      (else (call $invoke_vii (i32.const 2) (i32.sub (local.get $a) (i32.const 1)) (i32.const 0)))))
  (func $count (param $a i32) (param i32)
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (if (i32.gt_u (local.get $a) (i32.const 0))
      (then (call $invoke_vii (i32.const 3) (i32.sub (local.get $a) (i32.const 1)) (i32.const 0)))))
"#,
    )
}

/// `run` spins (directly or through invoke_vii) when the input is big.
fn on_big_input(body: &str) -> String {
    format!("(if (i32.gt_u (local.get $len) (i32.const 600)) (then {body}))")
}

fn assert_deadline(limits: Limits, run_body: &str) {
    let timeout = limits.timeout.unwrap();
    let mut node = Node::load_with_limits(&Engine::new(), &sjlj_module(&on_big_input(run_body)), limits).unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert_eq!(report.failure, Some(Failure::Deadline { export: "run", timeout_ms: timeout.as_millis() as u64 }));
    let error = report.error().unwrap();
    assert!(error.contains(&format!("deadline of {} ms", timeout.as_millis())), "{error}");
    assert!(report.duration >= timeout, "{:?}", report.duration);
    assert!(report.fuel_consumed > 0);
    let report = node.run(json!({})).unwrap();
    assert!(report.is_ok(), "{:?}", report.error());
}

#[test]
fn the_deadline_stops_an_endless_loop() {
    assert_deadline(Limits::default().with_timeout(Some(Duration::from_millis(150))), "(loop $l (br $l))");
}

#[test]
fn the_deadline_stops_an_endless_loop_inside_nested_invoke_vii_calls() {
    // 50 host → guest re-entries, then a loop at the innermost level.
    assert_deadline(
        Limits::default().with_timeout(Some(Duration::from_millis(150))),
        "(call $invoke_vii (i32.const 2) (i32.const 50) (i32.const 0))",
    );
}

#[test]
fn the_deadline_stops_a_loop_of_invoke_vii_calls() {
    // Each call is short; the loop around them runs forever.
    assert_deadline(
        Limits::default().with_timeout(Some(Duration::from_millis(150))).with_fuel_slice(10_000),
        "(loop $l (call $invoke_vii (i32.const 3) (i32.const 3) (i32.const 0)) (br $l))",
    );
}

#[test]
fn fuel_runs_out_inside_nested_invoke_vii_calls() {
    let limits = Limits::default().with_fuel(3_000_000).with_fuel_slice(50_000);
    let mut node = Node::load_with_limits(
        &Engine::new(),
        &sjlj_module(&on_big_input("(call $invoke_vii (i32.const 2) (i32.const 20) (i32.const 0))")),
        limits,
    )
    .unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert_eq!(report.failure, Some(Failure::OutOfFuel { export: "run", limit: 3_000_000 }));
    assert!(report.error().unwrap().contains("out of fuel"));
    // All of the budget went, but no more.
    assert!((2_900_000..=3_000_000).contains(&report.fuel_consumed), "{}", report.fuel_consumed);
    assert!(node.run(json!({})).unwrap().is_ok());
}

#[test]
fn the_fuel_used_does_not_depend_on_the_slice_size() {
    // 2000 nested calls: many slices with a small slice, one with a big one.
    let module = sjlj_module("(call $invoke_vii (i32.const 3) (i32.const 2000) (i32.const 0))");
    let fuel = |slice: u64| {
        let limits = Limits::default().with_fuel_slice(slice);
        let mut node = Node::load_with_limits(&Engine::new(), &module, limits).unwrap();
        let report = node.run(json!({})).unwrap();
        assert!(report.is_ok(), "slice {slice}: {:?}", report.error());
        report.fuel_consumed
    };
    let whole = fuel(1 << 40);
    assert!(whole > 20_000, "{whole}");
    for slice in [1, 7, 1000] {
        assert_eq!(fuel(slice), whole, "slice {slice}");
    }
}

#[test]
fn an_exact_budget_is_enough_and_one_less_is_not() {
    let module = sjlj_module("(call $invoke_vii (i32.const 3) (i32.const 100) (i32.const 0))");
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let need = node.run(json!({})).unwrap().fuel_consumed;
    for (fuel, ok) in [(need, true), (need - 1, false)] {
        let limits = Limits::default().with_fuel(fuel).with_fuel_slice(97);
        node.set_limits(limits);
        let report = node.run(json!({})).unwrap();
        assert_eq!(report.is_ok(), ok, "fuel {fuel}: {:?}", report.error());
        if ok {
            assert_eq!(report.fuel_consumed, need);
        }
    }
}

#[test]
fn a_definition_query_has_a_deadline_too() {
    let module = wasm_with_spinning_get_node();
    let limits = Limits::default().with_timeout(Some(Duration::from_millis(100)));
    let mut node = Node::load_with_limits(&Engine::new(), &module, limits).unwrap();
    let error = node.definition().unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::Deadline { export: "get_node", timeout_ms: 100 })), "{error:?}");
}

/// A node whose `get_node` loops forever.
fn wasm_with_spinning_get_node() -> Vec<u8> {
    wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "get_node") (result i64) (loop $l (br $l)) {p})
  (func (export "run") (param i32 i32) (result i64) {p}))"#,
        p = packed(0, 2)
    ))
}

#[test]
fn initialization_has_limits_too() {
    // `_initialize` that loops forever: the load fails at the deadline.
    let wasm = wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "_initialize") (loop $l (br $l)))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "get_node") (result i64) {p})
  (func (export "run") (param i32 i32) (result i64) {p}))"#,
        p = packed(0, 2)
    ));
    let limits = Limits::default().with_timeout(Some(Duration::from_millis(100)));
    let error = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::Deadline { export: "_initialize", .. })), "{error:?}");
    let limits = Limits::default().with_timeout(None).with_fuel(1_000_000);
    let error = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::OutOfFuel { export: "_initialize", .. })), "{error:?}");
}

#[test]
fn presets() {
    let default = Limits::default();
    assert_eq!(default.memory, 16 << 20);
    assert_eq!(default.timeout, Some(Duration::from_secs(10)));
    assert!(default.fuel >= 10_000_000_000);
    let restrictive = Limits::restrictive();
    assert_eq!((restrictive.memory, restrictive.timeout), (16 << 20, Some(Duration::from_secs(10))));
    assert_eq!(restrictive.fuel, 1_000_000_000);
    let flow_like = Limits::flow_like_default();
    assert_eq!(flow_like.memory, 256 << 20);
    assert_eq!(flow_like.timeout, Some(Duration::from_secs(120)));
    assert_eq!(flow_like.fuel, 100_000_000_000);
}

/// How much fuel wasmi burns per second on a plain wasm loop (run with
/// `--ignored --nocapture`): what a fuel budget means in time.
#[test]
#[ignore]
fn fuel_rate_of_a_plain_loop() {
    let module = node_module(
        "",
        &format!(
            "(local $i i32)
             (loop $l
               (local.set $i (i32.add (local.get $i) (i32.const 1)))
               (br_if $l (i32.lt_u (local.get $i) (i32.const 100000000))))
             {}",
            packed(RESULT_AT, RESULT.len())
        ),
        "",
    );
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert!(report.is_ok());
    eprintln!(
        "1e8 iterations: fuel {}, {:?}, {:.2e} fuel/s",
        report.fuel_consumed,
        report.duration,
        report.fuel_consumed as f64 / report.duration.as_secs_f64()
    );
}
