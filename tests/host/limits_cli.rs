//! `mpnode run --fuel/--memory/--timeout` on a real Python node: each limit
//! gives its own error in the result (exit 1), or a load error (exit 2)
//! when the runtime cannot even start within the memory limit.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const NODE: &str = r#"
def get_node():
    return {"name": "spin", "friendly_name": "Spin", "description": "loops on demand",
            "category": "Test", "pins": []}

def run(context):
    if context["inputs"].get("spin"):
        while True:
            pass
    if context["inputs"].get("big"):
        return {"outputs": {"n": len(bytearray(1 << 20))}, "error": None}
    return {"outputs": {"ok": True}, "error": None}
"#;

/// The node in a scratch file, removed when dropped.
struct NodeFile(PathBuf);

impl Drop for NodeFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn node_file(test: &str) -> NodeFile {
    let path = std::env::temp_dir().join(format!("mpnode-limits-{}-{test}.py", std::process::id()));
    std::fs::write(&path, NODE).unwrap();
    NodeFile(path)
}

fn mpnode(node: &NodeFile, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpnode")).arg("run").arg(&node.0).args(args).output().unwrap()
}

fn error_of(output: &Output) -> String {
    let result: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&output.stderr)));
    result["error"].as_str().unwrap_or_default().to_string()
}

#[test]
fn timeout_flag() {
    let node = node_file("timeout");
    let output = mpnode(&node, &["--timeout", "200ms", "--inputs", r#"{"spin": true}"#]);
    assert_eq!(output.status.code(), Some(1));
    assert!(error_of(&output).contains("deadline of 200 ms"), "{}", error_of(&output));
}

#[test]
fn fuel_flag() {
    let node = node_file("fuel");
    let output = mpnode(&node, &["--fuel", "2e7", "--timeout", "none", "--inputs", r#"{"spin": true}"#]);
    assert_eq!(output.status.code(), Some(1));
    assert!(error_of(&output).contains("out of fuel"), "{}", error_of(&output));
    assert!(error_of(&output).contains("limit 20000000"), "{}", error_of(&output));
}

/// Issue 13: the heap grows on demand, so the node runs within 512 KiB; a
/// run that needs more fails (exit 1) with the MemoryError that names the
/// limit and `--memory`; a limit the runtime cannot start in is a load
/// error (exit 2).
#[test]
fn memory_flag() {
    let node = node_file("memory");
    let output = mpnode(&node, &["--memory", "512KiB"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));

    let output = mpnode(&node, &["--memory", "512KiB", "--inputs", r#"{"big": true}"#]);
    assert_eq!(output.status.code(), Some(1));
    let error = error_of(&output);
    assert!(error.contains("MemoryError: the node's memory limit of 512 KiB is reached"), "{error}");
    assert!(error.contains("--memory"), "{error}");

    let output = mpnode(&node, &["--memory", "128KiB"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("memory limit of 131072 bytes"), "{stderr}");

    let output = mpnode(&node, &["--memory", "4MiB", "--stats"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(" pages of memory"), "{stderr}");
}

#[test]
fn bad_limit_values_are_usage_errors() {
    let node = node_file("usage");
    for args in [["--memory", "lots"], ["--timeout", "soon"], ["--fuel", "1.5"]] {
        let output = mpnode(&node, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains(args[1]), "{args:?}");
    }
}
