//! The one support module of every test binary: repository files and
//! examples, loading a node, CPython's outputs, and (in `wat`) building
//! blocks for hand-written modules.
#![allow(dead_code)]

pub mod wat;

use std::path::{Path, PathBuf};
use std::process::Command;

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Node};
use serde_json::Value;

/// A file of the repository, as text.
pub fn node_source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every example node (`examples/NAME.py`), sorted, with its inputs
/// (`examples/NAME.json`, which every example must have).
pub fn examples() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| {
            let inputs = std::fs::read_to_string(p.with_extension("json"))
                .unwrap_or_else(|e| panic!("{}: every example needs its inputs file (examples/NAME.json): {e}", p.display()));
            let inputs = serde_json::from_str(&inputs).unwrap_or_else(|e| panic!("{}: inputs: {e}", p.display()));
            (p, inputs)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(found.len() >= 6, "found only {} examples", found.len());
    found
}

/// A repository node file, packed with the runtime and loaded.
pub fn load(file: &str) -> Node {
    let wasm = pack(RUNTIME_WASM, &node_source(file), Path::new(file).file_name().unwrap().to_str().unwrap()).unwrap();
    Node::load(&Engine::new(), &wasm).unwrap()
}

/// Runs the node's `run` under CPython 3 on the same inputs.
pub fn cpython_outputs(file: &str, inputs: &Value) -> Value {
    let driver = "import json, sys\nsrc = open(sys.argv[1]).read()\nns = {}\nexec(compile(src, sys.argv[1], 'exec'), ns)\n\
                  r = ns['run']({'inputs': json.loads(sys.argv[2])})\nprint(json.dumps(r['outputs']))\n";
    let out = Command::new("python3")
        .args(["-c", driver])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .arg(inputs.to_string())
        .output()
        .expect("python3 is needed to compute the expected results (apt-get install python3)");
    assert!(out.status.success(), "CPython failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs a Python program under CPython 3 (`python3 -`, the program on
/// stdin): its stdout, or its stderr when it fails.
pub fn python3(source: &str) -> Result<String, String> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("python3: {e}"))?;
    child.stdin.take().unwrap().write_all(source.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}
