//! A node project: `pyproject.toml` with a `[tool.mpnode]` table, as
//! `mpnode new` writes it. `mpnode build` and `mpnode test` with no file
//! argument build the project in the current directory (or a parent).
//!
//! ```toml
//! [project]
//! name = "word-count"
//! version = "0.1.0"
//!
//! [tool.mpnode]
//! node = "node.py"            # the node file (default node.py)
//! output = "word_count.wasm"  # default: the node file's name, .wasm
//! modules = []                # more modules to pack
//! heap = "1MiB"               # optional GC heap cap
//! with-compiler = false
//! source = false
//! snapshot = true
//! memory-tier = "minimal"
//! timeout-tier = "standard"
//! id = "local.mpnode.word_count"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// `pyproject.toml`, the parts mpnode reads.
#[derive(Debug, Default, Deserialize)]
struct PyProject {
    #[serde(default)]
    project: ProjectTable,
    #[serde(default)]
    tool: ToolTable,
}

#[derive(Debug, Default, Deserialize)]
struct ProjectTable {
    version: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ToolTable {
    mpnode: Option<Settings>,
}

/// `[tool.mpnode]`: `mpnode build`'s options for this project.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Settings {
    /// The node file, relative to the project (default `node.py`).
    pub node: Option<PathBuf>,
    /// Where the module goes, relative to the project.
    pub output: Option<PathBuf>,
    /// More modules to pack.
    #[serde(default)]
    pub modules: Vec<PathBuf>,
    /// GC heap size (`1MiB`, `262144`).
    pub heap: Option<String>,
    /// `--with-compiler`.
    #[serde(default)]
    pub with_compiler: bool,
    /// `--source`.
    #[serde(default)]
    pub source: bool,
    /// `false` for `--no-snapshot`.
    pub snapshot: Option<bool>,
    /// Package id for flow-like.toml.
    pub id: Option<String>,
    /// Memory tier for flow-like.toml.
    pub memory_tier: Option<String>,
    /// Timeout tier for flow-like.toml.
    pub timeout_tier: Option<String>,
    /// `false` for `--no-manifest`.
    pub manifest: Option<bool>,
}

/// A project found on disk.
#[derive(Debug, Clone)]
pub struct Project {
    /// The directory holding `pyproject.toml`.
    pub dir: PathBuf,
    /// `[project] version`.
    pub version: Option<String>,
    /// `[tool.mpnode]`.
    pub settings: Settings,
}

impl Project {
    /// The project whose `pyproject.toml` has a `[tool.mpnode]` table, in
    /// `start` or the nearest parent that has one.
    ///
    /// # Errors
    ///
    /// A `pyproject.toml` with `[tool.mpnode]` that cannot be read or parsed.
    pub fn find(start: &Path) -> Result<Option<Project>, String> {
        for dir in start.ancestors() {
            let path = dir.join("pyproject.toml");
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
            let parsed: PyProject = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            if let Some(settings) = parsed.tool.mpnode {
                return Ok(Some(Project { dir: dir.to_path_buf(), version: parsed.project.version, settings }));
            }
        }
        Ok(None)
    }

    /// The node file.
    pub fn node_file(&self) -> PathBuf {
        self.dir.join(self.settings.node.clone().unwrap_or_else(|| PathBuf::from("node.py")))
    }

    /// Where `mpnode build` writes the module.
    pub fn output(&self) -> PathBuf {
        match &self.settings.output {
            Some(out) => self.dir.join(out),
            None => self.node_file().with_extension("wasm"),
        }
    }
}
