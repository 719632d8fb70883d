//! The MicroPython runtime module embedded in the crate.
//!
//! Placeholder until the runtime build lands: `build.rs` copies the file
//! named by `MPNODE_RUNTIME_WASM` (or an empty file) to
//! `$OUT_DIR/mpnode-runtime.wasm`.

/// The runtime module's bytes (empty when none was built).
pub const RUNTIME_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime.wasm"));
