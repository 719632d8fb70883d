//! The authoring commands end to end: `mpnode new`, `build` (module,
//! flow-like.toml, definition checks) and `run --envelope`.

use std::path::PathBuf;
use std::process::Command;

fn mpnode() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mpnode"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mpnode-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn new_then_build_then_run_the_module() {
    let dir = scratch("new");
    let out = mpnode().current_dir(&dir).args(["new", "word_len"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let project = dir.join("word_len");
    let out = mpnode().current_dir(&project).args(["build", "node.py", "-o", "word_len.wasm"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let manifest: toml::Value = toml::from_str(&std::fs::read_to_string(project.join("flow-like.toml")).unwrap()).unwrap();
    assert_eq!(manifest["manifest_version"].as_integer(), Some(1));
    assert_eq!(manifest["id"].as_str(), Some("local.mpnode.word-len"));
    assert_eq!(manifest["wasm_path"].as_str(), Some("word_len.wasm"));
    assert_eq!(manifest["nodes"][0]["id"].as_str(), Some("word_len"));
    let out = mpnode().current_dir(&project).args(["run", "word_len.wasm", "--inputs-file", "inputs.json", "--compact"]).output().unwrap();
    assert!(out.status.success());
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["outputs"]["length"], 5);
    // A second `new` with the same name refuses to overwrite.
    let out = mpnode().current_dir(&dir).args(["new", "word_len"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_refuses_a_bad_definition_naming_file_and_lines() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("bad.py"),
        "def get_node():\n    return {'name': 'b', 'friendly_name': 'B', 'description': 'd', 'category': 'c',\n        'pins': [\n\
         \x20           {'name': 'x', 'friendly_name': 'X', 'description': '', 'pin_type': 'Input', 'data_type': 'Integer', 'default_value': 'no'},\n\
         \x20           {'name': 'x', 'friendly_name': 'X', 'description': '', 'pin_type': 'Output', 'data_type': 'Strng'},\n        ]}\n\
         def run(c):\n    return {}\n",
    )
    .unwrap();
    let out = mpnode().current_dir(&dir).args(["build", "bad.py"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.py:4: node 'b', pin 'x': default_value \"no\" does not match data_type Integer"), "{err}");
    assert!(err.contains("bad.py:5: node 'b': pin name 'x' is used twice"), "{err}");
    assert!(err.contains("unknown data_type \"Strng\""), "{err}");
    assert!(!dir.join("bad.wasm").exists(), "nothing is written for a bad node");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_is_byte_identical_and_run_takes_a_whole_envelope() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = scratch("env");
    let a = dir.join("a.wasm");
    let b = dir.join("b.wasm");
    for out in [&a, &b] {
        let status =
            mpnode().arg("build").arg(root.join("examples/sdk_strings.py")).arg("-o").arg(out).arg("--no-manifest").status().unwrap();
        assert!(status.success());
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    std::fs::write(dir.join("env.json"), r#"{"inputs": {"text": "a b c"}, "node_name": "py_word_count", "run_id": "r1"}"#).unwrap();
    let out = mpnode().arg("run").arg(&a).arg("--envelope").arg(dir.join("env.json")).arg("--compact").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["outputs"]["words"], 3);
    let _ = std::fs::remove_dir_all(&dir);
}
