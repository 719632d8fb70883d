//! Differential probes: small Python snippets run under CPython 3 (the
//! specification) and under the runtime module in wasmi, outputs compared
//! exactly, probe by probe.
//!
//! All probes of a test run in ONE module (one node whose `run` calls each
//! probe in turn), so a file of 100 probes costs one instantiation. Each
//! probe is the body of a function; what it prints is collected per probe,
//! and an exception it raises is printed as `!! TypeName: str(e)`, so error
//! types and messages are compared too.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, Node};
use serde_json::json;
use std::time::Duration;

const HEADER: &str = "\
_lines = []
def print(*args, sep=' ', end='\\n'):
    _lines.append(sep.join([str(a) for a in args]) + end)
";

const FOOTER: &str = "
def get_node():
    return {'name': 'probes', 'friendly_name': 'Probes', 'description': 'test', 'category': 'Test', 'pins': []}

def run(context):
    for name, probe in _PROBES:
        _lines.append('@@ ' + name + '\\n')
        try:
            probe()
        except Exception as e:
            _lines.append('!! ' + type(e).__name__ + ': ' + str(e) + '\\n')
    return {'outputs': {'out': ''.join(_lines)}, 'error': None}
";

/// The program: every probe as a function, then the node around them.
pub fn program(probes: &[(&str, &str)]) -> String {
    let mut src = String::from(HEADER);
    let mut table = String::from("_PROBES = [\n");
    for (i, (name, body)) in probes.iter().enumerate() {
        src.push_str(&format!("def _probe_{i}():\n"));
        let mut any = false;
        for line in body.trim_matches('\n').lines() {
            src.push_str("    ");
            src.push_str(line);
            src.push('\n');
            any = true;
        }
        if !any {
            src.push_str("    pass\n");
        }
        table.push_str(&format!("    ({name:?}, _probe_{i}),\n"));
    }
    table.push_str("]\n");
    src.push_str(&table);
    src.push_str(FOOTER);
    src
}

fn cpython(src: &str) -> String {
    let driver = format!("{src}\nimport sys\nsys.stdout.write(run({{}})['outputs']['out'])\n");
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("PYTHONIOENCODING", "utf-8")
        .spawn()
        .expect("python3 is needed for the differential tests");
    child.stdin.take().unwrap().write_all(driver.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "CPython failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn micropython(src: &str) -> String {
    let wasm = pack(RUNTIME_WASM, src, "node.py").unwrap_or_else(|e| panic!("packing the probes failed: {e}"));
    // Whole-range probes run long in an unoptimised test build.
    let limits = Limits::default().with_timeout(Some(Duration::from_secs(120)));
    let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap_or_else(|e| panic!("loading the probes failed: {e}"));
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None, "the probe node failed");
    report.result.outputs["out"].as_str().unwrap().to_string()
}

/// Splits `@@ name` sections.
fn sections(out: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for line in out.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("@@ ") {
            v.push((name.trim_end().to_string(), String::new()));
        } else if let Some(last) = v.last_mut() {
            last.1.push_str(line);
        }
    }
    v
}

/// Runs every probe both ways; panics listing each probe whose output differs.
pub fn check(probes: &[(&str, &str)]) {
    let src = program(probes);
    let want = sections(&cpython(&src));
    let got = sections(&micropython(&src));
    assert_eq!(want.len(), probes.len(), "CPython ran {} of {} probes", want.len(), probes.len());
    let mut failures = Vec::new();
    for (i, (name, body)) in probes.iter().enumerate() {
        let w = &want[i].1;
        match got.get(i) {
            Some((_, g)) if g == w => {}
            Some((_, g)) => failures.push(format!("[{name}]\n{}\n--- CPython:\n{w}--- mpnode:\n{g}", body.trim())),
            None => failures.push(format!("[{name}] did not run in mpnode")),
        }
    }
    assert!(failures.is_empty(), "{} of {} probes differ from CPython:\n\n{}", failures.len(), probes.len(), failures.join("\n\n"));
}
