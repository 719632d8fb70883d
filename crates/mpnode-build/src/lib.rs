//! # mpnode-build
//!
//! Builds [Flow-Like] nodes written in Python into WebAssembly modules: the
//! build half of mpnode's data path, one module per stage:
//!
//! ```text
//! node.py ──lower──▶ ──compile──▶ ──pack──▶ ──snapshot──▶ node.wasm
//! ```
//!
//! - [`builder`]: [`Builder`], the one pipeline that `mpnode build`,
//!   `mpnode run node.py`, `mpnode bench`, the benchmarks and the tests use.
//! - [`lower`]: lowers Python 3.6–3.11 syntax (f-strings, annotations, unpacking,
//!   `match`, `:=`, …) for MicroPython v1.9.4, keeping every line.
//! - [`compile`]: precompiles Python to `.mpy` bytecode with the compiler
//!   module, in wasmi.
//! - [`pack`]: puts a node's Python (source or bytecode) into a copy of a
//!   runtime (`mpnode-runtime`).
//! - [`snapshot`]: starts a packed node at build time and writes the
//!   started state back into the module (instant start).
//! - [`validate`]: build-time checks of node definitions.
//! - [`manifest`]: the package manifest `flow-like.toml`.
//! - [`inspect`]: what a module imports and exports, read with `wasmparser`.
//! - [`scaffold`]: `mpnode new`.
//!
//! Running a built module is `mpnode-host`'s job.
//!
//! [Flow-Like]: https://github.com/TM9657/flow-like

#![warn(missing_docs)]

pub mod builder;
pub mod compile;
pub mod inspect;
pub mod lower;
pub mod manifest;
pub mod pack;
pub mod profile;
pub mod scaffold;
pub mod snapshot;
pub mod validate;

pub use builder::{Artifact, Builder};
pub use mpnode_runtime as runtime;
