//! `mpnode bench`: works on every example, prints the keys the issue asks
//! for (`--json`), and refuses to time a node that fails. No timing is
//! asserted beyond "a positive number".

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const KEYS: [&str; 8] =
    ["compile_us", "instantiate_us", "get_node_us", "run_us_median", "run_us_p99", "runs_per_sec", "memory_pages", "fuel_per_run"];

fn mpnode(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpnode")).args(args).output().unwrap()
}

fn examples() -> Vec<PathBuf> {
    crate::support::examples().into_iter().map(|(path, _)| path).collect()
}

#[test]
fn bench_json_has_every_key_for_every_example() {
    let files = examples();
    assert!(!files.is_empty());
    for file in files {
        let path = file.to_str().unwrap();
        let output = mpnode(&["bench", path, "--json", "--runs", "3", "--cold", "1"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{path}: {stderr}");
        let result: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{path}: stdout is not JSON: {e}"));
        for key in KEYS {
            let value = result[key].as_f64();
            assert!(value.is_some_and(|v| v > 0.0), "{path}: {key} = {}", result[key]);
        }
        assert_eq!(result["runs"], 3, "{path}");
        assert!(result["run_us_p99"].as_f64() >= result["run_us_median"].as_f64());
    }
}

#[test]
fn bench_text_with_inputs() {
    let uppercase = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/uppercase.py");
    let output = mpnode(&["bench", uppercase.to_str().unwrap(), "--inputs", r#"{"input": "hello"}"#, "--runs", "3", "--cold", "1"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in ["compile", "instantiate (cold)", "first get_node", "warm run", "runs per second", "pages", "fuel per run"] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
}

#[test]
fn bench_refuses_a_node_that_fails() {
    let path = std::env::temp_dir().join(format!("mpnode-bench-{}.py", std::process::id()));
    std::fs::write(
        &path,
        "def get_node():\n    return {'name': 'x', 'friendly_name': 'X', 'description': '', 'category': 'T', 'pins': []}\n\
         def run(context):\n    raise ValueError('nope')\n",
    )
    .unwrap();
    let output = mpnode(&["bench", path.to_str().unwrap(), "--runs", "3", "--cold", "1"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nothing to time") && stderr.contains("ValueError: nope"), "{stderr}");
}

#[test]
fn bench_profile_lists_the_guest_functions() {
    let uppercase = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/uppercase.py");
    let path = uppercase.to_str().unwrap();
    let inputs = r#"{"input": "hello"}"#;
    let output = mpnode(&["bench", path, "--inputs", inputs, "--runs", "2", "--profile", "5", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let profile: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(profile["runs"], 2);
    // --profile N keeps the N costliest functions, named from the runtime.
    let functions = profile["functions"].as_array().unwrap();
    assert_eq!(functions.len(), 5);
    assert!(functions.iter().all(|f| !f["name"].as_str().unwrap().starts_with("func[")), "{functions:?}");
    assert!(profile["instructions"].as_f64().unwrap() >= functions[0]["instructions"].as_f64().unwrap());

    let output = mpnode(&["bench", path, "--inputs", inputs, "--runs", "2", "--profile"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("wasm instructions and") && text.contains("more functions"), "{text}");
    // A node that fails leaves nothing to profile.
    let failing = std::env::temp_dir().join(format!("mpnode-profile-{}.py", std::process::id()));
    std::fs::write(
        &failing,
        "def get_node():\n    return {'name': 'x', 'friendly_name': 'X', 'description': '', 'category': 'T', 'pins': []}\n\
         def run(context):\n    raise ValueError('nope')\n",
    )
    .unwrap();
    let output = mpnode(&["bench", failing.to_str().unwrap(), "--profile"]);
    let _ = std::fs::remove_file(&failing);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing to profile") && stderr.contains("ValueError: nope") && stderr.contains("--inputs"), "{stderr}");
}
