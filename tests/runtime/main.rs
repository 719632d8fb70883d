//! The runtime tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod runtime;
mod re_module;
mod gc_module_code;
mod small_heap;
mod micropython_suite;
mod heap_growth;
