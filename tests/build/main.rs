//! The build tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod precompile;
mod snapshot;
mod lower;
mod authoring;
