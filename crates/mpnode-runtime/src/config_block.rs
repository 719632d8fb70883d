//! The config block, defined once: the eight little-endian `u32` words
//! that `mpnode build` writes into a runtime module (at the address the
//! module exports as `mpnode_config`) to say where the node's files are
//! and how the heap behaves.
//!
//! Three readers use this one file: the packer (`mpnode-build`, through
//! `mpnode_runtime::config_block`), the guest shim (`shim/src/config.rs`
//! includes it and checks its struct against it at compile time), and the
//! C port (`crates/mpnode-runtime/build.rs` includes it and generates
//! `genhdr/mpnode_config_block.h`, which `micropython/mpnode_port.c` reads).
//! Plain constants only: it is compiled in `no_std` and in build scripts.

/// `MPNC`, the block's first word.
pub const MAGIC: u32 = 0x434e_504d;
/// The layout version this file describes.
pub const VERSION: u32 = 2;
/// Words in the block.
pub const WORDS: usize = 8;
/// The block's size in bytes.
pub const LEN: usize = WORDS * 4;

/// Word index: [`MAGIC`].
pub const WORD_MAGIC: usize = 0;
/// Word index: [`VERSION`].
pub const WORD_VERSION: usize = 1;
/// Word index: the GC heap size (or cap) in bytes; 0 for the runtime's default.
pub const WORD_HEAP_SIZE: usize = 2;
/// Word index: one of the `PAYLOAD_*` kinds.
pub const WORD_PAYLOAD_KIND: usize = 3;
/// Word index: address of the file table.
pub const WORD_FILES_PTR: usize = 4;
/// Word index: entries in the file table.
pub const WORD_FILES_COUNT: usize = 5;
/// Word index: end of everything the packer placed (the heap starts after it).
pub const WORD_PAYLOAD_END: usize = 6;
/// Word index: `FLAG_*` bits.
pub const WORD_FLAGS: usize = 7;

/// Payload kind: no node code packed (the bare runtime).
pub const PAYLOAD_NONE: u32 = 0;
/// Payload kind: a table of files, the node's own first.
pub const PAYLOAD_FILES: u32 = 1;

/// Flag: GC torture (every allocation requests a collection).
pub const FLAG_GC_TORTURE: u32 = 1;
/// Flag: the module is being started for a build-time snapshot; the shim
/// collects and zeroes the free heap at the end of `_initialize` so that
/// freed objects are not stored. Set and cleared by the snapshot step
/// (`mpnode-build`'s snapshot.rs), never by the packer.
pub const FLAG_SNAPSHOT: u32 = 2;

/// The C header for the port, generated from the constants above.
pub fn c_header() -> [(&'static str, u32); 14] {
    [
        ("MPNODE_CONFIG_MAGIC", MAGIC),
        ("MPNODE_CONFIG_VERSION", VERSION),
        ("MPNODE_CONFIG_WORDS", WORDS as u32),
        ("MPNODE_CONFIG_WORD_MAGIC", WORD_MAGIC as u32),
        ("MPNODE_CONFIG_WORD_VERSION", WORD_VERSION as u32),
        ("MPNODE_CONFIG_WORD_HEAP_SIZE", WORD_HEAP_SIZE as u32),
        ("MPNODE_CONFIG_WORD_PAYLOAD_KIND", WORD_PAYLOAD_KIND as u32),
        ("MPNODE_CONFIG_WORD_FILES_PTR", WORD_FILES_PTR as u32),
        ("MPNODE_CONFIG_WORD_FILES_COUNT", WORD_FILES_COUNT as u32),
        ("MPNODE_CONFIG_WORD_PAYLOAD_END", WORD_PAYLOAD_END as u32),
        ("MPNODE_CONFIG_WORD_FLAGS", WORD_FLAGS as u32),
        ("MPNODE_CONFIG_PAYLOAD_NONE", PAYLOAD_NONE),
        ("MPNODE_CONFIG_PAYLOAD_FILES", PAYLOAD_FILES),
        ("MPNODE_CONFIG_FLAG_GC_TORTURE", FLAG_GC_TORTURE),
    ]
}
