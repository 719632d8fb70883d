//! `mpnode test`: the author's pytest suite, with every node call run
//! inside the module `mpnode build` writes (see `mpnode_pytest.py`).
//!
//! It builds the project's node as `mpnode build` does (into
//! `.mpnode/NAME.wasm` under the project), writes the pytest plugin and the
//! `sdk` module next to it, and runs `python3 -m pytest -p mpnode_pytest`
//! in the project with the arguments given. The project's own files come
//! first on `sys.path`, so a project that brings its own `sdk.py` tests
//! against it, as `mpnode build` packs it.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use mpnode_build::pack::library;

/// The plugin, written next to the built module.
const PLUGIN: &str = include_str!("mpnode_pytest.py");

/// What `mpnode test` needs to run pytest.
pub struct TestRun<'a> {
    /// The project directory (pytest runs there).
    pub dir: &'a Path,
    /// The node file.
    pub node: &'a Path,
    /// The built module.
    pub wasm: &'a [u8],
    /// Compare every call with CPython.
    pub compare: bool,
    /// `mpnode serve` limit flags.
    pub limits: Vec<String>,
    /// Arguments for pytest.
    pub pytest_args: &'a [String],
}

/// Writes the module, the plugin and the `sdk` package into
/// `DIR/.mpnode/`, then runs pytest; returns its exit status.
///
/// # Errors
///
/// Writing the files failed, or Python could not be started.
pub fn run(t: &TestRun<'_>) -> Result<ExitCode, String> {
    let work = t.dir.join(".mpnode");
    let lib = work.join("python");
    std::fs::create_dir_all(&lib).map_err(|e| format!("could not create {}: {e}", lib.display()))?;
    let stem = t.node.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "node".into());
    let wasm_path = work.join(format!("{stem}.wasm"));
    let write = |path: PathBuf, bytes: &[u8]| std::fs::write(&path, bytes).map_err(|e| format!("could not write {}: {e}", path.display()));
    write(wasm_path.clone(), t.wasm)?;
    write(lib.join("mpnode_pytest.py"), PLUGIN.as_bytes())?;
    // The SDK as CPython imports it in tests: the same files the module packs.
    for (name, source) in library::LIBRARY {
        if name.starts_with("sdk") || name.starts_with("flow_like_wasm_sdk") {
            let path = lib.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("could not create {}: {e}", parent.display()))?;
            }
            write(path, source.as_bytes())?;
        }
    }
    let node_dir = t.node.parent().map(Path::to_path_buf).unwrap_or_else(|| t.dir.to_path_buf());
    let mut path = vec![node_dir, t.dir.to_path_buf()];
    if let Some(existing) = std::env::var_os("PYTHONPATH") {
        path.extend(std::env::split_paths(&existing));
    }
    path.push(lib.clone());
    let python = std::env::var("MPNODE_PYTHON").unwrap_or_else(|_| "python3".into());
    let exe = std::env::current_exe().map_err(|e| format!("where is mpnode? {e}"))?;
    let status = Command::new(&python)
        .args(["-m", "pytest", "-p", "mpnode_pytest"])
        .args(t.pytest_args)
        .current_dir(t.dir)
        .env("PYTHONPATH", std::env::join_paths(path).map_err(|e| e.to_string())?)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("MPNODE_BIN", exe)
        .env("MPNODE_WASM", &wasm_path)
        .env("MPNODE_NODE_MODULE", &stem)
        .env("MPNODE_COMPARE", if t.compare { "1" } else { "0" })
        .env("MPNODE_LIMITS", t.limits.join(" "))
        .status()
        .map_err(|e| format!("could not start {python} (set MPNODE_PYTHON to the interpreter with pytest): {e}"))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::from(1),
    })
}
