//! Packing: puts a node's Python into a copy of a runtime module, giving a
//! self-contained `node.wasm`.
//!
//! The Python goes in as source ([`pack_files`]: the runtime compiles it
//! when the module starts, so it needs the runtime with the compiler) or as
//! bytecode ([`pack_precompiled`]: compiled now to `.mpy` by
//! [`crate::compile`]; either runtime runs it, and the one without the
//! compiler is smaller). Source is first lowered for MicroPython v1.9.4
//! ([`crate::lower`]) and given the `sdk` module when it imports it.
//!
//! The runtime exports the address of a small config block
//! (`mpnode_config`, see `shim/src/config.rs`) and `__heap_base`. Packing
//! appends two active data segments: a table of files (the node's own file
//! first, then modules it can import) at the old heap base, and a new config
//! block that points at it (a later segment overwrites an earlier one at
//! instantiation). The memory's minimum
//! grows to cover the payload; the shim places the GC heap after it.
//! Everything else is copied byte for byte, so packing is deterministic.

use std::fmt;
use std::ops::Range;

use wasm_encoder::{ConstExpr, DataCountSection, DataSection, MemorySection, MemoryType, Module, RawSection};
use wasmparser::{DataKind, ExternalKind, Operator, Parser, Payload};

// The config block's layout, defined once for packer, shim and C port.
use mpnode_runtime::config_block::{
    FLAG_GC_TORTURE, LEN as CONFIG_LEN, MAGIC as CONFIG_MAGIC, PAYLOAD_FILES, PAYLOAD_NONE, VERSION as CONFIG_VERSION, WORDS,
    WORD_FILES_COUNT, WORD_FILES_PTR, WORD_FLAGS, WORD_HEAP_SIZE, WORD_MAGIC, WORD_PAYLOAD_END, WORD_PAYLOAD_KIND, WORD_VERSION,
};
const PAGE: u64 = 65536;

/// Packing failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PackError {
    /// The runtime bytes are not a valid wasm module.
    InvalidWasm(String),
    /// The module is valid wasm but not an mpnode runtime (a required
    /// export or section is missing).
    NotARuntime(String),
    /// The payload does not fit in a 32-bit address space.
    TooLarge(usize),
    /// A Python file has a syntax error that lowering (an unterminated
    /// string, a malformed f-string) or the compiler found.
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, when known (lowering knows it, the compiler
        /// does not).
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// Precompiling a file failed for a reason other than its syntax (see
    /// [`CompileError`](crate::compile::CompileError)).
    Compile(String),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::InvalidWasm(e) => write!(f, "the runtime module is not valid WebAssembly: {e}"),
            PackError::NotARuntime(what) => write!(
                f,
                "the module is not an mpnode runtime ({what}); pack into the runtime embedded in mpnode, not into an already packed or foreign module"
            ),
            PackError::TooLarge(n) => write!(f, "the node's code is too large to pack ({n} bytes)"),
            PackError::Syntax { file, line, column: Some(column), message } => write!(f, "{file}:{line}:{column}: {message}"),
            PackError::Syntax { file, line, column: None, message } => write!(f, "{file}:{line}: {message}"),
            PackError::Compile(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for PackError {}

impl From<crate::compile::CompileError> for PackError {
    fn from(e: crate::compile::CompileError) -> Self {
        match e {
            crate::compile::CompileError::Syntax { file, line, message } => PackError::Syntax { file, line, column: None, message },
            other => PackError::Compile(other.to_string()),
        }
    }
}

impl From<wasmparser::BinaryReaderError> for PackError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        PackError::InvalidWasm(e.to_string())
    }
}

/// Settings for [`pack_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackOptions {
    /// GC heap cap in bytes; `None` keeps the runtime's default (no cap:
    /// the heap grows as the node allocates, up to the memory limit).
    pub heap_size: Option<u32>,
    /// GC torture, for tests (`mpnode build --gc-torture`): every
    /// allocation requests a collection, so the runtime collects at every
    /// GC safe point (README, "GC roots") that follows an allocation,
    /// instead of when half the free heap is used. Slow; finds objects the
    /// GC cannot see.
    pub gc_torture: bool,
}

/// One file to pack: its name as `import` sees it (`helpers.py`,
/// `pkg/__init__.py`) and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Name; the node's own file name is what tracebacks show.
    pub name: String,
    /// Contents: Python source, or `.mpy` bytecode (see
    /// [`pack_precompiled`]).
    pub contents: Vec<u8>,
}

impl SourceFile {
    /// A file from a name and its text.
    pub fn new(name: impl Into<String>, contents: impl Into<Vec<u8>>) -> SourceFile {
        SourceFile { name: name.into(), contents: contents.into() }
    }
}

/// Packs `source` (the contents of `file_name`, which tracebacks will show)
/// into a copy of `runtime`, with default settings.
///
/// # Errors
///
/// See [`PackError`].
pub fn pack(runtime: &[u8], source: &str, file_name: &str) -> Result<Vec<u8>, PackError> {
    pack_with(runtime, source, file_name, &PackOptions::default())
}

/// Packs one node file with explicit [`PackOptions`].
///
/// # Errors
///
/// See [`PackError`].
pub fn pack_with(runtime: &[u8], source: &str, file_name: &str, options: &PackOptions) -> Result<Vec<u8>, PackError> {
    pack_files(runtime, &[SourceFile::new(file_name, source)], options)
}

/// What the packer needs to know about the runtime module.
struct Layout {
    config_addr: u32,
    heap_base: u32,
    config: [u8; CONFIG_LEN],
}

/// Packs several files as source: `files[0]` is the node, the others are
/// modules it can import by name. The runtime compiles them when the module
/// starts, so `runtime` must be the one with the compiler
/// ([`RUNTIME_WASM`](crate::runtime::RUNTIME_WASM)).
///
/// # Errors
///
/// See [`PackError`].
pub fn pack_files(runtime: &[u8], files: &[SourceFile], options: &PackOptions) -> Result<Vec<u8>, PackError> {
    let files = lower_all(&with_library(files))?;
    write_files(runtime, &files, options)
}

/// Packs several files as bytecode: as [`pack_files`], but every `.py` file
/// (the node, its modules, the `sdk` module) is compiled now by `compiler`.
/// Modules are packed as `.mpy` (`helpers.py` → `helpers.mpy`, which
/// `import helpers` finds); the node's own file keeps its name, and the
/// runtime recognises bytecode by the `.mpy` header. Tracebacks still name
/// the `.py` files and their lines. Either runtime runs the result; the one
/// without the compiler
/// ([`RUNTIME_NO_COMPILER_WASM`](crate::runtime::RUNTIME_NO_COMPILER_WASM))
/// is smaller but has no `exec`, `eval` or `compile`.
///
/// # Errors
///
/// See [`PackError`]; a syntax error is [`PackError::Syntax`] with the
/// file and line.
pub fn pack_precompiled(
    runtime: &[u8],
    files: &[SourceFile],
    options: &PackOptions,
    compiler: &crate::compile::Compiler,
) -> Result<Vec<u8>, PackError> {
    let files = precompile_files(files, compiler)?;
    write_files(runtime, &files, options)
}

/// The files [`pack_precompiled`] packs: `files` with the `sdk` module
/// added when imported, lowered, and each `.py` compiled to `.mpy` bytes
/// (renamed `.mpy`, except the node's own file, `files[0]`).
///
/// # Errors
///
/// See [`PackError`].
pub fn precompile_files(files: &[SourceFile], compiler: &crate::compile::Compiler) -> Result<Vec<SourceFile>, PackError> {
    lower_all(&with_library(files))?
        .into_iter()
        .enumerate()
        .map(|(i, f)| match f.name.strip_suffix(".py") {
            Some(stem) => {
                let mpy = compiler.compile(&f.contents, &f.name)?;
                Ok(SourceFile::new(if i == 0 { f.name.clone() } else { format!("{stem}.mpy") }, mpy))
            }
            None => Ok(f),
        })
        .collect()
}

/// Writes the file table (the files as they are) into a copy of `runtime`.
fn write_files(runtime: &[u8], files: &[SourceFile], options: &PackOptions) -> Result<Vec<u8>, PackError> {
    let layout = read_layout(runtime)?;
    if u32_at(&layout.config, WORD_MAGIC * 4) != CONFIG_MAGIC {
        return Err(PackError::NotARuntime("its config block has no MPNC mark".into()));
    }
    if u32_at(&layout.config, WORD_PAYLOAD_KIND * 4) != PAYLOAD_NONE {
        return Err(PackError::NotARuntime("it already contains a node".into()));
    }

    // Payload at the old heap base: the table, then names and contents.
    let start = align16(layout.heap_base as u64);
    let mut blob: Vec<u8> = vec![0u8; files.len() * 16];
    for (i, f) in files.iter().enumerate() {
        let place = |bytes: &[u8], blob: &mut Vec<u8>| -> u64 {
            while blob.len() % 4 != 0 {
                blob.push(0);
            }
            let at = start + blob.len() as u64;
            blob.extend_from_slice(bytes);
            at
        };
        let name_ptr = place(f.name.as_bytes(), &mut blob);
        let data_ptr = place(&f.contents, &mut blob);
        let entry = [name_ptr as u32, f.name.len() as u32, data_ptr as u32, f.contents.len() as u32];
        for (k, word) in entry.iter().enumerate() {
            blob[i * 16 + k * 4..i * 16 + k * 4 + 4].copy_from_slice(&word.to_le_bytes());
        }
    }
    let end = start + blob.len() as u64;
    if end > u32::MAX as u64 / 2 {
        return Err(PackError::TooLarge(blob.len()));
    }

    let mut config = layout.config;
    let heap_size = options.heap_size.unwrap_or(u32_at(&config, WORD_HEAP_SIZE * 4));
    let flags = if options.gc_torture { FLAG_GC_TORTURE } else { 0 };
    let mut words = [0u32; WORDS];
    words[WORD_MAGIC] = CONFIG_MAGIC;
    words[WORD_VERSION] = CONFIG_VERSION;
    words[WORD_HEAP_SIZE] = heap_size;
    words[WORD_PAYLOAD_KIND] = PAYLOAD_FILES;
    words[WORD_FILES_PTR] = start as u32;
    words[WORD_FILES_COUNT] = files.len() as u32;
    words[WORD_PAYLOAD_END] = end as u32;
    words[WORD_FLAGS] = flags;
    for (i, word) in words.into_iter().enumerate() {
        config[i * 4..i * 4 + 4].copy_from_slice(&word.to_le_bytes());
    }

    let segments = [(start as u32, blob.as_slice()), (layout.config_addr, &config[..])];
    rewrite(runtime, &segments, end.div_ceil(PAGE))
}

/// Reads a node file and the local modules it imports, transitively:
/// `import x` / `from x import y` / `from x.y import z` packs `x.py` or
/// `x/__init__.py` (and `x/y.py`) found next to the node file. Names that are
/// not local files (builtin modules, `sdk`) are left to the runtime.
///
/// # Errors
///
/// Reading a file failed.
pub fn collect_files(node_file: &std::path::Path) -> std::io::Result<Vec<SourceFile>> {
    let dir = node_file.parent().unwrap_or(std::path::Path::new("."));
    let main_name = node_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "node.py".into());
    let mut files = vec![SourceFile::new(main_name, std::fs::read(node_file)?)];
    let mut i = 0;
    while i < files.len() {
        let text = String::from_utf8_lossy(&files[i].contents).into_owned();
        for module in imported_modules(&text) {
            let parts: Vec<&str> = module.split('.').collect();
            for depth in 1..=parts.len() {
                let rel = parts[..depth].join("/");
                for candidate in [format!("{rel}.py"), format!("{rel}/__init__.py")] {
                    let path = dir.join(&candidate);
                    if path.is_file() && !files.iter().any(|f| f.name == candidate) {
                        files.push(SourceFile::new(candidate, std::fs::read(&path)?));
                    }
                }
            }
        }
        i += 1;
    }
    Ok(files)
}

/// Module names a Python file imports (absolute imports, one per line).
fn imported_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["import", rest @ ..] => {
                for part in rest.join(" ").split(',') {
                    if let Some(name) = part.split_whitespace().next() {
                        out.push(name.to_string());
                    }
                }
            }
            ["from", module, "import", ..] if !module.starts_with('.') => out.push(module.to_string()),
            _ => {}
        }
    }
    out
}

/// Rewrites syntax MicroPython v1.9.4 lacks (f-strings, variable
/// annotations; see [`crate::lower`]) in every `.py` file, keeping lines
/// where they are.
fn lower_all(files: &[SourceFile]) -> Result<Vec<SourceFile>, PackError> {
    files
        .iter()
        .map(|f| {
            if !f.name.ends_with(".py") {
                return Ok(f.clone());
            }
            let text = String::from_utf8_lossy(&f.contents);
            let lowered = crate::lower::lower(&text).map_err(|e| PackError::Syntax {
                file: f.name.clone(),
                line: e.line,
                column: Some(e.column),
                message: format!("SyntaxError: {}", e.message),
            })?;
            Ok(SourceFile::new(f.name.clone(), lowered))
        })
        .collect()
}

/// Flow-Like's Python SDK surface (`from sdk import Context, …`), written
/// for MicroPython; packed with nodes that import it (`pylib/sdk.py`).
pub const SDK_SOURCE: &str = include_str!("../../../pylib/sdk.py");

/// The Python library packed per use: `pylib/` (the `sdk` module and
/// mpnode's standard library), embedded by `build.rs`.
pub mod library {
    include!(concat!(env!("OUT_DIR"), "/pylib.rs"));

    /// The library file `name` (`json.py`, `urllib/__init__.py`), if any.
    pub fn get(name: &str) -> Option<&'static str> {
        LIBRARY.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
    }
}

/// The library files a set of files needs: every module of `pylib/` that
/// one of them imports (and, transitively, what those import), unless the
/// node brings a file of that name itself. A node that imports nothing of
/// the library gets nothing: the library is paid per use.
pub fn with_library(files: &[SourceFile]) -> Vec<SourceFile> {
    let mut out = files.to_vec();
    let mut i = 0;
    while i < out.len() {
        let text = String::from_utf8_lossy(&out[i].contents).into_owned();
        let package = out[i].name.rsplit_once('/').map(|(dir, _)| dir.replace('/', ".")).unwrap_or_default();
        let modules = imported_modules(&text).into_iter().chain(relative_imports(&text, &package)).chain(from_imported_names(&text));
        for module in modules {
            let parts: Vec<&str> = module.split('.').collect();
            for depth in 1..=parts.len() {
                let rel = parts[..depth].join("/");
                for candidate in [format!("{rel}.py"), format!("{rel}/__init__.py")] {
                    if out.iter().any(|f| f.name == candidate) {
                        continue;
                    }
                    if let Some(source) = library::get(&candidate) {
                        out.push(SourceFile::new(candidate, source));
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// `pkg.name` for every name of `from pkg import name, …`: a submodule
/// when `pkg` is a package of the library (`from flow_like_wasm_sdk import
/// types`); names that are not files are skipped by the caller.
fn from_imported_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["from", module, "import", rest @ ..] = words.as_slice() {
            if module.starts_with('.') {
                continue;
            }
            for part in rest.join(" ").split(',') {
                if let Some(n) = part.split_whitespace().next().map(|n| n.trim_matches(|c| c == '(' || c == ')')) {
                    if !n.is_empty() && n != "*" {
                        out.push(format!("{module}.{n}"));
                    }
                }
            }
        }
    }
    out
}

/// Modules named by relative imports (`from . import x`, `from .x import
/// y`) in a file of `package` (dotted), as absolute names.
fn relative_imports(text: &str, package: &str) -> Vec<String> {
    let mut out = Vec::new();
    if package.is_empty() {
        return out;
    }
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["from", module, "import", rest @ ..] = words.as_slice() {
            let Some(name) = module.strip_prefix('.') else { continue };
            if name.starts_with('.') {
                continue;
            }
            if name.is_empty() {
                for part in rest.join(" ").split(',') {
                    if let Some(n) = part.split_whitespace().next() {
                        out.push(format!("{package}.{}", n.trim_matches(|c| c == '(' || c == ')')));
                    }
                }
            } else {
                out.push(format!("{package}.{name}"));
            }
        }
    }
    out
}

fn align16(x: u64) -> u64 {
    (x + 15) & !15
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes(b[off..off + 4].try_into().unwrap())
}

/// Finds the config block's address, the heap base and the config block's
/// initial bytes (from the active data segments that cover it).
fn read_layout(wasm: &[u8]) -> Result<Layout, PackError> {
    let mut globals: Vec<Option<u32>> = Vec::new();
    let mut imported_globals = 0u32;
    let mut exports: Vec<(String, u32)> = Vec::new();
    let mut segments: Vec<(u32, Range<usize>)> = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    if matches!(imp?.ty, wasmparser::TypeRef::Global(_)) {
                        imported_globals += 1;
                    }
                }
            }
            Payload::GlobalSection(r) => {
                for g in r {
                    globals.push(const_i32(&g?.init_expr));
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e?;
                    if e.kind == ExternalKind::Global {
                        exports.push((e.name.to_string(), e.index));
                    }
                }
            }
            Payload::DataSection(r) => {
                for d in r {
                    let d = d?;
                    if let DataKind::Active { memory_index: 0, offset_expr } = d.kind {
                        if let Some(addr) = const_i32(&offset_expr) {
                            let start = d.data.as_ptr() as usize - wasm.as_ptr() as usize;
                            segments.push((addr, start..start + d.data.len()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let global = |name: &str| -> Result<u32, PackError> {
        let (_, idx) =
            exports.iter().find(|(n, _)| n == name).ok_or_else(|| PackError::NotARuntime(format!("no exported global `{name}`")))?;
        idx.checked_sub(imported_globals)
            .and_then(|i| globals.get(i as usize).copied().flatten())
            .ok_or_else(|| PackError::NotARuntime(format!("`{name}` is not a constant i32 global")))
    };
    let config_addr = global("mpnode_config")?;
    let heap_base = global("__heap_base")?;
    let mut config = [0u8; CONFIG_LEN];
    for (addr, range) in &segments {
        let (seg_start, seg_end) = (*addr as u64, *addr as u64 + range.len() as u64);
        let (cfg_start, cfg_end) = (config_addr as u64, config_addr as u64 + CONFIG_LEN as u64);
        let (lo, hi) = (seg_start.max(cfg_start), seg_end.min(cfg_end));
        if lo < hi {
            let src = &wasm[range.start + (lo - seg_start) as usize..range.start + (hi - seg_start) as usize];
            config[(lo - cfg_start) as usize..(hi - cfg_start) as usize].copy_from_slice(src);
        }
    }
    Ok(Layout { config_addr, heap_base, config })
}

fn const_i32(expr: &wasmparser::ConstExpr<'_>) -> Option<u32> {
    let mut r = expr.get_operators_reader();
    match (r.read().ok()?, r.read().ok()?) {
        (Operator::I32Const { value }, Operator::End) => Some(value as u32),
        _ => None,
    }
}

/// Copies the module, appending `segments` to the data section and raising
/// the memory minimum to at least `min_pages`.
fn rewrite(wasm: &[u8], segments: &[(u32, &[u8])], min_pages: u64) -> Result<Vec<u8>, PackError> {
    let mut module = Module::new();
    let mut wrote_data = false;
    let mut has_memory = false;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        match &payload {
            Payload::MemorySection(r) => {
                let mut sec = MemorySection::new();
                for m in r.clone() {
                    let m = m?;
                    sec.memory(MemoryType {
                        minimum: m.initial.max(min_pages),
                        maximum: m.maximum,
                        memory64: m.memory64,
                        shared: m.shared,
                        page_size_log2: m.page_size_log2,
                    });
                    has_memory = true;
                }
                module.section(&sec);
            }
            Payload::DataCountSection { count, .. } => {
                module.section(&DataCountSection { count: count + segments.len() as u32 });
            }
            Payload::DataSection(r) => {
                let mut sec = DataSection::new();
                for d in r.clone() {
                    let d = d?;
                    sec.raw(&wasm[d.range.start as usize..d.range.end as usize]);
                }
                for (addr, bytes) in segments {
                    sec.active(0, &ConstExpr::i32_const(*addr as i32), bytes.iter().copied());
                }
                module.section(&sec);
                wrote_data = true;
            }
            Payload::CodeSectionStart { unchecked_range, .. } => {
                // Copy the whole code section at once, then skip its entries.
                let r = unchecked_range.start as usize..unchecked_range.end as usize;
                module.section(&RawSection {
                    id: 10,
                    data: wasm.get(r).ok_or_else(|| PackError::InvalidWasm("truncated code section".into()))?,
                });
            }
            Payload::CodeSectionEntry(_) | Payload::Version { .. } | Payload::End(_) => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    module.section(&RawSection { id, data: &wasm[range.start as usize..range.end as usize] });
                }
            }
        }
    }
    if !has_memory || !wrote_data {
        return Err(PackError::NotARuntime("no memory or data section".into()));
    }
    Ok(module.finish())
}
