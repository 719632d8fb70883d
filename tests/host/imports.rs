//! The import set is exactly Flow-Like's: everything in it links, nothing
//! else does.

use crate::support::wat::*;
use mpnode_host::imports::{self, HOST_FUNCTIONS};
use mpnode_host::{Engine, Error, Node};
use serde_json::json;

fn wat_type(t: &wasmi::ValType) -> &'static str {
    match t {
        wasmi::ValType::I32 => "i32",
        wasmi::ValType::I64 => "i64",
        other => panic!("unexpected type {other:?}"),
    }
}

/// `(import …)` lines for every host function, named `$module.name`.
fn import_everything() -> String {
    HOST_FUNCTIONS
        .iter()
        .map(|f| {
            let params: Vec<_> = f.params.iter().map(wat_type).collect();
            let results: Vec<_> = f.results.iter().map(wat_type).collect();
            format!(
                "(import \"{m}\" \"{n}\" (func ${m}.{n} (param {p}) (result {r})))\n",
                m = f.module,
                n = f.name,
                p = params.join(" "),
                r = results.join(" "),
            )
        })
        .collect()
}

/// The exports a module importing `env.invoke_vii` must have.
const SJLJ_HELPERS: &str = r#"
  (table (export "__indirect_function_table") 1 funcref)
  (func (export "emscripten_stack_get_current") (result i32) (i32.const 0))
  (func (export "_emscripten_stack_restore") (param i32))
  (func (export "setThrew") (param i32 i32))"#;

#[test]
fn a_module_importing_every_host_function_loads() {
    let module = node_module(&import_everything(), &packed(RESULT_AT, RESULT.len()), SJLJ_HELPERS);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    assert!(node.run(json!({})).unwrap().is_ok());
}

#[test]
fn the_table_matches_the_abi_document() {
    let names: Vec<String> = HOST_FUNCTIONS.iter().map(|f| format!("{}.{}", f.module, f.name)).collect();
    for expected in [
        "wasi_snapshot_preview1.proc_exit",
        "wasi_snapshot_preview1.fd_write",
        "wasi_snapshot_preview1.fd_read",
        "wasi_snapshot_preview1.fd_close",
        "wasi_snapshot_preview1.fd_seek",
        "wasi_snapshot_preview1.fd_fdstat_get",
        "wasi_snapshot_preview1.fd_prestat_get",
        "wasi_snapshot_preview1.fd_prestat_dir_name",
        "wasi_snapshot_preview1.path_open",
        "wasi_snapshot_preview1.environ_get",
        "wasi_snapshot_preview1.environ_sizes_get",
        "wasi_snapshot_preview1.args_get",
        "wasi_snapshot_preview1.args_sizes_get",
        "wasi_snapshot_preview1.clock_time_get",
        "wasi_snapshot_preview1.random_get",
        "flowlike_log.trace",
        "flowlike_log.error",
        "flowlike_log.log_json",
        "flowlike_stream.emit",
        "flowlike_stream.text",
        "flowlike_meta.time_now",
        "flowlike_meta.random",
        "flowlike_meta.is_streaming",
        "flowlike_meta.get_log_level",
        "flowlike_meta.get_node_id",
        "env.invoke_vii",
        "env._emscripten_throw_longjmp",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing");
    }
    // Only one of Emscripten's invoke_* family: Flow-Like defines no other.
    assert_eq!(names.iter().filter(|n| n.starts_with("env.invoke_")).count(), 1);
    let wasi = names.iter().filter(|n| n.starts_with("wasi_snapshot_preview1.")).count();
    assert_eq!(wasi, 15);
    let json = imports::find("flowlike_log", "log_json").unwrap();
    assert_eq!(json.signature(), "(i32, i32, i32, i32, i32) -> ()");
    assert_eq!(imports::find("flowlike_meta", "time_now").unwrap().signature(), "() -> i64");
}

#[test]
fn an_unknown_import_fails_to_load_naming_it() {
    let module =
        node_module(r#"(import "env" "invoke_iii" (func (param i32 i32 i32) (result i32)))"#, &packed(RESULT_AT, RESULT.len()), "");
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(matches!(&error, Error::UnknownImport { module, name, .. } if module == "env" && name == "invoke_iii"), "{error:?}");
    let text = error.to_string();
    assert!(text.contains("`env.invoke_iii`"), "{text}");
    assert!(text.contains("(i32, i32, i32) -> i32"), "{text}");
}

#[test]
fn an_unknown_module_fails_to_load_naming_it() {
    let module = node_module(
        r#"(import "wasi_snapshot_preview1" "sock_accept" (func (param i32 i32 i32) (result i32)))"#,
        &packed(RESULT_AT, RESULT.len()),
        "",
    );
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(error.to_string().contains("wasi_snapshot_preview1.sock_accept"), "{error}");
}

#[test]
fn a_known_import_with_another_signature_fails_to_load() {
    let module = node_module(r#"(import "flowlike_log" "info" (func (param i32)))"#, &packed(RESULT_AT, RESULT.len()), "");
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(matches!(error, Error::ImportSignature { .. }), "{error:?}");
    let text = error.to_string();
    assert!(text.contains("flowlike_log.info") && text.contains("(i32) -> ()") && text.contains("(i32, i32) -> ()"), "{text}");
}

#[test]
fn imported_memories_are_refused() {
    let definition = definition_json("n");
    let module = wasm(&format!(
        r#"(module
  (import "env" "memory" (memory 1))
  (export "memory" (memory 0))
  (func (export "get_node") (result i64) {})
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
  (data (i32.const {DEF_AT}) {}))"#,
        packed(DEF_AT, definition.len()),
        wat_str(&definition)
    ));
    let error = Node::load(&Engine::new(), &module).unwrap_err();
    assert!(matches!(&error, Error::UnsupportedImport { kind: "memory", name, .. } if name == "memory"), "{error:?}");
}

#[test]
fn stubs_answer_like_flow_like_does() {
    let (result, slot) = digit_result(9);
    let checks = [
        // fd_write writes nothing and returns 0
        "(i32.eqz (call $wasi_snapshot_preview1.fd_write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))",
        // no preopened directories: EBADF
        "(i32.eq (call $wasi_snapshot_preview1.fd_prestat_get (i32.const 3) (i32.const 0)) (i32.const 8))",
        "(i32.eq (call $wasi_snapshot_preview1.path_open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 0)) (i32.const 28))",
        "(i32.eq (call $env.__syscall_dup3 (i32.const 0) (i32.const 1) (i32.const 0)) (i32.const -38))",
        // no capabilities granted
        "(i32.eq (call $flowlike_http.request (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)) (i32.const -1))",
        "(i32.eqz (call $flowlike_vars.has (i32.const 0) (i32.const 0)))",
        // host-buffer offsets are 0
        "(i64.eqz (call $flowlike_meta.get_node_id))",
        "(i64.eqz (call $flowlike_pins.get_input (i32.const 0) (i32.const 0)))",
        // the clock is in milliseconds since the epoch (after 2020)
        "(i64.gt_s (call $flowlike_meta.time_now) (i64.const 1577836800000))",
    ];
    let body: String = checks.iter().enumerate().map(|(i, check)| put_digit(slot + i as u32, check)).collect::<Vec<_>>().join("\n");
    let module = node_module_with(&import_everything(), &format!("{body}\n{}", packed(RESULT_AT, result.len())), SJLJ_HELPERS, &result);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(output_r(&report.result.to_json()), "111111111");
    // The calls whose answer differs from what a guest might hope for are
    // flagged, once each.
    let warnings = report.warnings.join("\n");
    for function in ["flowlike_http.request", "flowlike_vars.has", "flowlike_meta.get_node_id", "flowlike_pins.get_input"] {
        assert_eq!(warnings.matches(function).count(), 1, "{function}: {warnings}");
    }
}
