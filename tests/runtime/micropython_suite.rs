//! MicroPython v1.9.4's own test suite (`tests/basics`, `tests/float`,
//! `tests/extmod` of the source we build from) run through the real runtime
//! module under the real wasmi host.
//!
//! Each test runs as a node, in a fresh instance: a small wrapper node
//! (`WRAPPER` below) gets the test's source as an input string and `exec`s
//! it; `print` goes to the run's log (one info entry per line) and the joined
//! log lines are compared with the expected output, as upstream's
//! `tests/run-tests` does: the test's `.exp` file if there is one, else what
//! CPython 3 prints for the same file (as `python3 -B basics/x.py` from the
//! `tests` directory; run by `CPYTHON_DRIVER`, one forked child per test,
//! while the wasm side runs). A test that prints `SKIP` skipped itself: it
//! must be on the skip list.
//!
//! Tests that cannot apply to our build are skipped by `tests/suite/skip.txt`
//! (each with its reason). Tests that fail today are listed with their cause
//! in `tests/suite/known_failures.txt`: the test fails when a test outside
//! that list fails (a regression), and says so when one on it passes.
//!
//! ```text
//! cargo test --release --test micropython_suite -- --nocapture
//! ```
//!
//! prints `micropython suite (wasm): N passed, N failed, N skipped` and writes
//! the per-test results to `<target>/micropython-suite-wasm.txt`, and the
//! expected and actual output of each failure to
//! `<target>/micropython-suite-wasm/`. The same tests also run on native
//! MicroPython (upstream's unix port of the same source, built into the
//! target directory; see `native_micropython`), which prints the same line
//! with `(native)`, writes `<target>/micropython-suite-native.txt`, and names
//! the tests that pass natively but fail in wasm: those are bugs of our
//! port, shim or patches, not skips.
//!
//! The source tree is never copied into this repository: it is read at test
//! time from the crates.io crate `drone-micropython-raw` (found with
//! `cargo metadata`, as build.rs does).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use mpnode_build::pack::{pack_with, PackOptions};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, Node};
use serde_json::json;

/// The node that runs one test: `exec` of the source in a fresh global
/// namespace; an uncaught exception is printed as the unix port prints it
/// (traceback on the output), `SystemExit` (how tests skip themselves) ends
/// the test quietly.
const WRAPPER: &str = r#"import sys

def get_node():
    return {"name": "micropython_test", "friendly_name": "MicroPython test",
            "description": "runs one test of MicroPython's suite", "category": "Test", "pins": []}

def run(context):
    source = context["inputs"]["source"]
    try:
        exec(source, {"__name__": "__main__"})
    except SystemExit:
        pass
    except BaseException as e:
        sys.print_exception(e)
    return {"outputs": {}, "error": None}
"#;

/// The directories of upstream's `tests/` that we run.
const DIRS: [&str; 3] = ["basics", "float", "extmod"];

/// GC heap per test. The port collects only at safe points of plain Python
/// code (README, "GC roots"): a test's code run by `exec` is, but not what
/// C code calls back, so a test needs room for what it allocates there.
/// When `exec`'d code was never collected, 1 MiB was enough for every
/// applicable test (256 KiB was not); 2 MiB leaves room. Instantiation walks the whole heap, so a bigger
/// one costs time (16 MiB: 50 s for the suite instead of 10 s).
/// `MPNODE_SUITE_HEAP` (bytes) overrides it.
const HEAP: u32 = 2 << 20;

/// Fuel per test: the slowest applicable test uses about a tenth of it; a
/// test that hangs stops in a few seconds.
const FUEL: u64 = 4_000_000_000;

/// Fuel per test under GC torture: a collection after every allocation,
/// now also inside the tests' code (patch 0009), makes the slowest test
/// (`float/string_format_modulo2_intbig.py`) use about 10.7e9.
const TORTURE_FUEL: u64 = 25_000_000_000;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `micropython/tests` inside the downloaded crate.
fn upstream_tests() -> PathBuf {
    if let Ok(dir) = std::env::var("MPNODE_MICROPYTHON_DIR") {
        return PathBuf::from(dir).join("tests");
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest_dir().join("Cargo.toml"))
        .output()
        .expect("cargo metadata");
    assert!(output.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let pkg = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "drone-micropython-raw")
        .expect("cargo metadata does not list drone-micropython-raw");
    Path::new(pkg["manifest_path"].as_str().unwrap()).parent().unwrap().join("micropython/tests")
}

/// The target directory this test binary was built into
/// (`<target>/<profile>/deps/micropython_suite-…`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).map(Path::to_path_buf).unwrap_or_else(|| manifest_dir().join("target"))
}

/// A list file of `tests/suite/`: `pattern  reason` per line (`*` matches any
/// run of characters), `#` starts a comment line. Every entry must have a
/// reason.
fn read_list(name: &str) -> Vec<(String, String)> {
    let path = manifest_dir().join("tests/suite").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (pattern, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let reason = reason.trim();
        assert!(!reason.is_empty(), "{}:{}: `{pattern}` has no reason", path.display(), i + 1);
        entries.push((pattern.to_string(), reason.to_string()));
    }
    entries
}

/// `*`-glob match.
fn glob(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            name.starts_with(head)
                && (0..=name.len() - head.len()).any(|i| name.is_char_boundary(head.len() + i) && glob(tail, &name[head.len() + i..]))
        }
    }
}

fn lookup<'a>(list: &'a [(String, String)], test: &str) -> Option<&'a (String, String)> {
    list.iter().find(|(pattern, _)| glob(pattern, test))
}

/// Runs each test named in the list file (argv[2], paths relative to the
/// cwd) as `python3 -B test` would, but in a forked child of one
/// interpreter (a CPython start-up per test costs more than the whole wasm
/// run). Writes the output to argv[1]/<test, `/` -> `__`>.out, or `.crash`
/// when the test exits non-zero (run-tests then expects `CPYTHON3 CRASH`).
const CPYTHON_DRIVER: &str = r#"import os, sys, runpy
sys.dont_write_bytecode = True
out_dir = sys.argv[1]
for test in open(sys.argv[2]).read().splitlines():
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        sys.argv = [test]
        code = 0
        try:
            runpy.run_path(test, run_name="__main__")
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            code = 1
        try:
            sys.stdout.flush()
        except BaseException:
            code = 1
        os._exit(code)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    name = test.replace("/", "__") + (".out" if ok else ".crash")
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(b"".join(chunks))
"#;

/// Starts CPython on `tests` (in the background); the outputs land in
/// `out_dir`.
fn start_cpython(tests_dir: &Path, tests: &[String], out_dir: &Path) -> std::process::Child {
    let _ = std::fs::remove_dir_all(out_dir);
    std::fs::create_dir_all(out_dir).unwrap();
    let driver = out_dir.join("driver.py");
    std::fs::write(&driver, CPYTHON_DRIVER).unwrap();
    let list = out_dir.join("tests.txt");
    std::fs::write(&list, tests.join("\n")).unwrap();
    Command::new(std::env::var("MICROPY_CPYTHON3").unwrap_or_else(|_| "python3".into()))
        .arg(&driver)
        .arg(out_dir)
        .arg(&list)
        .current_dir(tests_dir)
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONHASHSEED", "0")
        .spawn()
        .expect("python3 is needed for the expected output of tests without a .exp file (apt-get install python3)")
}

/// The expected output: the `.exp` file, else what CPython printed.
fn expected_output(tests_dir: &Path, cpython_dir: &Path, test: &str) -> Vec<u8> {
    let out = match std::fs::read(tests_dir.join(format!("{test}.exp"))) {
        Ok(bytes) => bytes,
        Err(_) => {
            let base = cpython_dir.join(test.replace('/', "__"));
            match std::fs::read(base.with_extension("py.out")) {
                Ok(out) => out,
                Err(_) if base.with_extension("py.crash").exists() => b"CPYTHON3 CRASH".to_vec(),
                Err(e) => panic!("no CPython output for {test}: {e}"),
            }
        }
    };
    String::from_utf8_lossy(&out).replace("\r\n", "\n").into_bytes()
}

/// The test's output as the node printed it: log lines joined, then `CRASH`
/// if the run itself failed (as run-tests marks a crash).
fn run_in_wasm(engine: &Engine, module: &wasmi::Module, source: &str, fuel: u64) -> (Vec<u8>, u64) {
    let mut node = match Node::from_module(engine, module.clone(), Limits::default().with_fuel(fuel).with_timeout(None)) {
        Ok(node) => node,
        Err(e) => return (format!("CRASH (load: {e})").into_bytes(), 0),
    };
    let report = match node.run(json!({"source": source})) {
        Ok(report) => report,
        Err(e) => return (format!("CRASH (run: {e})").into_bytes(), 0),
    };
    let mut out = String::new();
    for entry in &report.logs {
        out.push_str(&entry.message);
        out.push('\n');
    }
    if let Some(err) = &report.result.error {
        out.push_str("CRASH\n");
        out.push_str(err);
    }
    (out.into_bytes(), report.fuel_consumed)
}

/// Runs every test of `tests` in wasm, the wrapper node packed with
/// `options`, on up to four threads; each test's output and fuel.
fn run_all_in_wasm(tests_dir: &Path, tests: &[&String], options: &PackOptions) -> BTreeMap<String, (Vec<u8>, u64)> {
    let engine = Engine::new();
    let wasm = pack_with(RUNTIME_WASM, WRAPPER, "micropython_test.py", options).unwrap();
    let module = engine.compile(&wasm).unwrap();
    let fuel = if options.gc_torture { TORTURE_FUEL } else { FUEL };
    let outputs: Mutex<BTreeMap<String, (Vec<u8>, u64)>> = Mutex::new(BTreeMap::new());
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(test) = tests.get(i) else { break };
                let source = std::fs::read(tests_dir.join(test)).unwrap();
                let output = run_in_wasm(&engine, &module, &String::from_utf8_lossy(&source), fuel);
                outputs.lock().unwrap().insert(test.to_string(), output);
            });
        }
    });
    outputs.into_inner().unwrap()
}

/// Native MicroPython to compare with: upstream's unix port of the same
/// v1.9.4 source, built (once per target directory, about 20 s) as
/// scripts/bench.sh builds it. It has its own configuration (64-bit, more
/// features than ours); only the tests that apply to our build are run on
/// it, so a test that passes there and fails in wasm points at our port,
/// shim or patches. `MPNODE_SUITE_NATIVE=0` skips it;
/// `MICROPY_MICROPYTHON` names a binary to use instead.
fn native_micropython(source_dir: &Path, target: &Path) -> Result<PathBuf, String> {
    if std::env::var("MPNODE_SUITE_NATIVE").as_deref() == Ok("0") {
        return Err("skipped (MPNODE_SUITE_NATIVE=0)".into());
    }
    if let Ok(bin) = std::env::var("MICROPY_MICROPYTHON") {
        return Ok(PathBuf::from(bin));
    }
    let build = target.join("micropython-suite-native");
    let bin = build.join("ports/unix/micropython");
    if bin.exists() {
        return Ok(bin);
    }
    let _ = std::fs::remove_dir_all(&build);
    let copied = Command::new("cp").arg("-r").arg(source_dir).arg(&build).status();
    if !matches!(copied, Ok(s) if s.success()) {
        return Err(format!("could not copy {} to {}", source_dir.display(), build.display()));
    }
    // No frozen modules (they need mpy-cross and a modules dir), none of the
    // modules that need libraries or git submodules.
    let config = build.join("ports/unix/mpconfigport.h");
    let text = std::fs::read_to_string(&config).map_err(|e| e.to_string())?;
    std::fs::write(&config, text.replace("#define MICROPY_MODULE_FROZEN_STR   (1)", "#define MICROPY_MODULE_FROZEN_STR   (0)"))
        .map_err(|e| e.to_string())?;
    let jobs = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).to_string();
    let out = Command::new("make")
        .arg("-C")
        .arg(build.join("ports/unix"))
        .args(["-j", &jobs, "MICROPY_PY_BTREE=0", "MICROPY_PY_USSL=0", "MICROPY_PY_FFI=0", "MICROPY_PY_THREAD=0"])
        .args(["MICROPY_PY_TERMIOS=0", "MICROPY_PY_SOCKET=0", "CWARN=-Wall", "FROZEN_MPY_DIR=", "FROZEN_DIR="])
        .output()
        .map_err(|e| format!("make: {e} (the native build needs make and a C compiler)"))?;
    if !out.status.success() || !bin.exists() {
        let log = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = log.lines().rev().take(10).collect();
        return Err(format!("the native build failed:\n{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n")));
    }
    Ok(bin)
}

/// The test's output under native MicroPython, as run-tests takes it
/// (`micropython -X emit=bytecode test`, stderr merged, `CRASH` appended
/// when it exits non-zero).
fn run_native(bin: &Path, tests_dir: &Path, test: &str) -> Vec<u8> {
    let out = Command::new("sh")
        .args(["-c", "exec \"$0\" -X emit=bytecode \"$1\" 2>&1"])
        .arg(bin)
        .arg(test)
        .current_dir(tests_dir)
        .stdin(std::process::Stdio::null())
        .output();
    match out {
        Ok(out) => {
            let mut bytes = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n").into_bytes();
            if !out.status.success() {
                bytes.extend_from_slice(b"CRASH");
            }
            bytes
        }
        Err(e) => format!("CRASH ({e})").into_bytes(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Pass,
    Fail,
    Skip(String),
}

#[test]
fn micropython_test_suite_under_wasmi() {
    let started = Instant::now();
    let tests_dir = upstream_tests();
    let skip = read_list("skip.txt");
    let known = read_list("known_failures.txt");

    let mut all = Vec::new();
    for dir in DIRS {
        let mut names: Vec<String> = std::fs::read_dir(tests_dir.join(dir))
            .unwrap_or_else(|e| panic!("{}: {e}", tests_dir.join(dir).display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".py"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        names.sort();
        all.extend(names);
    }
    assert!(all.len() > 500, "found only {} tests in {}", all.len(), tests_dir.display());
    for (pattern, _) in skip.iter().chain(&known) {
        assert!(all.iter().any(|t| glob(pattern, t)), "tests/suite: `{pattern}` matches no test");
    }

    let target = target_dir();
    let to_run: Vec<&String> = all.iter().filter(|t| lookup(&skip, t).is_none()).collect();
    let need_cpython: Vec<String> = to_run.iter().filter(|t| !tests_dir.join(format!("{t}.exp")).exists()).map(|t| t.to_string()).collect();
    let cpython_dir = target.join("micropython-suite-cpython");
    let mut cpython = start_cpython(&tests_dir, &need_cpython, &cpython_dir);

    // The native build runs meanwhile, on its own thread.
    let native = std::thread::spawn({
        let (source, target) = (tests_dir.parent().unwrap().to_path_buf(), target.clone());
        move || native_micropython(&source, &target)
    });

    // Every test in wasm, on all cores (CPython runs meanwhile).
    let heap = std::env::var("MPNODE_SUITE_HEAP").ok().and_then(|h| h.parse().ok()).unwrap_or(HEAP);
    let outputs = run_all_in_wasm(&tests_dir, &to_run, &PackOptions { heap_size: Some(heap), ..Default::default() });
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4);
    let status = cpython.wait().unwrap();
    assert!(status.success(), "the CPython driver failed: {status}");

    // The same tests natively.
    let native = native.join().unwrap();
    let native_outputs: Mutex<BTreeMap<String, Vec<u8>>> = Mutex::new(BTreeMap::new());
    if let Ok(bin) = &native {
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(test) = to_run.get(i) else { break };
                    let output = run_native(bin, &tests_dir, test);
                    native_outputs.lock().unwrap().insert(test.to_string(), output);
                });
            }
        });
    }
    let native_outputs = native_outputs.into_inner().unwrap();

    let mut results: BTreeMap<String, (Outcome, Vec<u8>, Vec<u8>, u64)> = BTreeMap::new();
    for test in &all {
        let entry = match (lookup(&skip, test), outputs.get(test)) {
            (Some((_, reason)), _) => (Outcome::Skip(reason.clone()), Vec::new(), Vec::new(), 0),
            (None, Some((actual, fuel))) => {
                let expected = expected_output(&tests_dir, &cpython_dir, test);
                // A test that prints SKIP skipped itself: that must be on the
                // skip list, with its reason, so it counts as a failure here.
                let outcome = if *actual == expected && actual != b"SKIP\n" { Outcome::Pass } else { Outcome::Fail };
                (outcome, expected, actual.clone(), *fuel)
            }
            (None, None) => unreachable!("{test} did not run"),
        };
        results.insert(test.clone(), entry);
    }

    let detail_dir = target.join("micropython-suite-wasm");
    let _ = std::fs::remove_dir_all(&detail_dir);
    std::fs::create_dir_all(&detail_dir).unwrap();
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let mut list = String::new();
    let mut regressions = Vec::new();
    let mut fixed = Vec::new();
    let mut max_fuel = (0, String::new());
    for (test, (outcome, expected, actual, fuel)) in &results {
        if *fuel > max_fuel.0 {
            max_fuel = (*fuel, test.clone());
        }
        match outcome {
            Outcome::Pass => {
                passed += 1;
                list.push_str(&format!("pass  {test}\n"));
                if lookup(&known, test).is_some() {
                    fixed.push(test.clone());
                }
            }
            Outcome::Fail => {
                failed += 1;
                let why = lookup(&known, test).map(|(_, r)| r.as_str());
                list.push_str(&format!("FAIL  {test}{}\n", why.map(|r| format!("  ({r})")).unwrap_or_default()));
                if why.is_none() {
                    regressions.push(test.clone());
                }
                let base = detail_dir.join(test.replace('/', "__"));
                std::fs::write(base.with_extension("exp"), expected).unwrap();
                std::fs::write(base.with_extension("out"), actual).unwrap();
            }
            Outcome::Skip(reason) => {
                skipped += 1;
                list.push_str(&format!("skip  {test}  ({reason})\n"));
            }
        }
    }
    let summary = format!("micropython suite (wasm): {passed} passed, {failed} failed, {skipped} skipped");
    list.push_str(&summary);
    list.push('\n');
    let list_path = target.join("micropython-suite-wasm.txt");
    std::fs::write(&list_path, &list).unwrap();
    println!("{summary}");

    // Native: the same comparison; a test that prints SKIP there is skipped
    // (as run-tests does).
    let mut wasm_only = Vec::new();
    match &native {
        Ok(bin) => {
            let (mut n_pass, mut n_fail, mut n_skip) = (0, 0, 0);
            let mut native_list = String::new();
            for (test, (outcome, expected, _, _)) in &results {
                let line = match (outcome, native_outputs.get(test)) {
                    (Outcome::Skip(reason), _) => {
                        n_skip += 1;
                        format!("skip  {test}  ({reason})")
                    }
                    (_, Some(out)) if out == b"SKIP\n" => {
                        n_skip += 1;
                        format!("skip  {test}  (printed SKIP)")
                    }
                    (wasm, Some(out)) if out == expected => {
                        n_pass += 1;
                        if *wasm == Outcome::Fail {
                            wasm_only.push(test.clone());
                        }
                        format!("pass  {test}")
                    }
                    (_, _) => {
                        n_fail += 1;
                        let base = detail_dir.join(test.replace('/', "__"));
                        if let Some(out) = native_outputs.get(test) {
                            std::fs::write(base.with_extension("native"), out).unwrap();
                        }
                        format!("FAIL  {test}")
                    }
                };
                native_list.push_str(&line);
                native_list.push('\n');
            }
            let native_summary = format!("micropython suite (native): {n_pass} passed, {n_fail} failed, {n_skip} skipped");
            native_list.push_str(&format!("{native_summary}\n(native: {})\n", bin.display()));
            std::fs::write(target.join("micropython-suite-native.txt"), native_list).unwrap();
            println!("{native_summary}");
            println!("pass natively, fail in wasm (bugs of our port): {wasm_only:?}");
        }
        Err(why) => println!("micropython suite (native): not run: {why}"),
    }
    println!(
        "results in {} (and -native.txt), failures' output in {}; {:.1} s, most fuel {} ({})",
        list_path.display(),
        detail_dir.display(),
        started.elapsed().as_secs_f64(),
        max_fuel.0,
        max_fuel.1
    );
    if !fixed.is_empty() {
        println!("these tests pass now; remove them from tests/suite/known_failures.txt: {fixed:?}");
    }
    let known_count = known.len();
    assert!(
        regressions.is_empty(),
        "tests that fail but are not in tests/suite/known_failures.txt (see {}): {regressions:?}",
        detail_dir.display()
    );
    assert!(failed <= known_count, "{failed} failures, more than the {known_count} known");
}

/// The GC heap of the torture run.
const TORTURE_HEAP: u32 = 16 << 10;

/// A torture output that differs from the normal one only by running out of
/// memory: the same lines up to some point, then a `MemoryError` (uncaught,
/// or printed by the test) or a run that could not start on the tiny heap.
fn only_ran_out_of_memory(normal: &[u8], tortured: &[u8]) -> bool {
    let (normal, tortured) = (String::from_utf8_lossy(normal), String::from_utf8_lossy(tortured));
    let same = normal.lines().zip(tortured.lines()).take_while(|(a, b)| a == b).count();
    let rest: Vec<&str> = tortured.lines().skip(same).collect();
    // (a partial line can precede it: `print(x, end="")` then the error)
    let memory = |l: &&str| l.contains("MemoryError") || l.contains("memory limit") || l.contains("alloc");
    rest.iter().any(memory) && rest.iter().all(|l| !l.starts_with("CRASH") || rest.iter().any(memory))
}

/// The suite again with GC torture: the wrapper packed with a 16 KiB heap
/// and `PackOptions::gc_torture` (every allocation requests a collection,
/// made at the next safe point), each test's output compared with the
/// normal run's (2 MiB heap). No test may give a different output; a test
/// that needs more than 16 KiB may only run out of memory (MemoryError
/// after the same output so far), which is counted and listed, not a GC
/// bug.
///
/// What this covers: the wrapper calls `exec` directly from plain Python,
/// so a test's module code and the functions it calls directly are
/// "clean" (README, "GC roots", patch 0009) and collected inside, at every
/// safe point that follows an allocation; code called back by C (`sorted`'s
/// key, a generator driven by `sum`, a dunder method) is not. Writes
/// `<target>/micropython-suite-torture.txt`.
#[test]
fn micropython_test_suite_under_gc_torture() {
    let started = Instant::now();
    let tests_dir = upstream_tests();
    let skip = read_list("skip.txt");
    let mut to_run = Vec::new();
    for dir in DIRS {
        let mut names: Vec<String> = std::fs::read_dir(tests_dir.join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".py"))
            .map(|n| format!("{dir}/{n}"))
            .filter(|t| lookup(&skip, t).is_none())
            .collect();
        names.sort();
        to_run.extend(names);
    }
    let to_run: Vec<&String> = to_run.iter().collect();
    let normal = run_all_in_wasm(&tests_dir, &to_run, &PackOptions { heap_size: Some(HEAP), ..Default::default() });
    let tortured = run_all_in_wasm(&tests_dir, &to_run, &PackOptions { heap_size: Some(TORTURE_HEAP), gc_torture: true });
    let (mut same, mut out_of_memory, mut different) = (0, Vec::new(), Vec::new());
    let mut list = String::new();
    for test in &to_run {
        let (a, b) = (&normal[*test].0, &tortured[*test].0);
        if a == b {
            same += 1;
            list.push_str(&format!("same           {test}\n"));
        } else if only_ran_out_of_memory(a, b) {
            out_of_memory.push(test.to_string());
            list.push_str(&format!("out of memory  {test}\n"));
        } else {
            different.push(test.to_string());
            list.push_str(&format!(
                "DIFFERENT      {test}\n--- normal\n{}\n--- torture\n{}\n",
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            ));
        }
    }
    let summary = format!(
        "micropython suite (wasm, GC torture, {} KiB heap): {same} same output, {} ran out of memory, {} different",
        TORTURE_HEAP >> 10,
        out_of_memory.len(),
        different.len()
    );
    list.push_str(&summary);
    list.push('\n');
    let path = target_dir().join("micropython-suite-torture.txt");
    std::fs::write(&path, list).unwrap();
    println!("{summary}\n(per test: {}; {:.1} s)", path.display(), started.elapsed().as_secs_f64());
    assert!(different.is_empty(), "outputs differ under GC torture (see {}): {different:?}", path.display());
    assert!(same > to_run.len() / 2, "only {same} of {} tests fit the torture heap", to_run.len());
}
