//! The runtime tests: one test binary, one module per area.
#[path = "../support/mod.rs"]
mod support;

mod gc_module_code;
mod heap_growth;
mod micropython_suite;
mod re_module;
mod runtime;
mod small_heap;
