//! Flow-Like's node contract, written down once: the data and value types a
//! pin may have, the definition shape Flow-Like's host deserializes, and the
//! checks of a run's outputs against the declared pins. The host checks
//! outputs with it, `mpnode-build` validates definitions and writes the
//! manifest with it, `inspect` reads definitions with it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Data types Flow-Like's host accepts for a pin (compared case-insensitively).
pub const DATA_TYPES: &[&str] = &[
    "Execution",
    "Exec",
    "String",
    "Integer",
    "I64",
    "Float",
    "F64",
    "Boolean",
    "Bool",
    "Date",
    "PathBuf",
    "Struct",
    "Byte",
    "Bytes",
    "Generic",
];

/// Value types of a pin.
pub const VALUE_TYPES: &[&str] = &["Normal", "Array", "HashMap", "HashSet"];

/// Whether a JSON value can be a value of a pin of this data type.
pub fn matches_type(data_type: &str, v: &Value) -> bool {
    match data_type.to_ascii_lowercase().as_str() {
        "execution" | "exec" => v.is_null(),
        "string" | "date" | "pathbuf" | "byte" | "bytes" => v.is_string(),
        "integer" | "i64" => v.is_i64() || v.is_u64() || v.as_number().is_some_and(|n| !n.to_string().contains(['.', 'e', 'E'])),
        "float" | "f64" => v.is_number(),
        "boolean" | "bool" => v.is_boolean(),
        "struct" => v.is_object(),
        _ => true, // Generic
    }
}

/// The node definition as Flow-Like's host deserializes it
/// (`WasmNodeDefinition` in its `abi.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    /// The name Flow-Like knows the node (or pin) by.
    pub name: String,
    /// The name shown to users.
    pub friendly_name: String,
    /// What it does.
    pub description: String,
    /// Where the node sits in Flow-Like's catalogue.
    pub category: String,
    /// An icon name.
    #[serde(default)]
    pub icon: Option<String>,
    /// Input and output pins, execution pins included.
    pub pins: Vec<Pin>,
    /// Its scores.
    #[serde(default)]
    pub scores: Option<Scores>,
    /// Whether a run may take long.
    #[serde(default)]
    pub long_running: Option<bool>,
    /// Longer documentation (Markdown).
    #[serde(default)]
    pub docs: Option<String>,
    /// The ABI version the node was written for.
    #[serde(default)]
    pub abi_version: Option<u32>,
    /// Capabilities the node asks for.
    #[serde(default)]
    pub permissions: Vec<String>,
}

/// One pin of a [`Definition`] (`WasmPinDefinition`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    /// The name Flow-Like knows the node (or pin) by.
    pub name: String,
    /// The name shown to users.
    pub friendly_name: String,
    /// What it does.
    pub description: String,
    /// `"Input"` or `"Output"`.
    pub pin_type: String,
    /// One of [`DATA_TYPES`].
    pub data_type: String,
    /// The value an unconnected input has.
    #[serde(default)]
    pub default_value: Option<Value>,
    /// One of [`VALUE_TYPES`] (default `"Normal"`).
    #[serde(default)]
    pub value_type: Option<String>,
    /// A JSON schema for structured values.
    #[serde(default)]
    pub schema: Option<String>,
    /// The values an input accepts.
    #[serde(default)]
    pub valid_values: Option<Vec<String>>,
    /// The numeric range an input accepts.
    #[serde(default)]
    pub range: Option<(f64, f64)>,
}

/// A definition's scores, 0–255 each (`WasmNodeScores`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// Privacy score.
    #[serde(default)]
    pub privacy: u8,
    /// Security score.
    #[serde(default)]
    pub security: u8,
    /// Performance score.
    #[serde(default)]
    pub performance: u8,
    /// Governance score.
    #[serde(default)]
    pub governance: u8,
    /// Reliability score.
    #[serde(default)]
    pub reliability: u8,
    /// Cost score.
    #[serde(default)]
    pub cost: u8,
}

/// Checks one node definition against the shape Flow-Like's host parses
/// (required fields, field types, scores 0–255).
///
/// # Errors
///
/// The deserializer's message (e.g. ``missing field `category` ``) when
/// Flow-Like would reject the definition.
pub fn check_definition(definition: &Value) -> Result<(), String> {
    Definition::deserialize(definition).map(|_| ()).map_err(|e| e.to_string())
}

/// Checks outputs against a definition's output pins (see [`Node::check_outputs`](crate::Node::check_outputs)).
pub fn check_outputs(def: &Value, outputs: &Map<String, Value>) -> Result<(), String> {
    let node = def.get("name").and_then(Value::as_str).unwrap_or("?");
    // A definition without pins (a sketch, a test double) declares nothing
    // to check against.
    if def.get("pins").and_then(Value::as_array).is_none_or(|p| p.is_empty()) {
        return Ok(());
    }
    let pins: Vec<&Value> = def
        .get("pins")
        .and_then(Value::as_array)
        .map(|p| p.iter().filter(|p| p.get("pin_type").and_then(Value::as_str) == Some("Output")).collect())
        .unwrap_or_default();
    for (key, value) in outputs {
        let Some(pin) = pins.iter().find(|p| p.get("name").and_then(Value::as_str) == Some(key.as_str())) else {
            let names: Vec<&str> = pins.iter().filter_map(|p| p.get("name").and_then(Value::as_str)).collect();
            return Err(format!("output '{key}' is not an output pin of node '{node}' (its output pins: {})", names.join(", ")));
        };
        let data_type = pin.get("data_type").and_then(Value::as_str).unwrap_or("Generic");
        if value.is_null() {
            continue;
        }
        if data_type.eq_ignore_ascii_case("Execution") || data_type.eq_ignore_ascii_case("Exec") {
            return Err(format!("output '{key}' is an execution pin; name it in activate_exec instead of setting it"));
        }
        let value_type = pin.get("value_type").and_then(Value::as_str).unwrap_or("Normal");
        let ok = match value_type.to_ascii_lowercase().as_str() {
            "array" | "hashset" => value.as_array().is_some_and(|a| a.iter().all(|v| matches_type(data_type, v))),
            "hashmap" => value.as_object().is_some_and(|o| o.values().all(|v| matches_type(data_type, v))),
            _ => matches_type(data_type, value),
        };
        if !ok {
            let shown = value.to_string();
            let shown = if shown.len() > 60 {
                format!("{}…", &shown[..shown.char_indices().nth(57).map_or(shown.len(), |c| c.0)])
            } else {
                shown
            };
            return Err(format!("output '{key}' = {shown} does not match pin '{key}' of node '{node}' ({data_type}, {value_type})"));
        }
    }
    Ok(())
}

/// The run envelope the host hands to the guest's `run` (`WasmRunInput`
/// in Flow-Like's host): built once per run, serialized once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Input pin values by pin name.
    pub inputs: Map<String, Value>,
    /// The node's id in the board.
    pub node_id: String,
    /// This run's id.
    pub run_id: String,
    /// The app's id.
    pub app_id: String,
    /// The board's id.
    pub board_id: String,
    /// The user's id.
    pub user_id: String,
    /// Whether stream events reach anyone.
    pub stream_state: bool,
    /// The lowest level logged: Debug 0, Info 1, Warn 2, Error 3, Fatal 4.
    pub log_level: u8,
    /// Which node of a multi-node package runs.
    pub node_name: String,
}

impl Envelope {
    /// What the host itself needs to know of the envelope.
    pub fn head(&self) -> EnvelopeHead {
        EnvelopeHead { stream_state: self.stream_state, log_level: i32::from(self.log_level), node_name: Some(self.node_name.clone()) }
    }
}

/// The fields of an envelope the host reads itself (for
/// `flowlike_meta.is_streaming`, `get_log_level` and the output checks):
/// from an [`Envelope`] it built, or parsed once from an envelope it was
/// handed as bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct EnvelopeHead {
    /// `stream_state` (default `false`).
    #[serde(default)]
    pub stream_state: bool,
    /// `log_level` (default 0).
    #[serde(default)]
    pub log_level: i32,
    /// `node_name`, if any.
    #[serde(default)]
    pub node_name: Option<String>,
}

impl EnvelopeHead {
    /// Reads the head of a serialized envelope; fields that are missing or
    /// of another type take their defaults (the guest reports a broken
    /// envelope itself).
    pub fn parse(envelope: &[u8]) -> EnvelopeHead {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(envelope) else {
            return EnvelopeHead::default();
        };
        EnvelopeHead {
            stream_state: map.get("stream_state").and_then(Value::as_bool).unwrap_or(false),
            log_level: map.get("log_level").and_then(Value::as_i64).and_then(|l| i32::try_from(l).ok()).unwrap_or(0),
            node_name: map.get("node_name").and_then(Value::as_str).map(String::from),
        }
    }
}
