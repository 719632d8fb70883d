//! The sdk tests: Flow-Like SDK parity, in the module and under CPython.
#[path = "../support/mod.rs"]
mod support;

mod cpython;
mod flowlike;
