//! The hostile-module corpus: hand-written WAT modules under
//! `tests/hostile_modules/`, each attacking the host from one angle (issue
//! 16). Every file starts with comments saying what it does and what must
//! happen:
//!
//! - `;; expect-load: TEXT` — `Node::load` fails with an error containing TEXT;
//! - `;; expect-definition: TEXT` — `Node::definition` fails with TEXT;
//! - `;; expect-run: TEXT` — a run fails with TEXT in its result's `error`.
//!
//! The one guarantee behind all of them: the host process survives (a
//! module that aborted it would abort this test binary) and every call
//! ends by its deadline with a clear error.

use std::path::Path;
use std::time::{Duration, Instant};

use mpnode_host::{Engine, Limits, Node};

/// The deadline every module runs under.
const TIMEOUT: Duration = Duration::from_millis(200);
/// How long past the deadline a call may end (slices, a loaded CI machine).
const SLACK: Duration = Duration::from_millis(1500);

fn expectations(source: &str, key: &str) -> Option<String> {
    source.lines().find_map(|l| l.strip_prefix(&format!(";; {key}: ")).map(str::to_string))
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    assert!(started.elapsed() < TIMEOUT + SLACK, "{what} took {:?}, past its {TIMEOUT:?} deadline", started.elapsed());
    out
}

fn check(path: &Path, engine: &Engine) -> Result<(), String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let source = std::fs::read_to_string(path).unwrap();
    let wasm = wat::parse_str(&source).map_err(|e| format!("{name}: not valid WAT: {e}"))?;
    let limits = Limits::default().with_timeout(Some(TIMEOUT));
    let loaded = timed(&name, || Node::load_with_limits(engine, &wasm, limits));
    if let Some(expect) = expectations(&source, "expect-load") {
        return match loaded {
            Ok(_) => Err(format!("{name}: loaded, expected a load error containing {expect:?}")),
            Err(e) if e.to_string().contains(&expect) => Ok(()),
            Err(e) => Err(format!("{name}: load error {e:?} does not contain {expect:?}")),
        };
    }
    let mut node = loaded.map_err(|e| format!("{name}: did not load: {e}"))?;
    if let Some(expect) = expectations(&source, "expect-definition") {
        match timed(&name, || node.definition()) {
            Ok(d) => return Err(format!("{name}: definition {d}, expected an error containing {expect:?}")),
            Err(e) if e.to_string().contains(&expect) => {}
            Err(e) => return Err(format!("{name}: definition error {e} does not contain {expect:?}")),
        }
    }
    if let Some(expect) = expectations(&source, "expect-run") {
        // Twice: the second run starts from a fresh instance and must fail
        // the same way (nothing left over from the first).
        for _ in 0..2 {
            let started = Instant::now();
            let report = node.run(serde_json::json!({})).map_err(|e| format!("{name}: run returned Err: {e}"))?;
            // A run is up to three calls (definition, alloc, run), each with
            // its own deadline.
            assert!(started.elapsed() < 3 * TIMEOUT + SLACK, "{name}: run took {:?}", started.elapsed());
            match report.result.error {
                Some(error) if error.contains(&expect) => {}
                other => return Err(format!("{name}: run error {other:?} does not contain {expect:?}")),
            }
        }
    }
    Ok(())
}

#[test]
fn no_hostile_module_aborts_hangs_or_escapes_its_deadline() {
    let engine = Engine::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile_modules");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "wat"));
    files.sort();
    let only = std::env::var("HOSTILE_ONLY").ok();
    let failures: Vec<String> = files
        .iter()
        .filter(|p| only.as_ref().is_none_or(|o| p.to_string_lossy().contains(o.as_str())))
        .filter_map(|p| {
            eprintln!("{}", p.display());
            check(p, &engine).err()
        })
        .collect();
    assert!(files.len() >= 17, "the corpus lost files: {files:?}");
    assert!(failures.is_empty(), "{} of {} modules misbehaved:\n{}", failures.len(), files.len(), failures.join("\n"));
}
