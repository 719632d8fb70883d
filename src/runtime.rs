//! The MicroPython runtime module embedded in the crate.
//!
//! `build.rs` builds it (MicroPython v1.9.4 + our port + the guest shim,
//! linked into one wasm32 reactor module) and writes it to
//! `$OUT_DIR/mpnode-runtime.wasm`; [`pack`](crate::pack) turns a copy of it
//! into a node module.

/// The runtime module's bytes: no node code yet.
pub const RUNTIME_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mpnode-runtime.wasm"));
