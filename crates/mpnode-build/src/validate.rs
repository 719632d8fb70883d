//! Build-time checks of node definitions, so problems surface when a node
//! is packed rather than when Flow-Like loads it: the shape Flow-Like's host
//! parses, pin types it accepts, unique pin names, defaults that match their
//! pin's type. Each problem names the node file and, where the source shows
//! it, the line.

use std::collections::HashSet;
use std::fmt;

use mpnode_host::contract::{check_definition, matches_type, DATA_TYPES, VALUE_TYPES};
use serde_json::Value;

/// One problem in a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The node file.
    pub file: String,
    /// 1-based line in the node file, when the source shows where.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Checks every definition; `source` is the node file's text, used to find
/// the line of a pin or field that is wrong.
///
/// # Errors
///
/// Every problem found, in order.
pub fn validate(definitions: &[Value], source: &str, file: &str) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut node_names = HashSet::new();
    for def in definitions {
        let mut report = |needle: Option<&str>, nth: usize, message: String| {
            problems.push(Problem { file: file.to_string(), line: needle.and_then(|n| find_line(source, n, nth)), message });
        };
        let name = def.get("name").and_then(Value::as_str).unwrap_or("?").to_string();
        if let Err(e) = check_definition(def) {
            report(Some(&name), 0, format!("node '{name}': Flow-Like cannot read this definition: {e}"));
            continue;
        }
        if !node_names.insert(name.clone()) {
            report(Some(&name), 1, format!("node name '{name}' is used by two definitions"));
        }
        let mut pin_names: Vec<String> = Vec::new();
        for pin in def["pins"].as_array().into_iter().flatten() {
            let pin_name = pin["name"].as_str().unwrap_or("?").to_string();
            let seen = pin_names.iter().filter(|n| **n == pin_name).count();
            if seen > 0 {
                report(Some(&pin_name), seen, format!("node '{name}': pin name '{pin_name}' is used twice"));
            }
            pin_names.push(pin_name.clone());
            let pin_type = pin["pin_type"].as_str().unwrap_or("");
            if pin_type != "Input" && pin_type != "Output" {
                report(
                    Some(&pin_name),
                    seen,
                    format!("node '{name}', pin '{pin_name}': pin_type must be \"Input\" or \"Output\", not {pin_type:?}"),
                );
            }
            let data_type = pin["data_type"].as_str().unwrap_or("");
            let Some(canonical) = DATA_TYPES.iter().find(|t| t.eq_ignore_ascii_case(data_type)) else {
                report(
                    Some(data_type),
                    0,
                    format!("node '{name}', pin '{pin_name}': unknown data_type {data_type:?} (one of {})", DATA_TYPES.join(", ")),
                );
                continue;
            };
            let value_type = pin.get("value_type").and_then(Value::as_str).unwrap_or("Normal");
            if !VALUE_TYPES.iter().any(|t| t.eq_ignore_ascii_case(value_type)) {
                report(Some(value_type), 0, format!("node '{name}', pin '{pin_name}': unknown value_type {value_type:?}"));
            }
            if let Some(default) = pin.get("default_value").filter(|v| !v.is_null()) {
                let ok = if value_type.eq_ignore_ascii_case("Normal") {
                    matches_type(canonical, default)
                } else if value_type.eq_ignore_ascii_case("HashMap") {
                    default.as_object().is_some_and(|o| o.values().all(|v| matches_type(canonical, v)))
                } else {
                    default.as_array().is_some_and(|a| a.iter().all(|v| matches_type(canonical, v)))
                };
                if !ok {
                    report(
                        Some(&pin_name),
                        seen,
                        format!(
                            "node '{name}', pin '{pin_name}': default_value {default} does not match data_type {data_type} ({value_type})"
                        ),
                    );
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks that the node file's `run` has a shape the host can call: a
/// `get_node()`-style node is called as `run(context)`, a Flow-Like
/// SDK-style one (`get_definition(s)`) as `run(ctx)` or `run(node_name,
/// ctx)` (the module picks by the function's parameters, as here). Read
/// from the source: a `run` that is not a plain top-level `def` (imported,
/// assigned, decorated), or none, is left to run time.
///
/// # Errors
///
/// The problem, with the line of `def run`.
pub fn check_run(source: &str, file: &str) -> Result<(), Vec<Problem>> {
    let lines: Vec<&str> = source.lines().collect();
    let top = |name: &str| lines.iter().any(|l| l.starts_with(&format!("def {name}(")) || l.starts_with(&format!("async def {name}(")));
    let sdk = !top("get_node") && !top("get_nodes") && (top("get_definition") || top("get_definitions"));
    let problem = |line: Option<usize>, message: String| Err(vec![Problem { file: file.to_string(), line, message }]);
    // A node without `run` fails at run time with a message saying so.
    let Some(at) = lines.iter().rposition(|l| l.starts_with("def run(")) else {
        return Ok(());
    };
    if at > 0 && lines[at - 1].starts_with('@') {
        return Ok(());
    }
    // The parameter list, up to the matching parenthesis.
    let text = lines[at..].join("\n");
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut params = vec![String::new()];
    for c in text["def run(".len()..].chars() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => params.push(String::new()),
            _ if depth == 0 => params.last_mut().unwrap().push(c),
            _ => {}
        }
    }
    let (mut n_pos, mut n_def, mut varargs, mut kwonly, mut required_kwonly) = (0, 0, false, false, false);
    for p in params.iter().map(|p| p.trim()).filter(|p| !p.is_empty() && *p != "/") {
        let has_default = p.contains('=');
        if p.starts_with("**") {
        } else if let Some(rest) = p.strip_prefix('*') {
            varargs |= !rest.trim().is_empty();
            kwonly = true;
        } else if kwonly {
            required_kwonly |= !has_default;
        } else {
            n_pos += 1;
            n_def += has_default as i32;
        }
    }
    let takes = |n: i32| !required_kwonly && n >= n_pos - n_def && (n <= n_pos || varargs);
    let signature = format!("run({})", params.iter().map(|p| p.trim()).collect::<Vec<_>>().join(", "));
    if sdk && !takes(1) && !takes(2) {
        return problem(
            Some(at + 1),
            format!("{signature} cannot be called: Flow-Like's SDK calls run(ctx), or run(node_name, ctx) in a multi-node package"),
        );
    }
    if !sdk && !takes(1) {
        return problem(
            Some(at + 1),
            format!("{signature} cannot be called: a get_node() node's run takes one argument, the run's context"),
        );
    }
    Ok(())
}

/// The line of the `nth` (0-based) occurrence of `needle` as a string
/// literal ('…' or "…") in `source`.
fn find_line(source: &str, needle: &str, nth: usize) -> Option<usize> {
    let mut count = 0;
    for (i, line) in source.lines().enumerate() {
        for quoted in [format!("\"{needle}\""), format!("'{needle}'")] {
            count += line.matches(quoted.as_str()).count();
        }
        if count > nth {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn def(pins: Value) -> Value {
        json!({"name": "n", "friendly_name": "N", "description": "d", "category": "c", "pins": pins})
    }

    fn pin(name: &str, dir: &str, ty: &str) -> Value {
        json!({"name": name, "friendly_name": name, "description": "", "pin_type": dir, "data_type": ty})
    }

    #[test]
    fn a_good_definition_passes() {
        let d = def(json!([pin("exec", "Input", "Execution"), pin("x", "Input", "i64"), pin("y", "Output", "Float")]));
        assert_eq!(validate(&[d], "", "node.py"), Ok(()));
    }

    #[test]
    fn duplicate_pins_point_at_the_second_line() {
        let src = "def get_node():\n    pins = [\n        {'name': 'x'},\n        {'name': 'x'},\n    ]\n";
        let d = def(json!([pin("x", "Input", "String"), pin("x", "Output", "String")]));
        let problems = validate(&[d], src, "node.py").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].to_string(), "node.py:4: node 'n': pin name 'x' is used twice");
    }

    #[test]
    fn unknown_types_and_wrong_defaults_are_reported() {
        let mut p = pin("count", "Input", "Integer");
        p["default_value"] = json!("three");
        let mut arr = pin("tags", "Input", "String");
        arr["value_type"] = json!("Array");
        arr["default_value"] = json!(["a", 1]);
        let d = def(json!([pin("s", "Input", "Text"), p, arr, pin("o", "Sideways", "String")]));
        let src = "x = 's'\ny = 'Text'\nz = 'count'\n";
        let problems = validate(&[d], src, "node.py").unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(text[0].starts_with("node.py:2: node 'n', pin 's': unknown data_type \"Text\""), "{text:?}");
        assert_eq!(text[1], "node.py:3: node 'n', pin 'count': default_value \"three\" does not match data_type Integer (Normal)");
        assert!(text[2].contains("pin 'tags': default_value [\"a\",1] does not match data_type String (Array)"), "{text:?}");
        assert!(text[3].contains("pin_type must be \"Input\" or \"Output\""), "{text:?}");
    }

    #[test]
    fn run_shapes_a_host_can_call() {
        let sdk = "def get_definitions():\n    return []\n\n";
        for ok in [
            "def run(ctx):\n",
            "def run(node_name: str, ctx: Context) -> ExecutionResult:\n",
            "def run(\n    node_name,\n    ctx=None,\n):\n",
            "def run(*args):\n",
            "def run(ctx, *, verbose=False):\n",
            "from impl import run\n",
            "@wrap\ndef run(a, b, c):\n",
        ] {
            assert_eq!(check_run(&format!("{sdk}{ok}"), "n.py"), Ok(()), "{ok}");
        }
        let err = |src: &str| check_run(src, "n.py").unwrap_err()[0].to_string();
        assert_eq!(
            err(&format!("{sdk}def run(a, b, c):\n")),
            "n.py:4: run(a, b, c) cannot be called: Flow-Like's SDK calls run(ctx), or run(node_name, ctx) in a multi-node package"
        );
        assert!(err(&format!("{sdk}def run():\n")).starts_with("n.py:4: run() cannot be called"));
        assert!(err(&format!("{sdk}def run(ctx, *, mode):\n")).contains("run(ctx, *, mode) cannot be called"));
        let seed = "def get_node():\n    return {}\ndef run(node_name, context):\n";
        assert_eq!(
            err(seed),
            "n.py:3: run(node_name, context) cannot be called: a get_node() node's run takes one argument, the run's context"
        );
        assert_eq!(check_run("def get_node():\n    pass\ndef run(context, extra=None):\n", "n.py"), Ok(()));
    }

    #[test]
    fn missing_fields_are_reported_as_flow_like_would() {
        let problems = validate(&[json!({"name": "n", "pins": []})], "", "node.py").unwrap_err();
        assert!(problems[0].message.contains("missing field"), "{:?}", problems);
    }
}
