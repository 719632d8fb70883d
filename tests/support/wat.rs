//! Helpers shared by the host tests: WAT building blocks for hand-written
//! node modules.

use serde_json::Value;

/// Where the definition JSON lives in test modules.
pub const DEF_AT: u32 = 1024;
/// Where the result JSON lives in test modules.
pub const RESULT_AT: u32 = 2048;
/// Where scratch strings live.
pub const SCRATCH_AT: u32 = 3072;
/// Where the bump allocator starts.
pub const HEAP_AT: u32 = 8192;

/// Compiles WAT text, panicking with the parser's message on a typo.
pub fn wasm(wat: &str) -> Vec<u8> {
    match wat::parse_str(wat) {
        Ok(bytes) => bytes,
        Err(e) => panic!("bad WAT: {e}\n{wat}"),
    }
}

/// A WAT string literal for arbitrary bytes.
pub fn wat_str(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b' ' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("\\{b:02x}"));
        }
    }
    out.push('"');
    out
}

/// `(i64.const …)` for a packed (ptr, len).
pub fn packed(ptr: u32, len: usize) -> String {
    format!("(i64.const {})", (u64::from(ptr) << 32) | len as u64)
}

/// A definition like the one in the ABI document.
pub fn definition_json(name: &str) -> String {
    serde_json::json!({
        "name": name,
        "friendly_name": "Uppercase",
        "description": "Uppercases text",
        "category": "Text",
        "pins": [
            {"name": "exec", "friendly_name": "Exec", "description": "", "pin_type": "Input", "data_type": "Execution"},
            {"name": "input", "friendly_name": "Input", "description": "", "pin_type": "Input", "data_type": "String"},
            {"name": "exec_out", "friendly_name": "Exec Out", "description": "", "pin_type": "Output", "data_type": "Execution"},
            {"name": "output", "friendly_name": "Output", "description": "", "pin_type": "Output", "data_type": "String"},
            {"name": "r", "friendly_name": "R", "description": "the run counter some test modules report", "pin_type": "Output", "data_type": "Generic"}
        ]
    })
    .to_string()
}

/// The fixed result envelope most test modules return.
pub const RESULT: &str = r#"{"outputs":{"output":"HELLO"},"error":null,"activate_exec":["exec_out"],"pending":null}"#;

/// Memory, a bump `alloc`, a no-op `dealloc`, `get_node` returning
/// `definition` and the data segment for `result`. Add `run` and imports
/// around it.
pub fn node_parts(definition: &str, result: &str) -> String {
    format!(
        r#"
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const {HEAP_AT}))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $p))
  (func (export "dealloc") (param i32 i32))
  (func (export "get_node") (result i64) {def_packed})
  (data (i32.const {DEF_AT}) {def})
  (data (i32.const {RESULT_AT}) {result_str})
"#,
        def_packed = packed(DEF_AT, definition.len()),
        def = wat_str(definition),
        result_str = wat_str(result),
    )
}

/// A node whose `run` body is `run_body` (params `$ptr`, `$len`, result
/// i64), with extra module fields (imports first) in `imports` / `extra`.
pub fn node_module(imports: &str, run_body: &str, extra: &str) -> Vec<u8> {
    node_module_with(imports, run_body, extra, RESULT)
}

/// [`node_module`] with a custom result template.
pub fn node_module_with(imports: &str, run_body: &str, extra: &str, result: &str) -> Vec<u8> {
    let definition = definition_json("wasm_python_uppercase");
    wasm(&format!(
        r#"(module
  {imports}
  {parts}
  (func (export "run") (param $ptr i32) (param $len i32) (result i64)
    {run_body})
  {extra}
)"#,
        parts = node_parts(&definition, result),
    ))
}

/// A result template with one string output `r` made of `slots` '?'
/// characters, and the address of the first one.
pub fn digit_result(slots: usize) -> (String, u32) {
    let prefix = r#"{"outputs":{"r":""#;
    let result = format!(r#"{prefix}{}"}},"error":null,"activate_exec":["exec_out"],"pending":null}}"#, "?".repeat(slots));
    (result, RESULT_AT + prefix.len() as u32)
}

/// WAT that stores `'0' + value` at `addr`.
pub fn put_digit(addr: u32, value: &str) -> String {
    format!("(i32.store8 (i32.const {addr}) (i32.add (i32.const 48) {value}))")
}

/// The string output `r` of a result.
pub fn output_r(result: &Value) -> String {
    result["outputs"]["r"].as_str().unwrap_or_default().to_string()
}

/// An input object padded past `len` bytes, to trigger the "big input"
/// branch of test modules.
pub fn big_inputs() -> Value {
    serde_json::json!({ "pad": "x".repeat(700) })
}
