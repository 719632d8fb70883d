//! The `mpnode` command line on hand-written modules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::wat::*;
use serde_json::{json, Value};

/// A scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Scratch {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

fn scratch(test: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("mpnode-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn mpnode(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpnode")).args(args).output().unwrap()
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Logs "hi", returns RESULT; traps if the envelope is over 600 bytes.
fn good_module() -> Vec<u8> {
    node_module(
        r#"(import "flowlike_log" "info" (func $info (param i32 i32)))"#,
        &format!(
            "(if (i32.gt_u (local.get $len) (i32.const 600)) (then unreachable))
             (call $info (i32.const {SCRATCH_AT}) (i32.const 2))
             {}",
            packed(RESULT_AT, RESULT.len())
        ),
        &format!(r#"(data (i32.const {SCRATCH_AT}) "hi")"#),
    )
}

#[test]
fn run_prints_the_result_and_exits_0() {
    let dir = scratch("ok");
    let node = write(&dir, "node.wasm", &good_module());
    let output = mpnode(&["run", node.to_str().unwrap(), "--inputs", r#"{"input":"hello"}"#]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output), serde_json::from_str::<Value>(RESULT).unwrap());
    assert!(stderr(&output).contains("[info] hi"), "{}", stderr(&output));

    let output = mpnode(&["run", node.to_str().unwrap(), "--compact", "--quiet"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim().lines().count(), 1);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));

    let inputs = write(&dir, "inputs.json", br#"{"input": "from a file"}"#);
    let output = mpnode(&["run", node.to_str().unwrap(), "--inputs-file", inputs.to_str().unwrap(), "--stats"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("mpnode: fuel "), "{}", stderr(&output));
}

#[test]
fn a_node_error_or_trap_exits_1_with_the_error_in_the_result() {
    let dir = scratch("fail");
    let text = r#"{"outputs":{},"error":"no input"}"#;
    let erroring = node_module("", &packed(SCRATCH_AT, text.len()), &format!("(data (i32.const {SCRATCH_AT}) {})", wat_str(text)));
    let node = write(&dir, "erroring.wasm", &erroring);
    let output = mpnode(&["run", node.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_json(&output)["error"], "no input");

    let node = write(&dir, "trapping.wasm", &good_module());
    let big = json!({"pad": "x".repeat(700)}).to_string();
    let output = mpnode(&["run", node.to_str().unwrap(), "--inputs", &big]);
    assert_eq!(output.status.code(), Some(1));
    let error = stdout_json(&output)["error"].as_str().unwrap().to_string();
    assert!(error.starts_with("node trapped in `run`"), "{error}");
}

#[test]
fn load_and_usage_errors_exit_2_and_say_what_to_do() {
    let dir = scratch("usage");
    let unknown =
        node_module(r#"(import "env" "invoke_iii" (func (param i32 i32 i32) (result i32)))"#, &packed(RESULT_AT, RESULT.len()), "");
    let node = write(&dir, "unknown.wasm", &unknown);
    let output = mpnode(&["run", node.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("env.invoke_iii") && err.contains("hint: `mpnode inspect"), "{err}");
    assert!(output.stdout.is_empty());

    let missing = dir.join("missing.wasm");
    let output = mpnode(&["run", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("could not read"), "{}", stderr(&output));

    let text = write(&dir, "notes.txt", b"hello");
    let output = mpnode(&["run", text.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not a WebAssembly module"));

    let node = write(&dir, "good.wasm", &good_module());
    for bad in ["{not json", "[1, 2]"] {
        let output = mpnode(&["run", node.to_str().unwrap(), "--inputs", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(stderr(&output).contains("--inputs"), "{}", stderr(&output));
        assert!(stderr(&output).contains("hint:"), "{}", stderr(&output));
    }

    let output = mpnode(&["build", node.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not a Python source"));

    let output = mpnode(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn inspect_shows_definitions_imports_and_exports() {
    let dir = scratch("inspect");
    let node = write(&dir, "node.wasm", &good_module());
    let output = mpnode(&["inspect", node.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let info = stdout_json(&output);
    assert_eq!(info["definitions"][0]["name"], "wasm_python_uppercase");
    assert_eq!(info["definition_problems"], json!([]));
    assert_eq!(info["size"], good_module().len());
    assert_eq!(info["imports"][0]["name"], "info");
    assert_eq!(info["imports"][0]["provided"], true);
    assert!(info["exports"].as_array().unwrap().iter().any(|e| e["name"] == "run" && e["signature"] == "(i32, i32) -> i64"));
    assert_eq!(info["load_error"], Value::Null);

    let output = mpnode(&["inspect", node.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    for part in ["definitions (1)", "imports (1)", "flowlike_log.info", "exports (", "run func (i32, i32) -> i64"] {
        assert!(text.contains(part), "{part} missing in:\n{text}");
    }
}

#[test]
fn output_to_a_reader_that_went_away_ends_quietly() {
    // `mpnode inspect node.wasm | head -1` when head is gone before mpnode
    // writes: the pipe's reader is closed before the child starts, so its
    // write fails with a broken pipe, which must not be a panic.
    let dir = scratch("broken-pipe");
    let node = write(&dir, "node.wasm", &good_module());
    for args in [&["inspect", node.to_str().unwrap()][..], &["run", node.to_str().unwrap()][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mpnode"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn inspect_still_lists_imports_of_a_module_that_does_not_load() {
    let dir = scratch("inspect-bad");
    let unknown =
        node_module(r#"(import "env" "invoke_iii" (func (param i32 i32 i32) (result i32)))"#, &packed(RESULT_AT, RESULT.len()), "");
    let node = write(&dir, "unknown.wasm", &unknown);
    let output = mpnode(&["inspect", node.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("env.invoke_iii") && text.contains("not provided"), "{text}");
    assert!(stderr(&output).contains("could not load"), "{}", stderr(&output));
    // Issue 16 item 9: inspect does not suggest running inspect.
    assert!(!stderr(&output).contains("mpnode inspect"), "{}", stderr(&output));

    let output = mpnode(&["inspect", node.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let info = stdout_json(&output);
    assert_eq!(info["imports"][0]["provided"], false);
    assert!(info["load_error"].as_str().unwrap().contains("invoke_iii"));
    assert_eq!(info["definitions"], Value::Null);
}

/// Issue 16 item 6: `--inputs-file` refuses invalid UTF-8 (it used to turn
/// it into U+FFFD silently), as `--envelope` does.
#[test]
fn inputs_file_with_invalid_utf8_is_refused() {
    let dir = scratch("inputs-utf8");
    let node = write(&dir, "node.wasm", &good_module());
    let inputs = write(&dir, "inputs.json", b"{\"input\": \"caf\xe9\"}");
    let output = mpnode(&["run", node.to_str().unwrap(), "--inputs-file", inputs.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("not valid UTF-8 (invalid byte at offset 14)"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}
