//! Static inspection and the definition shape check.

use crate::support::wat::*;
use mpnode_build::inspect::{inspect, InspectError, ItemKind};
use mpnode_host::contract::check_definition;
use serde_json::{json, Value};

#[test]
fn inspect_lists_imports_exports_and_size() {
    let module = node_module(
        r#"(import "flowlike_log" "info" (func $info (param i32 i32)))
           (import "env" "invoke_iii" (func (param i32 i32 i32) (result i32)))
           (import "flowlike_log" "warn" (func (param i64)))"#,
        &packed(RESULT_AT, RESULT.len()),
        r#"(global (export "g") (mut i32) (i32.const 0))
           (table (export "t") 2 funcref)
           (@custom "note" "hello")"#,
    );
    let info = inspect(&module).unwrap();
    assert_eq!(info.size, module.len());

    let imports: Vec<(String, String, bool)> =
        info.imports.iter().map(|i| (format!("{}.{}", i.module, i.name), i.signature.clone(), i.provided)).collect();
    assert_eq!(
        imports,
        vec![
            ("flowlike_log.info".into(), "(i32, i32) -> ()".into(), true),
            ("env.invoke_iii".into(), "(i32, i32, i32) -> i32".into(), false),
            ("flowlike_log.warn".into(), "(i64) -> ()".into(), false),
        ]
    );
    assert_eq!(info.unprovided_imports().count(), 2);

    let export = |name: &str| info.exports.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no export {name}"));
    assert_eq!(export("memory").kind, ItemKind::Memory);
    assert_eq!(export("memory").signature, "memory 1.. pages");
    // Function signatures account for the imported functions before them.
    assert_eq!(export("run").signature, "(i32, i32) -> i64");
    assert_eq!(export("alloc").signature, "(i32) -> i32");
    assert_eq!(export("dealloc").signature, "(i32, i32) -> ()");
    assert_eq!(export("get_node").signature, "() -> i64");
    assert_eq!(export("g").signature, "global mut i32");
    assert_eq!(export("t").kind, ItemKind::Table);
    // `wat` adds a `name` section for the $names too.
    assert!(info.custom_sections.contains(&("note".to_string(), 5)), "{:?}", info.custom_sections);
}

#[test]
fn inspect_rejects_garbage_and_components() {
    assert!(matches!(inspect(b"nope"), Err(InspectError::Parse(_))));
    // The component-model preamble: magic, version 0x0d, layer 1.
    let component = b"\0asm\x0d\0\x01\0";
    assert!(matches!(inspect(component), Err(InspectError::Component)));
}

#[test]
fn definition_shape_matches_flow_likes() {
    let good: Value = serde_json::from_str(&definition_json("n")).unwrap();
    assert_eq!(check_definition(&good), Ok(()));

    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("category");
    assert!(check_definition(&missing).unwrap_err().contains("category"));

    let mut bad_score = good.clone();
    bad_score["scores"] = json!({"privacy": 300});
    assert!(check_definition(&bad_score).is_err());

    let mut bad_pin = good.clone();
    bad_pin["pins"][0].as_object_mut().unwrap().remove("pin_type");
    assert!(check_definition(&bad_pin).unwrap_err().contains("pin_type"));

    let mut optional = good;
    optional["icon"] = json!("/icons/x.svg");
    optional["permissions"] = json!(["streaming"]);
    optional["pins"][1]["range"] = json!([0, 10]);
    optional["pins"][1]["valid_values"] = json!(["a", "b"]);
    optional["pins"][1]["default_value"] = json!({"any": "json"});
    assert_eq!(check_definition(&optional), Ok(()));
}
