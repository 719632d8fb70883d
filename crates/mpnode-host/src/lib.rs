//! # mpnode-host
//!
//! Loads and runs [Flow-Like] nodes compiled to WebAssembly (as `mpnode
//! build` writes them, or any module that meets Flow-Like's node contract)
//! on the [wasmi] interpreter, with fuel, memory and wall-clock limits.
//!
//! This crate is what an edge or IoT host embeds: it has no build script,
//! needs no C or wasm toolchain, and depends on wasmi and serde_json only.
//! Building nodes from Python lives in `mpnode-build`.
//!
//! The host's half of the data path:
//!
//! ```text
//! node.wasm ──Node::load──▶ Node ──run──▶ RunReport
//! ```
//!
//! - [`bench`]: measuring a node (`mpnode bench`).
//! - [`contract`]: Flow-Like's node contract as types and checks: pin and
//!   data types, the definition shape, output checks.
//! - [`engine`]: the shared [`Engine`] (wasmi engine with fuel metering, and
//!   the host linker).
//! - [`imports`]: Flow-Like's host import set (`flowlike_*`,
//!   `wasi_snapshot_preview1` stubs, `env`), one table of (module, name,
//!   signature, behaviour).
//!
//! Inside, the dependencies run one way: `limits` (configuration) ←
//! `meter` (enforcement: fuel slices, deadline, memory limiter) ← `sjlj`
//! (setjmp/longjmp, `env.invoke_vii`) ← `host_state` (the store data) ←
//! `imports` ← `engine` / `node`.
//! - [`node`]: [`Node`], one loaded module: definition and runs.
//! - [`limits`]: [`Limits`] per call group (fuel, memory, deadline, `invoke_vii` depth): configuration only.
//! - [`report`]: [`RunReport`] and the result envelope [`RunResult`].
//! - [`error`]: [`Error`] and the per-call [`Failure`].
//!
//! ```no_run
//! # fn main() -> Result<(), mpnode_host::Error> {
//! let engine = mpnode_host::Engine::new();
//! let wasm = std::fs::read("node.wasm").unwrap();
//! let mut node = mpnode_host::Node::load(&engine, &wasm)?;
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

pub mod bench;
pub mod contract;
pub mod engine;
pub mod error;
mod guarded_stack;
mod host_state;
pub mod imports;
pub mod limits;
mod meter;
pub mod node;
pub mod report;
mod sjlj;

pub use engine::Engine;
pub use error::{Error, Failure};
pub use limits::Limits;
pub use node::{Node, RunContext};
pub use report::{LogEntry, LogLevel, RunReport, RunResult, StreamEvent};
