//! The real runtime module (MicroPython + shim, built by build.rs) under the
//! real wasmi host: the seed node, JSON both ways, exceptions, the GC, the
//! import list and the size budget.

use std::path::Path;
use std::process::Command;

use mpnode_build::pack::{pack, pack_files, pack_with, PackOptions, SourceFile};
use mpnode_build::runtime::{RUNTIME_NO_COMPILER_WASM, RUNTIME_WASM};
use mpnode_host::{Engine, Node};
use serde_json::{json, Value};

use crate::support::{cpython_outputs, load, node_source};

#[test]
fn seed_uppercase_node() {
    let mut node = load("examples/uppercase.py");
    let def = node.definition().unwrap();
    assert_eq!(def["name"], "wasm_python_uppercase");
    assert_eq!(def["pins"].as_array().unwrap().len(), 4);
    let report = node.run(json!({"input": "hello"})).unwrap();
    assert_eq!(report.result.error, None);
    assert_eq!(report.result.outputs["output"], "HELLO");
    assert_eq!(report.result.activate_exec, vec!["exec_out".to_string()]);
    // The same Node runs again.
    let report = node.run(json!({"input": "mpnode"})).unwrap();
    assert_eq!(report.result.outputs["output"], "MPNODE");
}

/// Numbers compare by value: MicroPython writes 1e300 as 1e+300.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (xs, ys) = (x.to_string(), y.to_string());
            xs == ys || (xs.parse::<f64>().ok() == ys.parse::<f64>().ok() && (xs.contains(['.', 'e', 'E']) || ys.contains(['.', 'e', 'E'])))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))),
        _ => a == b,
    }
}

#[test]
fn json_values_round_trip_with_their_python_types() {
    let mut node = load("tests/nodes/echo_types.py");
    let inputs: Value = serde_json::from_str(
        r#"{"null": null, "t": true, "f": false, "zero": 0, "neg": -42, "i64": 9223372036854775807,
            "i64min": -9223372036854775808, "big": 123456789012345678901234567890123,
            "nbig": -98765432109876543210987654321, "pi": 3.141592653589793, "tenth": 0.1, "huge": 1e300,
            "tiny": 2.5e-300, "negf": -0.5, "s": "plain", "esc": "quote \" backslash \\ tab \t nl \n ctl \u0001",
            "uni": "héllo wörld ✓ \u00e9 😀 \ud83d\ude00", "empty_s": "", "list": [1, "a", null, [true]],
            "empty_l": [], "dict": {"a": {"b": {"c": [1, 2, {"d": null}]}}}, "empty_d": {}}"#,
    )
    .unwrap();
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let out = &report.result.outputs;
    assert!(same(&out["echo"], &inputs), "echo differs:\n{}\nvs\n{}", out["echo"], inputs);
    let types = json!({"null": "NoneType", "t": "bool", "f": "bool", "zero": "int", "neg": "int", "i64": "int",
        "i64min": "int", "big": "int", "nbig": "int", "pi": "float", "tenth": "float", "huge": "float",
        "tiny": "float", "negf": "float", "s": "str", "esc": "str", "uni": "str", "empty_s": "str",
        "list": "list", "empty_l": "list", "dict": "dict", "empty_d": "dict"});
    assert_eq!(out["types"], types);
    // Python-only values and how they reach JSON.
    assert_eq!(out["tuple"], json!([1, "two", null]));
    assert_eq!(out["bytes"], json!("AAFoaQ=="));
    assert_eq!(out["int_keys"], json!({"1": "one", "2.5": "x", "false": "f", "null": "n"}));
    assert_eq!(out["big"].to_string(), "1267650600228229401496703205376");
    assert_eq!(out["neg_big"].to_string(), "-717897987691852588770249");
    // Floats are written as CPython's repr: the shortest text that reads back
    // as the same double (patch 0020), so 0.1 + 0.2 arrives exactly.
    assert_eq!(out["float"].as_f64(), Some(0.1 + 0.2));
    assert_eq!(out["float"].to_string(), "0.30000000000000004");
    assert_eq!(out["nested"], json!([[[]], {"a": {"b": [1, [2, [3]]]}}]));
}

#[test]
fn exception_reports_type_message_and_node_py_lines() {
    let mut node = load("tests/nodes/raises.py");
    let report = node.run(json!({"n": -3})).unwrap();
    let err = report.result.error.clone().expect("the node raised, so error must be set");
    assert!(err.starts_with("Traceback (most recent call last):"), "{err}");
    assert!(err.contains("File \"raises.py\", line 15, in run"), "{err}");
    assert!(err.contains("File \"raises.py\", line 10, in check"), "{err}");
    assert!(err.ends_with("ValueError: negative input: -3"), "{err}");
    assert!(report.result.outputs.is_empty());
    assert!(report.result.activate_exec.is_empty());
    // Nothing is lost: the next run works.
    let report = node.run(json!({"n": 21})).unwrap();
    assert_eq!(report.result.error, None);
    assert_eq!(report.result.outputs["doubled"], 42);
}

#[test]
fn raising_in_get_node_is_a_load_error_with_the_traceback() {
    let wasm = pack(RUNTIME_WASM, "def get_node():\n    raise KeyError('pins')\n", "bad.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let err = node.definition().unwrap_err().to_string();
    assert!(err.contains("File \"bad.py\", line 2, in get_node"), "{err}");
    assert!(err.contains("KeyError: 'pins'"), "{err}");
}

#[test]
fn print_goes_to_the_info_log_line_by_line() {
    let src = "def get_node():\n    return {}\ndef run(c):\n    print('a', 1)\n    print('b\\nc', end='')\n    return {'outputs': {}, 'error': None}\n";
    let wasm = pack(RUNTIME_WASM, src, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({})).unwrap();
    let lines: Vec<&str> = report.logs.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(lines, ["a 1", "b", "c"]);
    assert!(report.logs.iter().all(|l| l.level == mpnode_host::LogLevel::Info));
}

#[test]
fn gc_torture_on_a_small_heap_matches_cpython() {
    // 64 KiB of heap. Each round allocates a 16-element list, a dict, a
    // list of strings, a joined string and big ints: several hundred bytes,
    // so 3000 rounds allocate well over 10x the heap while `keep` and
    // `ring` stay live across every collection.
    let heap = 64 * 1024;
    let wasm = pack_with(
        RUNTIME_WASM,
        &node_source("tests/nodes/gc_torture.py"),
        "gc_torture.py",
        &PackOptions { heap_size: Some(heap), ..Default::default() },
    )
    .unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let inputs = json!({"rounds": 3000});
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let expected = cpython_outputs("tests/nodes/gc_torture.py", &inputs);
    assert!(same(&Value::Object(report.result.outputs.clone()), &expected), "mpnode {:?}\nCPython {expected}", report.result.outputs);
    // The same node again: state left by collections is sound.
    let again = node.run(inputs).unwrap();
    assert_eq!(again.result.outputs, report.result.outputs);
}

#[test]
fn imports_only_what_flow_likes_host_provides() {
    let info = mpnode_build::inspect::inspect(RUNTIME_WASM).unwrap();
    let mut imports: Vec<String> = info.imports.iter().map(|i| format!("{}.{}", i.module, i.name)).collect();
    imports.sort();
    assert_eq!(
        imports,
        [
            "env._emscripten_throw_longjmp",
            "env.invoke_vii",
            "flowlike_log.info",
            "flowlike_log.log_json",
            "flowlike_meta.random",
            "flowlike_meta.time_now",
            "flowlike_stream.emit",
            "flowlike_stream.text"
        ]
    );
    let exports: Vec<&str> = info.exports.iter().map(|e| e.name.as_str()).collect();
    for name in [
        "memory",
        "get_node",
        "get_nodes",
        "run",
        "alloc",
        "dealloc",
        "get_abi_version",
        "_initialize",
        "__indirect_function_table",
        "emscripten_stack_get_current",
        "_emscripten_stack_restore",
        "setThrew",
    ] {
        assert!(exports.contains(&name), "missing export {name}: {exports:?}");
    }
}

#[test]
fn runtime_modules_fit_the_size_budgets() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("size-budget.txt")).unwrap();
    let budget = |name: &str| -> usize {
        let line = text.lines().find(|l| l.split_whitespace().next() == Some(name));
        let line = line.unwrap_or_else(|| panic!("size-budget.txt has no `{name}` line"));
        line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("size-budget.txt: bad line {line:?}"))
    };
    for (name, module) in [("runtime", RUNTIME_WASM), ("runtime-nocompiler", RUNTIME_NO_COMPILER_WASM)] {
        let (size, budget) = (module.len(), budget(name));
        println!("{name}: {size} bytes, budget {budget} bytes");
        assert!(size > 100_000, "the {name} module looks empty ({size} bytes)");
        assert!(size <= budget, "the {name} module is {size} bytes, over its budget of {budget} bytes in size-budget.txt");
    }
}

#[test]
fn packing_is_deterministic() {
    let src = node_source("examples/uppercase.py");
    assert_eq!(pack(RUNTIME_WASM, &src, "uppercase.py").unwrap(), pack(RUNTIME_WASM, &src, "uppercase.py").unwrap());
}

#[test]
fn mpy_cross_is_built_and_compiles_a_node() {
    let tool = mpnode_runtime::MPY_CROSS;
    let dir = std::env::temp_dir().join(format!("mpnode-mpy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let py = dir.join("uppercase.py");
    std::fs::write(&py, node_source("examples/uppercase.py")).unwrap();
    let status = Command::new(tool).arg(&py).status().unwrap();
    assert!(status.success());
    let mpy = std::fs::read(dir.join("uppercase.mpy")).unwrap();
    // .mpy header: 'M', format version 3 (v1.9.4), feature flags, small-int bits.
    assert_eq!(&mpy[..2], b"M\x03");
    assert!(mpy.windows(b"wasm_python_uppercase".len()).any(|w| w == b"wasm_python_uppercase"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sdk_style_multi_node_package_dispatches_on_node_name() {
    let mut node = load("examples/sdk_strings.py");
    let defs = node.definitions().unwrap();
    let names: Vec<&str> = defs.iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["py_reverse", "py_word_count"]);
    assert_eq!(defs[0]["pins"][1]["friendly_name"], "Text");
    assert_eq!(defs[0]["pins"][1]["data_type"], "String");
    assert_eq!(defs[0]["scores"]["privacy"], 10);
    let report = node.run(json!({"text": "abc def"})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    assert_eq!(report.result.outputs["reversed"], "fed cba");
    assert_eq!(report.result.activate_exec, vec!["exec_out".to_string()]);
    node.context_mut().node_name = Some("py_word_count".into());
    let report = node.run(json!({"text": "one two three"})).unwrap();
    assert_eq!(report.result.outputs["words"], 3);
    assert!(report.logs.iter().any(|l| l.message == "counted 3 words"), "{:?}", report.logs);
}

#[test]
fn sdk_context_streams_only_when_streaming_and_fails_cleanly() {
    let src = r#"from flow_like_wasm_sdk import *

def get_definition():
    return node('s', 'S', 'd', 'c')

def run(ctx):
    ctx.stream_progress(50, 'half')
    ctx.stream_text('tick')
    if ctx.get_bool('fail', False):
        return ctx.fail('asked to fail')
    ctx.set_output('n', ctx.require_input('n') + 1)
    return ctx.success()
"#;
    let wasm = pack(RUNTIME_WASM, src, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    assert_eq!(node.definition().unwrap()["name"], "s");
    let report = node.run(json!({"n": 1})).unwrap();
    assert_eq!(report.result.outputs["n"], 2);
    assert!(report.stream.is_empty(), "not streaming, yet: {:?}", report.stream);
    node.context_mut().stream_state = true;
    let report = node.run(json!({"n": 1})).unwrap();
    assert_eq!(report.stream.len(), 2, "{:?}", report.stream);
    assert_eq!(report.stream[0].event, "progress");
    assert_eq!(report.stream[0].data, json!({"progress": 50, "message": "half"}));
    let report = node.run(json!({"fail": true})).unwrap();
    assert_eq!(report.result.error.as_deref(), Some("asked to fail"));
    let report = node.run(json!({})).unwrap();
    assert!(report.result.error.unwrap().ends_with("ValueError: Required input 'n' not provided"));
}

#[test]
fn local_modules_are_packed_and_importable() {
    let files = [
        SourceFile::new(
            "main.py",
            "import helpers\nfrom pkg.util import twice\ndef get_node():\n    return {}\n\
def run(c):\n    return {'outputs': {'v': twice(helpers.shout(c['inputs']['s']))}, 'error': None}\n",
        ),
        SourceFile::new("helpers.py", "def shout(s):\n    return s.upper() + '!'\n"),
        SourceFile::new("pkg/__init__.py", ""),
        SourceFile::new("pkg/util.py", "def twice(s):\n    return s + s\n"),
    ];
    let wasm = pack_files(RUNTIME_WASM, &files, &PackOptions::default()).unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({"s": "hi"})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    assert_eq!(report.result.outputs["v"], "HI!HI!");
    // A module that is not packed is a clear ImportError.
    let wasm = pack(RUNTIME_WASM, "import nothere\n", "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({})).unwrap();
    assert!(report.result.error.unwrap().contains("ImportError: no module named 'nothere'"));
}

#[test]
fn str_case_methods_match_cpython_for_latin_greek_cyrillic() {
    // Every code point of Latin-1 Supplement, Latin Extended-A, Greek and
    // Coptic and Cyrillic, alone, plus words for context rules (final sigma,
    // one-to-many mappings, title case after apostrophes and digits).
    let mut strings: Vec<String> = (0x80u32..0x180).chain(0x370..0x500).filter_map(char::from_u32).map(String::from).collect();
    for w in
        ["ΟΔΟΣ ΣΑΣ Σ ΑΣ.", "straße STRASSE", "héllo wörld", "ŉ ΐ ΰ İ", "они́ Прив", "o'neil 3rd x-ray", "Ĳssel ŀl", "ABC déf", "µ ſ ı ÿ", ""]
    {
        strings.push(w.to_string());
    }
    let inputs = json!({"strings": strings});
    let mut node = load("tests/nodes/case_map.py");
    let report = node.run(inputs.clone()).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    let expected = cpython_outputs("tests/nodes/case_map.py", &inputs);
    for (method, want) in expected.as_object().unwrap() {
        let got = &report.result.outputs[method];
        for (i, (g, w)) in got.as_array().unwrap().iter().zip(want.as_array().unwrap()).enumerate() {
            assert_eq!(g, w, "{:?}.{method}() differs from CPython", strings[i]);
        }
    }
}

#[test]
fn fstrings_annotations_and_typing_in_an_sdk_node_are_lowered_when_packed() {
    let mut node = load("examples/sdk_fstrings.py");
    assert_eq!(node.definitions().unwrap()[0]["name"], "py_greet");
    let report = node.run(json!({"name": "Zoë", "times": 2})).unwrap();
    assert_eq!(report.result.error, None, "{:?}", report.result.error);
    // What CPython prints for the same expression.
    assert_eq!(report.result.outputs["greeting"], "Hello, Zoë / Hello, Zoë (3 letters,   2 times) ZOË!");
}

#[test]
fn a_malformed_fstring_fails_packing_with_file_and_line() {
    let err = pack(RUNTIME_WASM, "x = 1\ny = f'{x'\n", "node.py").unwrap_err();
    assert!(err.to_string().starts_with("node.py:2:"), "{err}");
}

#[test]
fn collect_files_finds_local_modules_transitively() {
    let dir = std::env::temp_dir().join(format!("mpnode-collect-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("main.py"), "import helpers, json\nfrom pkg.util import twice\n").unwrap();
    std::fs::write(dir.join("helpers.py"), "import other\n").unwrap();
    std::fs::write(dir.join("other.py"), "X = 1\n").unwrap();
    std::fs::write(dir.join("unused.py"), "Y = 2\n").unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
    std::fs::write(dir.join("pkg/util.py"), "def twice(s):\n    return s + s\n").unwrap();
    let files = mpnode_build::pack::collect_files(&dir.join("main.py")).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["main.py", "helpers.py", "pkg/__init__.py", "pkg/util.py", "other.py"]);
    let _ = std::fs::remove_dir_all(&dir);
}

fn example_inputs(name: &str) -> Value {
    serde_json::from_str(&node_source(&format!("examples/{name}.json"))).unwrap()
}

#[test]
fn seed_style_examples_match_cpython_on_their_input_files() {
    for name in ["uppercase", "json_transform", "fail_on_purpose"] {
        let mut node = load(&format!("examples/{name}.py"));
        let inputs = example_inputs(name);
        let report = node.run(inputs.clone()).unwrap();
        let expected = cpython_outputs(&format!("examples/{name}.py"), &inputs);
        assert!(
            same(&Value::Object(report.result.outputs.clone()), &expected),
            "{name}: {:?} vs CPython {expected}",
            report.result.outputs
        );
    }
    // The checked failure is the node's error, without a traceback.
    let mut node = load("examples/fail_on_purpose.py");
    let report = node.run(example_inputs("fail_on_purpose")).unwrap();
    assert_eq!(report.result.error.as_deref(), Some("b must not be 0: cannot divide 7 by zero"));
    // The unchecked one carries the traceback with the node's lines.
    let report = node.run(json!({"a": 1, "b": 0, "raise": true})).unwrap();
    let err = report.result.error.unwrap();
    assert!(err.contains("fail_on_purpose.py\", line 22, in divide") && err.ends_with("ZeroDivisionError: division by zero"), "{err}");
}

#[test]
fn sdk_examples_run_on_their_input_files() {
    let mut node = load("examples/progress.py");
    node.context_mut().stream_state = true;
    let report = node.run(example_inputs("progress")).unwrap();
    assert_eq!(report.result.outputs["words"], 9);
    assert_eq!(report.stream.iter().filter(|e| e.event == "progress").count(), 3);
    assert!(report.logs.iter().any(|l| l.message == "done: 9 words in 3 lines"));
    let report = load("examples/sdk_strings.py").run(example_inputs("sdk_strings")).unwrap();
    assert_eq!(report.result.outputs["reversed"], "dlrow gib olleh");
    let report = load("examples/sdk_fstrings.py").run(example_inputs("sdk_fstrings")).unwrap();
    assert_eq!(report.result.error, None);
}

#[test]
fn floats_reach_json_as_cpython_writes_them() {
    let src = "def get_node():\n    return {}\ndef run(c):\n    v = c['inputs']['v']\n    return {'outputs': {'v': v, 'sum': v[0] + v[1], 'div': 5100 / 100}, 'error': None}\n";
    let wasm = pack(RUNTIME_WASM, src, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let inputs: Value = serde_json::from_str(r#"{"v": [99.99, 0.1, 51.0, 1e-7, 123456.789, -2.5, 1e22, 0.001]}"#).unwrap();
    let report = node.run(inputs).unwrap();
    let text = serde_json::to_string(&report.result.outputs).unwrap();
    // CPython's json.dumps text (float repr): read correctly rounded, written
    // as the shortest text that reads back exactly (patch 0020).
    assert!(text.contains(r#""v":[99.99,0.1,51.0,1e-07,123456.789,-2.5,1e+22,0.001]"#), "{text}");
    assert!(text.contains(r#""sum":100.08999999999999"#), "{text}");
    assert!(text.contains(r#""div":51.0"#), "{text}");
}

#[test]
fn outputs_are_checked_against_the_declared_pins() {
    let src = r#"
def get_node():
    return {"name": "typed", "friendly_name": "T", "description": "d", "category": "c", "pins": [
        {"name": "n", "friendly_name": "N", "description": "", "pin_type": "Output", "data_type": "Integer"},
        {"name": "tags", "friendly_name": "Tags", "description": "", "pin_type": "Output", "data_type": "String", "value_type": "Array"},
        {"name": "exec_out", "friendly_name": "Out", "description": "", "pin_type": "Output", "data_type": "Execution"}]}

def run(c):
    return {"outputs": c["inputs"]["out"], "error": None}
"#;
    let wasm = pack(RUNTIME_WASM, src, "typed.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let ok = node.run(json!({"out": {"n": 3, "tags": ["a", "b"]}})).unwrap();
    assert_eq!(ok.result.error, None);
    let cases = [
        (json!({"m": 1}), "output 'm' is not an output pin of node 'typed' (its output pins: n, tags, exec_out)"),
        (json!({"n": "three"}), "output 'n' = \"three\" does not match pin 'n' of node 'typed' (Integer, Normal)"),
        (json!({"tags": ["a", 2]}), "output 'tags' = [\"a\",2] does not match pin 'tags' of node 'typed' (String, Array)"),
        (json!({"exec_out": true}), "output 'exec_out' is an execution pin; name it in activate_exec instead of setting it"),
    ];
    for (out, message) in cases {
        let report = node.run(json!({"out": out})).unwrap();
        assert_eq!(report.result.error.as_deref(), Some(message));
        assert!(report.result.activate_exec.is_empty());
    }
}
