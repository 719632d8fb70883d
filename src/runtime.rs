//! The MicroPython modules embedded in the crate.
//!
//! `build.rs` builds them (MicroPython v1.9.4 + our port + the guest shim,
//! linked into wasm32 reactor modules) and writes them to `$OUT_DIR`;
//! [`pack`](crate::pack) turns a copy of a runtime into a node module, and
//! [`compile`](crate::compile) runs the compiler module to precompile a
//! node's Python to bytecode.

/// The runtime module's bytes: no node code yet. It includes MicroPython's
/// compiler, so it runs nodes packed as source (`mpnode run node.py`) or as
/// bytecode, and `exec`, `eval` and `compile` work.
pub const RUNTIME_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime.wasm"));

/// The same runtime without MicroPython's lexer, parser and compiler: it
/// runs only nodes packed as bytecode (`.mpy`, see
/// [`pack::pack_precompiled`](crate::pack::pack_precompiled)), and has no
/// `exec`, `eval` or `compile`. Empty when the crate was built with a
/// prebuilt runtime (`MPNODE_RUNTIME_WASM`).
pub const RUNTIME_NO_COMPILER_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime-nocompiler.wasm"));

/// The compiler module (see [`compile`](crate::compile)): MicroPython's
/// compiler built from the same source and configuration as the runtimes,
/// which writes the `.mpy` bytecode they load. Empty when the crate was
/// built with a prebuilt runtime.
pub const COMPILER_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-compiler.wasm"));

/// Which runtime a node is packed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuntimeKind {
    /// [`RUNTIME_WASM`]: with the compiler.
    WithCompiler,
    /// [`RUNTIME_NO_COMPILER_WASM`]: bytecode only.
    NoCompiler,
}

impl RuntimeKind {
    /// The module's bytes.
    pub fn wasm(self) -> &'static [u8] {
        match self {
            RuntimeKind::WithCompiler => RUNTIME_WASM,
            RuntimeKind::NoCompiler => RUNTIME_NO_COMPILER_WASM,
        }
    }

    /// The smaller runtime that runs precompiled nodes: the one without
    /// the compiler, unless it is missing or (unexpectedly) not smaller.
    pub fn smallest_for_bytecode() -> RuntimeKind {
        if !RUNTIME_NO_COMPILER_WASM.is_empty() && RUNTIME_NO_COMPILER_WASM.len() < RUNTIME_WASM.len() {
            RuntimeKind::NoCompiler
        } else {
            RuntimeKind::WithCompiler
        }
    }
}
