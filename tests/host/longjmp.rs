//! Emscripten-style setjmp/longjmp: `env.invoke_vii` and
//! `env._emscripten_throw_longjmp`.

use crate::support::wat::*;
use mpnode_host::{Engine, Error, Failure, Limits, Node};
use serde_json::json;

const SP_START: i32 = 60_000;

/// A module with the Emscripten exports `invoke_vii` needs, a few table
/// functions, and `run_body` as the body of `run`. The result's output `r`
/// holds six digits: threw, threw value, setThrew calls, stack pointer back
/// at its start (1/0), acc, invoke_vii marker.
///
/// Table: 1 `$thrower` (moves sp, longjmps), 2 `$normal` (acc = a + b),
/// 3 `$nested` (invoke_vii(1) inside its own frame), 4 `$trapper`,
/// 5 `$spin` (endless loop), 6 `$exit` (proc_exit(9)), 7 `$one_param`
/// (wrong signature), 8 `$recurse` (invoke_vii(8, a - 1) until a = 0).
fn sjlj_module(run_body: &str, skip_export: Option<&str>) -> Vec<u8> {
    let (result, slot) = digit_result(6);
    let export = |name: &str| {
        if skip_export == Some(name) {
            String::new()
        } else {
            format!("(export \"{name}\")")
        }
    };
    node_module_with(
        r#"(import "env" "invoke_vii" (func $invoke_vii (param i32 i32 i32)))
           (import "env" "_emscripten_throw_longjmp" (func $throw))
           (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))"#,
        &format!(
            "{run_body}
             {threw} {value} {calls} {sp_ok} {acc}
             {packed}",
            threw = put_digit(slot, "(global.get $threw)"),
            value = put_digit(slot + 1, "(global.get $threw_value)"),
            calls = put_digit(slot + 2, "(global.get $set_threw_calls)"),
            sp_ok = put_digit(slot + 3, &format!("(i32.eq (global.get $sp) (i32.const {SP_START}))")),
            acc = put_digit(slot + 4, "(global.get $acc)"),
            packed = packed(RESULT_AT, result.len()),
        ),
        &format!(
            r#"
  (table {table_export} 9 funcref)
  (elem (i32.const 1) $thrower $normal $nested $trapper $spin $exit $one_param $recurse)
  (global $sp (mut i32) (i32.const {SP_START}))
  (global $threw (mut i32) (i32.const 0))
  (global $threw_value (mut i32) (i32.const 7))
  (global $set_threw_calls (mut i32) (i32.const 0))
  (global $acc (mut i32) (i32.const 0))
  (func {get_sp} (result i32) (global.get $sp))
  (func {restore} (param i32) (global.set $sp (local.get 0)))
  (func {set_threw} (param i32 i32)
    (global.set $threw (local.get 0))
    (global.set $threw_value (local.get 1))
    (global.set $set_threw_calls (i32.add (global.get $set_threw_calls) (i32.const 1))))
  (func $thrower (param i32 i32)
    ;; like a real frame: move the stack pointer, then longjmp out
    (global.set $sp (i32.sub (global.get $sp) (i32.const 128)))
    (call $throw)
    (global.set $acc (i32.const 9)))
  (func $normal (param i32 i32)
    (global.set $acc (i32.add (local.get 0) (local.get 1))))
  (func $nested (param i32 i32)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 64)))
    (call $invoke_vii (i32.const 1) (i32.const 0) (i32.const 0))
    ;; the inner invoke caught the longjmp; carry on normally
    (global.set $acc (i32.add (global.get $acc) (i32.const 4)))
    (global.set $sp (i32.add (global.get $sp) (i32.const 64))))
  (func $trapper (param i32 i32) unreachable)
  (func $spin (param i32 i32) (loop $l (br $l)))
  (func $exit (param i32 i32) (call $proc_exit (i32.const 9)))
  (func $one_param (param i32))
  (func $recurse (param i32 i32)
    (if (i32.gt_s (local.get 0) (i32.const 0))
      (then (call $invoke_vii (i32.const 8) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))))
"#,
            table_export = export("__indirect_function_table"),
            get_sp = export("emscripten_stack_get_current"),
            restore = export("_emscripten_stack_restore"),
            set_threw = export("setThrew"),
        ),
        &result,
    )
}

fn run_r(node: &mut Node) -> String {
    let report = node.run(json!({})).unwrap();
    assert!(report.is_ok(), "{:?}", report.error());
    output_r(&report.result.to_json())
}

#[test]
fn a_longjmp_is_caught_by_invoke_vii_which_restores_the_stack_and_calls_set_threw() {
    let module = sjlj_module("(call $invoke_vii (i32.const 1) (i32.const 5) (i32.const 6))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    // threw 1, value 0, one setThrew call, sp restored, acc untouched (the
    // code after the throw never ran).
    assert_eq!(run_r(&mut node), "10110?");
    // The instance is still healthy: globals carry over (setThrew twice).
    assert_eq!(run_r(&mut node), "10210?");
}

#[test]
fn a_normal_call_through_invoke_vii_passes_both_arguments_and_leaves_threw_alone() {
    let module = sjlj_module("(call $invoke_vii (i32.const 2) (i32.const 2) (i32.const 3))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    assert_eq!(run_r(&mut node), "07015?");
}

#[test]
fn the_innermost_invoke_vii_catches_a_nested_longjmp() {
    let module = sjlj_module("(call $invoke_vii (i32.const 3) (i32.const 0) (i32.const 0))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    // Caught once, by the inner invoke; the outer frame continued (acc 4)
    // and put the stack pointer back.
    assert_eq!(run_r(&mut node), "10114?");
}

#[test]
fn a_longjmp_outside_invoke_vii_fails_the_run() {
    let module = sjlj_module("(call $throw)", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.failure, Some(Failure::UncaughtLongjmp { export: "run" }));
    assert!(report.error().unwrap().contains("longjmp"));
}

/// A failure inside the called function propagates unchanged: no setThrew,
/// the run fails, the next run works.
fn propagates(index: i32, limits: Limits) -> mpnode_host::RunReport {
    let module = sjlj_module(
        &format!(
            "(if (i32.gt_u (local.get $len) (i32.const 600))
               (then (call $invoke_vii (i32.const {index}) (i32.const 0) (i32.const 0))))"
        ),
        None,
    );
    let mut node = Node::load_with_limits(&Engine::new(), &module, limits).unwrap();
    let report = node.run(big_inputs()).unwrap();
    assert!(!report.is_ok());
    assert!(node.is_poisoned());
    // Fresh instance, setThrew never called.
    assert_eq!(run_r(&mut node), "07010?");
    report
}

#[test]
fn a_trap_inside_invoke_vii_is_not_mistaken_for_a_longjmp() {
    let report = propagates(4, Limits::default());
    assert!(
        matches!(report.failure, Some(Failure::Trap { export: "run", code: Some(wasmi::TrapCode::UnreachableCodeReached), .. })),
        "{:?}",
        report.failure
    );
}

#[test]
fn running_out_of_fuel_inside_invoke_vii_propagates() {
    let report = propagates(5, Limits::default().with_fuel(500_000));
    assert!(matches!(report.failure, Some(Failure::OutOfFuel { export: "run", .. })), "{:?}", report.failure);
}

#[test]
fn proc_exit_inside_invoke_vii_propagates() {
    let report = propagates(6, Limits::default());
    assert_eq!(report.failure, Some(Failure::ProcExit { export: "run", code: 9 }));
}

#[test]
fn bad_table_entries_fail_with_a_clear_message() {
    for (index, expect) in [
        (0, "table entry 0 is null"),
        (99, "table index 99 is out of range (table size 9)"),
        (-1, "table index 4294967295 is out of range"),
        (7, "table entry 7 is (i32) -> (), not (i32, i32) -> ()"),
    ] {
        let report = propagates(index, Limits::default());
        match &report.failure {
            Some(Failure::HostCall { function: "env.invoke_vii", message, .. }) => assert!(message.contains(expect), "{message}"),
            other => panic!("index {index}: {other:?}"),
        }
    }
}

#[test]
fn deep_invoke_nesting_is_capped_instead_of_overflowing_the_stack() {
    // Runs on a test thread (2 MiB stack): the default cap must fire long
    // before the native stack runs out.
    let module = sjlj_module("(call $invoke_vii (i32.const 8) (i32.const 100000) (i32.const 0))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    match &report.failure {
        Some(Failure::HostCall { function: "env.invoke_vii", message, .. }) => {
            assert!(message.contains("nested more than 10000 levels"), "{message}")
        }
        other => panic!("{other:?}"),
    }

    // Within the cap, recursion works; a lower cap is honoured.
    let module = sjlj_module("(call $invoke_vii (i32.const 8) (i32.const 40) (i32.const 0))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    assert_eq!(run_r(&mut node), "07010?");
    node.set_limits(Limits::default().with_max_invoke_depth(20));
    assert!(node.run(json!({})).unwrap().error().unwrap().contains("nested more than 20"));
}

#[test]
fn a_module_using_invoke_vii_must_export_the_emscripten_helpers() {
    for missing in ["setThrew", "_emscripten_stack_restore", "emscripten_stack_get_current", "__indirect_function_table"] {
        let module = sjlj_module("", Some(missing));
        let error = Node::load(&Engine::new(), &module).unwrap_err();
        assert!(matches!(&error, Error::MissingExport { name, .. } if name == missing), "{missing}: {error}");
        assert!(error.to_string().contains("invoke_vii"), "{error}");
    }
}

/// Timing of the invoke_vii round trip (run with `--ignored --nocapture`,
/// preferably in release mode).
#[test]
#[ignore]
fn invoke_vii_cost() {
    let module = sjlj_module(
        "(local $i i32)
         (local.set $i (i32.const 0))
         (loop $l
           (call $invoke_vii (i32.const 2) (i32.const 1) (i32.const 1))
           (local.set $i (i32.add (local.get $i) (i32.const 1)))
           (br_if $l (i32.lt_u (local.get $i) (i32.const 1000000))))",
        None,
    );
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let report = node.run(json!({})).unwrap();
    assert!(report.is_ok());
    eprintln!(
        "1e6 invoke_vii calls: {:?} ({:.0} ns each), fuel {}",
        report.duration,
        report.duration.as_nanos() as f64 / 1e6,
        report.fuel_consumed
    );
}

#[test]
fn deep_recursion_through_invoke_vii_works_on_a_small_thread_stack() {
    // 3000 levels need far more than 1 MiB of native stack in a debug
    // build; invoke_vii moves to fresh stack segments as needed.
    let module = sjlj_module("(call $invoke_vii (i32.const 8) (i32.const 3000) (i32.const 0))", None);
    let mut node = Node::load(&Engine::new(), &module).unwrap();
    let handle = std::thread::Builder::new().stack_size(1 << 20).spawn(move || run_r(&mut node)).unwrap();
    assert_eq!(handle.join().unwrap(), "07010?");
}
