//! The Flow-Like host (wasmtime) tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod flowlike_host;
