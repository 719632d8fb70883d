//! Snapshots: a packed node module, started ahead of time.
//!
//! Instantiating a packed module normally starts MicroPython in
//! `_initialize`: it sets up the heap, interns names, and compiles and
//! imports the node's code. [`snapshot`] does that work once, at build time,
//! in wasmi, and writes the result back into the module:
//!
//! 1. a copy of the module exports every mutable global;
//! 2. that copy is instantiated with the host's clock and random source
//!    frozen at 0 (so the snapshot does not depend on when it was taken) and
//!    `_initialize` runs; the copy's config block carries `FLAG_SNAPSHOT`,
//!    so that at its end the guest collects and zeroes the free heap
//!    (objects freed during the import are not stored), and the flag is
//!    cleared again in the captured memory;
//! 3. the original module is rewritten: its data segments become the
//!    non-zero ranges of the memory as `_initialize` left it, its memory
//!    minimum becomes the pages in use, and each mutable global starts at the
//!    value it had.
//!
//! Everything else (code, tables, exports, imports) is copied byte for byte,
//! so the snapshot still meets Flow-Like's node contract. The snapshotted
//! module still exports `_initialize`; the shim remembers in memory that it
//! has run, so it then only reseeds `random` from the host.
//!
//! What a snapshot freezes: anything the node computes while it is imported
//! (module-level code) is computed at build time, with `time.time()` and
//! `random` answering as if at 0; what module-level code prints is logged at
//! build time, not at each instantiation.

use std::fmt;
use std::ops::Range;

use wasm_encoder::{
    ConstExpr, DataCountSection, DataSection, ExportKind, ExportSection, GlobalSection, GlobalType, MemorySection, MemoryType, Module,
    RawSection,
};
use wasmi::Val;
use wasmparser::{DataKind, ExternalKind, Parser, Payload, TypeRef, ValType};

use mpnode_host::Engine;
use mpnode_host::Error;
use mpnode_host::Limits;
use mpnode_host::LogEntry;
use mpnode_runtime::config_block::{FLAG_SNAPSHOT, WORD_FLAGS};

const PAGE: usize = 65536;
/// Runs of zero bytes shorter than this stay inside a data segment: a new
/// segment costs about eight bytes of header (flags, `i32.const`, a 3-byte
/// address, `end`, the length). 8 gives the smallest modules (16 stored
/// ~1.7 KB more for an SDK-style node, ~0.8 KB more for the seed's).
const ZERO_GAP: usize = 8;
/// The export names the instrumented copy gives the mutable globals.
const GLOBAL_EXPORT_PREFIX: &str = "__mpnode_snapshot_global_";

/// Why a module could not be snapshotted.
#[derive(Debug)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The bytes are not a valid wasm module.
    InvalidWasm(String),
    /// The module uses something a snapshot cannot carry over (an imported
    /// or second memory, passive data, a non-constant global).
    Unsupported(String),
    /// Instantiating the module or running `_initialize` failed.
    Initialize(Error),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::InvalidWasm(e) => write!(f, "cannot snapshot: not valid WebAssembly: {e}"),
            SnapshotError::Unsupported(what) => {
                write!(f, "cannot snapshot this module ({what}); build without a snapshot (--no-snapshot)")
            }
            SnapshotError::Initialize(e) => write!(f, "starting the node at build time failed: {e}"),
        }
    }
}

impl std::error::Error for SnapshotError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SnapshotError::Initialize(e) => Some(e),
            _ => None,
        }
    }
}

impl From<wasmparser::BinaryReaderError> for SnapshotError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        SnapshotError::InvalidWasm(e.to_string())
    }
}

/// A snapshotted module and what the node logged while it was started.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The snapshotted module.
    pub wasm: Vec<u8>,
    /// Log lines (e.g. `print` at module level) written while the node was
    /// imported at build time.
    pub logs: Vec<LogEntry>,
    /// Pages of linear memory the snapshot starts with.
    pub memory_pages: u32,
}

/// What the snapshot needs to know about the module.
struct Shape {
    /// Number of imported globals (defined globals are numbered after them).
    imported_globals: u32,
    /// Index (in the global index space) of each mutable defined global.
    mutable_globals: Vec<u32>,
    /// Position in `mutable_globals` of the stack pointer: the first mutable
    /// i32 global, as wasm-ld lays them out (the name section may be
    /// stripped).
    stack_pointer: Option<usize>,
    /// Address of the config block's flags word and the value the module's
    /// data gives it, when the module exports `mpnode_config` (a runtime).
    config_flags: Option<(u32, u32)>,
}

/// Starts `wasm` (a packed node module) in wasmi under `limits` and returns
/// the module rewritten to begin in that started state. Deterministic: the
/// same input gives byte-identical output.
///
/// # Errors
///
/// [`SnapshotError::InvalidWasm`] / [`SnapshotError::Unsupported`] for
/// modules it cannot rewrite, [`SnapshotError::Initialize`] when
/// instantiation or `_initialize` fails (a limit, a trap). A node whose
/// import raises a Python exception is snapshotted with that error kept, as
/// without a snapshot: every call reports it.
pub fn snapshot(engine: &Engine, wasm: &[u8], limits: &Limits) -> Result<Snapshot, SnapshotError> {
    let shape = read_shape(wasm)?;
    let names: Vec<String> = shape.mutable_globals.iter().map(|i| format!("{GLOBAL_EXPORT_PREFIX}{i}")).collect();
    let flags = shape.config_flags.map(|(addr, flags)| (addr, flags | FLAG_SNAPSHOT));
    let instrumented = rewrite(wasm, &Rewrite::ExportGlobals { globals: &shape.mutable_globals, flags })?;
    let image = mpnode_host::node::initialized_image(engine, &instrumented, limits, &names).map_err(SnapshotError::Initialize)?;
    let mut memory = image.memory;
    // The flags word as the module had it (without FLAG_SNAPSHOT).
    if let Some((addr, flags)) = shape.config_flags {
        if let Some(word) = memory.get_mut(addr as usize..addr as usize + 4) {
            word.copy_from_slice(&flags.to_le_bytes());
        }
    }
    // Below the stack pointer lies only dead stack: `_initialize` returned.
    // Clearing it keeps build-time garbage out of the module.
    if let Some(Val::I32(sp)) = shape.stack_pointer.and_then(|i| image.globals.get(i)) {
        let end = (*sp as u32 as usize).min(memory.len());
        memory[..end].fill(0);
    }
    let pages = (memory.len() / PAGE) as u32;
    let segments = nonzero_ranges(&memory);
    let globals: Vec<(u32, Val)> = shape.mutable_globals.iter().copied().zip(image.globals).collect();
    let out =
        rewrite(wasm, &Rewrite::Restore { memory: &memory, segments: &segments, pages: pages as u64, globals: &globals, shape: &shape })?;
    Ok(Snapshot { wasm: out, logs: image.logs, memory_pages: pages })
}

fn read_shape(wasm: &[u8]) -> Result<Shape, SnapshotError> {
    let mut imported_globals = 0;
    let mut mutable_globals = Vec::new();
    let mut stack_pointer = None;
    let mut memories = 0;
    // For the config block: constant i32 globals, the exported ones, and
    // the active segments in order (a later one overwrites an earlier).
    let mut const_globals: Vec<Option<u32>> = Vec::new();
    let mut config_global = None;
    let mut segments: Vec<(u32, &[u8])> = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    match imp?.ty {
                        TypeRef::Global(_) => imported_globals += 1,
                        TypeRef::Memory(_) => return Err(SnapshotError::Unsupported("it imports its memory".into())),
                        _ => {}
                    }
                }
            }
            Payload::GlobalSection(r) => {
                for (i, g) in r.into_iter().enumerate() {
                    let g = g?;
                    const_globals.push(const_i32(&g.init_expr));
                    let ty = g.ty;
                    if ty.mutable {
                        if stack_pointer.is_none() && ty.content_type == ValType::I32 {
                            stack_pointer = Some(mutable_globals.len());
                        }
                        mutable_globals.push(imported_globals + i as u32);
                    }
                }
            }
            Payload::MemorySection(r) => {
                for m in r {
                    let m = m?;
                    if m.memory64 || m.shared || m.page_size_log2.is_some() {
                        return Err(SnapshotError::Unsupported("its memory is not a plain 32-bit memory".into()));
                    }
                    memories += 1;
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e?;
                    if e.name == "mpnode_config" && e.kind == ExternalKind::Global {
                        config_global = Some(e.index);
                    }
                }
            }
            Payload::DataSection(r) => {
                for d in r {
                    let d = d?;
                    match d.kind {
                        DataKind::Active { memory_index: 0, offset_expr } => {
                            if let Some(addr) = const_i32(&offset_expr) {
                                segments.push((addr, d.data));
                            }
                        }
                        _ => return Err(SnapshotError::Unsupported("it has passive data segments".into())),
                    }
                }
            }
            _ => {}
        }
    }
    if memories != 1 {
        return Err(SnapshotError::Unsupported(format!("it defines {memories} memories, not one")));
    }
    let config_flags = config_global
        .and_then(|g| g.checked_sub(imported_globals))
        .and_then(|i| const_globals.get(i as usize).copied().flatten())
        .map(|block| {
            let addr = block + WORD_FLAGS as u32 * 4;
            let mut word = [0u8; 4];
            for (start, data) in &segments {
                for (k, byte) in word.iter_mut().enumerate() {
                    let at = (addr as u64 + k as u64).wrapping_sub(*start as u64);
                    if let Some(b) = data.get(at as usize) {
                        *byte = *b;
                    }
                }
            }
            (addr, u32::from_le_bytes(word))
        });
    Ok(Shape { imported_globals, mutable_globals, stack_pointer, config_flags })
}

fn const_i32(expr: &wasmparser::ConstExpr<'_>) -> Option<u32> {
    let mut r = expr.get_operators_reader();
    match (r.read().ok()?, r.read().ok()?) {
        (wasmparser::Operator::I32Const { value }, wasmparser::Operator::End) => Some(value as u32),
        _ => None,
    }
}

/// Ranges of `memory` that hold non-zero bytes, merged across short runs of
/// zeros.
fn nonzero_ranges(memory: &[u8]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < memory.len() {
        if memory[i] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < memory.len() && memory[i] != 0 {
            i += 1;
        }
        match out.last_mut() {
            Some(last) if start - last.end < ZERO_GAP => last.end = i,
            _ => out.push(start..i),
        }
    }
    out
}

/// The two rewrites a snapshot makes.
enum Rewrite<'a> {
    /// Add an export for each of these (mutable) globals, and a data
    /// segment that sets the config flags word (address, value).
    ExportGlobals { globals: &'a [u32], flags: Option<(u32, u32)> },
    /// Put the captured state into the module.
    Restore { memory: &'a [u8], segments: &'a [Range<usize>], pages: u64, globals: &'a [(u32, Val)], shape: &'a Shape },
}

fn const_expr(v: &Val) -> Result<ConstExpr, SnapshotError> {
    Ok(match v {
        Val::I32(x) => ConstExpr::i32_const(*x),
        Val::I64(x) => ConstExpr::i64_const(*x),
        Val::F32(x) => ConstExpr::f32_const(f32::from_bits(x.to_bits()).into()),
        Val::F64(x) => ConstExpr::f64_const(f64::from_bits(x.to_bits()).into()),
        _ => return Err(SnapshotError::Unsupported("a mutable global of a reference or vector type".into())),
    })
}

fn val_type(t: ValType) -> Result<wasm_encoder::ValType, SnapshotError> {
    Ok(match t {
        ValType::I32 => wasm_encoder::ValType::I32,
        ValType::I64 => wasm_encoder::ValType::I64,
        ValType::F32 => wasm_encoder::ValType::F32,
        ValType::F64 => wasm_encoder::ValType::F64,
        _ => return Err(SnapshotError::Unsupported("a global of a reference or vector type".into())),
    })
}

/// Copies `wasm` section by section, changing what `how` says.
fn rewrite(wasm: &[u8], how: &Rewrite<'_>) -> Result<Vec<u8>, SnapshotError> {
    let mut module = Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        match (&payload, how) {
            (Payload::ExportSection(r), Rewrite::ExportGlobals { globals, .. }) => {
                let mut sec = ExportSection::new();
                for e in r.clone() {
                    let e = e?;
                    let kind = match e.kind {
                        ExternalKind::Func => ExportKind::Func,
                        ExternalKind::Table => ExportKind::Table,
                        ExternalKind::Memory => ExportKind::Memory,
                        ExternalKind::Global => ExportKind::Global,
                        ExternalKind::Tag => ExportKind::Tag,
                        other => return Err(SnapshotError::Unsupported(format!("an export of kind {other:?}"))),
                    };
                    sec.export(e.name, kind, e.index);
                }
                for g in *globals {
                    sec.export(&format!("{GLOBAL_EXPORT_PREFIX}{g}"), ExportKind::Global, *g);
                }
                module.section(&sec);
            }
            (Payload::MemorySection(r), Rewrite::Restore { pages, .. }) => {
                let mut sec = MemorySection::new();
                for m in r.clone() {
                    let m = m?;
                    sec.memory(MemoryType {
                        minimum: m.initial.max(*pages),
                        maximum: m.maximum,
                        memory64: false,
                        shared: false,
                        page_size_log2: None,
                    });
                }
                module.section(&sec);
            }
            (Payload::GlobalSection(r), Rewrite::Restore { globals, shape, .. }) => {
                let mut sec = GlobalSection::new();
                for (i, g) in r.clone().into_iter().enumerate() {
                    let g = g?;
                    let index = shape.imported_globals + i as u32;
                    let ty = GlobalType { val_type: val_type(g.ty.content_type)?, mutable: g.ty.mutable, shared: false };
                    match globals.iter().find(|(idx, _)| *idx == index) {
                        Some((_, v)) => sec.global(ty, &const_expr(v)?),
                        None => {
                            let range = g.init_expr.get_binary_reader().range();
                            // The original init expression, `end` included.
                            let bytes = &wasm[range.start as usize..range.end as usize];
                            sec.global(ty, &ConstExpr::raw(bytes[..bytes.len() - 1].iter().copied()))
                        }
                    };
                }
                module.section(&sec);
            }
            (Payload::DataCountSection { .. }, Rewrite::Restore { segments, .. }) => {
                module.section(&DataCountSection { count: segments.len() as u32 });
            }
            (Payload::DataCountSection { count, .. }, Rewrite::ExportGlobals { flags: Some(_), .. }) => {
                module.section(&DataCountSection { count: count + 1 });
            }
            (Payload::DataSection(r), Rewrite::ExportGlobals { flags: Some((addr, flags)), .. }) => {
                let mut sec = DataSection::new();
                for d in r.clone() {
                    let d = d?;
                    if let DataKind::Active { offset_expr, .. } = d.kind {
                        let range = offset_expr.get_binary_reader().range();
                        // The original offset expression, `end` included.
                        let bytes = &wasm[range.start as usize..range.end as usize];
                        sec.active(0, &ConstExpr::raw(bytes[..bytes.len() - 1].iter().copied()), d.data.iter().copied());
                    }
                }
                sec.active(0, &ConstExpr::i32_const(*addr as i32), flags.to_le_bytes());
                module.section(&sec);
            }
            (Payload::DataSection(_), Rewrite::Restore { memory, segments, .. }) => {
                let mut sec = DataSection::new();
                for r in segments.iter() {
                    sec.active(0, &ConstExpr::i32_const(r.start as i32), memory[r.clone()].iter().copied());
                }
                module.section(&sec);
            }
            (Payload::CodeSectionStart { unchecked_range, .. }, _) => {
                let range = unchecked_range.start as usize..unchecked_range.end as usize;
                let data = wasm.get(range).ok_or_else(|| SnapshotError::InvalidWasm("truncated code section".into()))?;
                module.section(&RawSection { id: 10, data });
            }
            (Payload::CodeSectionEntry(_) | Payload::Version { .. } | Payload::End(_), _) => {}
            (other, _) => {
                if let Some((id, range)) = other.as_section() {
                    module.section(&RawSection { id, data: &wasm[range.start as usize..range.end as usize] });
                }
            }
        }
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_runs_split_segments_only_when_long() {
        let mut m = vec![0u8; 100];
        m[3] = 1;
        m[10] = 2; // gap 6 < ZERO_GAP: same segment
        m[50] = 3; // gap 39: new segment
        m[99] = 4;
        assert_eq!(nonzero_ranges(&m), vec![3..11, 50..51, 99..100]);
        assert!(nonzero_ranges(&[0; 64]).is_empty());
    }
}
