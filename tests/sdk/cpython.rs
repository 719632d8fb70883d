//! The `sdk` module under CPython 3 (issue 14, item 6): the same
//! `pylib/sdk.py` and `pylib/flow_like_wasm_sdk/` that nodes pack import in
//! CPython, so an author's unit tests written against Flow-Like's SDK
//! (`flow_like_wasm_sdk`, `MockHostBridge`) run against mpnode's module.
//! `tests/python/test_sdk_api.py` is such a suite (stdlib unittest; it
//! also tests the Flow-Like-style examples as Flow-Like's template tests
//! its own).

use std::path::Path;
use std::process::Command;

#[test]
fn sdk_api_suite_passes_under_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Only the SDK: the rest of pylib/ (mpnode's stand-ins for stdlib
    // modules) would shadow CPython's own.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sdk_cpython-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("flow_like_wasm_sdk")).unwrap();
    std::fs::copy(root.join("pylib/sdk.py"), dir.join("sdk.py")).unwrap();
    for entry in std::fs::read_dir(root.join("pylib/flow_like_wasm_sdk")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("flow_like_wasm_sdk").join(path.file_name().unwrap())).unwrap();
    }
    let path = std::env::join_paths([dir.clone(), root.join("examples")]).unwrap();
    let out = Command::new("python3")
        .args(["-B", "-m", "unittest", "-v", "test_sdk_api"])
        .current_dir(root.join("tests/python"))
        .env("PYTHONPATH", path)
        .output()
        .expect("python3 is needed for this test (apt-get install python3)");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the sdk's CPython suite failed:\n{report}");
    let ran = report.lines().find(|l| l.starts_with("Ran ")).unwrap_or_default().to_string();
    assert!(ran.starts_with("Ran ") && ran.split_whitespace().nth(1).and_then(|n| n.parse::<u32>().ok()).unwrap_or(0) >= 15, "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}
