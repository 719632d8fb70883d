//! Differential probes: each probe is a Python expression; a batch of them
//! runs once under CPython 3 (`python3`) and once as a node in wasmi, and the
//! two outputs must be equal line by line. A probe prints the type name and
//! the `repr` of its value (so `1` and `1.0` differ), or `raise` and the
//! exception's type name when it raises. A batch may start with a prelude of
//! definitions the probes use. The program is lowered as `mpnode` lowers a
//! node (f-strings and so on), so probes may use that syntax.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use mpnode_build::lower::lower;
use mpnode_build::pack::pack;
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, LogLevel, Node};
use serde_json::json;

const HEADER: &str = "\
_lines = []
def _probe(i, f):
    try:
        v = f()
        r = type(v).__name__ + ' ' + repr(v)
    except Exception as e:
        r = 'raise ' + type(e).__name__
    _lines.append(str(i) + ': ' + r)
";

const FOOTER: &str = "
def get_node():
    return {'name': 'probes', 'friendly_name': 'Probes', 'description': 'test', 'category': 'Test', 'pins': []}

def run(context):
    for line in _lines:
        print(line)
    return {'outputs': {}, 'error': None}
";

fn program(prelude: &str, probes: &[&str]) -> String {
    let mut s = String::from(HEADER);
    s.push_str(prelude);
    s.push('\n');
    for (i, p) in probes.iter().enumerate() {
        s.push_str(&format!("_probe({i}, lambda: ({p}))\n"));
    }
    s.push_str(FOOTER);
    s
}

fn python(source: &str) -> String {
    let mut child =
        Command::new("python3").arg("-").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("python3");
    child.stdin.take().unwrap().write_all(source.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "CPython failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn micropython(source: &str) -> String {
    let lowered = lower(source).unwrap_or_else(|e| panic!("lower: {e}"));
    let wasm = pack(RUNTIME_WASM, &lowered, "node.py").unwrap();
    let engine = Engine::new();
    let mut node = Node::load(&engine, &wasm).unwrap_or_else(|e| panic!("load: {e}"));
    let report = node.run(json!({})).unwrap();
    if let Some(error) = report.result.error {
        panic!("the batch failed in the module:\n{error}");
    }
    let mut out = String::new();
    for entry in report.logs.iter().filter(|e| e.level == LogLevel::Info) {
        out.push_str(&entry.message);
        out.push('\n');
    }
    out
}

/// Runs the probes both ways and fails listing every probe whose line differs.
pub fn check(area: &str, prelude: &str, probes: &[&str]) {
    let source = program(prelude, probes);
    let expected = python(&format!("{source}\nrun({{}})\n"));
    let got = micropython(&source);
    let exp: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(exp.len(), probes.len(), "CPython printed {} lines for {} probes", exp.len(), probes.len());
    let mut failures = Vec::new();
    for (i, p) in probes.iter().enumerate() {
        let g = got.get(i).copied().unwrap_or("<missing>");
        if g != exp[i] {
            failures.push(format!("  {p}\n    CPython: {}\n    mpnode:  {g}", exp[i]));
        }
    }
    assert!(failures.is_empty(), "{area}: {} of {} probes differ:\n{}", failures.len(), probes.len(), failures.join("\n"));
}
