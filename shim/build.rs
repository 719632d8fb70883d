//! Generates Rust bindings to MicroPython's C API (and our port's helpers)
//! with bindgen, using the exact flags the top-level build compiles the C
//! with (passed in MPNODE_BINDGEN_CLANG_ARGS, separated by \x1f).
use std::{env, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=MPNODE_BINDGEN_CLANG_ARGS");
    println!("cargo:rerun-if-env-changed=MPNODE_HEAP_SIZE");
    println!("cargo:rerun-if-changed=wrapper.h");
    println!("cargo:rerun-if-changed=../micropython/mpnode_port.h");
    println!("cargo:rerun-if-changed=../micropython/mpconfigport.h");
    let args = env::var("MPNODE_BINDGEN_CLANG_ARGS")
        .expect("MPNODE_BINDGEN_CLANG_ARGS is unset: build the shim through the top-level crate (cargo build in the repository root)");
    let heap = env::var("MPNODE_HEAP_SIZE").unwrap_or_else(|_| "0".into());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("settings.rs"), format!("/// Default GC heap cap in bytes (0: none, the heap grows up to the memory limit).\npub const DEFAULT_HEAP_SIZE: u32 = {heap};\n"))
        .unwrap();
    let bindings = bindgen::Builder::default()
        .header("wrapper.h")
        .clang_args(args.split('\x1f'))
        // wasm's default visibility is hidden, which hides every function
        // from bindgen.
        .clang_arg("-fvisibility=default")
        .use_core()
        .ctypes_prefix("core::ffi")
        .layout_tests(false)
        .generate_comments(false)
        .allowlist_function("mp_.*|mpn_.*|nlr_protect|gc_.*|vstr_.*|qstr_.*|m_malloc.*|m_free")
        .allowlist_var("mp_type_.*|mp_state_ctx|mpn_.*")
        .allowlist_type("mpn_kind_t|vstr_t|mp_obj_fun_bc_t")
        .generate()
        .expect("bindgen failed on shim/wrapper.h");
    bindings.write_to_file(out.join("bindings.rs")).unwrap();
}
