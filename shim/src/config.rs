//! The block `mpnode build` rewrites: where the node's code is and how big
//! the heap is. The linker exports its address (`mpnode_config`); the packer
//! overwrites it with a data segment of its own.

/// No node code packed (the bare runtime).
pub const PAYLOAD_NONE: u32 = 0;
/// `payload` is Python source text, compiled at `_initialize`.
pub const PAYLOAD_SOURCE: u32 = 1;

include!(concat!(env!("OUT_DIR"), "/settings.rs"));

/// Layout shared with `src/pack.rs` in the host crate: eight little-endian
/// u32 words.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Config {
    /// `MPNC` (0x434e504d), marks the block.
    pub magic: u32,
    /// Layout version, 1.
    pub version: u32,
    /// GC heap size in bytes.
    pub heap_size: u32,
    /// One of the `PAYLOAD_*` kinds.
    pub payload_kind: u32,
    /// Address of the node's code.
    pub payload_ptr: u32,
    /// Length of the node's code.
    pub payload_len: u32,
    /// Address of the node's file name (for tracebacks), UTF-8.
    pub name_ptr: u32,
    /// Length of the file name.
    pub name_len: u32,
}

/// The block itself. Exported by address; only read through `read`.
#[no_mangle]
#[used]
pub static mut mpnode_config: Config = Config {
    magic: 0x434e_504d,
    version: 1,
    heap_size: DEFAULT_HEAP_SIZE,
    payload_kind: PAYLOAD_NONE,
    payload_ptr: 0,
    payload_len: 0,
    name_ptr: 0,
    name_len: 0,
};

/// Reads the block as the packer left it (a volatile read: nothing may
/// assume the initial value).
pub fn read() -> Config {
    // SAFETY: a plain static, read once per call.
    unsafe { core::ptr::read_volatile(core::ptr::addr_of!(mpnode_config)) }
}
