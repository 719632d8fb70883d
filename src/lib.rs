//! # mpnode
//!
//! Python (MicroPython) nodes for [Flow-Like] as small WebAssembly modules,
//! and a [wasmi] host that loads and runs them the way Flow-Like's own host
//! does.
//!
//! The data path reads one way, one module per stage:
//!
//! ```text
//! node.py ──pack──▶ ──snapshot──▶ node.wasm ──Node::load──▶ Node ──run──▶ RunReport
//! ```
//!
//! - [`runtime`]: the MicroPython modules embedded in the crate (the runtime,
//!   the runtime without the compiler, the compiler).
//! - [`compile`]: precompiles Python to `.mpy` bytecode with the compiler
//!   module, in wasmi.
//! - [`pack`]: puts a node's Python (source or bytecode) into a copy of a
//!   runtime.
//! - [`snapshot`]: starts a packed node at build time and writes the
//!   started state back into the module (instant start).
//! - [`inspect`]: what a module imports and exports, read with `wasmparser`.
//! - [`validate`]: build-time checks of node definitions.
//! - [`manifest`]: the package manifest `flow-like.toml`.
//! - [`pysyntax`]: lowers f-strings and annotations for MicroPython v1.9.4.
//! - [`scaffold`]: `mpnode new`.
//! - [`engine`]: the shared [`Engine`] (wasmi engine with fuel metering, and
//!   the host linker).
//! - [`imports`]: Flow-Like's host import set (`flowlike_*`,
//!   `wasi_snapshot_preview1` stubs, `env` including Emscripten-style
//!   setjmp/longjmp via `invoke_vii`).
//! - [`node`]: [`Node`], one loaded module: definition and runs.
//! - [`limits`]: [`Limits`] per call group (fuel, memory, deadline, `invoke_vii` depth).
//! - [`report`]: [`RunReport`] and the result envelope [`RunResult`].
//! - [`error`]: [`Error`] and the per-call [`Failure`].
//!
//! ```no_run
//! # fn main() -> Result<(), mpnode::Error> {
//! let engine = mpnode::Engine::new();
//! let wasm = std::fs::read("node.wasm").unwrap();
//! let mut node = mpnode::Node::load(&engine, &wasm)?;
//! println!("{}", node.definition()?);
//! let report = node.run(serde_json::json!({"input": "hello"}))?;
//! println!("{}", report.result.to_json());
//! # Ok(())
//! # }
//! ```
//!
//! The contract (exports, imports, envelopes) is described in
//! `flow-like-abi.md`; a module that loads here loads in Flow-Like.
//!
//! [Flow-Like]: https://github.com/TM9657/flow-like
//! [wasmi]: https://docs.rs/wasmi

#![warn(missing_docs)]

pub mod compile;
pub mod engine;
pub mod error;
pub mod imports;
pub mod inspect;
pub mod limits;
pub mod manifest;
pub mod node;
pub mod pack;
pub mod pysyntax;
pub mod report;
pub mod runtime;
pub mod scaffold;
pub mod snapshot;
pub mod validate;

pub use engine::Engine;
pub use error::{Error, Failure};
pub use limits::Limits;
pub use node::{Node, RunContext};
pub use report::{LogEntry, LogLevel, RunReport, RunResult, StreamEvent};
