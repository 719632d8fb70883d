//! The build tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod authoring;
mod lower;
mod precompile;
mod profile;
mod snapshot;
