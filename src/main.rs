//! `mpnode`: run, build and inspect Flow-Like nodes written in Python.
//!
//! Thin command-line layer over the `mpnode` library. Exit codes: 0 success,
//! 1 the node reported an error, 2 usage or load errors.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

mod project;
mod serve;
mod test_cmd;
use serde_json::{json, Value};

use mpnode_build::builder::{BuildError, Form};
use mpnode_build::inspect::{self, ItemKind, ModuleInfo};
use mpnode_build::{manifest, pack, scaffold, Builder};
use mpnode_host::{bench, Engine, Limits, Node, RunReport};

/// Run, build and inspect Flow-Like nodes written in Python (MicroPython
/// compiled to WebAssembly).
#[derive(Parser)]
#[command(name = "mpnode", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `print!` for the command's output: a reader that went away (`mpnode
/// inspect node.wasm | head -1`) ends the process quietly with success, as
/// ripgrep does, instead of a panic ("failed printing to stdout").
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = write!(stdout, $($arg)*).and_then(|()| stdout.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

/// `println!` for the command's output; see [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => {{
        out!("{}\n", format_args!($($arg)*))
    }};
}

#[derive(Subcommand)]
enum Command {
    /// Run a node once and print its result envelope as JSON.
    Run(RunArgs),
    /// Pack a Python node into a .wasm module.
    Build(BuildArgs),
    /// Show a module's node definitions, imports, exports and size.
    Inspect(InspectArgs),
    /// Measure a node: compile, cold start, first get_node, warm runs.
    Bench(BenchArgs),
    /// Start a node project: NAME/node.py, NAME/inputs.json, NAME/README.md.
    New(NewArgs),
    /// Run the project's pytest suite with every node call inside the built
    /// module (under wasmi, with the run's limits).
    Test(TestArgs),
    /// Serve a node over JSON lines on stdin/stdout (for test runners; see
    /// `mpnode test`).
    Serve(ServeArgs),
}

#[derive(Args)]
struct TestArgs {
    /// Run every node call under CPython too, and fail a test on any
    /// difference (the CPython result vs the module's).
    #[arg(long)]
    compare: bool,
    /// The node file [default: the project's, from pyproject.toml].
    #[arg(long)]
    node: Option<PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Arguments for pytest (after `--`), e.g. `-- -k reverse -x`.
    #[arg(last = true)]
    pytest_args: Vec<String>,
}

#[derive(Args)]
struct ServeArgs {
    /// The node: a module (.wasm), or a Python source (.py) built as
    /// `mpnode build` builds it.
    node: PathBuf,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Args)]
struct NewArgs {
    /// The node's name (also the directory created).
    name: String,
}

#[derive(Args)]
struct RunArgs {
    /// The node: a Python source (.py, packed in memory) or a module (.wasm).
    node: PathBuf,
    #[command(flatten)]
    inputs: InputArgs,
    /// Print the result on one line.
    #[arg(long)]
    compact: bool,
    #[command(flatten)]
    limits: LimitArgs,
    /// `node_name` for the envelope (selects a node in a multi-node package;
    /// default: the first).
    #[arg(long, alias = "node")]
    node_name: Option<String>,
    /// A complete Flow-Like input envelope (JSON file, '-' for stdin) to pass
    /// as it is, instead of building one from --inputs.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "inputs_file"])]
    envelope: Option<PathBuf>,
    /// Set `stream_state` to true in the envelope.
    #[arg(long)]
    stream: bool,
    /// `log_level` for the envelope (Flow-Like: 0 debug … 4 fatal).
    #[arg(long, default_value_t = 0)]
    log_level: u8,
    /// Print fuel used and run time to stderr.
    #[arg(long)]
    stats: bool,
    /// Cap the GC heap of a .py node, e.g. 4MiB [default: none: the heap
    /// grows as the node allocates, up to --memory].
    #[arg(long, value_parser = parse_memory)]
    heap: Option<usize>,
    /// Do not print logs, stream events or warnings to stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// Where the run's inputs come from.
#[derive(Args)]
struct InputArgs {
    /// Input pin values as a JSON object, e.g. '{"input": "hello"}'.
    #[arg(long, conflicts_with = "inputs_file")]
    inputs: Option<String>,
    /// Read the input JSON object from a file ('-' for stdin).
    #[arg(long, value_name = "FILE")]
    inputs_file: Option<PathBuf>,
}

#[derive(Args)]
struct BenchArgs {
    /// The node: a module (.wasm), or a Python source (.py), built in memory
    /// as `mpnode build` builds it by default (bytecode, the runtime without
    /// the compiler, the build-time snapshot).
    node: PathBuf,
    #[command(flatten)]
    inputs: InputArgs,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// Warm runs to time [default: as many as fit in --seconds, at least 20].
    #[arg(long)]
    runs: Option<u32>,
    /// Time to spend on warm runs when --runs is not given.
    #[arg(long, default_value_t = 2.0)]
    seconds: f64,
    /// Compilations and cold starts to time (the median is reported).
    #[arg(long, default_value_t = 20)]
    cold: u32,
    /// `node_name` for the envelope (selects a node in a multi-node package).
    #[arg(long)]
    node_name: Option<String>,
    /// Instead of timing: profile the warm runs (--runs of them, default
    /// 20) on an instrumented copy of the module, and list the N guest
    /// functions that executed the most wasm instructions, with their calls.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "25")]
    profile: Option<usize>,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Limits for every call into the node (defaults: Flow-Like's restrictive
/// preset, 16 MiB and 10 s, with fuel to spare for 10 s).
#[derive(Args, Clone, Default)]
struct LimitArgs {
    /// Fuel per call (instantiation, definition, run), e.g. 1000000000 or
    /// 1e9 [default: 1e12].
    #[arg(long, value_parser = parse_fuel)]
    fuel: Option<u64>,
    /// Linear memory limit, e.g. 16MiB, 512KiB, 67108864 (bytes) [default:
    /// 16MiB].
    #[arg(long, value_parser = parse_memory)]
    memory: Option<usize>,
    /// Wall-clock deadline per call, e.g. 10s, 250ms, 1.5s, or `none`
    /// [default: 10s].
    #[arg(long, value_parser = parse_timeout)]
    timeout: Option<Timeout>,
}

/// A parsed `--timeout`: `None` is `--timeout none`.
#[derive(Clone, Copy)]
struct Timeout(Option<Duration>);

impl LimitArgs {
    fn limits(&self) -> Limits {
        let mut limits = Limits::default();
        if let Some(fuel) = self.fuel {
            limits = limits.with_fuel(fuel);
        }
        if let Some(memory) = self.memory {
            limits = limits.with_memory(memory);
        }
        if let Some(Timeout(timeout)) = self.timeout {
            limits = limits.with_timeout(timeout);
        }
        limits
    }
}

/// `1000000`, `1e9`, `2.5e9`, `1_000_000`.
fn parse_fuel(text: &str) -> Result<u64, String> {
    let clean = text.replace('_', "");
    if let Ok(n) = clean.parse::<u64>() {
        return Ok(n);
    }
    match clean.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 && x <= u64::MAX as f64 && x.fract() == 0.0 => Ok(x as u64),
        _ => Err(format!("`{text}` is not a whole amount of fuel (e.g. 1000000000 or 1e9)")),
    }
}

/// `16MiB`, `16M`, `512k`, `1GiB`, `65536`: suffixes are binary (Flow-Like's
/// "16 MB" tier is 16 MiB).
fn parse_memory(text: &str) -> Result<usize, String> {
    let lower = text.trim().to_ascii_lowercase();
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = lower[digits.len()..].trim_end_matches('b').trim_end_matches('i');
    let scale: u64 = match unit {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        _ => return Err(format!("`{text}`: unknown unit (use bytes, KiB, MiB or GiB)")),
    };
    let bytes = digits
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .map(|x| (x * scale as f64).round())
        .ok_or_else(|| format!("`{text}` is not a memory size (e.g. 16MiB or 1048576)"))?;
    if bytes > usize::MAX as f64 {
        return Err(format!("`{text}` is too large"));
    }
    Ok(bytes as usize)
}

/// `10s`, `250ms`, `1.5s`, `2m`, `10` (seconds), `none`.
fn parse_timeout(text: &str) -> Result<Timeout, String> {
    let lower = text.trim().to_ascii_lowercase();
    if lower == "none" || lower == "off" {
        return Ok(Timeout(None));
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let scale = match &lower[digits.len()..] {
        "" | "s" => 1.0,
        "ms" => 1e-3,
        "us" => 1e-6,
        "m" | "min" => 60.0,
        _ => return Err(format!("`{text}`: unknown unit (use ms, s or m, or `none`)")),
    };
    let seconds = digits
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| format!("`{text}` is not a duration (e.g. 10s, 250ms or none)"))?;
    Duration::try_from_secs_f64(seconds * scale).map(|d| Timeout(Some(d))).map_err(|e| format!("`{text}`: {e}"))
}

#[derive(Args)]
struct BuildArgs {
    /// The Python node source; local modules it imports are packed with it.
    /// Default: the project in the current directory (`pyproject.toml` with
    /// `[tool.mpnode]`, as `mpnode new` writes it).
    source: Option<PathBuf>,
    /// More Python modules to pack, importable by their file name (for
    /// modules the node imports in ways the scan does not see).
    modules: Vec<PathBuf>,
    /// Pack into the runtime that has MicroPython's compiler, for nodes that
    /// call exec(), eval() or compile() (the code is still precompiled).
    #[arg(long)]
    with_compiler: bool,
    /// Pack the Python source instead of bytecode (implies --with-compiler):
    /// the module compiles it each time it starts.
    #[arg(long = "source")]
    pack_source: bool,
    /// Where to write the module (default: next to the source, .wasm).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Cap the node's GC heap, e.g. 256KiB, 4MiB [default: none: the heap
    /// starts small and grows as the node allocates, up to the memory limit].
    #[arg(long, value_parser = parse_memory)]
    heap: Option<usize>,
    /// For testing the runtime: every allocation requests a collection, made
    /// at the next GC safe point (slow; see README, "GC roots").
    #[arg(long)]
    gc_torture: bool,
    /// Package id for flow-like.toml [default: local.mpnode.<file stem>].
    #[arg(long)]
    id: Option<String>,
    /// Package version for flow-like.toml.
    #[arg(long)]
    version: Option<String>,
    /// Memory tier for flow-like.toml: minimal, light, standard, heavy, intensive.
    #[arg(long)]
    memory_tier: Option<String>,
    /// Timeout tier for flow-like.toml: quick, standard, extended, long_running.
    #[arg(long)]
    timeout_tier: Option<String>,
    /// Do not write flow-like.toml next to the module.
    #[arg(long)]
    no_manifest: bool,
    /// Where to write the manifest [default: flow-like.toml next to the
    /// module, the name Flow-Like reads]. An existing manifest of another
    /// module is never replaced.
    #[arg(long, value_name = "PATH")]
    manifest: Option<PathBuf>,
    /// Do not start the node at build time: the module then starts
    /// MicroPython and imports the node at every instantiation (slower cold
    /// start, smaller file).
    #[arg(long)]
    no_snapshot: bool,
}

#[derive(Args)]
struct InspectArgs {
    /// The module (.wasm), or a Python source (.py, packed in memory).
    module: PathBuf,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// An error for the user: what went wrong and what to do next.
struct CliError {
    message: String,
    hint: Option<String>,
}

impl CliError {
    fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), hint: None }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run(args) => run(args),
        Command::Build(args) => build(args),
        Command::Inspect(args) => inspect(args),
        Command::Bench(args) => bench(args),
        Command::New(args) => new_project(args),
        Command::Serve(args) => serve_node(args),
        Command::Test(args) => test_project(args),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mpnode: {}", e.message);
            if let Some(hint) = e.hint {
                eprintln!("  hint: {hint}");
            }
            ExitCode::from(2)
        }
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::new(format!("could not read {}: {e}", path.display())))
}

fn is_python(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "py")
}

/// A build error for the user, with what to do next.
fn build_failed(path: &Path, e: BuildError) -> CliError {
    match e {
        BuildError::Invalid(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            CliError::new(format!("{} problem(s) in the node definition; nothing was written", problems.len()))
                .hint("Flow-Like would refuse or misread this node; fix the lines above")
        }
        BuildError::Pack(e @ pack::PackError::Syntax { .. }) => {
            CliError::new(format!("could not pack {}: {e}", path.display())).hint("fix the line above; nothing was written")
        }
        BuildError::Load(e) => {
            let error = CliError::new(format!("{}: get_node()/get_definitions() failed: {e}", path.display()));
            match missing_library_name(path, &e.to_string()) {
                Some(hint) => error.hint(hint),
                None => error,
            }
        }
        e @ (BuildError::Pack(_) | BuildError::Compiler(_)) => CliError::new(format!("could not pack {}: {e}", path.display())),
        e => CliError::new(format!("{}: {e}", path.display())),
    }
}

/// The hint for `from M import X` failing at build time when M is a module
/// of mpnode's library (`pylib/`), which may lack names CPython's has: the
/// runtime's ImportError names neither the module nor mpnode.
fn missing_library_name(path: &Path, error: &str) -> Option<String> {
    let name = error.split("ImportError: cannot import name ").nth(1)?.split_whitespace().next()?;
    let source = std::fs::read_to_string(path).ok()?;
    source.lines().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let ["from", module, "import", rest @ ..] = words.as_slice() else { return None };
        if !rest.iter().flat_map(|w| w.split([',', '(', ')'])).any(|n| n == name) {
            return None;
        }
        let file = module.replace('.', "/");
        pack::library::get(&format!("{file}.py")).or_else(|| pack::library::get(&format!("{file}/__init__.py")))?;
        Some(format!(
            "cannot import name '{name}' from '{module}' (mpnode's {module} does not provide it; \
             README's standard library section lists what each module lacks)"
        ))
    })
}

/// Builds a Python node through the one pipeline, printing what it logged
/// when it was imported at build time.
fn build_python(builder: &Builder) -> Result<mpnode_build::Artifact, CliError> {
    let path = builder.node_file().to_path_buf();
    let artifact = builder.build().map_err(|e| build_failed(&path, e))?;
    for log in &artifact.import_logs {
        eprintln!("{}: at import (build time): {}", path.display(), log.message);
    }
    Ok(artifact)
}

/// Module bytes from a `.wasm` path, or from a `.py` built as `mpnode
/// build` builds it (without refusing a node whose definitions are wrong:
/// running or inspecting it shows what is wrong).
fn module_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    module_bytes_with_heap(path, None)
}

/// As `module_bytes`, with `--heap` for a `.py` node (a built module keeps
/// the cap it was built with).
fn module_bytes_with_heap(path: &Path, heap: Option<usize>) -> Result<Vec<u8>, CliError> {
    if is_python(path) {
        let options = pack::PackOptions { heap_size: heap.map(|h| h as u32), ..Default::default() };
        return Ok(build_python(&Builder::new(path).validate(false).pack_options(options))?.wasm);
    }
    if heap.is_some() {
        return Err(CliError::new(format!("--heap applies to a .py node; {} is a built module", path.display()))
            .hint("build it with `mpnode build --heap`"));
    }
    let bytes = read_file(path)?;
    if !bytes.starts_with(b"\0asm") {
        return Err(CliError::new(format!("{} is not a WebAssembly module", path.display()))
            .hint("pass a .wasm module, or a Python node ending in .py"));
    }
    Ok(bytes)
}

fn parse_inputs(args: &InputArgs) -> Result<Value, CliError> {
    let (text, origin) = match (&args.inputs, &args.inputs_file) {
        (Some(text), _) => (text.clone(), "--inputs".to_string()),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| CliError::new(format!("could not read stdin: {e}")))?;
            (text, "stdin".to_string())
        }
        (None, Some(path)) => {
            let bytes = read_file(path)?;
            // Never change the inputs silently: invalid UTF-8 is refused,
            // as --envelope refuses it (and CPython's json.load raises).
            let text = String::from_utf8(bytes).map_err(|e| {
                CliError::new(format!("{} is not valid UTF-8 (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to()))
            })?;
            (text, path.display().to_string())
        }
        (None, None) => return Ok(json!({})),
    };
    let example = r#"pass a JSON object of input pins, e.g. --inputs '{"input": "hello"}'"#;
    let value: Value = serde_json::from_str(&text).map_err(|e| CliError::new(format!("{origin} is not valid JSON: {e}")).hint(example))?;
    if !value.is_object() {
        return Err(CliError::new(format!("{origin} must be a JSON object")).hint(example));
    }
    Ok(value)
}

fn load_node(path: &Path, bytes: &[u8], limits: Limits) -> Result<Node, CliError> {
    let engine = Engine::new();
    Node::load_with_limits(&engine, bytes, limits).map_err(|e| {
        CliError::new(format!("could not load {}: {e}", path.display()))
            .hint(format!("`mpnode inspect {}` shows its imports and exports", path.display()))
    })
}

/// [`load_node`] for `inspect` itself: no hint to run `inspect` again.
fn load_node_for_inspect(path: &Path, bytes: &[u8], limits: Limits) -> Result<Node, CliError> {
    Node::load_with_limits(&Engine::new(), bytes, limits).map_err(|e| CliError::new(format!("could not load {}: {e}", path.display())))
}

fn print_side_channels(report: &RunReport) {
    for log in &report.logs {
        match &log.data {
            Some(data) => eprintln!("[{}] {} {}", log.level, log.message, data),
            None => eprintln!("[{}] {}", log.level, log.message),
        }
    }
    for event in &report.stream {
        match &event.data {
            Value::String(text) => eprintln!("[stream:{}] {}", event.event, text),
            data => eprintln!("[stream:{}] {}", event.event, data),
        }
    }
    for warning in &report.warnings {
        eprintln!("mpnode: warning: {warning}");
    }
}

fn run(args: RunArgs) -> Result<ExitCode, CliError> {
    let envelope = match &args.envelope {
        None => None,
        Some(path) if path.as_os_str() == "-" => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| CliError::new(format!("could not read stdin: {e}")))?;
            Some(bytes)
        }
        Some(path) => Some(read_file(path)?),
    };
    let inputs = if envelope.is_some() { json!({}) } else { parse_inputs(&args.inputs)? };
    let bytes = module_bytes_with_heap(&args.node, args.heap)?;
    let mut node = load_node(&args.node, &bytes, args.limits.limits())?;
    let context = node.context_mut();
    context.node_name = args.node_name.clone();
    context.stream_state = args.stream;
    context.log_level = args.log_level;
    let report = match &envelope {
        Some(bytes) => node.run_envelope(bytes),
        None => node.run(inputs),
    }
    .map_err(|e| CliError::new(format!("could not run {}: {e}", args.node.display())))?;
    if !args.quiet {
        print_side_channels(&report);
    }
    if args.stats {
        eprintln!(
            "mpnode: fuel {}, {:.3} ms, {} pages of memory",
            report.fuel_consumed,
            report.duration.as_secs_f64() * 1000.0,
            report.memory_pages
        );
    }
    let result = report.result.to_json();
    let text = if args.compact { serde_json::to_string(&result) } else { serde_json::to_string_pretty(&result) };
    outln!("{}", text.unwrap_or_default());
    Ok(if report.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn bench(args: BenchArgs) -> Result<ExitCode, CliError> {
    let inputs = parse_inputs(&args.inputs)?;
    let bytes = module_bytes(&args.node)?;
    if let Some(top) = args.profile {
        return bench_profile(&args, &bytes, inputs, top);
    }
    let options = bench::BenchOptions {
        runs: args.runs,
        seconds: args.seconds,
        cold: args.cold,
        node_name: args.node_name.clone(),
        limits: args.limits.limits(),
    };
    let report = bench::measure(&Engine::new(), &bytes, inputs, &options).map_err(|e| match e {
        bench::BenchError::Load(e) => CliError::new(format!("could not load {}: {e}", args.node.display())),
        bench::BenchError::Definition(e) => CliError::new(format!("{}: get_node failed: {e}", args.node.display())),
        bench::BenchError::Run(e) => CliError::new(format!("could not run {}: {e}", args.node.display())),
        bench::BenchError::Failed(error) => CliError::new(format!("{} failed, so there is nothing to time: {error}", args.node.display()))
            .hint("pass inputs it accepts with --inputs"),
    })?;
    let mut result = serde_json::to_value(&report).unwrap_or_default();
    if let Value::Object(map) = &mut result {
        map.insert("node".into(), json!(args.node.display().to_string()));
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
    } else {
        out!("{}", bench_text(&result));
    }
    Ok(ExitCode::SUCCESS)
}

fn bench_profile(args: &BenchArgs, bytes: &[u8], inputs: Value, top: usize) -> Result<ExitCode, CliError> {
    let runs = args.runs.unwrap_or(20);
    let profile = mpnode_build::profile::profile(&Engine::new(), bytes, inputs, runs, args.limits.limits(), args.node_name.clone())
        .map_err(|e| {
            let error = CliError::new(format!("could not profile {}: {e}", args.node.display()));
            match e {
                mpnode_build::profile::ProfileError::Failed(_) => error.hint("pass inputs it accepts with --inputs"),
                _ => error,
            }
        })?;
    if args.json {
        let mut value = serde_json::to_value(&profile).unwrap_or_default();
        if let Value::Object(map) = &mut value {
            if let Some(Value::Array(functions)) = map.get_mut("functions") {
                functions.truncate(top);
            }
            map.insert("node".into(), json!(args.node.display().to_string()));
        }
        outln!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    out!("{}", profile_text(&args.node, &profile, top));
    Ok(ExitCode::SUCCESS)
}

fn profile_text(node: &Path, p: &mpnode_build::profile::Profile, top: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {:.0} wasm instructions and {:.0} guest calls per warm run (mean of {} runs)",
        node.display(),
        p.instructions,
        p.calls,
        p.runs
    );
    let _ = writeln!(out, "{:>12} {:>6} {:>10} {:>10}  function", "instructions", "share", "calls", "loops");
    for f in p.functions.iter().take(top) {
        let share = 100.0 * f.instructions / p.instructions.max(1.0);
        let _ = writeln!(out, "{:>12.0} {:>5.1}% {:>10.1} {:>10.1}  {}", f.instructions, share, f.calls, f.loops, f.name);
        if !f.callers.is_empty() && share >= 1.0 {
            let by: Vec<String> = f.callers.iter().take(4).map(|(name, n)| format!("{name} {n:.1}")).collect();
            let _ = writeln!(out, "{:>43}  <- {}", "", by.join(", "));
        }
    }
    if p.functions.len() > top {
        let rest: f64 = p.functions[top..].iter().map(|f| f.instructions).sum();
        let _ = writeln!(
            out,
            "{:>12.0} {:>5.1}%                        {} more functions",
            rest,
            100.0 * rest / p.instructions.max(1.0),
            p.functions.len() - top
        );
    }
    out
}

fn bench_text(r: &Value) -> String {
    let us = |key: &str| r[key].as_f64().unwrap_or(f64::NAN);
    let mut out = String::new();
    let _ = writeln!(out, "{} ({} bytes)", r["node"].as_str().unwrap_or(""), r["module_bytes"]);
    let _ = writeln!(out, "  compile             {:>12.1} µs", us("compile_us"));
    let _ = writeln!(out, "  instantiate (cold)  {:>12.1} µs   (first: {:.1} µs)", us("instantiate_us"), us("first_instantiate_us"));
    let _ = writeln!(out, "  first get_node      {:>12.1} µs", us("get_node_us"));
    let _ = writeln!(out, "  first run           {:>12.1} µs", us("first_run_us"));
    let _ = writeln!(
        out,
        "  warm run            {:>12.1} µs median, {:.1} µs p99, {:.1} µs min ({} runs)",
        us("run_us_median"),
        us("run_us_p99"),
        us("run_us_min"),
        r["runs"]
    );
    let _ = writeln!(out, "  runs per second     {:>12.0}   (one core)", us("runs_per_sec"));
    let _ = writeln!(out, "  memory              {:>12} pages ({} KiB)", r["memory_pages"], r["memory_bytes"].as_u64().unwrap_or(0) / 1024);
    let _ = writeln!(out, "  fuel per run        {:>12}", r["fuel_per_run"]);
    out
}

/// Fills what the command line left open from the project's
/// `[tool.mpnode]`; returns the node file.
fn apply_project(args: &mut BuildArgs) -> Result<PathBuf, CliError> {
    if let Some(source) = &args.source {
        return Ok(source.clone());
    }
    let cwd = std::env::current_dir().map_err(|e| CliError::new(format!("no current directory: {e}")))?;
    let project = project::Project::find(&cwd).map_err(CliError::new)?.ok_or_else(|| {
        CliError::new("no node file given, and no pyproject.toml with [tool.mpnode] here or above")
            .hint("name the node (`mpnode build node.py`), or start a project with `mpnode new NAME`")
    })?;
    let settings = &project.settings;
    let node = project.node_file();
    args.source = Some(node.clone());
    args.output.get_or_insert_with(|| project.output());
    args.modules.extend(settings.modules.iter().map(|m| project.dir.join(m)));
    if args.heap.is_none() {
        if let Some(heap) = &settings.heap {
            args.heap = Some(parse_memory(heap).map_err(|e| CliError::new(format!("[tool.mpnode] heap: {e}")))?);
        }
    }
    args.with_compiler |= settings.with_compiler;
    args.pack_source |= settings.source;
    args.no_snapshot |= settings.snapshot == Some(false);
    args.no_manifest |= settings.manifest == Some(false);
    args.id = args.id.take().or_else(|| settings.id.clone());
    args.version = args.version.take().or_else(|| project.version.clone());
    args.memory_tier = args.memory_tier.take().or_else(|| settings.memory_tier.clone());
    args.timeout_tier = args.timeout_tier.take().or_else(|| settings.timeout_tier.clone());
    Ok(node)
}

fn build(mut args: BuildArgs) -> Result<ExitCode, CliError> {
    let source = apply_project(&mut args)?;
    build_node(&source, args)
}

fn build_node(source: &Path, args: BuildArgs) -> Result<ExitCode, CliError> {
    let source = source.to_path_buf();
    let args = BuildArgs { source: Some(source.clone()), ..args };
    if !is_python(&source) {
        return Err(CliError::new(format!("{} is not a Python source", source.display()))
            .hint("`mpnode build` packs a node written in Python; name it NODE.py"));
    }
    let form = match (args.pack_source, args.with_compiler) {
        (true, _) => Form::Source,
        (false, true) => Form::BytecodeWithCompiler,
        (false, false) => Form::Bytecode,
    };
    let mut builder = Builder::new(&source)
        .form(form)
        .pack_options(pack::PackOptions { heap_size: args.heap.map(|h| h as u32), gc_torture: args.gc_torture })
        .snapshot(!args.no_snapshot);
    for module in &args.modules {
        builder = builder.module(module);
    }
    let output = args.output.clone().unwrap_or_else(|| source.with_extension("wasm"));
    let manifest_path = args.manifest.clone().unwrap_or_else(|| output.with_file_name("flow-like.toml"));
    let module_name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if !args.no_manifest {
        // Two builds into one directory must not replace each other's manifest.
        if let Ok(existing) = std::fs::read_to_string(&manifest_path) {
            let owner = manifest::manifest_module(&existing);
            if owner.as_deref() != Some(module_name.as_str()) {
                return Err(CliError::new(format!(
                    "{} describes {}, not {module_name}; not replacing it",
                    manifest_path.display(),
                    owner.map(|o| format!("the module {o}")).unwrap_or_else(|| "no module mpnode built".into())
                ))
                .hint("write this module's manifest elsewhere with --manifest PATH, build into another directory, or pass --no-manifest"));
            }
        }
    }
    let artifact = build_python(&builder)?;
    let definitions = artifact.definitions;
    let module = artifact.wasm;
    std::fs::write(&output, &module).map_err(|e| CliError::new(format!("could not write {}: {e}", output.display())))?;
    outln!("{}: {} bytes", output.display(), module.len());
    if !args.no_manifest {
        // A project's node.py is named after its directory (`mpnode new`).
        let mut stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if stem == "node" {
            if let Some(dir) = std::fs::canonicalize(&source)
                .ok()
                .and_then(|p| p.parent().and_then(|d| d.file_name()).map(|d| d.to_string_lossy().into_owned()))
            {
                stem = dir;
            }
        }
        let mut info = manifest::PackageInfo::for_name(&stem);
        if let Some(id) = args.id {
            info.id = id;
        }
        if let Some(version) = args.version {
            info.version = version;
        }
        if let Some(tier) = args.memory_tier {
            info.memory = tier;
        }
        if let Some(tier) = args.timeout_tier {
            info.timeout = tier;
        }
        info.wasm_path = Some(module_name);
        let text = manifest::manifest_toml(&definitions, &info).map_err(|e| CliError::new(e.to_string()))?;
        let manifest = manifest_path;
        std::fs::write(&manifest, text).map_err(|e| CliError::new(format!("could not write {}: {e}", manifest.display())))?;
        outln!("{}: {} node(s)", manifest.display(), definitions.len());
    }
    Ok(ExitCode::SUCCESS)
}

fn test_project(args: TestArgs) -> Result<ExitCode, CliError> {
    let cwd = std::env::current_dir().map_err(|e| CliError::new(format!("no current directory: {e}")))?;
    let project = project::Project::find(&cwd).map_err(CliError::new)?;
    let (dir, node) = match (&args.node, &project) {
        (Some(node), _) => (cwd.clone(), node.clone()),
        (None, Some(p)) => (p.dir.clone(), p.node_file()),
        (None, None) if cwd.join("node.py").is_file() => (cwd.clone(), cwd.join("node.py")),
        (None, None) => {
            return Err(CliError::new("no node to test: no pyproject.toml with [tool.mpnode] and no node.py here")
                .hint("start a project with `mpnode new NAME`, or pass --node FILE.py"))
        }
    };
    let python = std::env::var("MPNODE_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_pytest = std::process::Command::new(&python).args(["-c", "import pytest"]).output().is_ok_and(|o| o.status.success());
    if !has_pytest {
        return Err(CliError::new(format!("{python} cannot import pytest"))
            .hint("install it where the project's tests run (`pip install pytest`), or set MPNODE_PYTHON to that interpreter"));
    }
    let mut builder = Builder::new(&node);
    if let Some(p) = &project {
        let s = &p.settings;
        builder = builder.form(match (s.source, s.with_compiler) {
            (true, _) => Form::Source,
            (false, true) => Form::BytecodeWithCompiler,
            _ => Form::Bytecode,
        });
        builder = builder.snapshot(s.snapshot != Some(false));
        for m in &s.modules {
            builder = builder.module(p.dir.join(m));
        }
        if let Some(heap) = &s.heap {
            let heap = parse_memory(heap).map_err(|e| CliError::new(format!("[tool.mpnode] heap: {e}")))?;
            builder = builder.pack_options(pack::PackOptions { heap_size: Some(heap as u32), gc_torture: false });
        }
    }
    let artifact = build_python(&builder)?;
    let mut limits = Vec::new();
    if let Some(fuel) = args.limits.fuel {
        limits.extend(["--fuel".to_string(), fuel.to_string()]);
    }
    if let Some(memory) = args.limits.memory {
        limits.extend(["--memory".to_string(), memory.to_string()]);
    }
    if let Some(Timeout(timeout)) = args.limits.timeout {
        limits.extend(["--timeout".to_string(), timeout.map_or("none".to_string(), |d| format!("{}ms", d.as_millis()))]);
    }
    let run =
        test_cmd::TestRun { dir: &dir, node: &node, wasm: &artifact.wasm, compare: args.compare, limits, pytest_args: &args.pytest_args };
    test_cmd::run(&run).map_err(CliError::new)
}

fn serve_node(args: ServeArgs) -> Result<ExitCode, CliError> {
    let bytes = module_bytes(&args.node)?;
    let limits = args.limits.limits();
    let node = load_node(&args.node, &bytes, limits.clone())?;
    serve::serve(node, limits).map_err(|e| CliError::new(format!("serve: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

fn new_project(args: NewArgs) -> Result<ExitCode, CliError> {
    let dir = PathBuf::from(&args.name);
    let written = scaffold::new_project(&dir, &args.name).map_err(|e| CliError::new(e.to_string()))?;
    for path in written {
        outln!("{}", path.display());
    }
    outln!("next: cd {} && mpnode run node.py --inputs-file inputs.json", dir.display());
    Ok(ExitCode::SUCCESS)
}

fn inspect(args: InspectArgs) -> Result<ExitCode, CliError> {
    let bytes = module_bytes(&args.module)?;
    let info = inspect::inspect(&bytes).map_err(|e| CliError::new(format!("could not inspect {}: {e}", args.module.display())))?;
    let loaded = load_node_for_inspect(&args.module, &bytes, Limits::default()).and_then(|mut node| {
        node.definitions().map_err(|e| CliError::new(format!("{}: asking for the node definition failed: {e}", args.module.display())))
    });
    let (definitions, load_error) = match loaded {
        Ok(definitions) => (Some(definitions), None),
        Err(e) => (None, Some(e)),
    };
    let problems: Vec<String> = definitions
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, d)| mpnode_host::contract::check_definition(d).err().map(|e| format!("definition {i}: {e}")))
        .collect();

    if args.json {
        let output = json!({
            "file": args.module.display().to_string(),
            "size": info.size,
            "definitions": definitions,
            "definition_problems": problems,
            "imports": info.imports,
            "exports": info.exports,
            "custom_sections": info.custom_sections,
            "packed_files": info.packed_files,
            "load_error": load_error.as_ref().map(|e| e.message.clone()),
        });
        outln!("{}", serde_json::to_string_pretty(&output).unwrap_or_default());
    } else {
        out!("{}", inspect_text(&args.module, &info, definitions.as_deref(), &problems));
    }
    match load_error {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}

fn inspect_text(path: &Path, info: &ModuleInfo, definitions: Option<&[Value]>, problems: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {} bytes", path.display(), info.size);
    if !info.packed_files.is_empty() {
        let _ = writeln!(out, "packed files: {}", info.packed_files.join(", "));
    }
    if let Some(definitions) = definitions {
        let _ = writeln!(out, "\ndefinitions ({}):", definitions.len());
        for definition in definitions {
            let text = serde_json::to_string_pretty(definition).unwrap_or_default();
            for line in text.lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        for problem in problems {
            let _ = writeln!(out, "  ! Flow-Like would reject {problem}");
        }
    }
    let _ = writeln!(out, "\nimports ({}):", info.imports.len());
    for import in &info.imports {
        let mark = if import.provided { "ok " } else { "!! " };
        let _ = write!(out, "  {mark}{}.{} {}", import.module, import.name, item_type(import.kind, &import.signature));
        if !import.provided {
            let _ = write!(out, "  (not provided by Flow-Like's host)");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "\nexports ({}):", info.exports.len());
    for export in &info.exports {
        let _ = writeln!(out, "  {} {}", export.name, item_type(export.kind, &export.signature));
    }
    out
}

/// `func (i32) -> i32` for functions; other kinds' signatures already say
/// what they are (`memory 2.. pages`).
fn item_type(kind: ItemKind, signature: &str) -> String {
    match kind {
        ItemKind::Func => format!("func {signature}"),
        _ => signature.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuel_amounts() {
        assert_eq!(parse_fuel("1000"), Ok(1000));
        assert_eq!(parse_fuel("1e9"), Ok(1_000_000_000));
        assert_eq!(parse_fuel("2.5e3"), Ok(2500));
        assert_eq!(parse_fuel("1_000"), Ok(1000));
        assert!(parse_fuel("1.5").is_err());
        assert!(parse_fuel("-1").is_err());
        assert!(parse_fuel("lots").is_err());
    }

    #[test]
    fn memory_sizes() {
        assert_eq!(parse_memory("65536"), Ok(65536));
        assert_eq!(parse_memory("16MiB"), Ok(16 << 20));
        assert_eq!(parse_memory("16M"), Ok(16 << 20));
        assert_eq!(parse_memory("16mb"), Ok(16 << 20));
        assert_eq!(parse_memory("512KiB"), Ok(512 << 10));
        assert_eq!(parse_memory("1.5k"), Ok(1536));
        assert_eq!(parse_memory("1GiB"), Ok(1 << 30));
        assert!(parse_memory("16 parsecs").is_err());
        assert!(parse_memory("MiB").is_err());
    }

    #[test]
    fn timeouts() {
        let ms = |text: &str| parse_timeout(text).map(|t| t.0.map(|d| d.as_millis()));
        assert_eq!(ms("10s"), Ok(Some(10_000)));
        assert_eq!(ms("10"), Ok(Some(10_000)));
        assert_eq!(ms("250ms"), Ok(Some(250)));
        assert_eq!(ms("1.5s"), Ok(Some(1500)));
        assert_eq!(ms("2m"), Ok(Some(120_000)));
        assert_eq!(ms("none"), Ok(None));
        assert!(ms("soon").is_err());
        assert!(ms("5h").is_err());
    }
}
