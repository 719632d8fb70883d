//! # mpnode-runtime
//!
//! The guest side of mpnode: the MicroPython modules, embedded as bytes.
//!
//! `build.rs` builds them (MicroPython v1.9.4, our port in `micropython/`
//! and the Rust guest shim in `shim/`, linked into wasm32 reactor modules)
//! and writes them to `$OUT_DIR`. This is the only crate that needs a C and
//! wasm toolchain; `MPNODE_RUNTIME_DIR` (a directory holding the three
//! modules, e.g. the `OUT_DIR` of an earlier build) skips that build.
//! `mpnode-build`'s packer turns a copy of a runtime into a node module,
//! and its compiler runs the compiler module to precompile a node's Python.

#![warn(missing_docs)]

pub mod config_block;

/// The runtime module's bytes: no node code yet. It includes MicroPython's
/// compiler, so it runs nodes packed as source (`mpnode run node.py`) or as
/// bytecode, and `exec`, `eval` and `compile` work.
pub const RUNTIME_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime.wasm"));

/// The same runtime without MicroPython's lexer, parser and compiler: it
/// runs only nodes packed as bytecode (`.mpy`, see
/// `mpnode_build::pack::pack_precompiled`), and has no
/// `exec`, `eval` or `compile`. Empty when the crate was built with a
/// prebuilt runtime (`MPNODE_RUNTIME_WASM`).
pub const RUNTIME_NO_COMPILER_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime-nocompiler.wasm"));

/// The compiler module (see `mpnode_build::compile`): MicroPython's
/// compiler built from the same source and configuration as the runtimes,
/// which writes the `.mpy` bytecode they load. Empty when the crate was
/// built with a prebuilt runtime.
pub const COMPILER_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-compiler.wasm"));

/// The function names of [`RUNTIME_WASM`]: the payload of the `name`
/// custom section the build strips from the module (same function indices).
/// Read by `mpnode bench --profile`; empty when the runtime was prebuilt
/// without them.
pub const RUNTIME_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime.names"));

/// The function names of [`RUNTIME_NO_COMPILER_WASM`], as [`RUNTIME_NAMES`].
pub const RUNTIME_NO_COMPILER_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime-nocompiler.names"));

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

    /// The payload of the module's `name` section (function names by
    /// index), kept aside when the build strips it; may be empty.
    pub fn function_names(self) -> &'static [u8] {
        match self {
            RuntimeKind::WithCompiler => RUNTIME_NAMES,
            RuntimeKind::NoCompiler => RUNTIME_NO_COMPILER_NAMES,
        }
    }

    /// Every runtime kind.
    pub const ALL: [RuntimeKind; 2] = [RuntimeKind::WithCompiler, RuntimeKind::NoCompiler];

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

/// Upstream's `mpy-cross`, built for the build machine from the same
/// source (unpatched), for tests that compare our compiler's output with
/// it. Empty when the runtime was prebuilt.
pub const MPY_CROSS: &str = env!("MPNODE_MPY_CROSS");

/// The module files as `build.rs` names them, with their bytes (what a
/// prebuilt `MPNODE_RUNTIME_DIR` holds).
pub const FILES: [(&str, &[u8]); 3] = [
    ("mpnode-runtime.wasm", RUNTIME_WASM),
    ("mpnode-runtime-nocompiler.wasm", RUNTIME_NO_COMPILER_WASM),
    ("mpnode-compiler.wasm", COMPILER_WASM),
];
