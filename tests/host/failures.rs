//! Failures never panic and never lose the node: the run's result carries
//! the error, the instance is rebuilt for the next run.

use crate::support::wat::*;
use mpnode_host::{Engine, Error, Failure, Limits, Node};
use serde_json::json;

/// A node that counts its runs in a global (output `r`) and misbehaves with
/// `bad` when the envelope is longer than 600 bytes.
fn counting_module(imports: &str, bad: &str, extra: &str) -> Vec<u8> {
    let (result, slot) = digit_result(1);
    node_module_with(
        imports,
        &format!(
            "(if (i32.gt_u (local.get $len) (i32.const 600)) (then {bad}))
             (global.set $runs (i32.add (global.get $runs) (i32.const 1)))
             {}
             {}",
            put_digit(slot, "(global.get $runs)"),
            packed(RESULT_AT, result.len())
        ),
        &format!("(global $runs (mut i32) (i32.const 0)) {extra}"),
        &result,
    )
}

/// Runs `bad` once and checks the failure report, then checks that the
/// next run works on a fresh instance.
fn fails_then_recovers(module: &[u8], limits: Limits) -> mpnode_host::RunReport {
    let mut node = Node::load_with_limits(&Engine::new(), module, limits).unwrap();
    let ok = node.run(json!({})).unwrap();
    assert!(ok.is_ok(), "{ok:?}");
    assert_eq!(output_r(&ok.result.to_json()), "1");
    let ok = node.run(json!({})).unwrap();
    assert_eq!(output_r(&ok.result.to_json()), "2");

    let failed = node.run(big_inputs()).unwrap();
    assert!(!failed.is_ok());
    assert!(failed.failure.is_some());
    assert_eq!(failed.error(), Some(failed.failure.as_ref().unwrap().to_string().as_str()));
    assert!(failed.result.outputs.is_empty());
    assert!(failed.result.activate_exec.is_empty());
    assert!(node.is_poisoned());

    let again = node.run(json!({})).unwrap();
    assert!(again.is_ok(), "{again:?}");
    // A fresh instance: the run counter starts over.
    assert_eq!(output_r(&again.result.to_json()), "1");
    assert!(!node.is_poisoned());
    failed
}

#[test]
fn a_trap_fails_the_run_and_the_next_run_works() {
    let module = counting_module("", "unreachable", "");
    let report = fails_then_recovers(&module, Limits::default());
    let error = report.error().unwrap();
    assert!(error.starts_with("node trapped in `run`"), "{error}");
    assert!(
        matches!(report.failure, Some(Failure::Trap { export: "run", code: Some(wasmi::TrapCode::UnreachableCodeReached), .. })),
        "{:?}",
        report.failure
    );
}

#[test]
fn a_memory_fault_fails_the_run() {
    let module = counting_module("", "(drop (i32.load (i32.const 70000)))", "");
    let report = fails_then_recovers(&module, Limits::default());
    assert!(report.error().unwrap().contains("node trapped in `run`"));
}

#[test]
fn running_out_of_fuel_fails_the_run_and_the_next_run_works() {
    let module = counting_module("", "(loop $forever (br $forever))", "");
    let report = fails_then_recovers(&module, Limits::default().with_fuel(1_000_000));
    assert!(matches!(report.failure, Some(Failure::OutOfFuel { export: "run", limit: 1_000_000 })), "{:?}", report.failure);
    assert!(report.error().unwrap().contains("ran out of fuel"));
    assert!(report.fuel_consumed >= 999_000, "{}", report.fuel_consumed);
}

#[test]
fn proc_exit_stops_the_node_with_a_clear_error() {
    let module = counting_module(
        r#"(import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))"#,
        "(call $exit (i32.const 3)) (global.set $runs (i32.const 7))",
        "",
    );
    let report = fails_then_recovers(&module, Limits::default());
    assert!(report.error().unwrap().contains("node called proc_exit(3)"));
    assert_eq!(report.failure, Some(Failure::ProcExit { export: "run", code: 3 }));
}

#[test]
fn a_negative_result_is_an_error_code_with_the_guest_message() {
    let message = "ValueError: bad input";
    let module = counting_module(
        "",
        "(return (i64.const -2))",
        &format!(
            r#"(func (export "mpnode_last_error") (result i64) {})
               (data (i32.const {SCRATCH_AT}) {})"#,
            packed(SCRATCH_AT, message.len()),
            wat_str(message)
        ),
    );
    let report = fails_then_recovers(&module, Limits::default());
    assert_eq!(report.error(), Some("`run` returned error code -2: ValueError: bad input"));
}

#[test]
fn a_negative_result_without_last_error_still_reports_the_code() {
    let module = counting_module("", "(return (i64.const -1))", "");
    let report = fails_then_recovers(&module, Limits::default());
    assert_eq!(report.error(), Some("`run` returned error code -1"));
}

#[test]
fn an_out_of_bounds_result_pointer_fails_the_run() {
    let module = counting_module("", &format!("(return {})", packed(70_000, 10)), "");
    let report = fails_then_recovers(&module, Limits::default());
    assert_eq!(report.failure, Some(Failure::OutOfBounds { export: "run", ptr: 70_000, len: 10, memory_size: 65_536 }));
    assert!(report.error().unwrap().contains("outside guest memory"));
}

#[test]
fn a_result_that_overflows_the_address_space_fails_the_run() {
    // ptr 0x7fff_ffff, len 0xffff_ffff: end overflows 32 bits.
    let module = counting_module("", "(return (i64.const 0x7fffffffffffffff))", "");
    let report = fails_then_recovers(&module, Limits::default());
    assert!(matches!(report.failure, Some(Failure::OutOfBounds { .. })));
}

#[test]
fn invalid_json_fails_the_run() {
    let text = "this is { not json";
    let module = counting_module(
        "",
        &format!("(return {})", packed(SCRATCH_AT, text.len())),
        &format!("(data (i32.const {SCRATCH_AT}) {})", wat_str(text)),
    );
    let report = fails_then_recovers(&module, Limits::default());
    assert!(report.error().unwrap().starts_with("`run` returned invalid JSON"), "{:?}", report.error());
}

#[test]
fn a_result_without_outputs_is_not_an_envelope() {
    let text = r#"{"error":"oops"}"#;
    let module = counting_module(
        "",
        &format!("(return {})", packed(SCRATCH_AT, text.len())),
        &format!("(data (i32.const {SCRATCH_AT}) {})", wat_str(text)),
    );
    let report = fails_then_recovers(&module, Limits::default());
    let error = report.error().unwrap();
    assert!(error.contains("not a result envelope") && error.contains("outputs"), "{error}");
}

#[test]
fn invalid_utf8_fails_the_run() {
    let module =
        counting_module("", &format!("(return {})", packed(SCRATCH_AT, 2)), &format!(r#"(data (i32.const {SCRATCH_AT}) "\ff\fe")"#));
    let report = fails_then_recovers(&module, Limits::default());
    assert!(matches!(report.failure, Some(Failure::NotUtf8 { export: "run", .. })));
}

#[test]
fn a_log_call_with_an_out_of_bounds_string_stops_the_node() {
    let module = counting_module(
        r#"(import "flowlike_log" "info" (func $info (param i32 i32)))"#,
        "(call $info (i32.const 65530) (i32.const 100))",
        "",
    );
    let report = fails_then_recovers(&module, Limits::default());
    assert_eq!(
        report.failure,
        Some(Failure::HostCall {
            export: "run",
            function: "flowlike_log.info",
            message: "message (ptr 65530, len 100) lies outside guest memory (65536 bytes)".to_string()
        })
    );
    assert!(report.error().unwrap().contains("flowlike_log.info"));
}

#[test]
fn a_node_error_is_not_a_failure() {
    let text = r#"{"outputs":{},"error":"input was empty"}"#;
    let module = node_module("", &packed(SCRATCH_AT, text.len()), &format!("(data (i32.const {SCRATCH_AT}) {})", wat_str(text)));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.error(), Some("input was empty"));
    assert_eq!(report.failure, None);
    assert!(!node.is_poisoned());
    // Defaults filled in, as Flow-Like's host does.
    assert_eq!(report.result.to_json(), json!({"outputs": {}, "error": "input was empty", "activate_exec": [], "pending": null}));
}

#[test]
fn alloc_returning_a_bad_pointer_fails_the_run() {
    let definition = definition_json("n");
    let module = wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 65000))
  (func (export "get_node") (result i64) {})
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
  (data (i32.const {DEF_AT}) {}))"#,
        packed(DEF_AT, definition.len()),
        wat_str(&definition)
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert!(matches!(report.failure, Some(Failure::BadAlloc { ptr: 65000, .. })), "{:?}", report.failure);
    assert!(node.is_poisoned());
}

#[test]
fn a_module_without_alloc_loads_but_cannot_run() {
    let definition = definition_json("n");
    let module = wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "get_node") (result i64) {})
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
  (data (i32.const {DEF_AT}) {}))"#,
        packed(DEF_AT, definition.len()),
        wat_str(&definition)
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    assert!(node.definition().is_ok());
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.failure, Some(Failure::NoAlloc));
    assert!(report.error().unwrap().contains("alloc"));
}

#[test]
fn a_trap_in_initialize_is_a_load_error() {
    let module = node_module("", &packed(RESULT_AT, RESULT.len()), r#"(func (export "_initialize") unreachable)"#);
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::Trap { export: "_initialize", .. })), "{error:?}");
}

#[test]
fn a_trap_in_the_start_function_is_a_load_error() {
    let module = node_module("", &packed(RESULT_AT, RESULT.len()), r#"(func $boom unreachable) (start $boom)"#);
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(matches!(error, Error::Guest(Failure::Trap { export: "start", .. })), "{error:?}");
}

#[test]
fn a_trapping_get_node_is_an_error_every_time_without_losing_the_node() {
    let module = wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const {HEAP_AT}))
  (func (export "get_node") (result i64) unreachable)
  (func (export "run") (param i32 i32) (result i64) {})
  (data (i32.const {RESULT_AT}) {}))"#,
        packed(RESULT_AT, RESULT.len()),
        wat_str(RESULT)
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    for _ in 0..3 {
        let error = node.definition().unwrap_err();
        assert!(error.to_string().contains("node trapped in `get_node`"), "{error}");
        assert!(node.is_poisoned());
    }
    // Even with an explicit node name the run needs the definition for its
    // output checks: a failed query fails the run (issue 16 item 4; it used
    // to skip the checks and report success), and the node is not lost.
    node.context_mut().node_name = Some("n".into());
    let report = node.run(json!({})).unwrap();
    let error = report.result.error.unwrap_or_default();
    assert!(error.contains("asking for it failed") && error.contains("node trapped in `get_node`"), "{error}");
    assert!(matches!(report.failure, Some(mpnode_host::Failure::DefinitionQuery { .. })));
}

#[test]
fn logs_before_a_trap_are_kept() {
    let module = counting_module(
        r#"(import "flowlike_log" "warn" (func $warn (param i32 i32)))"#,
        &format!("(call $warn (i32.const {SCRATCH_AT}) (i32.const 6)) unreachable"),
        &format!(r#"(data (i32.const {SCRATCH_AT}) "before")"#),
    );
    let report = fails_then_recovers(&module, Limits::default());
    assert_eq!(report.logs.len(), 1);
    assert_eq!(report.logs[0].message, "before");
    assert_eq!(report.logs[0].level, mpnode_host::LogLevel::Warn);
}
