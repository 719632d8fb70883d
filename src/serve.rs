//! `mpnode serve NODE`: a built module behind a JSON-lines protocol on
//! stdin/stdout, so another process (the pytest plugin of `mpnode test`)
//! can call the node as it will run: inside the module, under wasmi, with
//! the run's limits.
//!
//! One request per line, one response per line:
//!
//! - `{"op": "definitions"}` → `{"ok": true, "definitions": [...]}`
//! - `{"op": "run", "envelope": {...}}` (a complete Flow-Like run envelope)
//!   or `{"op": "run", "inputs": {...}, "node_name": "..."}` →
//!   `{"ok": true, "result": {outputs, error, activate_exec, pending},
//!   "logs": [{level, message, data}], "stream": [{event, data}],
//!   "warnings": [...], "fuel": N}`
//! - anything the host could not do → `{"ok": false, "error": "..."}`
//!
//! The instance is kept between requests, as Flow-Like's host does not
//! (it instantiates per run) — `"fresh": true` in a run request asks for
//! a fresh instance.

use std::io::{BufRead, Write};

use mpnode_host::{Limits, Node};
use serde_json::{json, Value};

/// Serves `node` until stdin closes.
pub fn serve(mut node: Node, limits: Limits) -> std::io::Result<()> {
    node.set_limits(limits);
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let response = match serde_json::from_str::<Value>(&line) {
            Ok(request) => answer(&mut node, &request),
            Err(e) => json!({"ok": false, "error": format!("the request is not JSON: {e}")}),
        };
        writeln!(stdout, "{response}")?;
        stdout.flush()?;
    }
    Ok(())
}

fn answer(node: &mut Node, request: &Value) -> Value {
    match request.get("op").and_then(Value::as_str) {
        Some("definitions") => match node.definitions() {
            Ok(definitions) => json!({"ok": true, "definitions": definitions}),
            Err(e) => json!({"ok": false, "error": e.to_string()}),
        },
        Some("run") => {
            node.set_fresh_instance_per_run(request.get("fresh").and_then(Value::as_bool).unwrap_or(false));
            let report = match request.get("envelope") {
                Some(envelope) => node.run_envelope(envelope.to_string().as_bytes()),
                None => {
                    node.context_mut().node_name = request.get("node_name").and_then(Value::as_str).map(String::from);
                    node.run(request.get("inputs").cloned().unwrap_or_else(|| json!({})))
                }
            };
            match report {
                Ok(report) => json!({
                    "ok": true,
                    "result": report.result.to_json(),
                    "logs": report.logs,
                    "stream": report.stream,
                    "warnings": report.warnings,
                    "fuel": report.fuel_consumed,
                }),
                Err(e) => json!({"ok": false, "error": e.to_string()}),
            }
        }
        other => json!({"ok": false, "error": format!("unknown op {other:?}: use \"definitions\" or \"run\"")}),
    }
}
