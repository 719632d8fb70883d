//! Flow-Like SDK parity (issue 14), through the real module in wasmi:
//! nodes written as Flow-Like's Python template writes them (`from sdk
//! import …`, `run(node_name, ctx)`), built by the same pipeline as
//! `mpnode build`, their results as Flow-Like's SDK defines them.
//!
//! - `multi_node_package_dispatches_on_node_name`: a `run(node_name, ctx)`
//!   package builds and runs unmodified, every node.
//! - `result_rules_*`: `activate_exec` is what the node activated
//!   (`success()` adds `exec_out`, `finish()` nothing, `fail()` sets the
//!   error), next to the seed dict rule.
//! - `inputs_*`: a JSON null is a missing input for every getter and for
//!   `require_input`; getters convert as Flow-Like's do.
//! - `definitions_*`: pin defaults, `with_range`, `with_schema_model`,
//!   keyword fields of `NodeDefinition`, `PackageNodes`.
//! - `sdk_surface_matches_cpython`: one snippet that exercises the public
//!   surface (both import names, submodules, MockHostBridge, LogLevel, the
//!   dataclass-like records) prints the same under CPython 3 and in the
//!   module.
//! - `core_host_*`: what the SDK does inside Flow-Like's core-module host.
//! - `run_shape_*`: the build refuses a `run` no host can call.

use std::path::Path;
use std::process::Command;

use mpnode_build::Builder;
use mpnode_host::{Engine, Node};
use serde_json::{json, Value};

fn build(source: &str, name: &str) -> Node {
    let artifact = Builder::from_source(source, name).build().unwrap_or_else(|e| panic!("{name}: {e}"));
    Node::load(&Engine::new(), &artifact.wasm).unwrap()
}

fn envelope(node_name: &str, inputs: Value) -> Vec<u8> {
    json!({"inputs": inputs, "node_id": "n1", "run_id": "r1", "app_id": "a1", "board_id": "b1", "user_id": "u1",
           "stream_state": true, "log_level": 0, "node_name": node_name})
    .to_string()
    .into_bytes()
}

/// (outputs, error, activate_exec) of one run of `node_name`.
fn run(node: &mut Node, node_name: &str, inputs: Value) -> (Value, Option<String>, Vec<String>) {
    let report = node.run_envelope(&envelope(node_name, inputs)).unwrap();
    let r = report.result;
    (Value::Object(r.outputs), r.error, r.activate_exec)
}

#[test]
fn multi_node_package_dispatches_on_node_name() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sdk_text_kit.py");
    let artifact = Builder::new(&path).build().unwrap();
    let names: Vec<&str> = artifact.definitions.iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["kit_slugify", "kit_word_stats", "kit_clip"]);
    let mut node = Node::load(&Engine::new(), &artifact.wasm).unwrap();
    let text = json!({"text": "Hello, big World of 2026!", "separator": "_", "limit": 9});
    assert_eq!(run(&mut node, "kit_slugify", text.clone()), (json!({"slug": "hello_big_world_of_2026"}), None, vec!["exec_out".into()]));
    assert_eq!(run(&mut node, "kit_word_stats", text.clone()), (json!({"words": 5, "longest": "Hello,"}), None, vec!["exec_out".into()]));
    assert_eq!(
        run(&mut node, "kit_clip", text.clone()),
        (json!({"clipped": "Hello, bi"}), None, vec!["was_clipped".to_string(), "exec_out".to_string()])
    );
    assert_eq!(run(&mut node, "kit_clip", json!({"text": "x", "limit": -1})).1.as_deref(), Some("limit must not be negative, got -1"));
    assert_eq!(run(&mut node, "kit_nope", text).1.as_deref(), Some("Unknown node: kit_nope"));
}

const RESULTS: &str = r#"
from sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType

def get_definitions():
    d = NodeDefinition("results", "Results", "result rules", "Test")
    d.add_pin(PinDefinition.output_exec("a"))
    d.add_pin(PinDefinition.output_exec("b"))
    d.add_pin(PinDefinition.output_pin("x", PinType.I64))
    return [d]

def run(node_name, ctx):
    how = ctx.get_string("how")
    if how == "nothing":
        return ctx.finish()
    if how == "none":
        return None
    if how == "success":
        ctx.set_output("x", 1)
        return ctx.success()
    if how == "branch":
        ctx.activate_exec("b")
        ctx.activate_exec("a")
        return ctx.finish()
    if how == "branch_and_success":
        ctx.activate_exec("a")
        return ctx.success()
    if how == "fail":
        ctx.activate_exec("a")
        return ctx.fail("broken: " + node_name)
    if how == "result_ok":
        return ExecutionResult.ok().set_output("x", 2)
    if how == "result_exec":
        return ExecutionResult.ok().exec("b").exec("b")
    if how == "result_fail":
        return ExecutionResult.fail("nope")
    if how == "pending":
        ctx.set_pending(True)
        return ctx.finish()
    if how == "dict":
        return {"outputs": {"x": 3}, "error": None}
    raise ValueError(how)
"#;

#[test]
fn result_rules_follow_flow_likes_sdk() {
    let mut node = build(RESULTS, "results.py");
    let case = |node: &mut Node, how: &str| {
        let report = node.run_envelope(&envelope("results", json!({"how": how}))).unwrap();
        report.result.to_json()
    };
    let r = |outputs: Value, error: Value, exec: Value, pending: Value| json!({"outputs": outputs, "error": error, "activate_exec": exec, "pending": pending});
    assert_eq!(case(&mut node, "nothing"), r(json!({}), Value::Null, json!([]), Value::Null));
    assert_eq!(case(&mut node, "none"), r(json!({}), Value::Null, json!([]), Value::Null));
    assert_eq!(case(&mut node, "success"), r(json!({"x": 1}), Value::Null, json!(["exec_out"]), Value::Null));
    assert_eq!(case(&mut node, "branch"), r(json!({}), Value::Null, json!(["b", "a"]), Value::Null));
    assert_eq!(case(&mut node, "branch_and_success"), r(json!({}), Value::Null, json!(["a", "exec_out"]), Value::Null));
    assert_eq!(case(&mut node, "fail"), r(json!({}), json!("broken: results"), json!(["a"]), Value::Null));
    assert_eq!(case(&mut node, "result_ok"), r(json!({"x": 2}), Value::Null, json!([]), Value::Null));
    assert_eq!(case(&mut node, "result_exec"), r(json!({}), Value::Null, json!(["b", "b"]), Value::Null));
    assert_eq!(case(&mut node, "result_fail"), r(json!({}), json!("nope"), json!([]), Value::Null));
    assert_eq!(case(&mut node, "pending"), r(json!({}), Value::Null, json!([]), json!(true)));
    // A dict returned from an SDK-style run keeps the seed rule.
    assert_eq!(case(&mut node, "dict"), r(json!({"x": 3}), Value::Null, json!(["exec_out"]), Value::Null));
}

#[test]
fn result_rules_seed_dict_style_keeps_its_documented_rule() {
    let src = "def get_node():\n    return {'name': 'seed', 'friendly_name': 'S', 'description': 'd', 'category': 'c', 'pins': []}\n\
               def run(context):\n    how = context['inputs'].get('how')\n    if how == 'plain':\n        return {'outputs': {}, 'error': None}\n\
               \x20   if how == 'error':\n        return {'outputs': {}, 'error': 'bad'}\n    return {'outputs': {}, 'error': None, 'activate_exec': []}\n";
    let mut node = build(src, "seed.py");
    assert_eq!(run(&mut node, "seed", json!({"how": "plain"})).2, ["exec_out"]);
    assert_eq!(run(&mut node, "seed", json!({"how": "error"})).2, Vec::<String>::new());
    assert_eq!(run(&mut node, "seed", json!({"how": "empty"})).2, Vec::<String>::new());
}

const INPUTS: &str = r#"
from sdk import Context, NodeDefinition, PinDefinition, PinType

def get_definition():
    d = NodeDefinition("inputs", "Inputs", "input rules", "Test")
    d.add_pin(PinDefinition.output_pin("got", PinType.GENERIC))
    return d

def run(ctx):
    got = [ctx.get_string("v", "dflt"), ctx.get_i64("v", -1), ctx.get_f64("v", -1.5), ctx.get_bool("v", True),
           ctx.get_input("v"), ctx.get_string("missing"), ctx.get_i64("n"), ctx.get_f64("n"), ctx.get_bool("n"),
           ctx.get_string("n"), ctx.get_i64("s"), ctx.get_f64("s"), ctx.get_bool("zero"), ctx.get_i64("f")]
    ctx.set_output("got", got)
    if ctx.get_bool("require"):
        ctx.require_input("v")
    return ctx.success()
"#;

#[test]
fn inputs_null_is_missing_and_getters_convert() {
    let mut node = build(INPUTS, "inputs.py");
    let inputs = json!({"v": null, "n": 7, "s": "12", "zero": 0, "f": 3.9});
    let (outputs, error, _) = run(&mut node, "inputs", inputs.clone());
    assert_eq!(error, None);
    assert_eq!(outputs["got"], json!(["dflt", -1, -1.5, true, null, null, 7, 7.0, true, "7", 12, 12.0, false, 3]));
    let mut required = inputs;
    required["require"] = json!(true);
    let (_, error, exec) = run(&mut node, "inputs", required);
    let error = error.unwrap();
    assert!(error.ends_with("ValueError: Required input 'v' not provided"), "{error}");
    assert!(exec.is_empty());
}

const DEFINITIONS: &str = r##"
from flow_like_wasm_sdk import NodeDefinition, PinDefinition, PinType, PackageNodes, NodeScores
from flow_like_wasm_sdk.helpers import node, humanize

class Config:
    @classmethod
    def model_json_schema(cls):
        return {"type": "object"}

def get_definitions():
    a = NodeDefinition("def_a", "A", "first", "Test", icon="/icons/a.svg", docs="# A", long_running=True,
                       scores=NodeScores(privacy=3))
    a.add_pin(PinDefinition.input_exec())
    a.add_pin(PinDefinition.input_pin("max_items", PinType.I64, default=5).with_range(1, 10))
    a.add_pin(PinDefinition.input_pin("config", PinType.STRUCT).with_schema_model(Config))
    a.add_pin(PinDefinition.output_pin("when", PinType.DATE, description="the time", friendly_name="When?"))
    a.add_pin(PinDefinition.output_exec())
    a.add_permission("http")
    b = node("def_b", humanize("second_node"), "second", "Test")
    return PackageNodes().add_node(a).add_node(b)

def run(ctx):
    return ctx.success()
"##;

#[test]
fn definitions_follow_flow_likes_defaults() {
    let artifact = Builder::from_source(DEFINITIONS, "defs.py").build().unwrap();
    let d = &artifact.definitions;
    assert_eq!(d.len(), 2);
    let a = &d[0];
    assert_eq!((a["icon"].as_str(), a["docs"].as_str(), a["long_running"].as_bool()), (Some("/icons/a.svg"), Some("# A"), Some(true)));
    assert_eq!(a["scores"], json!({"privacy": 3, "security": 0, "performance": 0, "governance": 0, "reliability": 0, "cost": 0}));
    assert_eq!(a["permissions"], json!(["http"]));
    assert_eq!(a["abi_version"], json!(1));
    let pins = a["pins"].as_array().unwrap();
    let pin = |i: usize, k: &str| pins[i][k].clone();
    assert_eq!((pin(0, "name"), pin(0, "friendly_name"), pin(0, "description")), (json!("exec"), json!("Exec"), json!("Input: exec")));
    assert_eq!((pin(1, "friendly_name"), pin(1, "description")), (json!("Max Items"), json!("Input: max_items")));
    assert_eq!((pin(1, "default_value"), pin(1, "range")), (json!(5), json!([1, 10])));
    assert_eq!(pin(2, "schema"), json!("{\"type\": \"object\"}"));
    assert_eq!((pin(3, "friendly_name"), pin(3, "description"), pin(3, "data_type")), (json!("When?"), json!("the time"), json!("Date")));
    assert_eq!((pin(4, "name"), pin(4, "description")), (json!("exec_out"), json!("Output: exec_out")));
    assert!(pins[0].get("default_value").is_none() && pins[0].get("schema").is_none());
    assert_eq!((d[1]["name"].as_str(), d[1]["friendly_name"].as_str()), (Some("def_b"), Some("Second Node")));
    assert_eq!(d[1]["pins"], json!([]));
}

/// Exercises the SDK's public surface; prints only what prints the same in
/// CPython 3 and MicroPython v1.9.4 (no dict reprs: v1.9.4's dicts are
/// unordered).
const SURFACE: &str = r#"
import json
import sdk
import flow_like_wasm_sdk as fl
from flow_like_wasm_sdk import types, context, host, helpers
from flow_like_wasm_sdk.types import LogLevel, PinType, ExecutionInput, ExecutionResult, PinDefinition, NodeDefinition
from flow_like_wasm_sdk.context import Context
from flow_like_wasm_sdk.host import HostBridge, MockHostBridge, set_host, get_host

def show(*a):
    print(*a)

def items(d):
    return sorted(d.items())

def check():
    show("same objects", fl.Context is sdk.Context is context.Context, types.LogLevel is sdk.LogLevel, host.set_host is sdk.set_host, helpers.node is sdk.node)
    show("abi", fl.ABI_VERSION, sdk.ABI_VERSION)
    w = LogLevel.WARN
    show("loglevel", repr(w), str(w), int(w), w.name, w.value, w == 2, 2 == w, 1 <= w, w < LogLevel.ERROR, w + 1, 1 + w, "%d" % w, [10, 11, 12][w], isinstance(w, int), max(w, 1), LogLevel(3).name, LogLevel.FATAL > LogLevel.DEBUG)
    show("pintype", PinType.validate("PathBuf"), PinType.EXEC, PinType.STRUCT, sorted(PinType._ALL))
    for bad in ("Integer", "string", "Execution"):
        try:
            PinType.validate(bad)
        except ValueError as e:
            show("invalid", str(e).split(".")[0])
    try:
        PinDefinition.input_pin("x", "Float")
    except ValueError as e:
        show("input_pin validates", str(e).startswith("Invalid pin data type: Float"))
    show("no validation in the constructor", PinDefinition("x", "X", "d", "Input", "Whatever").data_type)
    p = PinDefinition.input_pin("pct", PinType.F64).with_range(0.0, 100.0).with_valid_values(["a"]).with_value_type("Array")
    show("pin", p.range, items(p.to_dict()))
    show("pin eq", p == PinDefinition.input_pin("pct", PinType.F64).with_range(0.0, 100.0).with_valid_values(["a"]).with_value_type("Array"), p != p)
    show("repr", repr(PinDefinition.output_exec()))
    n = NodeDefinition(name="n", friendly_name="N", description="d", category="c", icon="i")
    show("node", n.pins, n.permissions, n.icon, n.scores, n.abi_version, items(n.to_dict()))
    show("fresh lists", NodeDefinition("a", "A", "d", "c").pins is not NodeDefinition("a", "A", "d", "c").pins)
    for args, kwargs in (((), {}), (("a", "b", "c", "d", "e", [], None, None, None, [], 1, 2), {}), (("a", "b", "c", "d"), {"nope": 1}), (("a",), {"name": "b"})):
        try:
            NodeDefinition(*args, **kwargs)
        except TypeError as e:
            show("typeerror", str(e))
    show("humanize", fl.humanize("http_get_json"), fl.humanize("__x__y"), helpers.humanize("ALL_CAPS"))
    ei = ExecutionInput.from_json('{"inputs": {"a": 1}, "node_id": "n", "log_level": 2, "stream_state": true}')
    show("input", items(ei.inputs), ei.node_id, ei.run_id == "", ei.log_level, ei.stream_state, ei.node_name == "")
    show("input defaults", ExecutionInput.from_dict({}).inputs, ExecutionInput.from_dict({}).log_level == LogLevel.INFO)
    r = ExecutionResult.ok()
    show("result", r.outputs, r.error, r.activate_exec, r.pending, items(r.to_dict()))
    r = ExecutionResult.fail("boom").set_output("x", 1).exec("a").set_pending(False)
    show("result2", items(r.to_dict()), json.loads(r.to_json())["error"])
    h = MockHostBridge()
    ctx = Context(ExecutionInput({"s": "hi", "n": None}, node_name="nn", stream_state=True, log_level=LogLevel.WARN), h)
    show("meta", ctx.node_name, ctx.node_id == "", ctx.stream_enabled, ctx.log_level)
    ctx.debug("d"); ctx.info("i"); ctx.warn("w"); ctx.error("e")
    ctx.stream_text("t"); ctx.stream_json([1, 2]); ctx.stream_progress(0.5, "half")
    show("logs", h.logs, [(e, json.loads(d) if e != "text" else d) for e, d in h.streams])
    show("vars", ctx.get_variable("v"), ctx.set_variable("v", [1]), ctx.get_variable("v"), ctx.has_variable("v"), ctx.delete_variable("v"), ctx.has_variable("v"), ctx.get_variable("v", "dflt"))
    show("cache", ctx.cache_get("k"), ctx.cache_set("k", 2), ctx.cache_has("k"), ctx.cache_get("k"), ctx.cache_delete("k"), ctx.cache_has("k"))
    fp = ctx.storage_dir(node_scoped=True)
    show("storage", fp["path"], ctx.upload_dir()["path"], ctx.cache_dir()["path"], ctx.user_dir()["path"], ctx.storage_read({"path": "f"}))
    show("storage rw", ctx.storage_write({"path": "d/a"}, b"x"), ctx.storage_write({"path": "e/b"}, b"y"), ctx.storage_read({"path": "d/a"}), [f["path"] for f in ctx.storage_list({"path": "d/", "store_ref": "s"})])
    show("embed", ctx.embed_text({"id": "m"}, ["a", "b"]))
    h.oauth_tokens["gh"] = {"access_token": "t"}
    show("oauth", ctx.has_oauth_token("gh"), ctx.get_oauth_token("gh")["access_token"], ctx.get_oauth_token("x"))
    show("http", items(ctx.http_get("https://example.com")), ctx.http_post("u", b"b")["status"])
    base = Context.from_dict({"inputs": {}}, HostBridge())
    show("base host", base.get_variable("x"), base.set_variable("x", 1), base.http_get("u"), base.storage_dir(), base.cache_has("k"), HostBridge().time_now(), HostBridge().random(), MockHostBridge().random())
    show("require", ctx.require_input("s"))
    try:
        ctx.require_input("n")
    except ValueError as e:
        show("require", str(e))
    show("success", ctx.success().activate_exec, Context.from_dict({"inputs": {}}, h).fail("f").activate_exec)
    original = get_host()
    m = MockHostBridge()
    set_host(m)
    show("set_host", get_host() is m, Context.from_dict({"inputs": {}})._host is m, sdk.get_host() is m)
    set_host(original)
    pkg = fl.PackageNodes()
    show("package", pkg.to_dict(), pkg.add_node(NodeDefinition("a", "A", "d", "c")) is pkg, [d["name"] for d in json.loads(pkg.to_json())])
"#;

fn surface_node() -> String {
    format!(
        "{SURFACE}\nfrom sdk import NodeDefinition as _ND\ndef get_definition():\n    return _ND('surface', 'Surface', 'd', 'Test')\n\n\
         def run(ctx):\n    check()\n    return ctx.success()\n"
    )
}

/// A fresh directory under the target directory's tmp.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sdk_flowlike-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `sdk.py` and the `flow_like_wasm_sdk` package as CPython imports them
/// (only those: the rest of pylib/ would shadow CPython's own modules).
fn cpython_sdk_dir() -> std::path::PathBuf {
    let dir = temp_dir("cpython");
    let pylib = Path::new(env!("CARGO_MANIFEST_DIR")).join("pylib");
    std::fs::copy(pylib.join("sdk.py"), dir.join("sdk.py")).unwrap();
    let pkg = dir.join("flow_like_wasm_sdk");
    std::fs::create_dir(&pkg).unwrap();
    for entry in std::fs::read_dir(pylib.join("flow_like_wasm_sdk")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, pkg.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn sdk_surface_matches_cpython() {
    let dir = cpython_sdk_dir();
    let script = format!("{SURFACE}\ncheck()\n");
    let out = Command::new("python3")
        .args(["-c", &script])
        .env("PYTHONPATH", &dir)
        .output()
        .expect("python3 is needed to compute the expected results (apt-get install python3)");
    assert!(out.status.success(), "CPython failed: {}", String::from_utf8_lossy(&out.stderr));
    let expected = String::from_utf8(out.stdout).unwrap();

    let mut node = build(&surface_node(), "surface.py");
    let report = node.run_envelope(&envelope("surface", json!({}))).unwrap();
    assert_eq!(report.result.error, None);
    let got: String = report.logs.iter().map(|l| format!("{}\n", l.message)).collect();
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    for (i, line) in e.iter().enumerate() {
        assert_eq!(g.get(i), Some(line), "line {} differs", i + 1);
    }
    assert_eq!(g.len(), e.len());
    assert!(e.len() > 30, "{expected}");
}

const CORE: &str = r#"
from sdk import Context, NodeDefinition, PinDefinition, PinType, LogLevel, get_host

def get_definition():
    d = NodeDefinition("core", "Core", "core host", "Test")
    d.add_pin(PinDefinition.output_pin("out", PinType.GENERIC))
    return d

def run(ctx):
    what = ctx.get_string("what")
    if what == "vars":
        n = (ctx.get_variable("count") or 0) + 1
        ctx.set_output("out", [ctx.set_variable("count", n), n, ctx.has_variable("count"), ctx.cache_has("k")])
        ctx.cache_set("k", 1)
    elif what == "log":
        ctx.debug("d"); ctx.info("i"); ctx.warn("w"); ctx.error("e")
        ctx.stream_text("text"); ctx.stream_progress(0.25, "quarter")
        ctx.set_output("out", [type(get_host()).__name__, get_host().time_now() >= 0, ctx.log_level <= LogLevel.WARN])
    else:
        getattr(ctx, what)("https://example.com")
    return ctx.success()
"#;

#[test]
fn core_host_logs_streams_keeps_variables_and_names_what_it_cannot_do() {
    let mut node = build(CORE, "core.py");
    assert_eq!(run(&mut node, "core", json!({"what": "vars"})).0["out"], json!([true, 1, true, false]));
    assert_eq!(run(&mut node, "core", json!({"what": "vars"})).0["out"], json!([true, 2, true, true]));
    let mut env: Value = serde_json::from_slice(&envelope("core", json!({"what": "log"}))).unwrap();
    env["log_level"] = json!(2);
    let report = node.run_envelope(env.to_string().as_bytes()).unwrap();
    assert_eq!(report.result.outputs["out"], json!(["_CoreHost", true, true]));
    let logs: Vec<String> = report.logs.iter().map(|l| format!("{:?} {}", l.level, l.message)).collect();
    assert_eq!(logs, ["Warn w", "Error e"]);
    let stream: Vec<String> = report.stream.iter().map(|s| format!("{s:?}")).collect();
    assert_eq!(stream.len(), 2, "{stream:?}");
    assert!(stream[0].contains("text") && stream[1].contains("quarter"), "{stream:?}");
    for what in ["http_get", "storage_dir", "has_oauth_token", "storage_list"] {
        let (_, error, exec) = run(&mut node, "core", json!({"what": what}));
        let error = error.unwrap();
        assert!(error.contains("NotImplementedError") && error.contains("core-module host"), "{what}: {error}");
        assert!(exec.is_empty());
    }
}

#[test]
fn run_shape_no_host_can_call_is_a_build_error() {
    let src = "from sdk import NodeDefinition\ndef get_definition():\n    return NodeDefinition('x', 'X', 'd', 'c')\n\ndef run(a, b, c):\n    pass\n";
    let err = Builder::from_source(src, "three.py").build().unwrap_err().to_string();
    assert!(err.contains("three.py:5: run(a, b, c) cannot be called"), "{err}");
    // Both shapes a host can call build and run.
    for (sig, call) in [("run(ctx)", "ctx"), ("run(node_name, ctx)", "ctx"), ("run(ctx, extra=None)", "ctx"), ("run(*args)", "args[-1]")] {
        let src = format!(
            "from sdk import NodeDefinition, PinDefinition, PinType\ndef get_definition():\n    d = NodeDefinition('x', 'X', 'd', 'c')\n    \
             d.add_pin(PinDefinition.output_pin('n', PinType.I64))\n    return d\n\ndef {sig}:\n    c = {call}\n    c.set_output('n', 1)\n    return c.success()\n"
        );
        let mut node = build(&src, "shape.py");
        assert_eq!(run(&mut node, "x", json!({})), (json!({"n": 1}), None, vec!["exec_out".to_string()]), "{sig}");
    }
}

#[test]
fn manifest_of_another_module_is_not_replaced() {
    let dir = temp_dir("manifest");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = |out: &str, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mpnode"))
            .arg("build")
            .arg(root.join("examples/sdk_flow_control.py"))
            .arg("-o")
            .arg(dir.join(out))
            .args(extra)
            .arg("--no-snapshot")
            .output()
            .unwrap()
    };
    assert!(build("one.wasm", &[]).status.success());
    assert!(build("one.wasm", &[]).status.success(), "rebuilding the same module replaces its own manifest");
    let second = build("two.wasm", &[]);
    assert_eq!(second.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("describes the module one.wasm, not two.wasm"), "{stderr}");
    assert!(!dir.join("two.wasm").exists());
    let manifest = dir.join("two.toml");
    assert!(build("two.wasm", &["--manifest", manifest.to_str().unwrap()]).status.success());
    let text = std::fs::read_to_string(manifest).unwrap();
    assert!(text.contains("wasm_path = \"two.wasm\""), "{text}");
    assert!(text.contains("id = \"flow_fan_out\""), "{text}");
}
