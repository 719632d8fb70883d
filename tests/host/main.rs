//! The host tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod cli;
mod failures;
mod imports;
mod inspect;
mod logs;
mod longjmp;
mod run;
mod limits;
mod isolation;
mod limits_runtime;
mod limits_cli;
mod bench;
mod fuzz_envelopes;
mod hostile_nodes;
mod warm_runs;
mod health;
mod hostile_modules;
