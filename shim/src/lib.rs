//! mpnode's guest shim: the Rust half of a Flow-Like node module. MicroPython
//! (C, built by the top-level build.rs) runs the node's Python; this crate
//! speaks Flow-Like's node contract around it: the exports, JSON in and out,
//! the result envelope, errors with tracebacks.
#![no_std]
#![allow(non_upper_case_globals)]

pub mod config;
pub mod json;
pub mod mp;
pub mod node;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
