//! Realistic node programs (`tests/corpus/NAME.py`) against CPython 3.11:
//! the measure of the product's promise that a node author's CPython code
//! gives CPython's result.
//!
//! Each program is a whole seed-style node (text cleaning, CSV/JSON
//! reshaping, dates, money, regex, hashing, validation, classes, small
//! algorithms) whose first line is `# inputs: {json}`. It is built exactly
//! as `mpnode build` builds it (lowering, bytecode, the library it imports,
//! the runtime without the compiler, the start-up snapshot), run once in
//! wasmi on those inputs, and compared with `run({"inputs": …})` under the
//! machine's `python3`: the outputs as JSON text (key order and number text
//! included), or, when the node raises, the traceback's last line.
//!
//! A program that differs must be listed in `tests/corpus/known_failures.txt`
//! with its cause, or the test fails; a listed program that now passes is
//! reported (remove it from the list then). The pass rate is printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use mpnode_host::{Engine, Limits, Node};
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every program of the corpus, sorted by name, with its inputs.
fn programs() -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        let first = source.lines().next().unwrap_or_default();
        let inputs = first.strip_prefix("# inputs: ").unwrap_or_else(|| panic!("{name}.py: the first line must be `# inputs: {{json}}`"));
        let inputs = serde_json::from_str(inputs).unwrap_or_else(|e| panic!("{name}.py: inputs: {e}"));
        found.push((name, source, inputs));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// What a program gives: its outputs as JSON text, or `raised: <last
/// traceback line>`.
fn cpython(source: &str, inputs: &Value) -> String {
    let driver = "import json, sys, traceback\nns = {'__name__': 'node'}\n\
                  exec(compile(sys.argv[1], 'node.py', 'exec'), ns)\n\
                  try:\n    r = ns['run']({'inputs': json.loads(sys.argv[2])})\n\
                  except Exception as e:\n    print('raised: ' + traceback.format_exception_only(type(e), e)[-1].strip())\n\
                  else:\n    print(json.dumps(r['outputs']) if r.get('error') is None else 'error: ' + r['error'])\n";
    let out = Command::new("python3")
        .args(["-c", driver, source, &inputs.to_string()])
        .env("TZ", "UTC")
        .output()
        .expect("python3 is needed to compute the expected results (apt-get install python3)");
    assert!(out.status.success(), "CPython failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => v.to_string(),
        Err(_) => text,
    }
}

fn mpnode(source: &str, inputs: &Value) -> String {
    let artifact = match mpnode_build::Builder::from_source(source, "node.py").build() {
        Ok(a) => a,
        Err(e) => return format!("build failed: {e}"),
    };
    let limits = Limits::default().with_memory(64 << 20);
    let mut node = match Node::load_with_limits(&Engine::new(), &artifact.wasm, limits) {
        Ok(n) => n,
        Err(e) => return format!("load failed: {e}"),
    };
    let report = match node.run(inputs.clone()) {
        Ok(r) => r,
        Err(e) => return format!("run failed: {e}"),
    };
    match report.result.error {
        Some(error) => {
            let last = error.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().trim().to_string();
            if error.contains("Traceback") {
                format!("raised: {last}")
            } else {
                format!("error: {error}")
            }
        }
        None => Value::Object(report.result.outputs).to_string(),
    }
}

/// `name  cause` lines of `known_failures.txt`.
fn known_failures() -> Vec<String> {
    let text = std::fs::read_to_string(corpus_dir().join("known_failures.txt")).unwrap_or_default();
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split_whitespace().next().unwrap().to_string()).collect()
}

#[test]
fn realistic_programs_give_cpythons_result() {
    let programs = programs();
    assert!(programs.len() >= 40, "only {} programs", programs.len());
    let known = known_failures();
    for name in &known {
        assert!(programs.iter().any(|p| &p.0 == name), "known_failures.txt names {name}, which is not in tests/corpus");
    }
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let chunks: Vec<Vec<(String, String, Value)>> =
        (0..threads).map(|t| programs.iter().skip(t).step_by(threads).cloned().collect()).collect();
    let mut results: Vec<(String, String, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk.iter().map(|(name, src, inputs)| (name.clone(), cpython(src, inputs), mpnode(src, inputs))).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    results.sort();
    let passed = results.iter().filter(|r| r.1 == r.2).count();
    println!("corpus: {passed} of {} realistic programs give CPython's result", results.len());
    let mut unexpected = String::new();
    let mut fixed = Vec::new();
    for (name, want, got) in &results {
        let listed = known.contains(name);
        if want != got && !listed {
            unexpected.push_str(&format!("--- {name}\nCPython: {want}\nmpnode:  {got}\n"));
        } else if want == got && listed {
            fixed.push(name.clone());
        } else if listed {
            println!("known difference {name}:\n  CPython: {want}\n  mpnode:  {got}");
        }
    }
    if !fixed.is_empty() {
        println!("these programs pass now; remove them from tests/corpus/known_failures.txt: {fixed:?}");
    }
    assert!(
        unexpected.is_empty(),
        "programs that differ from CPython 3.11 (fix, or list with the cause in known_failures.txt):\n{unexpected}"
    );
}
