//! Builds the mpnode runtime module: MicroPython v1.9.4 (from the crates.io
//! crate `drone-micropython-raw`, patched with `micropython/patches/`) plus
//! our port (`micropython/`) plus the Rust guest shim (`shim/`), linked into
//! one wasm32 reactor module and optimised with binaryen. The host crate
//! embeds the result (`src/runtime.rs`).
//!
//! Stages, each in its own function below:
//! 1. find MicroPython's source (`cargo metadata`), copy it to OUT_DIR and
//!    apply our patches;
//! 2. generate the qstr table (MicroPython's own `makeqstrdata.py`);
//! 3. compile the C with clang for wasm32 (cc crate);
//! 4. build the shim with a Rust toolchain that has a wasm32 target;
//! 5. link with wasm-ld, then shrink with binaryen's `wasm-opt -Oz`;
//! 6. build upstream's `mpy-cross` for the build machine (path in the
//!    `MPNODE_MPY_CROSS` compile-time variable).
//!
//! Settings (environment): `MPNODE_STACK_SIZE` (bytes, default 65536),
//! `MPNODE_HEAP_SIZE` (the GC heap cap in bytes, default 0: none), `MPNODE_RUNTIME_WASM` (use a
//! prebuilt runtime instead of building one), `MPNODE_MICROPYTHON_DIR`,
//! `MPNODE_CLANG`, `MPNODE_WASM_LD`, `MPNODE_GUEST_CARGO`, `MPNODE_WASM_OPT`.

use std::collections::BTreeSet;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The config block's layout, shared with the packer and the shim.
#[path = "src/config_block.rs"]
#[allow(dead_code)]
mod config_block;

/// Runtime module file name inside OUT_DIR, read by `src/runtime.rs`.
const RUNTIME_FILE: &str = "mpnode-runtime.wasm";
/// The runtime without MicroPython's compiler (runs precompiled nodes).
const RUNTIME_NOCOMPILER_FILE: &str = "mpnode-runtime-nocompiler.wasm";
/// The compiler module `mpnode build` runs to precompile nodes.
const COMPILER_FILE: &str = "mpnode-compiler.wasm";
/// The compiler module's shadow stack: deeper nesting than the runtime's
/// 64 KiB allows compiles at build time (running it needs no deep C stack).
const COMPILER_STACK_SIZE: u32 = 256 * 1024;

/// Files that test MICROPY_ENABLE_COMPILER, compiled again for the runtime
/// without the compiler (with our port, whose `.py` path needs it).
const NOCOMPILER_SOURCES: &[&str] = &[
    "py/builtinimport.c",
    "py/builtinevex.c",
    "py/modbuiltins.c",
    "py/modmicropython.c",
    "py/runtime.c",
    "@micropython/mpnode_port.c",
    "@micropython/sjlj.c",
];
/// Files that test MICROPY_PERSISTENT_CODE_SAVE (and the tuple-assignment
/// options), compiled again for the compiler module, with its glue.
const COMPILER_SOURCES: &[&str] = &["py/compile.c", "py/emitbc.c", "py/emitglue.c", "py/persistentcode.c", "@micropython/mpnode_compile.c"];
/// The compiler module's settings on top of mpconfigport.h: saving .mpy,
/// and mpy-cross's one compile-only optimisation the runtime leaves out
/// (`a, b, c = c, b, a` without a tuple; the VM runs it either way).
const COMPILER_DEFINES: &[&str] = &["-DMICROPY_PERSISTENT_CODE_SAVE=1", "-DMICROPY_COMP_TRIPLE_TUPLE_ASSIGN=1"];

/// Upstream C files we compile (relative to the MicroPython tree). This is
/// py/py.mk's list minus native emitters, other architectures' nlr, threads,
/// the REPL and what our patches make unused (py/runtime_utils.c).
const PY_SOURCES: &[&str] = &[
    "mpstate",
    "nlr",
    "nlrsetjmp",
    "malloc",
    "gc",
    "pystack",
    "qstr",
    "vstr",
    "mpprint",
    "unicode",
    "mpz",
    "reader",
    "lexer",
    "parse",
    "scope",
    "compile",
    "emitcommon",
    "emitbc",
    "formatfloat",
    "parsenumbase",
    "parsenum",
    "emitglue",
    "persistentcode",
    "runtime",
    "scheduler",
    "stackctrl",
    "argcheck",
    "warning",
    "map",
    "obj",
    "objarray",
    "objattrtuple",
    "objbool",
    "objboundmeth",
    "objcell",
    "objclosure",
    "objdeque",
    "objdict",
    "objenumerate",
    "objexcept",
    "objfilter",
    "objfloat",
    "objfun",
    "objgenerator",
    "objgetitemiter",
    "objint",
    "objint_mpz",
    "objlist",
    "objmap",
    "objmodule",
    "objobject",
    "objpolyiter",
    "objproperty",
    "objnone",
    "objnamedtuple",
    "objrange",
    "objreversed",
    "objset",
    "objsingleton",
    "objslice",
    "objstr",
    "objstrunicode",
    "objstringio",
    "objtuple",
    "objtype",
    "objzip",
    "opmethods",
    "sequence",
    "stream",
    "binary",
    "builtinimport",
    "builtinevex",
    "modarray",
    "modbuiltins",
    "modcollections",
    "modgc",
    "modio",
    "modmath",
    "modmicropython",
    "modstruct",
    "modsys",
    "vm",
    "bc",
    "smallint",
    "frozenmod",
];
const EXTMOD_SOURCES: &[&str] =
    &["extmod/modujson.c", "extmod/modubinascii.c", "extmod/modurandom.c", "extmod/utime_mphal.c", "lib/utils/printf.c"];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let root = repo_root();
    for var in [
        "MPNODE_RUNTIME_WASM",
        "MPNODE_RUNTIME_DIR",
        "MPNODE_STACK_SIZE",
        "MPNODE_HEAP_SIZE",
        "MPNODE_MICROPYTHON_DIR",
        "MPNODE_CLANG",
        "MPNODE_WASM_LD",
        "MPNODE_GUEST_CARGO",
        "MPNODE_WASM_OPT",
    ] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    for dir in ["micropython", "shim/src", "shim/build.rs", "shim/Cargo.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/config_block.rs");

    let dest = out.join(RUNTIME_FILE);
    if let Ok(dir) = env::var("MPNODE_RUNTIME_DIR") {
        // Prebuilt modules, all three (the OUT_DIR of an earlier
        // build): no C or wasm toolchain is needed.
        let dir = PathBuf::from(dir);
        for file in [RUNTIME_FILE, RUNTIME_NOCOMPILER_FILE, COMPILER_FILE] {
            println!("cargo:rerun-if-changed={}", dir.join(file).display());
            fs::copy(dir.join(file), out.join(file))
                .unwrap_or_else(|e| fail(&format!("MPNODE_RUNTIME_DIR={}: {file}: {e}", dir.display())));
            // The function names are optional (profiles then show indices).
            let names = Path::new(file).with_extension("names");
            if fs::copy(dir.join(&names), out.join(&names)).is_err() {
                fs::write(out.join(&names), b"").unwrap();
            }
        }
        println!("cargo:rustc-env=MPNODE_MPY_CROSS=");
        return;
    }
    if let Ok(prebuilt) = env::var("MPNODE_RUNTIME_WASM") {
        // A prebuilt runtime alone: the variant and the compiler are left
        // empty, and `mpnode build` says it cannot precompile.
        fs::copy(&prebuilt, &dest).unwrap_or_else(|e| fail(&format!("MPNODE_RUNTIME_WASM={prebuilt}: {e}")));
        fs::write(out.join(RUNTIME_NOCOMPILER_FILE), b"").unwrap();
        fs::write(out.join(COMPILER_FILE), b"").unwrap();
        for file in [RUNTIME_FILE, RUNTIME_NOCOMPILER_FILE, COMPILER_FILE] {
            fs::write(out.join(Path::new(file).with_extension("names")), b"").unwrap();
        }
        println!("cargo:rustc-env=MPNODE_MPY_CROSS=");
        return;
    }

    let settings = Settings::from_env();
    let tools = Tools::find();
    let mp = prepare_source(&root, &out);
    let genhdr = generate_headers(&root, &out, &mp, &tools, &settings);
    let c = CBuild { root: &root, out: &out, mp: &mp, genhdr: &genhdr, tools: &tools, settings: &settings };
    let libs = c.compile_runtime();
    let shim_lib = build_shim(&root, &out, &mp, &genhdr, &tools, &settings);
    let libc_fmod = libc_member(&out, "fmod.o", &tools);
    let linked = link(
        &out,
        "mpnode-runtime",
        &runtime_link(&shim_lib, std::slice::from_ref(&libc_fmod), &libs, true),
        RUNTIME_EXPORTS,
        &tools,
        &settings,
    );
    optimise(&linked, &dest, &tools);

    // The runtime without the compiler: the same objects, except those that
    // test MICROPY_ENABLE_COMPILER, compiled again without it.
    let objs = c.compile_variant("c-obj-nocompiler", NOCOMPILER_SOURCES, &["-DMICROPY_ENABLE_COMPILER=0"], true);
    let objs: Vec<PathBuf> = std::iter::once(libc_fmod).chain(objs).collect();
    let linked = link(&out, "mpnode-runtime-nocompiler", &runtime_link(&shim_lib, &objs, &libs, false), RUNTIME_EXPORTS, &tools, &settings);
    optimise(&linked, &out.join(RUNTIME_NOCOMPILER_FILE), &tools);

    // The compiler module `mpnode build` runs: the same core plus the files
    // that test MICROPY_PERSISTENT_CODE_SAVE, and our glue.
    let objs = c.compile_variant("c-obj-compiler", COMPILER_SOURCES, COMPILER_DEFINES, false);
    let mut args: Vec<String> = objs.iter().map(|o| o.display().to_string()).collect();
    args.push(libs.core.display().to_string());
    let compiler_settings = Settings { stack_size: COMPILER_STACK_SIZE, ..settings };
    let linked = link(&out, "mpnode-compiler", &args, &[], &tools, &compiler_settings);
    optimise(&linked, &out.join(COMPILER_FILE), &tools);

    let mpy_cross = build_mpy_cross(&out, &mp_upstream(), &root);
    println!("cargo:rustc-env=MPNODE_MPY_CROSS={}", mpy_cross.display());
    for (what, file) in
        [("runtime module", RUNTIME_FILE), ("runtime without the compiler", RUNTIME_NOCOMPILER_FILE), ("compiler module", COMPILER_FILE)]
    {
        let size = fs::metadata(out.join(file)).unwrap().len();
        println!("cargo:warning=mpnode {what}: {size} bytes");
    }
}

/// wasm-ld arguments for a runtime module: the whole shim, `extra` objects
/// (a variant's own), then our port (unless a variant brings its own) and
/// the core archive, from which only what is still undefined is taken.
fn runtime_link(shim: &Path, extra: &[PathBuf], libs: &CLibs, with_port: bool) -> Vec<String> {
    let mut args = vec!["--whole-archive".to_string(), shim.display().to_string(), "--no-whole-archive".to_string()];
    args.extend(extra.iter().map(|o| o.display().to_string()));
    if with_port {
        args.push(libs.port.display().to_string());
    }
    args.push(libs.core.display().to_string());
    args
}

/// One object of wasi-libc's libc.a (`member`, e.g. `fmod.o`), extracted to
/// OUT_DIR/libc-obj, so that it can be linked as an object. The shim's
/// staticlib carries Rust's compiler_builtins, whose weak `fmod` (a port of
/// musl's that divides with u128 and pulls in compiler_builtins' 128-bit
/// division, about 1.7 KB) would otherwise stand in for libc's: an object's
/// strong definition wins over it, and `--gc-sections` drops the rest.
/// Both compute the exact remainder, so the result is the same.
fn libc_member(out: &Path, member: &str, tools: &Tools) -> PathBuf {
    let dir = out.join("libc-obj");
    fs::create_dir_all(&dir).unwrap();
    // The libc.a `link` names with -L/usr/lib/wasm32-wasi -lc.
    run(
        Command::new(&tools.ar).arg("x").arg("/usr/lib/wasm32-wasi/libc.a").arg(member).arg(format!("--output={}", dir.display())),
        &format!("extracting {member} from wasi-libc"),
    );
    dir.join(member)
}

/// The repository: the port (`micropython/`) and the shim (`shim/`) live
/// beside the crates, as the guest side of the workspace.
fn repo_root() -> PathBuf {
    PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..").canonicalize().unwrap()
}

fn fail(msg: &str) -> ! {
    eprintln!("\nerror: {msg}\n");
    panic!("mpnode build failed: {msg}");
}

fn run(cmd: &mut Command, what: &str) {
    let status = cmd.status().unwrap_or_else(|e| fail(&format!("{what}: could not start {cmd:?}: {e}")));
    if !status.success() {
        fail(&format!("{what} failed ({status}): {cmd:?}"));
    }
}

/// Sizes chosen at build time.
struct Settings {
    stack_size: u32,
    heap_size: u32,
}

impl Settings {
    fn from_env() -> Settings {
        let num = |name: &str, default: u32| -> u32 {
            match env::var(name) {
                Ok(v) => v.parse().unwrap_or_else(|_| fail(&format!("{name}={v} is not a number of bytes"))),
                Err(_) => default,
            }
        };
        let s = Settings { stack_size: num("MPNODE_STACK_SIZE", 64 * 1024), heap_size: num("MPNODE_HEAP_SIZE", 0) };
        if s.stack_size < 16 * 1024 || s.stack_size % 16 != 0 {
            fail("MPNODE_STACK_SIZE must be a multiple of 16 and at least 16384");
        }
        s
    }

    fn defines(&self) -> Vec<String> {
        vec![format!("-DMPNODE_STACK_SIZE={}", self.stack_size), "-DNDEBUG".into()]
    }
}

/// The external programs the build needs.
struct Tools {
    clang: PathBuf,
    wasm_ld: PathBuf,
    ar: PathBuf,
    python: PathBuf,
    builtins: PathBuf,
    guest: GuestRust,
    wasm_opt: Vec<String>,
}

/// How to build the shim for wasm32-wasip1.
enum GuestRust {
    /// A toolchain whose standard library has the target (rustup).
    Prebuilt { cargo: PathBuf, rustc: PathBuf },
    /// Debian's rustc-web: build core from source with -Zbuild-std.
    BuildStd { cargo: PathBuf, rustc: PathBuf },
}

const INSTALL_HINT: &str = "On Debian/Ubuntu run `scripts/setup.sh` (as root), or install by hand: \
apt-get install clang-22 lld-22 libclang-rt-22-dev-wasm32 wasi-libc libclang-dev binaryen python3 \
rustc-web cargo-web rust-web-src.";

fn which(names: &[&str]) -> Option<PathBuf> {
    for name in names {
        let p = Path::new(name);
        if p.is_absolute() {
            if p.exists() {
                return Some(p.to_path_buf());
            }
            continue;
        }
        for dir in env::split_paths(&env::var_os("PATH").unwrap_or_default()) {
            let c = dir.join(name);
            if c.is_file() {
                return Some(c);
            }
        }
    }
    None
}

fn tool(env_name: &str, names: &[&str], what: &str) -> PathBuf {
    if let Ok(p) = env::var(env_name) {
        return PathBuf::from(p);
    }
    which(names).unwrap_or_else(|| fail(&format!("{what} not found (tried {names:?}; set {env_name} to override). {INSTALL_HINT}")))
}

impl Tools {
    fn find() -> Tools {
        let clang =
            tool("MPNODE_CLANG", &["clang-22", "clang-21", "clang-20", "clang-19", "clang-18", "clang"], "clang with the wasm32 target");
        let suffix = clang.file_name().unwrap().to_string_lossy().trim_start_matches("clang").to_string();
        let wasm_ld = tool("MPNODE_WASM_LD", &[&format!("wasm-ld{suffix}"), "wasm-ld"], "wasm-ld (lld)");
        let ar =
            which(&[&format!("llvm-ar{suffix}"), "llvm-ar"]).unwrap_or_else(|| fail(&format!("llvm-ar{suffix} not found. {INSTALL_HINT}")));
        let python = which(&["python3"])
            .unwrap_or_else(|| fail("python3 not found (MicroPython's qstr generator needs it): apt-get install python3"));
        let out = Command::new(&clang).args(["--target=wasm32-wasi", "-print-libgcc-file-name"]).output().ok();
        let builtins = out
            .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
            .filter(|p| p.exists())
            .unwrap_or_else(|| fail(&format!("clang's wasm32 builtins library is missing. {INSTALL_HINT}")));
        if !Path::new("/usr/lib/wasm32-wasi/libc.a").exists() && env::var("MPNODE_WASI_SYSROOT").is_err() {
            fail(&format!("wasi-libc not found in /usr/lib/wasm32-wasi. {INSTALL_HINT}"));
        }
        Tools { clang, wasm_ld, ar, python, builtins, guest: find_guest_rust(), wasm_opt: find_wasm_opt() }
    }
}

fn find_guest_rust() -> GuestRust {
    if let Ok(cargo) = env::var("MPNODE_GUEST_CARGO") {
        let cargo = PathBuf::from(cargo);
        let rustc = cargo.with_file_name("rustc");
        return if has_wasm_target(&rustc) { GuestRust::Prebuilt { cargo, rustc } } else { GuestRust::BuildStd { cargo, rustc } };
    }
    // A rustup (or other) toolchain on PATH that ships wasm32-wasip1.
    if let (Some(cargo), Some(rustc)) = (which(&["cargo"]), which(&["rustc"])) {
        if has_wasm_target(&rustc) {
            return GuestRust::Prebuilt { cargo, rustc };
        }
    }
    // Debian's rustc-web: /usr/bin/{cargo,rustc} with the library source.
    let (cargo, rustc) = (PathBuf::from("/usr/bin/cargo"), PathBuf::from("/usr/bin/rustc"));
    if cargo.exists() && rustc.exists() && Path::new("/usr/lib/rustlib/src/rust/library/core").exists() {
        return GuestRust::BuildStd { cargo, rustc };
    }
    fail(&format!("no Rust toolchain that can build for wasm32-wasip1: run `rustup target add wasm32-wasip1`, or {INSTALL_HINT}"))
}

fn has_wasm_target(rustc: &Path) -> bool {
    let out = Command::new(rustc).args(["--print", "sysroot"]).env_remove("RUSTC_WRAPPER").output();
    match out {
        Ok(o) if o.status.success() => {
            let sysroot = PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
            sysroot.join("lib/rustlib/wasm32-wasip1/lib").exists()
        }
        _ => false,
    }
}

/// binaryen's wasm-opt: an override, Debian's (`apt-get install binaryen`),
/// or the npm package run by node.
fn find_wasm_opt() -> Vec<String> {
    if let Ok(p) = env::var("MPNODE_WASM_OPT") {
        return p.split_whitespace().map(String::from).collect();
    }
    if let Some(p) = which(&["wasm-opt"]) {
        return vec![p.display().to_string()];
    }
    let root = repo_root();
    let script = root.join(".tools/node_modules/binaryen/bin/wasm-opt");
    match which(&["node", "nodejs"]) {
        Some(node) if script.exists() => vec![node.display().to_string(), script.display().to_string()],
        _ => fail(&format!("binaryen's wasm-opt not found. {INSTALL_HINT}")),
    }
}

// ---- 1. source -------------------------------------------------------------

/// Finds the MicroPython tree inside the downloaded crate, copies what we
/// build to OUT_DIR/micropython and applies our patches there.
fn mp_upstream() -> PathBuf {
    match env::var("MPNODE_MICROPYTHON_DIR") {
        Ok(d) => PathBuf::from(d),
        Err(_) => locate_crate().join("micropython"),
    }
}

fn prepare_source(root: &Path, out: &Path) -> PathBuf {
    let upstream = mp_upstream();
    if !upstream.join("py/vm.c").exists() {
        fail(&format!("{} does not look like MicroPython's source tree", upstream.display()));
    }
    let dest = out.join("micropython");
    let _ = fs::remove_dir_all(&dest);
    for dir in ["py", "extmod", "lib/utils", "mpy-cross", "docs"] {
        copy_dir(&upstream.join(dir), &dest.join(dir));
    }
    let mut patches: Vec<PathBuf> = fs::read_dir(root.join("micropython/patches"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "patch"))
        .collect();
    patches.sort();
    for patch in patches {
        apply_patch(&dest, &patch);
    }
    dest
}

fn locate_crate() -> PathBuf {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("Cargo.toml"))
        .output()
        .unwrap_or_else(|e| fail(&format!("cargo metadata: {e}")));
    if !output.status.success() {
        fail(&format!("cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let pkg = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "drone-micropython-raw")
        .unwrap_or_else(|| fail("cargo metadata does not list drone-micropython-raw; is Cargo.toml intact?"));
    PathBuf::from(pkg["manifest_path"].as_str().unwrap()).parent().unwrap().to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap_or_else(|e| fail(&format!("{}: {e}", from.display()))) {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Applies a git-style multi-file unified diff with diffy, file by file.
fn apply_patch(tree: &Path, patch_file: &Path) {
    let text = fs::read_to_string(patch_file).unwrap();
    let name = patch_file.file_name().unwrap().to_string_lossy();
    let mut chunks: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("diff --git ") {
            chunks.push(String::new());
        } else if let Some(c) = chunks.last_mut() {
            if !(c.is_empty() && (line.starts_with("index ") || line.starts_with("new file") || line.starts_with("similarity"))) {
                c.push_str(line);
            }
        }
    }
    if chunks.is_empty() {
        fail(&format!("patch {name} contains no file diffs"));
    }
    for chunk in chunks {
        let patch = diffy::Patch::from_str(&chunk).unwrap_or_else(|e| fail(&format!("patch {name}: {e}")));
        let file = patch.original().unwrap_or_else(|| fail(&format!("patch {name}: no file name")));
        let rel = file.trim_start_matches("a/");
        let path = tree.join(rel);
        let original = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("patch {name}: {rel}: {e}")));
        let patched = diffy::apply(&original, &patch).unwrap_or_else(|e| fail(&format!("patch {name} does not apply to {rel}: {e}")));
        fs::write(&path, patched).unwrap();
    }
}

// ---- 2. generated headers ----------------------------------------------------

fn c_sources(root: &Path, mp: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = PY_SOURCES.iter().map(|s| mp.join(format!("py/{s}.c"))).collect();
    v.extend(EXTMOD_SOURCES.iter().map(|s| mp.join(s)));
    v.push(root.join("micropython/mpnode_port.c"));
    v.push(root.join("micropython/modre.c"));
    v.push(root.join("micropython/mpnode_str.c"));
    v.push(root.join("micropython/mpnode_exc.c"));
    v.push(root.join("micropython/mpnode_float.c"));
    v.push(root.join("micropython/mpnode_numbers.c"));
    v.push(root.join("micropython/mpnode_math.c"));
    v.push(root.join("micropython/mpnode_json.c"));
    v.push(root.join("micropython/mpnode_hash.c"));
    v
}

fn include_args(root: &Path, mp: &Path, build: &Path) -> Vec<String> {
    [root.join("micropython/include"), root.join("micropython"), mp.to_path_buf(), mp.join("lib"), build.to_path_buf()]
        .iter()
        .map(|p| format!("-I{}", p.display()))
        .collect()
}

fn base_cflags(settings: &Settings) -> Vec<String> {
    let mut f: Vec<String> = ["--target=wasm32-wasi", "-std=gnu99", "-fno-common", "-Wno-deprecated", "-Wno-unused-command-line-argument"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    f.extend(settings.defines());
    f
}

/// MicroPython's qstr pipeline (py/mkrules.mk), driven from here: scan every
/// source for MP_QSTR_ names, preprocess the qstr definitions with our
/// config, and let upstream's makeqstrdata.py write the table.
fn generate_headers(root: &Path, out: &Path, mp: &Path, tools: &Tools, settings: &Settings) -> PathBuf {
    let build = out.join("build");
    let genhdr = build.join("genhdr");
    fs::create_dir_all(&genhdr).unwrap();
    run(
        Command::new(&tools.python).arg(mp.join("py/makeversionhdr.py")).arg(genhdr.join("mpversion.h")).current_dir(out),
        "makeversionhdr.py",
    );
    // Placeholder so sources that include it preprocess; NO_QSTR hides it.
    fs::write(genhdr.join("qstrdefs.generated.h"), "").unwrap();
    let mut block = String::from("// Generated by crates/mpnode-runtime/build.rs from src/config_block.rs.\n");
    for (name, value) in config_block::c_header() {
        block.push_str(&format!("#define {name} ({value}u)\n"));
    }
    fs::write(genhdr.join("mpnode_config_block.h"), block).unwrap();
    // Case mapping tables for str beyond ASCII (patch 0005).
    run(Command::new(&tools.python).arg(root.join("micropython/gen_unicase.py")).arg(genhdr.join("unicase.h")), "gen_unicase.py");

    let mut cflags = base_cflags(settings);
    cflags.extend(include_args(root, mp, &build));

    let mut names = BTreeSet::new();
    for src in c_sources(root, mp) {
        let output = Command::new(&tools.clang).args(&cflags).args(["-E", "-DNO_QSTR"]).arg(&src).output().unwrap();
        if !output.status.success() {
            fail(&format!("preprocessing {} for qstrs failed:\n{}", src.display(), String::from_utf8_lossy(&output.stderr)));
        }
        scan_qstrs(&String::from_utf8_lossy(&output.stdout), &mut names);
    }
    let mut collected = String::new();
    for n in &names {
        collected.push_str(&format!("Q({n})\n"));
    }

    // py/qstrdefs.h + ours + collected, preprocessed with Q(...) protected.
    let mut defs = fs::read_to_string(mp.join("py/qstrdefs.h")).unwrap();
    defs.push_str(&fs::read_to_string(root.join("micropython/qstrdefsport.h")).unwrap());
    defs.push_str(&collected);
    let quoted: String = defs.lines().map(|l| if l.starts_with("Q(") { format!("\"{l}\"\n") } else { format!("{l}\n") }).collect();
    let qin = build.join("qstrdefs.in.h");
    fs::write(&qin, quoted).unwrap();
    let output = Command::new(&tools.clang).args(&cflags).args(["-E", "-P", "-x", "c"]).arg(&qin).output().unwrap();
    if !output.status.success() {
        fail(&format!("preprocessing qstrdefs failed:\n{}", String::from_utf8_lossy(&output.stderr)));
    }
    let pre: String = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| {
            let t = l.trim();
            if t.starts_with("\"Q(") && t.ends_with(")\"") {
                format!("{}\n", &t[1..t.len() - 1])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let preprocessed = build.join("qstrdefs.preprocessed.h");
    fs::write(&preprocessed, pre).unwrap();
    let output = Command::new(&tools.python).arg(mp.join("py/makeqstrdata.py")).arg(&preprocessed).output().unwrap();
    if !output.status.success() {
        fail(&format!("makeqstrdata.py failed:\n{}", String::from_utf8_lossy(&output.stderr)));
    }
    fs::write(genhdr.join("qstrdefs.generated.h"), output.stdout).unwrap();
    build
}

/// Finds every `MP_QSTR_name` token, as py/makeqstrdefs.py does.
fn scan_qstrs(text: &str, names: &mut BTreeSet<String>) {
    let bytes = text.as_bytes();
    let pat = b"MP_QSTR_";
    let mut i = 0;
    while i + pat.len() <= bytes.len() {
        if &bytes[i..i + pat.len()] == pat && (i == 0 || !is_ident(bytes[i - 1])) {
            let start = i + pat.len();
            let mut end = start;
            while end < bytes.len() && is_ident(bytes[end]) {
                end += 1;
            }
            // The same names py/makeqstrdefs.py ignores (not real qstrs).
            if end > start && !["NULL", "number_of"].contains(&&text[start..end]) {
                names.insert(text[start..end].to_string());
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

// ---- 3. C ----------------------------------------------------------------------

/// The archives every module is linked from.
struct CLibs {
    /// MicroPython's py/ and extmod/ files and our modules (modre.c),
    /// compiled with the runtime's configuration.
    core: PathBuf,
    /// Our port (mpnode_port.c) and its setjmp runtime (sjlj.c).
    port: PathBuf,
}

/// Compiles C for wasm32 with the port's configuration.
struct CBuild<'a> {
    root: &'a Path,
    out: &'a Path,
    mp: &'a Path,
    genhdr: &'a Path,
    tools: &'a Tools,
    settings: &'a Settings,
}

impl CBuild<'_> {
    /// A cc build writing to OUT_DIR/`dir`, with `defines` after the common
    /// flags; `sjlj` adds clang's Emscripten setjmp/longjmp lowering.
    fn cc(&self, dir: &str, defines: &[&str], sjlj: bool) -> cc::Build {
        let mut cc = cc::Build::new();
        cc.compiler(&self.tools.clang)
            .archiver(&self.tools.ar)
            .target("wasm32-wasip1")
            .host(&env::var("HOST").unwrap())
            .opt_level_str("z")
            .debug(false)
            .no_default_flags(true)
            .cargo_metadata(false)
            .warnings(false)
            .out_dir(self.out.join(dir));
        for f in base_cflags(self.settings) {
            cc.flag(&f);
        }
        for f in include_args(self.root, self.mp, self.genhdr) {
            cc.flag(&f);
        }
        cc.flag("-Oz").flag("-ffunction-sections").flag("-fdata-sections");
        if sjlj {
            cc.flag("-mllvm").flag("-enable-emscripten-sjlj");
        }
        for d in defines {
            cc.flag(d);
        }
        cc
    }

    /// The runtime's objects, as the core and port archives.
    fn compile_runtime(&self) -> CLibs {
        let port_files = [self.root.join("micropython/mpnode_port.c"), self.root.join("micropython/sjlj.c")];
        let mut core = self.cc("c-obj", &[], true);
        for src in c_sources(self.root, self.mp).into_iter().filter(|s| !port_files.contains(s)) {
            core.file(src);
        }
        core.try_compile("mpcore").unwrap_or_else(|e| fail(&format!("compiling MicroPython: {e}")));
        let mut port = self.cc("c-obj", &[], true);
        port.files(&port_files);
        port.try_compile("mpport").unwrap_or_else(|e| fail(&format!("compiling the mpnode port: {e}")));
        CLibs { core: self.out.join("c-obj/libmpcore.a"), port: self.out.join("c-obj/libmpport.a") }
    }

    /// Object files of `sources` (MicroPython paths, or `@` + a path in this
    /// repository) compiled with extra `defines`, for a module variant.
    fn compile_variant(&self, dir: &str, sources: &[&str], defines: &[&str], sjlj: bool) -> Vec<PathBuf> {
        let mut cc = self.cc(dir, defines, sjlj);
        for s in sources {
            cc.file(match s.strip_prefix('@') {
                Some(ours) => self.root.join(ours),
                None => self.mp.join(s),
            });
        }
        cc.compile_intermediates()
    }
}

// ---- 4. shim ----------------------------------------------------------------------

fn build_shim(root: &Path, out: &Path, mp: &Path, build: &Path, tools: &Tools, settings: &Settings) -> PathBuf {
    let target_dir = out.join("shim-target");
    let (cargo, rustc, build_std) = match &tools.guest {
        GuestRust::Prebuilt { cargo, rustc } => (cargo, rustc, false),
        GuestRust::BuildStd { cargo, rustc } => (cargo, rustc, true),
    };
    let mut cmd = Command::new(cargo);
    // Start from a clean environment for the nested cargo: the outer build's
    // variables (target, flags, jobserver) describe the host build.
    for (k, _) in env::vars() {
        if (k.starts_with("CARGO") && k != "CARGO_HOME")
            || k.starts_with("RUST")
            || k.starts_with("DEP_")
            || ["TARGET", "HOST", "OUT_DIR", "OPT_LEVEL", "PROFILE", "DEBUG", "NUM_JOBS"].contains(&k.as_str())
        {
            cmd.env_remove(&k);
        }
    }
    let mut clang_args = base_cflags(settings);
    clang_args.extend(include_args(root, mp, build));
    cmd.env("RUSTC", rustc)
        .env("MPNODE_BINDGEN_CLANG_ARGS", clang_args.join("\x1f"))
        .env("MPNODE_HEAP_SIZE", settings.heap_size.to_string())
        .arg("build")
        .arg("--release")
        .arg("--target")
        .arg("wasm32-wasip1")
        .arg("--manifest-path")
        .arg(root.join("shim/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    if build_std {
        cmd.env("RUSTC_BOOTSTRAP", "1").arg("-Zbuild-std=core,panic_abort");
        if let Some(dir) = rustc.parent() {
            let path = env::var_os("PATH").unwrap_or_default();
            let mut paths = vec![dir.to_path_buf()];
            paths.extend(env::split_paths(&path));
            cmd.env("PATH", env::join_paths(paths).unwrap());
        }
    }
    run(&mut cmd, "building the shim (shim/) for wasm32-wasip1");
    target_dir.join("wasm32-wasip1/release/libmpnode_shim.a")
}

// ---- mpy-cross ------------------------------------------------------------------

/// Builds upstream's mpy-cross for the build machine, with upstream's own
/// makefile, from a copy patched only where our patches change the bytecode
/// the compiler writes or the syntax it accepts (those touching nothing but
/// py/compile.c, py/emitbc.c, py/grammar.h and py/lexer.[ch]; the others
/// change how the runtime runs), with docstrings
/// kept as in our compiler. `mpnode build` will precompile nodes with it.
/// Files whose patches change only the compiler (and so go to mpy-cross).
const COMPILER_ONLY: &[&str] = &["py/compile.c", "py/emitbc.c", "py/grammar.h", "py/lexer.c", "py/lexer.h"];

fn build_mpy_cross(out: &Path, upstream: &Path, root: &Path) -> PathBuf {
    let dir = out.join("mpy-cross-src");
    let _ = fs::remove_dir_all(&dir);
    for sub in ["py", "extmod", "lib/utils", "lib/embed", "drivers/bus", "mpy-cross", "docs"] {
        copy_dir(&upstream.join(sub), &dir.join(sub));
    }
    let mut patches: Vec<PathBuf> = fs::read_dir(root.join("micropython/patches")).unwrap().map(|e| e.unwrap().path()).collect();
    patches.sort();
    for patch in patches {
        let text = fs::read_to_string(&patch).unwrap_or_default();
        let mut files = text.lines().filter_map(|l| l.strip_prefix("+++ b/")).peekable();
        if files.peek().is_some() && files.all(|f| COMPILER_ONLY.contains(&f)) {
            apply_patch(&dir, &patch);
        }
    }
    let config = dir.join("mpy-cross/mpconfigport.h");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, text.replace("#define MICROPY_ENABLE_DOC_STRING   (0)", "#define MICROPY_ENABLE_DOC_STRING   (1)")).unwrap();
    let make = which(&["make"]).unwrap_or_else(|| fail("make not found (needed for mpy-cross): apt-get install make"));
    let mut cmd = Command::new(make);
    cmd.arg("-C").arg(dir.join("mpy-cross")).arg("CWARN=-Wall").env_remove("TARGET").env_remove("CFLAGS");
    let output = cmd.output().unwrap_or_else(|e| fail(&format!("make mpy-cross: {e}")));
    if !output.status.success() {
        fail(&format!(
            "building mpy-cross failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    dir.join("mpy-cross/mpy-cross")
}

// ---- 5. link and optimise -------------------------------------------------------

/// What a runtime module exports: Flow-Like's node contract, what
/// Flow-Like's invoke_vii reads, and what `mpnode build` patches. (The
/// compiler module's exports are marked in mpnode_compile.c.)
const RUNTIME_EXPORTS: &[&str] = &[
    "get_node",
    "get_nodes",
    "run",
    "alloc",
    "dealloc",
    "get_abi_version",
    "_initialize",
    "mpnode_last_error",
    "setThrew",
    "emscripten_stack_get_current",
    "_emscripten_stack_restore",
    "mpnode_config",
    "__heap_base",
    "__stack_pointer",
];

/// Links `inputs` (wasm-ld arguments: objects, archives, flags) into
/// OUT_DIR/`name`.linked.wasm, a reactor module.
fn link(out: &Path, name: &str, inputs: &[String], exports: &[&str], tools: &Tools, settings: &Settings) -> PathBuf {
    let linked = out.join(format!("{name}.linked.wasm"));
    let mut cmd = Command::new(&tools.wasm_ld);
    cmd.args(["--no-entry", "--stack-first", "--gc-sections", "--strip-debug"])
        .arg(format!("-zstack-size={}", settings.stack_size))
        .arg("-o")
        .arg(&linked);
    if !exports.is_empty() {
        cmd.arg("--export-table");
    }
    for e in exports {
        cmd.arg(format!("--export={e}"));
    }
    cmd.args(inputs);
    cmd.arg("-L/usr/lib/wasm32-wasi").arg("-lc").arg("-lm").arg(&tools.builtins);
    run(&mut cmd, &format!("linking {name} (wasm-ld)"));
    linked
}

fn optimise(linked: &Path, dest: &Path, tools: &Tools) {
    // binaryen must be told the features clang-22 emits by default.
    let features = [
        "--enable-bulk-memory",
        "--enable-mutable-globals",
        "--enable-sign-ext",
        "--enable-nontrapping-float-to-int",
        "--enable-reference-types",
        "--enable-multivalue",
    ];
    // Optimised once with the function names kept (`-g`; names do not
    // change the code), then stripped: the shipped module is byte for byte
    // what optimising without names gives, and the names of its functions
    // (same indices) go to a `.names` file for `mpnode bench --profile`.
    let named = dest.with_extension("named.wasm");
    let mut cmd = Command::new(&tools.wasm_opt[0]);
    cmd.args(&tools.wasm_opt[1..])
        .args(features)
        .arg(linked)
        // --converge repeats -Oz while it still shrinks the module (~200
        // bytes for the runtime). The target_features section (107 bytes)
        // only informs tools that link further; no engine reads it.
        .args(["-Oz", "--converge", "-g", "--strip-dwarf", "--strip-producers", "--strip-target-features"])
        .arg("-o")
        .arg(&named);
    run(&mut cmd, "binaryen wasm-opt -Oz");
    let mut cmd = Command::new(&tools.wasm_opt[0]);
    cmd.args(&tools.wasm_opt[1..]).args(features).arg(&named).arg("--strip-debug").arg("-o").arg(dest);
    run(&mut cmd, "binaryen wasm-opt --strip-debug");
    let wasm = fs::read(&named).unwrap();
    fs::write(dest.with_extension("names"), name_section(&wasm).unwrap_or_default()).unwrap();
}

/// The payload of a module's `name` custom section, if it has one (a walk
/// over the section headers; the payload is parsed where it is read).
fn name_section(wasm: &[u8]) -> Option<&[u8]> {
    fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        let body = wasm.get(at..at + size)?;
        at += size;
        if id == 0 {
            let mut inner = 0;
            let len = leb(body, &mut inner)?;
            if body.get(inner..inner + len)? == b"name" {
                return body.get(inner + len..);
            }
        }
    }
    None
}
