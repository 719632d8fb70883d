//! The semantics tests (issue 10): differential probes, CPython 3 on the
//! machine against the module in wasmi, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod harness;
mod probes;

mod classes;
mod containers;
mod exceptions;
mod json;
mod math;
mod numbers;
mod protocols;
mod text;
