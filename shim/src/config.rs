//! The block `mpnode build` rewrites: where the node's code is and how big
//! the heap is. The linker exports its address (`mpnode_config`); the packer
//! overwrites it with a data segment of its own.

/// The layout, defined once for the packer, this shim and the C port.
#[path = "../../crates/mpnode-runtime/src/config_block.rs"]
#[allow(dead_code)]
pub mod block;

/// No node code packed (the bare runtime).
pub const PAYLOAD_NONE: u32 = block::PAYLOAD_NONE;
/// `payload` is a table of files (`FileEntry`), the node's own first; the
/// first is run as the node's module at `_initialize`, the others are
/// importable modules.
pub const PAYLOAD_FILES: u32 = block::PAYLOAD_FILES;
/// The module is being started for a build-time snapshot.
pub const FLAG_SNAPSHOT: u32 = block::FLAG_SNAPSHOT;

/// One packed file: name (e.g. `node.py`, `helpers.py`, `pkg/__init__.py`)
/// and contents (Python source, or `.mpy` bytecode for a `.mpy` name).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct FileEntry {
    /// Address of the UTF-8 name.
    pub name_ptr: u32,
    /// Length of the name.
    pub name_len: u32,
    /// Address of the contents.
    pub data_ptr: u32,
    /// Length of the contents.
    pub data_len: u32,
}

include!(concat!(env!("OUT_DIR"), "/settings.rs"));

/// The block as a struct: eight little-endian u32 words, laid out as
/// `block` (crates/mpnode-runtime/src/config_block.rs) says.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Config {
    /// `MPNC` (0x434e504d), marks the block.
    pub magic: u32,
    /// Layout version, 2.
    pub version: u32,
    /// GC heap cap in bytes; 0 for none. The heap starts small and grows
    /// up to the memory limit (or this cap) as the node allocates.
    pub heap_size: u32,
    /// One of the `PAYLOAD_*` kinds.
    pub payload_kind: u32,
    /// Address of the file table.
    pub files_ptr: u32,
    /// Number of entries in the file table.
    pub files_count: u32,
    /// End of everything the packer placed (the GC heap starts after it).
    pub payload_end: u32,
    /// Flags: bit 0 is GC torture (every allocation requests a collection;
    /// read by micropython/mpnode_port.c), bit 1 a build-time snapshot
    /// (`FLAG_SNAPSHOT`); the others are 0.
    pub flags: u32,
}

/// The block itself. Exported by address; only read through `read`.
#[no_mangle]
#[used]
pub static mut mpnode_config: Config = Config {
    magic: block::MAGIC,
    version: block::VERSION,
    heap_size: DEFAULT_HEAP_SIZE,
    payload_kind: PAYLOAD_NONE,
    files_ptr: 0,
    files_count: 0,
    payload_end: 0,
    flags: 0,
};

// The struct is the block: each field at its word (checked at compile time).
const _: () = {
    use core::mem::{offset_of, size_of};
    assert!(size_of::<Config>() == block::LEN);
    assert!(offset_of!(Config, magic) == block::WORD_MAGIC * 4);
    assert!(offset_of!(Config, version) == block::WORD_VERSION * 4);
    assert!(offset_of!(Config, heap_size) == block::WORD_HEAP_SIZE * 4);
    assert!(offset_of!(Config, payload_kind) == block::WORD_PAYLOAD_KIND * 4);
    assert!(offset_of!(Config, files_ptr) == block::WORD_FILES_PTR * 4);
    assert!(offset_of!(Config, files_count) == block::WORD_FILES_COUNT * 4);
    assert!(offset_of!(Config, payload_end) == block::WORD_PAYLOAD_END * 4);
    assert!(offset_of!(Config, flags) == block::WORD_FLAGS * 4);
};

/// Reads the block as the packer left it (a volatile read: nothing may
/// assume the initial value).
pub fn read() -> Config {
    // SAFETY: a plain static, read once per call.
    unsafe { core::ptr::read_volatile(core::ptr::addr_of!(mpnode_config)) }
}
