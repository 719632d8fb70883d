//! The host tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod bench;
mod cli;
mod failures;
mod fuzz_envelopes;
mod health;
mod hostile_modules;
mod hostile_nodes;
mod imports;
mod inspect;
mod isolation;
mod limits;
mod limits_cli;
mod limits_runtime;
mod logs;
mod longjmp;
mod run;
mod warm_runs;
