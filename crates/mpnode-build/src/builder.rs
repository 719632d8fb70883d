//! [`Builder`]: the one pipeline from a `node.py` to a `node.wasm`.
//!
//! ```text
//! node.py ─collect─▶ files ─lower─▶ ─compile─▶ .mpy ─pack─▶ module ─validate─▶ ─snapshot─▶ node.wasm
//! ```
//!
//! `mpnode build`, `mpnode run node.py`, `mpnode bench node.py`,
//! `mpnode inspect node.py`, the criterion benchmarks and the tests all
//! build through it, so one `node.py` gives one artifact everywhere. What
//! differs is an explicit choice: [`Form`] (bytecode in the smallest
//! runtime, bytecode in the runtime with the compiler, or source) and
//! whether to [`snapshot`](Builder::snapshot).

use std::fmt;
use std::path::{Path, PathBuf};

use mpnode_host::{Engine, Limits, LogEntry, Node};
use serde_json::Value;

use crate::compile::Compiler;
use crate::pack::{self, PackError, PackOptions, SourceFile};
use crate::runtime::{RuntimeKind, RUNTIME_WASM};
use crate::snapshot;
use crate::validate::{self, Problem};

/// What goes into the module and which runtime runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// Bytecode (`.mpy`) in the runtime without the compiler: the smallest
    /// module, and what `mpnode build` writes by default. No `exec`,
    /// `eval` or `compile`.
    #[default]
    Bytecode,
    /// Bytecode in the runtime with the compiler (`--with-compiler`).
    BytecodeWithCompiler,
    /// The Python source in the runtime with the compiler (`--source`): the
    /// module compiles it each time it starts.
    Source,
}

/// Builds a node module from a Python file. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Builder {
    node_file: PathBuf,
    modules: Vec<PathBuf>,
    files: Option<Vec<SourceFile>>,
    options: PackOptions,
    form: Form,
    snapshot: bool,
    validate: bool,
    limits: Limits,
}

/// What [`Builder::build`] made.
#[derive(Debug, Clone)]
pub struct Artifact {
    /// The module's bytes: what `mpnode build` writes to `node.wasm`.
    pub wasm: Vec<u8>,
    /// The node definitions the module answers (`get_node`/`get_nodes`).
    pub definitions: Vec<Value>,
    /// What the node logged while it was imported at build time (with a
    /// snapshot; empty without one).
    pub import_logs: Vec<LogEntry>,
    /// The files packed, as the module holds them (source or bytecode).
    pub files: Vec<String>,
}

/// Why a build failed. Each variant says what to do next in its message.
#[derive(Debug)]
pub enum BuildError {
    /// A file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The node file is not UTF-8 text, or an extra module is not `.py`.
    NotPython {
        /// The file.
        path: PathBuf,
    },
    /// Lowering, precompiling or packing failed (a syntax error among them).
    Pack(PackError),
    /// The compiler module could not start.
    Compiler(String),
    /// The packed module did not load, or its definitions could not be read.
    Load(mpnode_host::Error),
    /// The definitions have problems Flow-Like would refuse or misread.
    Invalid(Vec<Problem>),
    /// Starting the node at build time failed.
    Snapshot(snapshot::SnapshotError),
    /// The snapshot does not give the same definitions (a bug in mpnode).
    SnapshotDiffers,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Read { path, error } => write!(f, "could not read {} or a module it imports: {error}", path.display()),
            BuildError::NotPython { path } => write!(f, "{} is not Python source (UTF-8 text named NAME.py)", path.display()),
            BuildError::Pack(e) => write!(f, "{e}"),
            BuildError::Compiler(e) => write!(f, "could not start the compiler: {e} (`--source` packs the source instead)"),
            BuildError::Load(e) => write!(f, "{e}"),
            BuildError::Invalid(problems) => {
                write!(f, "{} problem(s) in the node definition:", problems.len())?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
            BuildError::Snapshot(e) => write!(f, "{e} (`--no-snapshot` builds a module that starts the node when it is loaded)"),
            BuildError::SnapshotDiffers => {
                write!(f, "the snapshot's definitions differ from the node's: a bug in mpnode; build with --no-snapshot meanwhile")
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<PackError> for BuildError {
    fn from(e: PackError) -> Self {
        BuildError::Pack(e)
    }
}

impl Builder {
    /// A build of `node_file` and the local modules it imports, with
    /// `mpnode build`'s defaults: bytecode in the runtime without the
    /// compiler, definitions validated, the start-up snapshot.
    pub fn new(node_file: impl Into<PathBuf>) -> Builder {
        Builder {
            node_file: node_file.into(),
            modules: Vec::new(),
            files: None,
            options: PackOptions::default(),
            form: Form::default(),
            snapshot: true,
            validate: true,
            limits: Limits::default(),
        }
    }

    /// A build of files already in memory (the first is the node file,
    /// named as tracebacks show it) instead of reading them from disk.
    pub fn from_files(files: Vec<SourceFile>) -> Builder {
        let name = files.first().map(|f| f.name.clone()).unwrap_or_else(|| "node.py".into());
        Builder { files: Some(files), ..Builder::new(name) }
    }

    /// A build of one source text named `file_name`.
    pub fn from_source(source: &str, file_name: &str) -> Builder {
        Builder::from_files(vec![SourceFile::new(file_name, source)])
    }

    /// Packs another Python module, importable by its file name (for
    /// modules the import scan does not see).
    pub fn module(mut self, path: impl Into<PathBuf>) -> Builder {
        self.modules.push(path.into());
        self
    }

    /// What goes into the module; see [`Form`].
    pub fn form(mut self, form: Form) -> Builder {
        self.form = form;
        self
    }

    /// Packing settings (GC heap size, GC torture).
    pub fn pack_options(mut self, options: PackOptions) -> Builder {
        self.options = options;
        self
    }

    /// Whether to start the node at build time and write the started state
    /// into the module (default: yes).
    pub fn snapshot(mut self, snapshot: bool) -> Builder {
        self.snapshot = snapshot;
        self
    }

    /// Whether to check the definitions as Flow-Like reads them (default:
    /// yes). Without it, a node whose `get_node` fails still builds.
    pub fn validate(mut self, validate: bool) -> Builder {
        self.validate = validate;
        self
    }

    /// Limits for the build-time calls into the node (loading, definitions,
    /// the snapshot's start). The memory limit is raised to fit the heap.
    pub fn limits(mut self, limits: Limits) -> Builder {
        self.limits = limits;
        self
    }

    /// The node file this build reads (or names).
    pub fn node_file(&self) -> &Path {
        &self.node_file
    }

    fn read_files(&self) -> Result<Vec<SourceFile>, BuildError> {
        let mut files = match &self.files {
            Some(files) => files.clone(),
            None => pack::collect_files(&self.node_file).map_err(|error| BuildError::Read { path: self.node_file.clone(), error })?,
        };
        for module in &self.modules {
            if module.extension().is_none_or(|e| e != "py") {
                return Err(BuildError::NotPython { path: module.clone() });
            }
            let name = module.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let contents = std::fs::read(module).map_err(|error| BuildError::Read { path: module.clone(), error })?;
            files.retain(|f| f.name != name);
            files.push(SourceFile::new(name, contents));
        }
        if files.first().is_none_or(|f| std::str::from_utf8(&f.contents).is_err()) {
            return Err(BuildError::NotPython { path: self.node_file.clone() });
        }
        Ok(files)
    }

    /// Collects, lowers, compiles and packs: the module before validation
    /// and snapshot.
    ///
    /// # Errors
    ///
    /// See [`BuildError`].
    pub fn pack(&self) -> Result<Vec<u8>, BuildError> {
        let files = self.read_files()?;
        if self.form == Form::Source {
            return Ok(pack::pack_files(RUNTIME_WASM, &files, &self.options)?);
        }
        let compiler = Compiler::new().map_err(|e| BuildError::Compiler(e.to_string()))?;
        let kind = match self.form {
            Form::BytecodeWithCompiler => RuntimeKind::WithCompiler,
            _ => RuntimeKind::smallest_for_bytecode(),
        };
        Ok(pack::pack_precompiled(kind.wasm(), &files, &self.options, &compiler)?)
    }

    /// The limits of build-time calls: the caller's, with room for the heap.
    fn build_limits(&self) -> Limits {
        let heap = self.options.heap_size.unwrap_or(0) as usize;
        let memory = self.limits.memory.max(heap + (8 << 20));
        self.limits.clone().with_memory(memory)
    }

    /// Runs the whole pipeline.
    ///
    /// # Errors
    ///
    /// See [`BuildError`].
    pub fn build(&self) -> Result<Artifact, BuildError> {
        let module = self.pack()?;
        // With the library modules the node imports (what the module holds).
        let files: Vec<String> = pack::with_library(&self.read_files()?).into_iter().map(|f| f.name).collect();
        let limits = self.build_limits();
        let engine = Engine::new();
        // Without validation a node whose definitions fail still builds
        // (`mpnode run node.py` reports the failure as the run's error).
        let definitions = match Node::load_with_limits(&engine, &module, limits.clone()).and_then(|mut n| n.definitions()) {
            Ok(definitions) => Some(definitions),
            Err(e) if self.validate => return Err(BuildError::Load(e)),
            Err(_) => None,
        };
        if self.validate {
            let file = self.node_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let source = self.read_files()?.swap_remove(0).contents;
            let definitions = definitions.as_deref().unwrap_or_default();
            let source = String::from_utf8_lossy(&source);
            validate::validate(definitions, &source, &file).map_err(BuildError::Invalid)?;
            validate::check_run(&source, &file).map_err(BuildError::Invalid)?;
        }
        if !self.snapshot {
            let wasm = with_file_list(module, &files);
            return Ok(Artifact { wasm, definitions: definitions.unwrap_or_default(), import_logs: Vec::new(), files });
        }
        let snap = snapshot::snapshot(&engine, &module, &limits).map_err(BuildError::Snapshot)?;
        if let Some(definitions) = &definitions {
            let mut node = Node::load_with_limits(&engine, &snap.wasm, limits).map_err(BuildError::Load)?;
            if node.definitions().map_err(BuildError::Load)? != *definitions {
                return Err(BuildError::SnapshotDiffers);
            }
        }
        let wasm = with_file_list(snap.wasm, &files);
        Ok(Artifact { wasm, definitions: definitions.unwrap_or_default(), import_logs: snap.logs, files })
    }
}

/// The custom section naming the packed files (one per line), which
/// `mpnode inspect` shows.
pub const FILES_SECTION: &str = "mpnode.files";

/// Appends [`FILES_SECTION`] when the module packs more than the node file
/// (local or library modules), so a node that packs only itself (the seed)
/// keeps its exact size.
fn with_file_list(mut wasm: Vec<u8>, files: &[String]) -> Vec<u8> {
    if files.len() <= 1 {
        return wasm;
    }
    let payload = files.join("\n");
    let mut body = Vec::new();
    leb128(&mut body, FILES_SECTION.len() as u64);
    body.extend_from_slice(FILES_SECTION.as_bytes());
    body.extend_from_slice(payload.as_bytes());
    wasm.push(0);
    leb128(&mut wasm, body.len() as u64);
    wasm.extend_from_slice(&body);
    wasm
}

fn leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}
