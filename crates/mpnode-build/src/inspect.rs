//! Static inspection of a module's bytes with `wasmparser`: size, imports
//! (and whether Flow-Like's host provides each), exports, and a check of a
//! node definition against the shape Flow-Like's host parses.

use std::fmt;

use serde::{Deserialize, Serialize};

use wasmparser::{ExternalKind, FuncType, Parser, Payload, TypeRef};

use mpnode_host::imports;

/// What kind of item an import or export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A function.
    Func,
    /// A table.
    Table,
    /// A linear memory.
    Memory,
    /// A global.
    Global,
    /// An exception tag.
    Tag,
}

impl ItemKind {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Func => "func",
            ItemKind::Table => "table",
            ItemKind::Memory => "memory",
            ItemKind::Global => "global",
            ItemKind::Tag => "tag",
        }
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportInfo {
    /// Import module.
    pub module: String,
    /// Import name.
    pub name: String,
    /// Kind of item.
    pub kind: ItemKind,
    /// Type, e.g. `(i32, i32) -> i64` for a function, `memory 1..` for a
    /// memory.
    pub signature: String,
    /// Whether Flow-Like's host provides this import with this signature.
    pub provided: bool,
}

/// One export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportInfo {
    /// Export name.
    pub name: String,
    /// Kind of item.
    pub kind: ItemKind,
    /// Type, as for imports.
    pub signature: String,
}

/// What [`inspect`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleInfo {
    /// Size of the module in bytes.
    pub size: usize,
    /// Imports, in module order.
    pub imports: Vec<ImportInfo>,
    /// Exports, in module order.
    pub exports: Vec<ExportInfo>,
    /// Custom sections: name and size in bytes.
    pub custom_sections: Vec<(String, usize)>,
    /// The files `mpnode build` packed (its `mpnode.files` section), when
    /// the module packs more than the node file.
    pub packed_files: Vec<String>,
}

impl ModuleInfo {
    /// Imports Flow-Like's host does not provide.
    pub fn unprovided_imports(&self) -> impl Iterator<Item = &ImportInfo> {
        self.imports.iter().filter(|i| !i.provided)
    }
}

/// Inspection failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum InspectError {
    /// The bytes are not a valid module.
    Parse(wasmparser::BinaryReaderError),
    /// The bytes are a WebAssembly component, not a core module.
    Component,
    /// A type index points outside the type section.
    BadTypeIndex(u32),
}

impl fmt::Display for InspectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InspectError::Parse(e) => write!(f, "not a valid WebAssembly module: {e}"),
            InspectError::Component => write!(f, "this is a WebAssembly component; mpnode handles core modules only"),
            InspectError::BadTypeIndex(i) => write!(f, "type index {i} is out of range"),
        }
    }
}

impl std::error::Error for InspectError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InspectError::Parse(e) => Some(e),
            _ => None,
        }
    }
}

impl From<wasmparser::BinaryReaderError> for InspectError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        InspectError::Parse(e)
    }
}

fn val_type(t: &wasmparser::ValType) -> String {
    t.to_string()
}

fn func_signature(ty: &FuncType) -> String {
    let list = |types: &[wasmparser::ValType]| types.iter().map(val_type).collect::<Vec<_>>().join(", ");
    let results = match ty.results() {
        [] => "()".to_string(),
        [one] => val_type(one),
        many => format!("({})", list(many)),
    };
    format!("({}) -> {}", list(ty.params()), results)
}

fn limits(min: u64, max: Option<u64>) -> String {
    match max {
        Some(max) => format!("{min}..{max}"),
        None => format!("{min}.."),
    }
}

fn memory_signature(m: &wasmparser::MemoryType) -> String {
    format!("memory {} pages", limits(m.initial, m.maximum))
}

fn table_signature(t: &wasmparser::TableType) -> String {
    format!("table {} {}", t.element_type, limits(t.initial, t.maximum))
}

fn global_signature(g: &wasmparser::GlobalType) -> String {
    if g.mutable {
        format!("global mut {}", g.content_type)
    } else {
        format!("global {}", g.content_type)
    }
}

/// Whether Flow-Like's host provides function import `module.name` with
/// exactly this wasmparser type.
fn provided(module: &str, name: &str, ty: &FuncType) -> bool {
    let Some(host) = imports::find(module, name) else {
        return false;
    };
    let same = |ours: &[wasmi::ValType], theirs: &[wasmparser::ValType]| {
        ours.len() == theirs.len()
            && ours.iter().zip(theirs).all(|(a, b)| {
                matches!(
                    (a, b),
                    (wasmi::ValType::I32, wasmparser::ValType::I32)
                        | (wasmi::ValType::I64, wasmparser::ValType::I64)
                        | (wasmi::ValType::F32, wasmparser::ValType::F32)
                        | (wasmi::ValType::F64, wasmparser::ValType::F64)
                )
            })
    };
    same(host.params, ty.params()) && same(host.results, ty.results())
}

/// Reads a module's size, imports and exports.
///
/// # Errors
///
/// [`InspectError`] when the bytes are not a valid core module.
pub fn inspect(wasm: &[u8]) -> Result<ModuleInfo, InspectError> {
    let mut types: Vec<FuncType> = Vec::new();
    // Type index of every function, imported ones first.
    let mut funcs: Vec<u32> = Vec::new();
    let mut tables: Vec<String> = Vec::new();
    let mut memories: Vec<String> = Vec::new();
    let mut globals: Vec<String> = Vec::new();
    let mut info =
        ModuleInfo { size: wasm.len(), imports: Vec::new(), exports: Vec::new(), custom_sections: Vec::new(), packed_files: Vec::new() };
    let mut raw_exports: Vec<(String, ExternalKind, u32)> = Vec::new();
    let func_type = |types: &[FuncType], index: u32| types.get(index as usize).cloned().ok_or(InspectError::BadTypeIndex(index));

    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::Version { encoding: wasmparser::Encoding::Component, .. } => return Err(InspectError::Component),
            Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    types.push(ty?);
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    let (kind, signature, is_provided) = match import.ty {
                        TypeRef::Func(index) | TypeRef::FuncExact(index) => {
                            funcs.push(index);
                            let ty = func_type(&types, index)?;
                            (ItemKind::Func, func_signature(&ty), provided(import.module, import.name, &ty))
                        }
                        TypeRef::Table(t) => {
                            tables.push(table_signature(&t));
                            (ItemKind::Table, table_signature(&t), false)
                        }
                        TypeRef::Memory(m) => {
                            memories.push(memory_signature(&m));
                            (ItemKind::Memory, memory_signature(&m), false)
                        }
                        TypeRef::Global(g) => {
                            globals.push(global_signature(&g));
                            (ItemKind::Global, global_signature(&g), false)
                        }
                        TypeRef::Tag(_) => (ItemKind::Tag, "tag".to_string(), false),
                    };
                    info.imports.push(ImportInfo {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        kind,
                        signature,
                        provided: is_provided,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                for index in reader {
                    funcs.push(index?);
                }
            }
            Payload::TableSection(reader) => {
                for table in reader {
                    tables.push(table_signature(&table?.ty));
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    memories.push(memory_signature(&memory?));
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    globals.push(global_signature(&global?.ty));
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    raw_exports.push((export.name.to_string(), export.kind, export.index));
                }
            }
            Payload::CustomSection(reader) => {
                info.custom_sections.push((reader.name().to_string(), reader.data().len()));
                if reader.name() == crate::builder::FILES_SECTION {
                    info.packed_files = String::from_utf8_lossy(reader.data()).lines().map(str::to_string).collect();
                }
            }
            _ => {}
        }
    }

    for (name, kind, index) in raw_exports {
        let pick = |list: &[String]| list.get(index as usize).cloned().unwrap_or_default();
        let (kind, signature) = match kind {
            ExternalKind::Func | ExternalKind::FuncExact => {
                let signature = match funcs.get(index as usize) {
                    Some(&ty) => func_signature(&func_type(&types, ty)?),
                    None => String::new(),
                };
                (ItemKind::Func, signature)
            }
            ExternalKind::Table => (ItemKind::Table, pick(&tables)),
            ExternalKind::Memory => (ItemKind::Memory, pick(&memories)),
            ExternalKind::Global => (ItemKind::Global, pick(&globals)),
            ExternalKind::Tag => (ItemKind::Tag, "tag".to_string()),
        };
        info.exports.push(ExportInfo { name, kind, signature });
    }
    Ok(info)
}
