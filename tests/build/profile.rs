//! Profiles (`mpnode_build::profile`, `mpnode bench --profile`): the
//! instrumented copy must behave like the module, and its counts must be
//! the exact counts of small programs whose work is known.

use mpnode_build::profile::{instrument, profile, Profile};
use mpnode_build::Builder;
use mpnode_host::{Engine, Limits, Node};
use serde_json::{json, Value};

fn built(source: &str) -> Vec<u8> {
    Builder::from_source(source, "node.py").validate(false).build().unwrap().wasm
}

const SEED: &str = include_str!("../../examples/uppercase.py");

fn profile_of(wasm: &[u8], inputs: Value, runs: u32) -> Profile {
    profile(&Engine::new(), wasm, inputs, runs, Limits::default(), None).unwrap()
}

fn function<'a>(p: &'a Profile, name: &str) -> &'a mpnode_build::profile::FunctionProfile {
    p.functions
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{name} is not in the profile: {:?}", p.functions.iter().map(|f| &f.name).collect::<Vec<_>>()))
}

#[test]
fn the_instrumented_module_runs_as_the_module_does() {
    let wasm = built(SEED);
    let instrumented = instrument(&wasm).unwrap();
    assert!(instrumented.defined_functions > 500, "{}", instrumented.defined_functions);
    assert!(!instrumented.sites.is_empty());
    let engine = Engine::new();
    let mut plain = Node::load_with_limits(&engine, &wasm, Limits::default()).unwrap();
    let mut counted = Node::load_with_limits(&engine, &instrumented.wasm, Limits::default()).unwrap();
    for text in ["hello", "ünïcode", ""] {
        let a = plain.run(json!({ "input": text })).unwrap();
        let b = counted.run(json!({ "input": text })).unwrap();
        assert_eq!(a.result.to_json(), b.result.to_json());
    }
    // Counters are read from the live instance; the plain module has none.
    assert!(counted.exported_i64("mpnode.profile.calls.0").is_some());
    assert_eq!(plain.exported_i64("mpnode.profile.calls.0"), None);
}

#[test]
fn a_profile_names_the_runtime_functions_and_counts_calls_exactly() {
    // Each run makes the VM run the node's `run` once, and the shim parse
    // one envelope; 5 runs make 5 times the calls of 1 run.
    let wasm = built(SEED);
    let one = profile_of(&wasm, json!({"input": "hello"}), 1);
    let five = profile_of(&wasm, json!({"input": "hello"}), 5);
    assert_eq!(function(&one, "mp_execute_bytecode_loop").calls, 1.0);
    assert_eq!(function(&five, "mp_execute_bytecode_loop").calls, 1.0);
    assert_eq!(function(&one, "mpnode_shim::json::parse").calls, 1.0);
    assert!(one.instructions > 1000.0, "{}", one.instructions);
    // Sorted, most instructions first, and the total is their sum.
    assert!(one.functions.windows(2).all(|w| w[0].instructions >= w[1].instructions));
    let sum: f64 = one.functions.iter().map(|f| f.instructions).sum();
    assert_eq!(sum, one.instructions);
    // The direct callers of the JSON parser's entry.
    let parse = function(&one, "mpnode_shim::json::parse");
    assert!(parse.callers.iter().any(|(name, n)| name.contains("node::run") && *n == 1.0), "{:?}", parse.callers);
}

#[test]
fn instruction_and_loop_counts_grow_with_the_work() {
    // A Python loop of n iterations runs the VM's dispatch loop about n
    // times per bytecode: the counts must scale with n, not stay flat.
    let source = "def get_node():\n    return {'name': 'n', 'pins': []}\n\ndef run(context):\n    n = context['inputs']['n']\n    t = 0\n    for i in range(n):\n        t += i\n    return {'outputs': {}}\n";
    let wasm = built(source);
    let small = profile_of(&wasm, json!({"n": 10}), 2);
    let big = profile_of(&wasm, json!({"n": 1010}), 2);
    let vm_small = function(&small, "mp_execute_bytecode_loop");
    let vm_big = function(&big, "mp_execute_bytecode_loop");
    assert!(vm_big.loops >= vm_small.loops + 1000.0, "{} vs {}", vm_big.loops, vm_small.loops);
    assert!(vm_big.instructions > 10.0 * vm_small.instructions, "{} vs {}", vm_big.instructions, vm_small.instructions);
}

#[test]
fn a_failing_run_is_not_profiled() {
    let wasm = built("def get_node():\n    return {'name': 'n', 'pins': []}\n\ndef run(context):\n    raise ValueError('no')\n");
    let error = profile(&Engine::new(), &wasm, json!({}), 1, Limits::default(), None).unwrap_err();
    assert!(error.to_string().contains("ValueError: no"), "{error}");
}
