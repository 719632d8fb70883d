//! Logs, stream events and metadata reach the run report.

use crate::support::wat::*;
use mpnode_host::{Engine, LogLevel, Node, StreamEvent};
use serde_json::json;

/// Places `strings` one after another from SCRATCH_AT; returns the data
/// segment and each string's (ptr, len).
fn strings(strings: &[&str]) -> (String, Vec<(u32, usize)>) {
    let mut at = SCRATCH_AT;
    let mut data = String::new();
    let mut places = Vec::new();
    for s in strings {
        data.push_str(&format!("(data (i32.const {at}) {})\n", wat_str(s)));
        places.push((at, s.len()));
        at += s.len() as u32 + 1;
    }
    (data, places)
}

fn args((ptr, len): (u32, usize)) -> String {
    format!("(i32.const {ptr}) (i32.const {len})")
}

const IMPORTS: &str = r#"
  (import "flowlike_log" "trace" (func $trace (param i32 i32)))
  (import "flowlike_log" "debug" (func $debug (param i32 i32)))
  (import "flowlike_log" "info" (func $info (param i32 i32)))
  (import "flowlike_log" "warn" (func $warn (param i32 i32)))
  (import "flowlike_log" "error" (func $error (param i32 i32)))
  (import "flowlike_log" "log_json" (func $log_json (param i32 i32 i32 i32 i32)))
  (import "flowlike_stream" "emit" (func $emit (param i32 i32 i32 i32)))
  (import "flowlike_stream" "text" (func $text (param i32 i32)))
  (import "flowlike_meta" "is_streaming" (func $is_streaming (result i32)))
  (import "flowlike_meta" "get_log_level" (func $get_log_level (result i32)))
  (import "env" "host_log" (func $host_log (param i32 i32 i32)))
"#;

#[test]
fn every_log_level_and_log_json_are_collected_in_order() {
    let (data, at) = strings(&["t", "d", "i", "w", "e", "with data", r#"{"k":[1,2]}"#, "bad data", "not json", "via env"]);
    let body = format!(
        "(call $trace {t}) (call $debug {d}) (call $info {i}) (call $warn {w}) (call $error {e})
         (call $log_json (i32.const 3) {msg} {json})
         (call $log_json (i32.const 9) {bad} {notjson})
         (call $host_log (i32.const 2) {env})
         {result}",
        t = args(at[0]),
        d = args(at[1]),
        i = args(at[2]),
        w = args(at[3]),
        e = args(at[4]),
        msg = args(at[5]),
        json = args(at[6]),
        bad = args(at[7]),
        notjson = args(at[8]),
        env = args(at[9]),
        result = packed(RESULT_AT, RESULT.len()),
    );
    let module = node_module(IMPORTS, &body, &data);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert!(report.is_ok());
    let logs: Vec<(LogLevel, &str)> = report.logs.iter().map(|l| (l.level, l.message.as_str())).collect();
    assert_eq!(
        logs,
        vec![
            (LogLevel::Trace, "t"),
            (LogLevel::Debug, "d"),
            (LogLevel::Info, "i"),
            (LogLevel::Warn, "w"),
            (LogLevel::Error, "e"),
            (LogLevel::Warn, "with data"),
            (LogLevel::Error, "bad data"),
            (LogLevel::Info, "via env"),
        ]
    );
    assert_eq!(report.logs[5].data, Some(json!({"k": [1, 2]})));
    assert_eq!(report.logs[6].data, None);
    assert!(report.warnings.iter().any(|w| w.contains("log_json")), "{:?}", report.warnings);

    // The next run starts with an empty log.
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.logs.len(), 8);
}

#[test]
fn stream_events_are_collected() {
    let (data, at) = strings(&["progress", r#"{"pct":50}"#, "chunk of text", "raw", "not json"]);
    let body = format!(
        "(call $emit {ev} {payload}) (call $text {text}) (call $emit {raw} {notjson}) {result}",
        ev = args(at[0]),
        payload = args(at[1]),
        text = args(at[2]),
        raw = args(at[3]),
        notjson = args(at[4]),
        result = packed(RESULT_AT, RESULT.len()),
    );
    let module = node_module(IMPORTS, &body, &data);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(
        report.stream,
        vec![
            StreamEvent { event: "progress".into(), data: json!({"pct": 50}) },
            StreamEvent { event: "text".into(), data: json!("chunk of text") },
        ]
    );
    // Flow-Like drops an emit whose data is not JSON; we do too, and say so.
    assert!(report.warnings.iter().any(|w| w.contains("emit(\"raw\")")), "{:?}", report.warnings);
}

#[test]
fn utf8_messages_survive_and_invalid_bytes_are_replaced() {
    let (data, at) = strings(&["grüße ✓"]);
    let body = format!(
        "(call $info {ok}) (call $info (i32.const 4000) (i32.const 2)) {result}",
        ok = args(at[0]),
        result = packed(RESULT_AT, RESULT.len()),
    );
    let module = node_module(IMPORTS, &body, &format!(r#"{data} (data (i32.const 4000) "\ff\fe")"#));
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.logs[0].message, "grüße ✓");
    assert_eq!(report.logs[1].message, "\u{fffd}\u{fffd}");
}

#[test]
fn meta_answers_from_the_run_envelope() {
    let (result, slot) = digit_result(2);
    let body = format!(
        "{} {} {}",
        put_digit(slot, "(call $is_streaming)"),
        put_digit(slot + 1, "(call $get_log_level)"),
        packed(RESULT_AT, result.len())
    );
    let module = node_module_with(IMPORTS, &body, "", &result);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(output_r(&report.result.to_json()), "00");

    node.context_mut().stream_state = true;
    node.context_mut().log_level = 3;
    let report = node.run(json!({})).unwrap();
    assert_eq!(output_r(&report.result.to_json()), "13");

    let report = node.run_envelope(br#"{"inputs":{},"stream_state":false,"log_level":4}"#).unwrap();
    assert_eq!(output_r(&report.result.to_json()), "04");
}

/// Issue 16 item 9: stream events emitted while the module starts (at
/// import time) used to be dropped silently; the next run's report says so.
#[test]
fn stream_events_at_import_time_are_reported() {
    let wasm = wat::parse_str(
        r#"(module
  (import "flowlike_stream" "text" (func $text (param i32 i32)))
  (memory (export "memory") 1 1)
  (data (i32.const 16) "{\"outputs\":{}}")
  (data (i32.const 64) "{\"name\":\"n\"}")
  (data (i32.const 128) "early")
  (func (export "_initialize") (call $text (i32.const 128) (i32.const 5)))
  (func (export "get_node") (result i64) (i64.const 0x400000000c))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0x100000000e)))"#,
    )
    .unwrap();
    let mut node = mpnode_host::Node::load(&mpnode_host::Engine::new(), &wasm).unwrap();
    let report = node.run(serde_json::json!({})).unwrap();
    assert!(report.is_ok(), "{:?}", report.result.error);
    assert!(report.stream.is_empty());
    assert!(report.warnings.iter().any(|w| w.contains("emitted 1 stream event(s) while it was imported")), "{:?}", report.warnings);
    // Said once, not on every run.
    let report = node.run(serde_json::json!({})).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}
