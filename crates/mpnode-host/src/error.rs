//! Typed errors.
//!
//! Two families:
//!
//! - [`Error`]: loading a node, or asking it for its definition, failed. The
//!   caller gets an `Err`.
//! - [`Failure`]: one call into the guest went wrong (a trap, running out of
//!   fuel, `proc_exit`, a garbage return value, …). During a run this never
//!   becomes an `Err`: it lands in the run's result envelope as the `error`
//!   string (see [`RunReport`](crate::report::RunReport)) and the node
//!   re-instantiates itself before the next run. Outside a run it is wrapped
//!   in [`Error::Guest`].

use std::fmt;

/// Loading a node or talking to it outside a run failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a WebAssembly module wasmi accepts.
    Compile(wasmi::Error),
    /// The module imports a function that Flow-Like's host does not define,
    /// so it would not instantiate there either.
    UnknownImport {
        /// Import module, e.g. `env`.
        module: String,
        /// Import name, e.g. `invoke_iii`.
        name: String,
        /// The imported function's signature, e.g. `(i32, i32) -> i32`.
        signature: String,
    },
    /// The module imports one of Flow-Like's host functions with another
    /// signature than the host defines.
    ImportSignature {
        /// Import module.
        module: String,
        /// Import name.
        name: String,
        /// The signature Flow-Like's host defines.
        expected: String,
        /// The signature the module asks for.
        found: String,
    },
    /// The module imports a memory, table or global; Flow-Like's host only
    /// provides functions.
    UnsupportedImport {
        /// Import module.
        module: String,
        /// Import name.
        name: String,
        /// `memory`, `table` or `global`.
        kind: &'static str,
    },
    /// A required export is missing.
    MissingExport {
        /// The missing export (or `get_node or get_nodes`).
        name: String,
        /// Why it is needed.
        reason: &'static str,
    },
    /// An export exists but has the wrong kind or signature.
    ExportType {
        /// Export name.
        name: String,
        /// What the contract asks for.
        expected: String,
        /// What the module has.
        found: String,
    },
    /// Instantiation failed for a reason other than a trap in the start
    /// function (which is reported as [`Error::Guest`]).
    Instantiate(wasmi::Error),
    /// A call into the guest outside `run` failed: `_initialize`, `_start`,
    /// the start function, `get_node` or `get_nodes`.
    Guest(Failure),
    /// `run` was given inputs that are not a JSON object.
    InvalidInputs {
        /// The JSON type that was given instead (`array`, `string`, …).
        found: &'static str,
    },
    /// wasmi refused an operation the host relies on (setting fuel, …).
    /// This is a bug in mpnode.
    Internal(wasmi::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Compile(e) => write!(f, "not a valid WebAssembly module: {e}"),
            Error::UnknownImport { module, name, signature } => write!(
                f,
                "the module imports `{module}.{name}` {signature}, which Flow-Like's host does not \
                 provide (a module importing it fails to load there too); remove the import \
                 (`imports::HOST_FUNCTIONS` lists what the host offers)"
            ),
            Error::ImportSignature { module, name, expected, found } => write!(
                f,
                "the module imports `{module}.{name}` as {found}, but Flow-Like's host defines it \
                 as {expected}"
            ),
            Error::UnsupportedImport { module, name, kind } => write!(
                f,
                "the module imports a {kind} `{module}.{name}`; Flow-Like's host provides only \
                 functions, so the module must define and export its own {kind}"
            ),
            Error::MissingExport { name, reason } => {
                write!(f, "the module does not export `{name}` ({reason})")
            }
            Error::ExportType { name, expected, found } => write!(f, "export `{name}` is {found}, but must be {expected}"),
            Error::Instantiate(e) => write!(f, "could not instantiate the module: {e}"),
            Error::Guest(failure) => fmt::Display::fmt(failure, f),
            Error::InvalidInputs { found } => write!(f, "inputs must be a JSON object mapping pin names to values, not {found}"),
            Error::Internal(e) => write!(f, "internal error in mpnode's host: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Compile(e) | Error::Instantiate(e) | Error::Internal(e) => Some(e),
            Error::Guest(failure) => Some(failure),
            _ => None,
        }
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Self {
        Error::Guest(failure)
    }
}

/// One call into the guest went wrong.
///
/// `export` fields name the guest export the host was calling (`run`,
/// `alloc`, `get_node`, …; `start` for the module's start function).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The guest trapped (`unreachable`, out-of-bounds access, stack
    /// overflow, a bad indirect call, …).
    Trap {
        /// The export being called.
        export: &'static str,
        /// wasmi's description of the trap.
        message: String,
        /// The trap code, when wasmi reported one.
        code: Option<wasmi::TrapCode>,
    },
    /// The guest used up its fuel.
    OutOfFuel {
        /// The export being called.
        export: &'static str,
        /// The fuel the call group started with.
        limit: u64,
    },
    /// The guest asked for more linear memory than the memory limit
    /// allows (at instantiation, in `_initialize`, or by `memory.grow`
    /// later).
    MemoryLimit {
        /// The export being called; `instantiate` when the module's
        /// initial memory is already over the limit.
        export: &'static str,
        /// The limit in bytes.
        limit: usize,
        /// The memory size in bytes the guest asked for.
        requested: usize,
    },
    /// The call group ran past its wall-clock deadline.
    Deadline {
        /// The export being called.
        export: &'static str,
        /// The deadline in milliseconds.
        timeout_ms: u64,
    },
    /// The guest called `wasi_snapshot_preview1.proc_exit`.
    ProcExit {
        /// The export being called.
        export: &'static str,
        /// The exit code the guest passed.
        code: i32,
    },
    /// The guest called `env._emscripten_throw_longjmp` with no
    /// `env.invoke_vii` frame between it and the host to catch it.
    UncaughtLongjmp {
        /// The export being called.
        export: &'static str,
    },
    /// The guest called a host function with arguments the host cannot use
    /// (a string outside guest memory, an `invoke_vii` table index that is
    /// null, …).
    HostCall {
        /// The export being called.
        export: &'static str,
        /// The host function, e.g. `flowlike_log.info`.
        function: &'static str,
        /// What was wrong.
        message: String,
    },
    /// The guest returned a negative value, which the contract defines as an
    /// error code.
    ErrorCode {
        /// The export being called.
        export: &'static str,
        /// The value it returned.
        code: i64,
        /// The message from `mpnode_last_error()`, if the guest exports it.
        message: Option<String>,
    },
    /// The guest returned a (ptr, len) that lies outside its memory.
    OutOfBounds {
        /// The export being called.
        export: &'static str,
        /// Returned pointer.
        ptr: u32,
        /// Returned length.
        len: u32,
        /// Size of guest memory in bytes.
        memory_size: usize,
    },
    /// The guest's `alloc(len)` returned a pointer the input does not fit at.
    BadAlloc {
        /// Requested length.
        len: u32,
        /// Returned pointer.
        ptr: u32,
        /// Size of guest memory in bytes.
        memory_size: usize,
    },
    /// The module exports no `alloc`, so the host has nowhere to put the
    /// input.
    NoAlloc,
    /// The run envelope does not fit in a 32-bit length.
    InputTooLarge {
        /// Envelope size in bytes.
        len: usize,
    },
    /// The guest returned bytes that are not UTF-8.
    NotUtf8 {
        /// The export being called.
        export: &'static str,
        /// The decoder's message.
        message: String,
    },
    /// The guest returned text that is not JSON of the expected shape.
    InvalidJson {
        /// The export being called.
        export: &'static str,
        /// The parser's message.
        message: String,
    },
    /// A previous failure poisoned the instance and building a fresh one
    /// failed.
    Reinstantiate {
        /// Why instantiation failed.
        message: String,
    },
    /// The module's start function needed more than one fuel slice. wasmi
    /// cannot pause a start function to look at the clock, so it gets one
    /// slice (a few milliseconds); work belongs in `_initialize`.
    StartTooLong {
        /// The fuel it was given.
        fuel: u64,
    },
    /// The run needed the node's definition (for the default node name or
    /// the output checks) and asking for it failed: the run fails too
    /// rather than skip the checks.
    DefinitionQuery {
        /// Why the query failed.
        message: String,
    },
}

impl Failure {
    /// The guest export the host was calling, if the failure belongs to one.
    pub fn export(&self) -> Option<&'static str> {
        match self {
            Failure::Trap { export, .. }
            | Failure::OutOfFuel { export, .. }
            | Failure::MemoryLimit { export, .. }
            | Failure::Deadline { export, .. }
            | Failure::ProcExit { export, .. }
            | Failure::UncaughtLongjmp { export }
            | Failure::HostCall { export, .. }
            | Failure::ErrorCode { export, .. }
            | Failure::OutOfBounds { export, .. }
            | Failure::NotUtf8 { export, .. }
            | Failure::InvalidJson { export, .. } => Some(export),
            Failure::BadAlloc { .. } => Some("alloc"),
            Failure::NoAlloc | Failure::InputTooLarge { .. } | Failure::Reinstantiate { .. } | Failure::DefinitionQuery { .. } => None,
            Failure::StartTooLong { .. } => Some("start"),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Trap { export, message, .. } => write!(f, "node trapped in `{export}`: {message}"),
            Failure::OutOfFuel { export, limit } => write!(
                f,
                "node ran out of fuel in `{export}` (limit {limit}); look for an endless loop, \
                 or raise the limit"
            ),
            Failure::MemoryLimit { export, limit, requested } => write!(
                f,
                "node exceeded its memory limit of {limit} bytes in `{export}`: it asked for \
                 {requested} bytes of linear memory; raise the limit (--memory), or give the \
                 node a smaller heap"
            ),
            Failure::Deadline { export, timeout_ms } => write!(
                f,
                "node exceeded its deadline of {timeout_ms} ms in `{export}`; look for an \
                 endless loop, or raise the limit"
            ),
            Failure::ProcExit { export, code } => {
                write!(f, "node called proc_exit({code}) in `{export}`")
            }
            Failure::UncaughtLongjmp { export } => write!(
                f,
                "node trapped in `{export}`: longjmp (_emscripten_throw_longjmp) with no \
                 invoke_vii frame to catch it"
            ),
            Failure::HostCall { export, function, message } => write!(f, "node trapped in `{export}`: {function}: {message}"),
            Failure::ErrorCode { export, code, message } => {
                write!(f, "`{export}` returned error code {code}")?;
                match message {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            Failure::OutOfBounds { export, ptr, len, memory_size } => write!(
                f,
                "`{export}` returned ptr {ptr} len {len}, which lies outside guest memory \
                 ({memory_size} bytes)"
            ),
            Failure::BadAlloc { len, ptr: 0, .. } => write!(
                f,
                "`alloc({len})` returned 0: the node has no room for its {len}-byte input (its heap \
                 is too small or full; give it a bigger heap)"
            ),
            Failure::BadAlloc { len, ptr, memory_size } => write!(
                f,
                "`alloc({len})` returned {ptr}, but {len} bytes do not fit there in guest memory \
                 ({memory_size} bytes)"
            ),
            Failure::NoAlloc => write!(
                f,
                "the node exports no `alloc(len) -> ptr`, so the host has nowhere to write the \
                 input (Flow-Like's host cannot run it either)"
            ),
            Failure::InputTooLarge { len } => {
                write!(f, "the run envelope is {len} bytes, too large for wasm32")
            }
            Failure::NotUtf8 { export, message } => {
                write!(f, "`{export}` returned bytes that are not UTF-8: {message}")
            }
            Failure::InvalidJson { export, message } => {
                write!(f, "`{export}` returned invalid JSON: {message}")
            }
            Failure::Reinstantiate { message } => write!(f, "could not re-instantiate the node after an earlier failure: {message}"),
            Failure::StartTooLong { fuel } => write!(
                f,
                "the module's start function did not finish within {fuel} fuel (one fuel slice, a few milliseconds): a start \
                 function cannot be paused to check the deadline, so mpnode gives it one slice; move the work to `_initialize`"
            ),
            Failure::DefinitionQuery { message } => {
                write!(f, "the run needs the node's definition (node name, output checks) and asking for it failed: {message}")
            }
        }
    }
}

impl std::error::Error for Failure {}

/// Why a host function stopped the guest (the host side of
/// [`Failure::HostCall`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostCallProblem {
    /// A `(ptr, len)` argument does not lie inside guest memory.
    OutOfBounds {
        /// Which argument (`message`, `data`, …).
        what: &'static str,
        /// Its pointer.
        ptr: u32,
        /// Its length.
        len: u32,
        /// Size of guest memory in bytes.
        memory_size: usize,
    },
    /// The module exports no memory to read arguments from.
    NoMemory,
    /// `env.invoke_vii` nested deeper than [`crate::Limits::max_invoke_depth`].
    InvokeDepth {
        /// The configured maximum.
        max: u32,
    },
    /// `env.invoke_vii` nested so deep that the native stack reserved for
    /// guest calls is nearly used up.
    NativeStack {
        /// The nesting depth reached.
        depth: u32,
    },
    /// `env.invoke_vii` was asked to call a null table entry.
    NullEntry {
        /// The table index.
        index: u32,
    },
    /// `__indirect_function_table` holds `externref`s.
    NotFuncTable,
    /// `env.invoke_vii` got a table index past the table's end.
    IndexOutOfRange {
        /// The table index.
        index: u32,
        /// The table's size.
        size: u64,
    },
    /// The table entry `env.invoke_vii` called has another signature.
    EntrySignature {
        /// The table index.
        index: u32,
        /// The entry's signature.
        found: String,
    },
    /// The module lacks an export `env.invoke_vii` needs.
    MissingExport {
        /// The export's name.
        name: &'static str,
        /// What it must be.
        need: &'static str,
    },
}

impl fmt::Display for HostCallProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostCallProblem::OutOfBounds { what, ptr, len, memory_size } => {
                write!(f, "{what} (ptr {ptr}, len {len}) lies outside guest memory ({memory_size} bytes)")
            }
            HostCallProblem::NoMemory => f.write_str("the module exports no memory"),
            HostCallProblem::InvokeDepth { max } => {
                write!(f, "nested more than {max} levels deep (runaway recursion?); raise Limits::max_invoke_depth if the node needs more")
            }
            HostCallProblem::NativeStack { depth } => {
                write!(f, "nested {depth} levels deep and the native stack reserved for guest calls is nearly used up (runaway recursion?)")
            }
            HostCallProblem::NullEntry { index } => write!(f, "table entry {index} is null"),
            HostCallProblem::NotFuncTable => f.write_str("__indirect_function_table is not a funcref table"),
            HostCallProblem::IndexOutOfRange { index, size } => write!(f, "table index {index} is out of range (table size {size})"),
            HostCallProblem::EntrySignature { index, found } => write!(f, "table entry {index} is {found}, not (i32, i32) -> ()"),
            HostCallProblem::MissingExport { name, need } => write!(f, "the module must export `{name}` as {need}"),
        }
    }
}

/// A host function refused its arguments; raised as a wasmi host error, it
/// stops the guest and becomes [`Failure::HostCall`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HostCallError {
    /// The host function, e.g. `flowlike_log.info`.
    pub(crate) function: &'static str,
    /// What was wrong.
    pub(crate) problem: HostCallProblem,
}

impl HostCallError {
    /// The error as a wasmi error that stops the guest.
    pub(crate) fn raise(function: &'static str, problem: HostCallProblem) -> wasmi::Error {
        wasmi::Error::host(HostCallError { function, problem })
    }
}

impl fmt::Display for HostCallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.function, self.problem)
    }
}

impl wasmi::errors::HostError for HostCallError {}

/// Writes a signature as `(i32, i32) -> i64`; no results print as `()`.
pub fn format_signature(params: &[wasmi::ValType], results: &[wasmi::ValType]) -> String {
    fn list(types: &[wasmi::ValType]) -> String {
        types.iter().map(|t| val_type_name(*t)).collect::<Vec<_>>().join(", ")
    }
    let results = match results {
        [] => "()".to_string(),
        [one] => val_type_name(*one).to_string(),
        many => format!("({})", list(many)),
    };
    format!("({}) -> {}", list(params), results)
}

fn val_type_name(t: wasmi::ValType) -> &'static str {
    use wasmi::ValType;
    match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}
