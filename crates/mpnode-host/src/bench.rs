//! Measuring a node: compilation, cold start, the first definition query,
//! warm runs (what `mpnode bench` prints and `scripts/bench.sh` tabulates).
//! Speed is measured here, never asserted in tests.

use std::fmt;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;

use crate::{Engine, Error, Limits, Node, RunReport};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Warm runs to time; `None`: as many as fit in `seconds`, at least 20.
    pub runs: Option<u32>,
    /// Time to spend on warm runs when `runs` is `None`.
    pub seconds: f64,
    /// Compilations and cold starts to time (the median is reported).
    pub cold: u32,
    /// `node_name` for the envelope (selects a node of a package).
    pub node_name: Option<String>,
    /// Limits of every call.
    pub limits: Limits,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions { runs: None, seconds: 2.0, cold: 20, node_name: None, limits: Limits::default() }
    }
}

/// The figures, in microseconds where the name says `_us`.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// The module's size.
    pub module_bytes: usize,
    /// Median compilation (validation and translation set-up).
    pub compile_us: f64,
    /// Median cold start: instantiation and `_initialize`.
    pub instantiate_us: f64,
    /// The first cold start (it also translates the functions it calls).
    pub first_instantiate_us: Option<f64>,
    /// Median first `get_node` on a fresh instance.
    pub get_node_us: f64,
    /// The first run on an instance.
    pub first_run_us: f64,
    /// Warm runs timed.
    pub runs: usize,
    /// Their median.
    pub run_us_median: f64,
    /// Their 99th percentile.
    pub run_us_p99: f64,
    /// The fastest.
    pub run_us_min: f64,
    /// Warm runs per second on one core.
    pub runs_per_sec: f64,
    /// Linear memory pages after the last run.
    pub memory_pages: u64,
    /// The same in bytes.
    pub memory_bytes: u64,
    /// Median fuel per warm run.
    pub fuel_per_run: u64,
}

/// Why a measurement stopped.
#[derive(Debug)]
pub enum BenchError {
    /// The module did not load.
    Load(Error),
    /// `get_node` failed.
    Definition(Error),
    /// A run could not be made.
    Run(Error),
    /// A run reported this error: there is nothing to time.
    Failed(String),
}

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BenchError::Load(e) => write!(f, "could not load the module: {e}"),
            BenchError::Definition(e) => write!(f, "get_node failed: {e}"),
            BenchError::Run(e) => write!(f, "could not run the node: {e}"),
            BenchError::Failed(e) => write!(f, "the node failed, so there is nothing to time: {e}"),
        }
    }
}

impl std::error::Error for BenchError {}

/// Microseconds, with sub-microsecond precision.
fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The `q` quantile (0..=1) of sorted samples, nearest rank.
fn quantile<T: Copy>(sorted: &[T], q: f64) -> T {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn median_us(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    micros(quantile(&samples, 0.5))
}

/// Measures `bytes` (a node module) on `inputs`; see [`BenchReport`].
///
/// # Errors
///
/// See [`BenchError`].
pub fn measure(engine: &Engine, bytes: &[u8], inputs: Value, options: &BenchOptions) -> Result<BenchReport, BenchError> {
    let limits = options.limits.clone();
    let load_error = BenchError::Load;
    let cold = options.cold.max(1);

    // Compile: validation and translation setup (wasmi translates function
    // bodies lazily, on first call).
    let mut compile = Vec::new();
    let mut module = None;
    for _ in 0..cold {
        let started = Instant::now();
        let compiled = engine.compile(bytes).map_err(load_error)?;
        compile.push(started.elapsed());
        module = Some(compiled);
    }
    let module = module.expect("at least one compilation");

    // Cold start: instantiate and `_initialize`, then the first get_node
    // on that instance, each time on a fresh instance of the module
    // compiled once (as a host running many nodes of one module would).
    // The first instance also pays for translating the functions it calls.
    let mut instantiate = Vec::new();
    let mut get_node = Vec::new();
    let mut first_instantiate = None;
    for _ in 0..cold {
        let started = Instant::now();
        let mut node = Node::from_module(engine, module.clone(), limits.clone()).map_err(load_error)?;
        let elapsed = started.elapsed();
        first_instantiate.get_or_insert(elapsed);
        instantiate.push(elapsed);
        let started = Instant::now();
        node.definition().map_err(BenchError::Definition)?;
        get_node.push(started.elapsed());
    }

    // Warm runs on one instance.
    let mut node = Node::from_module(engine, module, limits).map_err(load_error)?;
    node.context_mut().node_name = options.node_name.clone();
    let run_once = |node: &mut Node| -> Result<(Duration, RunReport), BenchError> {
        let started = Instant::now();
        let report = node.run(inputs.clone()).map_err(BenchError::Run)?;
        let elapsed = started.elapsed();
        match report.error() {
            Some(error) => Err(BenchError::Failed(error.to_string())),
            None => Ok((elapsed, report)),
        }
    };
    let (first_run, _) = run_once(&mut node)?;
    for _ in 0..3 {
        run_once(&mut node)?;
    }
    let mut runs = Vec::new();
    let mut fuel = Vec::new();
    let mut pages = 0;
    let budget = Duration::try_from_secs_f64(options.seconds.max(0.0)).unwrap_or(Duration::ZERO);
    let started = Instant::now();
    loop {
        let done = match options.runs {
            Some(n) => runs.len() >= n.max(1) as usize,
            None => runs.len() >= 20 && started.elapsed() >= budget,
        };
        if done || runs.len() >= 10_000_000 {
            break;
        }
        let (elapsed, report) = run_once(&mut node)?;
        runs.push(elapsed);
        fuel.push(report.fuel_consumed);
        pages = report.memory_pages;
    }
    let total = started.elapsed();
    runs.sort();
    fuel.sort();
    Ok(BenchReport {
        module_bytes: bytes.len(),
        compile_us: median_us(compile),
        instantiate_us: median_us(instantiate),
        first_instantiate_us: first_instantiate.map(micros),
        get_node_us: median_us(get_node),
        first_run_us: micros(first_run),
        runs: runs.len(),
        run_us_median: micros(quantile(&runs, 0.5)),
        run_us_p99: micros(quantile(&runs, 0.99)),
        run_us_min: micros(runs[0]),
        runs_per_sec: runs.len() as f64 / total.as_secs_f64(),
        memory_pages: pages,
        memory_bytes: pages * 65536,
        fuel_per_run: quantile(&fuel, 0.5),
    })
}
