//! Embeds the Python library packed per use (`pylib/`: the `sdk` module and
//! mpnode's standard library) as a table of (file name, source): every
//! `.py` under `pylib/`, named by its path there (`json.py`,
//! `urllib/parse.py`), in sorted order so builds are deterministic.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel_name = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            walk(&path, &rel_name, out);
        } else if name.ends_with(".py") {
            out.push((rel_name, path));
        }
    }
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../pylib");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, "", &mut files);
    let mut code =
        String::from("/// Every module of `pylib/`: (file name as `import` finds it, source).\npub const LIBRARY: &[(&str, &str)] = &[\n");
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.canonicalize().unwrap().display().to_string()));
    }
    code.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("pylib.rs"), code).unwrap();
}
