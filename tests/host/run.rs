//! The basic contract: load, definition, run with a full envelope.

use crate::support::wat::*;
use mpnode_host::{Engine, Error, Failure, Node};
use serde_json::{json, Value};

/// A node whose run logs the envelope it received (so the test can look at
/// it) and returns the fixed result.
fn echo_module() -> Vec<u8> {
    node_module(
        r#"(import "flowlike_log" "info" (func $info (param i32 i32)))"#,
        &format!(
            "(call $info (local.get $ptr) (local.get $len))
             {}",
            packed(RESULT_AT, RESULT.len())
        ),
        "",
    )
}

#[test]
fn definition_is_the_json_get_node_returns() {
    let engine = Engine::new();
    let mut node = Node::load(&engine, &echo_module()).unwrap();
    let definition = node.definition().unwrap();
    let expected: Value = serde_json::from_str(&definition_json("wasm_python_uppercase")).unwrap();
    assert_eq!(definition, expected);
    assert_eq!(node.definitions().unwrap(), vec![expected]);
    assert!(mpnode_host::contract::check_definition(&definition).is_ok());
}

#[test]
fn run_returns_the_result_and_sends_the_full_envelope() {
    let engine = Engine::new();
    let mut node = Node::load(&engine, &echo_module()).unwrap();
    let report = node.run(json!({"input": "hello"})).unwrap();
    assert!(report.is_ok(), "{:?}", report);
    assert_eq!(report.failure, None);
    assert_eq!(report.result.to_json(), serde_json::from_str::<Value>(RESULT).unwrap());
    assert_eq!(report.result.outputs["output"], "HELLO");
    assert_eq!(report.result.activate_exec, vec!["exec_out".to_string()]);
    assert!(report.fuel_consumed > 0);

    assert_eq!(report.logs.len(), 1, "{:?}", report.logs);
    let envelope: Value = serde_json::from_str(&report.logs[0].message).unwrap();
    assert_eq!(envelope["inputs"], json!({"input": "hello"}));
    assert_eq!(envelope["node_name"], "wasm_python_uppercase");
    assert_eq!(envelope["stream_state"], false);
    assert_eq!(envelope["log_level"], 0);
    for key in ["node_id", "run_id", "app_id", "board_id", "user_id"] {
        assert!(envelope[key].as_str().is_some_and(|s| !s.is_empty()), "{key} missing in {envelope}");
    }
    assert_eq!(envelope.as_object().unwrap().len(), 9, "{envelope}");
}

#[test]
fn run_ids_differ_between_runs_and_context_is_used() {
    let engine = Engine::new();
    let mut node = Node::load(&engine, &echo_module()).unwrap();
    let first = node.run(json!({})).unwrap();
    let second = node.run(json!({})).unwrap();
    let id = |r: &mpnode_host::RunReport| serde_json::from_str::<Value>(&r.logs[0].message).unwrap()["run_id"].clone();
    assert_ne!(id(&first), id(&second));

    let context = node.context_mut();
    context.node_id = "n1".into();
    context.run_id = Some("r1".into());
    context.node_name = Some("other".into());
    context.stream_state = true;
    context.log_level = 3;
    let report = node.run(json!({})).unwrap();
    let envelope: Value = serde_json::from_str(&report.logs[0].message).unwrap();
    assert_eq!(envelope["node_id"], "n1");
    assert_eq!(envelope["run_id"], "r1");
    assert_eq!(envelope["node_name"], "other");
    assert_eq!(envelope["stream_state"], true);
    assert_eq!(envelope["log_level"], 3);
}

#[test]
fn run_envelope_passes_bytes_through_unchanged() {
    let engine = Engine::new();
    let mut node = Node::load(&engine, &echo_module()).unwrap();
    let raw = br#"{"inputs":{"a":1},"custom":"kept as is"}"#;
    let report = node.run_envelope(raw).unwrap();
    assert!(report.is_ok());
    assert_eq!(report.logs[0].message.as_bytes(), raw);
}

#[test]
fn dealloc_gets_the_pointer_and_length_alloc_gave() {
    let definition = definition_json("d");
    let module = wasm(&format!(
        r#"(module
  (import "flowlike_log" "debug" (func $debug (param i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const {HEAP_AT}))
  (global $last_ptr (mut i32) (i32.const -1))
  (global $last_len (mut i32) (i32.const -1))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $p))
  (func (export "dealloc") (param $p i32) (param $l i32)
    (if (i32.and (i32.eq (local.get $p) (global.get $last_ptr))
                 (i32.eq (local.get $l) (global.get $last_len)))
      (then (call $debug (i32.const {SCRATCH_AT}) (i32.const 7)))))
  (func (export "get_node") (result i64) {def_packed})
  (func (export "run") (param $ptr i32) (param $len i32) (result i64)
    (global.set $last_ptr (local.get $ptr))
    (global.set $last_len (local.get $len))
    {result_packed})
  (data (i32.const {DEF_AT}) {def})
  (data (i32.const {RESULT_AT}) {result})
  (data (i32.const {SCRATCH_AT}) "dealloc"))"#,
        def_packed = packed(DEF_AT, definition.len()),
        def = wat_str(&definition),
        result_packed = packed(RESULT_AT, RESULT.len()),
        result = wat_str(RESULT),
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({"x": 1})).unwrap();
    assert!(report.is_ok());
    let messages: Vec<&str> = report.logs.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(messages, vec!["dealloc"]);
}

#[test]
fn instance_is_reused_between_runs_unless_asked_otherwise() {
    let (result, slot) = digit_result(1);
    let module = node_module_with(
        "",
        &format!(
            "(global.set $runs (i32.add (global.get $runs) (i32.const 1)))
             {}
             {}",
            put_digit(slot, "(global.get $runs)"),
            packed(RESULT_AT, result.len())
        ),
        "(global $runs (mut i32) (i32.const 0))",
        &result,
    );
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let r1 = node.run(json!({})).unwrap();
    let r2 = node.run(json!({})).unwrap();
    assert_eq!(output_r(&r1.result.to_json()), "1");
    assert_eq!(output_r(&r2.result.to_json()), "2");

    node.set_fresh_instance_per_run(true);
    let r3 = node.run(json!({})).unwrap();
    let r4 = node.run(json!({})).unwrap();
    assert_eq!(output_r(&r3.result.to_json()), "3");
    assert_eq!(output_r(&r4.result.to_json()), "1");
    assert!(!node.is_poisoned());
}

#[test]
fn get_nodes_packages_list_every_definition() {
    let defs = format!("[{},{}]", definition_json("first_node"), definition_json("second_node"));
    let module = wasm(&format!(
        r#"(module
  (import "flowlike_log" "info" (func $info (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const {HEAP_AT}))
  (func (export "get_nodes") (result i64) {defs_packed})
  (func (export "run") (param $ptr i32) (param $len i32) (result i64)
    (call $info (local.get $ptr) (local.get $len))
    {result_packed})
  (data (i32.const {DEF_AT}) {defs})
  (data (i32.const 6000) {result}))"#,
        defs_packed = packed(DEF_AT, defs.len()),
        defs = wat_str(&defs),
        result_packed = packed(6000, RESULT.len()),
        result = wat_str(RESULT),
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let definitions = node.definitions().unwrap();
    assert_eq!(definitions.len(), 2);
    assert_eq!(definitions[1]["name"], "second_node");
    // `definition` on a package returns what get_nodes returns.
    assert!(node.definition().unwrap().is_array());
    let report = node.run(json!({})).unwrap();
    let envelope: Value = serde_json::from_str(&report.logs[0].message).unwrap();
    assert_eq!(envelope["node_name"], "first_node");
}

#[test]
fn inputs_must_be_an_object() {
    let mut node = Node::load(&Engine::new(), &echo_module()).unwrap();
    let error = node.run(json!(["input"])).unwrap_err();
    assert!(matches!(error, Error::InvalidInputs { found: "an array" }), "{error}");
    assert!(error.to_string().contains("JSON object"));
    // The node is still usable.
    assert!(node.run(json!({})).unwrap().is_ok());
}

#[test]
fn node_is_send_and_engine_is_shared() {
    let engine = Engine::new();
    let bytes = echo_module();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let mut node = Node::load(&engine, &bytes).unwrap();
            std::thread::spawn(move || {
                let report = node.run(json!({"i": i})).unwrap();
                assert!(report.is_ok());
                report.logs.len()
            })
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), 1);
    }
}

#[test]
fn missing_exports_are_named() {
    let engine = Engine::new();
    let no_run = wasm(
        r#"(module (memory (export "memory") 1)
             (func (export "get_node") (result i64) (i64.const 0)))"#,
    );
    let error = Node::load(&engine, &no_run).unwrap_err();
    assert!(matches!(&error, Error::MissingExport { name, .. } if name == "run"), "{error}");

    let no_definition = wasm(
        r#"(module (memory (export "memory") 1)
             (func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
    );
    let error = Node::load(&engine, &no_definition).unwrap_err();
    assert!(error.to_string().contains("get_node or get_nodes"), "{error}");

    let no_memory = wasm(
        r#"(module
             (func (export "get_node") (result i64) (i64.const 0))
             (func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
    );
    let error = Node::load(&engine, &no_memory).unwrap_err();
    assert!(matches!(&error, Error::MissingExport { name, .. } if name == "memory"), "{error}");

    let bad_run = wasm(
        r#"(module (memory (export "memory") 1)
             (func (export "get_node") (result i64) (i64.const 0))
             (func (export "run") (param i32) (result i64) (i64.const 0)))"#,
    );
    let error = Node::load(&engine, &bad_run).unwrap_err();
    assert!(matches!(&error, Error::ExportType { name, .. } if name == "run"), "{error}");
    assert!(error.to_string().contains("(i32, i32) -> i64"), "{error}");
}

#[test]
fn garbage_bytes_are_a_compile_error() {
    let error = Node::load(&Engine::new(), b"definitely not wasm").unwrap_err();
    assert!(matches!(error, Error::Compile(_)), "{error}");
}

#[test]
fn initialize_runs_once_after_instantiation() {
    let (result, slot) = digit_result(1);
    let module = node_module_with(
        "",
        &format!("{} {}", put_digit(slot, "(global.get $init)"), packed(RESULT_AT, result.len())),
        r#"(global $init (mut i32) (i32.const 0))
           (func (export "_initialize")
             (global.set $init (i32.add (global.get $init) (i32.const 1))))"#,
        &result,
    );
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    assert_eq!(output_r(&node.run(json!({})).unwrap().result.to_json()), "1");
    assert_eq!(output_r(&node.run(json!({})).unwrap().result.to_json()), "1");
}

#[test]
fn negative_definition_includes_the_guest_message() {
    let module = wasm(&format!(
        r#"(module
  (memory (export "memory") 1)
  (func (export "get_node") (result i64) (i64.const -1))
  (func (export "run") (param i32 i32) (result i64) (i64.const -1))
  (func (export "mpnode_last_error") (result i64) {msg_packed})
  (data (i32.const 100) "SyntaxError: invalid syntax (node.py, line 3)"))"#,
        msg_packed = packed(100, "SyntaxError: invalid syntax (node.py, line 3)".len()),
    ));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let error = node.definition().unwrap_err();
    assert!(
        matches!(&error, Error::Guest(Failure::ErrorCode { export: "get_node", code: -1, message: Some(m) }) if m.contains("line 3")),
        "{error:?}"
    );
    let text = error.to_string();
    assert!(text.contains("error code -1") && text.contains("SyntaxError"), "{text}");
    // And again: the node is not lost.
    assert!(node.definition().is_err());
}
