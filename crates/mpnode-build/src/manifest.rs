//! The package manifest (`flow-like.toml`) that Flow-Like's node templates
//! ship next to the module: package identity, one `[[nodes]]` entry per
//! definition, and the permissions (memory and timeout tiers, streaming, …)
//! the package asks for.

use serde::Serialize;
use serde_json::Value;

/// The manifest schema version Flow-Like reads.
pub const MANIFEST_VERSION: u32 = 1;

/// Memory tiers (`permissions.memory`), smallest first, with their sizes.
pub const MEMORY_TIERS: &[(&str, u64)] =
    &[("minimal", 16 << 20), ("light", 32 << 20), ("standard", 64 << 20), ("heavy", 128 << 20), ("intensive", 256 << 20)];

/// Timeout tiers (`permissions.timeout`), shortest first, in seconds.
pub const TIMEOUT_TIERS: &[(&str, u64)] = &[("quick", 5), ("standard", 30), ("extended", 60), ("long_running", 300)];

/// What the definitions do not say about the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageInfo {
    /// Reverse-domain id, e.g. `com.example.uppercase`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Semver version.
    pub version: String,
    /// Description; defaults to the first node's.
    pub description: Option<String>,
    /// Memory tier name (see [`MEMORY_TIERS`]).
    pub memory: String,
    /// Timeout tier name (see [`TIMEOUT_TIERS`]).
    pub timeout: String,
    /// The module's file name, written as `wasm_path`.
    pub wasm_path: Option<String>,
}

impl PackageInfo {
    /// Defaults for a package named after its node file: id
    /// `local.mpnode.<name>`, version 0.1.0, the smallest memory tier (an
    /// mpnode module needs a few MiB at most) and the standard timeout.
    pub fn for_name(name: &str) -> PackageInfo {
        let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
        PackageInfo {
            id: format!("local.mpnode.{slug}"),
            name: name.to_string(),
            version: "0.1.0".into(),
            description: None,
            memory: "minimal".into(),
            timeout: "standard".into(),
            wasm_path: None,
        }
    }
}

#[derive(Serialize)]
struct Manifest<'a> {
    manifest_version: u32,
    id: &'a str,
    name: &'a str,
    version: &'a str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    wasm_path: Option<&'a str>,
    permissions: Permissions<'a>,
    nodes: Vec<NodeEntry>,
}

#[derive(Serialize)]
struct Permissions<'a> {
    memory: &'a str,
    timeout: &'a str,
    streaming: bool,
    variables: bool,
    cache: bool,
    a2ui: bool,
    models: bool,
    network: Network,
    filesystem: FileSystem,
}

#[derive(Serialize)]
struct Network {
    http_enabled: bool,
    websocket_enabled: bool,
}

#[derive(Serialize)]
struct FileSystem {
    node_storage: bool,
}

/// The manifest permissions a capability name sets, as Flow-Like's host
/// reads the names (`WasmCapabilities::from_names` in its `limits.rs`;
/// `network:http` is mpnode's older spelling). `oauth`/`token`/`auth`
/// need provider scopes the definitions do not give, `functions` has no
/// manifest field: neither sets anything.
fn grants(capability: &str) -> &'static [&'static str] {
    match capability {
        "storage_read" | "storage_write" | "storage_delete" | "storage_all" | "storage" => &["storage"],
        "http_get" | "http_write" | "http_all" | "http" | "network:http" => &["http"],
        "websocket" | "network:websocket" | "ws" => &["websocket"],
        "network_all" | "network" => &["http", "websocket"],
        "variables_read" | "variables_write" | "variables_all" | "variables" => &["variables"],
        "cache_read" | "cache_write" | "cache_all" | "cache" => &["cache"],
        "streaming" => &["streaming"],
        "a2ui" => &["a2ui"],
        "models" | "llm" => &["models"],
        "standard" => &["storage", "http", "variables", "cache"],
        "all" => &["storage", "http", "websocket", "variables", "cache", "streaming", "a2ui", "models"],
        _ => &[],
    }
}

#[derive(Serialize)]
struct NodeEntry {
    id: String,
    name: String,
    description: String,
    category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    icon: Option<String>,
}

/// Why a manifest could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// No definitions to list.
    NoNodes,
    /// A tier name that Flow-Like does not know.
    UnknownTier(String),
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::NoNodes => f.write_str("a package needs at least one node definition"),
            ManifestError::UnknownTier(t) => write!(
                f,
                "unknown tier {t:?}: memory is one of {}, timeout one of {}",
                MEMORY_TIERS.iter().map(|t| t.0).collect::<Vec<_>>().join(", "),
                TIMEOUT_TIERS.iter().map(|t| t.0).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

impl std::error::Error for ManifestError {}

/// Writes `flow-like.toml` for these definitions. The capabilities the
/// nodes ask for in their definitions (`permissions`: `http`, `streaming`,
/// `variables`, `storage`, `cache`, `models`, `websocket`, … as Flow-Like's
/// host names them) become the package's permissions.
///
/// # Errors
///
/// See [`ManifestError`].
pub fn manifest_toml(definitions: &[Value], info: &PackageInfo) -> Result<String, ManifestError> {
    if definitions.is_empty() {
        return Err(ManifestError::NoNodes);
    }
    if !MEMORY_TIERS.iter().any(|t| t.0 == info.memory) {
        return Err(ManifestError::UnknownTier(info.memory.clone()));
    }
    if !TIMEOUT_TIERS.iter().any(|t| t.0 == info.timeout) {
        return Err(ManifestError::UnknownTier(info.timeout.clone()));
    }
    let text = |d: &Value, k: &str| d.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let granted: Vec<&str> = definitions
        .iter()
        .flat_map(|d| d["permissions"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .flat_map(|c| grants(c).iter().copied())
        .collect();
    let asks = |p: &str| granted.contains(&p);
    let manifest = Manifest {
        manifest_version: MANIFEST_VERSION,
        id: &info.id,
        name: &info.name,
        version: &info.version,
        description: info.description.clone().unwrap_or_else(|| text(&definitions[0], "description")),
        wasm_path: info.wasm_path.as_deref(),
        permissions: Permissions {
            memory: &info.memory,
            timeout: &info.timeout,
            streaming: asks("streaming"),
            variables: asks("variables"),
            cache: asks("cache"),
            a2ui: asks("a2ui"),
            models: asks("models"),
            network: Network { http_enabled: asks("http"), websocket_enabled: asks("websocket") },
            filesystem: FileSystem { node_storage: asks("storage") },
        },
        nodes: definitions
            .iter()
            .map(|d| NodeEntry {
                id: text(d, "name"),
                name: text(d, "friendly_name"),
                description: text(d, "description"),
                category: text(d, "category"),
                icon: d.get("icon").and_then(Value::as_str).map(String::from),
            })
            .collect(),
    };
    Ok(toml::to_string_pretty(&manifest).expect("the manifest is plain data"))
}

/// The module a manifest describes (its `wasm_path`), if it names one: a
/// build that would replace the manifest of another module can refuse.
pub fn manifest_module(manifest_toml: &str) -> Option<String> {
    toml::from_str::<toml::Value>(manifest_toml).ok()?.get("wasm_path")?.as_str().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_every_node_and_the_permissions_they_ask_for() {
        let defs = [
            json!({"name": "a", "friendly_name": "A", "description": "first", "category": "X/Y", "pins": [], "permissions": ["streaming"]}),
            json!({"name": "b", "friendly_name": "B", "description": "second", "category": "X", "pins": []}),
        ];
        let mut info = PackageInfo::for_name("My Nodes");
        info.wasm_path = Some("my_nodes.wasm".into());
        let toml_text = manifest_toml(&defs, &info).unwrap();
        let parsed: toml::Value = toml::from_str(&toml_text).unwrap();
        assert_eq!(parsed["manifest_version"].as_integer(), Some(1));
        assert_eq!(parsed["id"].as_str(), Some("local.mpnode.my-nodes"));
        assert_eq!(parsed["description"].as_str(), Some("first"));
        assert_eq!(parsed["permissions"]["memory"].as_str(), Some("minimal"));
        assert_eq!(parsed["permissions"]["streaming"].as_bool(), Some(true));
        assert_eq!(parsed["nodes"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["nodes"][1]["id"].as_str(), Some("b"));
        assert_eq!(parsed["nodes"][1]["category"].as_str(), Some("X"));
    }

    #[test]
    fn maps_capability_names_as_flow_likes_host_reads_them() {
        let perms = |names: &[&str]| {
            let d = json!({"name": "a", "friendly_name": "A", "description": "d", "category": "c", "pins": [], "permissions": names});
            let text = manifest_toml(&[d], &PackageInfo::for_name("p")).unwrap();
            toml::from_str::<toml::Value>(&text).unwrap()["permissions"].clone()
        };
        let p = perms(&["http"]);
        assert_eq!(p["network"]["http_enabled"].as_bool(), Some(true));
        assert_eq!(p["network"]["websocket_enabled"].as_bool(), Some(false));
        let p = perms(&["storage_read", "cache", "variables_write", "llm", "ws"]);
        assert_eq!(p["filesystem"]["node_storage"].as_bool(), Some(true));
        assert_eq!(p["cache"].as_bool(), Some(true));
        assert_eq!(p["variables"].as_bool(), Some(true));
        assert_eq!(p["models"].as_bool(), Some(true));
        assert_eq!(p["network"]["websocket_enabled"].as_bool(), Some(true));
        assert_eq!(p["network"]["http_enabled"].as_bool(), Some(false));
        assert_eq!(p["streaming"].as_bool(), Some(false));
        let p = perms(&["network"]);
        assert_eq!((p["network"]["http_enabled"].as_bool(), p["network"]["websocket_enabled"].as_bool()), (Some(true), Some(true)));
        let p = perms(&["bogus", "functions"]);
        for key in ["streaming", "variables", "cache", "a2ui", "models"] {
            assert_eq!(p[key].as_bool(), Some(false), "{key}");
        }
    }

    #[test]
    fn a_manifest_names_its_module() {
        let mut info = PackageInfo::for_name("n");
        info.wasm_path = Some("n.wasm".into());
        let text = manifest_toml(&[json!({"name": "a"})], &info).unwrap();
        assert_eq!(manifest_module(&text).as_deref(), Some("n.wasm"));
        assert_eq!(manifest_module("id = 'x'"), None);
    }

    #[test]
    fn refuses_unknown_tiers_and_empty_packages() {
        let mut info = PackageInfo::for_name("n");
        assert_eq!(manifest_toml(&[], &info), Err(ManifestError::NoNodes));
        info.memory = "huge".into();
        let err = manifest_toml(&[json!({})], &info).unwrap_err();
        assert!(err.to_string().contains("memory is one of minimal, light"));
    }
}
