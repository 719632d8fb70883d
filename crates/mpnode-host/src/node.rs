//! [`Node`]: one loaded node module, ready to describe itself and run.
//!
//! A node keeps its compiled [`wasmi::Module`] and one live instance. When a
//! call into the guest fails (trap, fuel, `proc_exit`, a garbage return
//! value) the instance is *poisoned*: it is dropped, and the next call
//! builds a fresh one from the compiled module. The node itself is never
//! lost and a failure never panics.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};
use wasmi::errors::ErrorKind;
use wasmi::{ExternType, Func, Memory, Store, Val, ValType};

use crate::contract::{Envelope, EnvelopeHead};
use crate::engine::Engine;
use crate::error::{format_signature, HostCallError};
use crate::error::{Error, Failure};
use crate::guarded_stack;
use crate::host_state::HostState;
use crate::imports;
use crate::limits::Limits;
use crate::meter::{self as limits, DeadlineExceeded};
use crate::report::{RunReport, RunResult};
use crate::sjlj::{self, Sjlj, SJLJ_EXPORTS};

/// The ids and flags the host puts into each run envelope.
///
/// The defaults are placeholders that make sense outside Flow-Like; set real
/// values when embedding mpnode somewhere that has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunContext {
    /// `node_id` of the envelope.
    pub node_id: String,
    /// `run_id` of the envelope; `None` makes up a fresh one per run.
    pub run_id: Option<String>,
    /// `app_id` of the envelope.
    pub app_id: String,
    /// `board_id` of the envelope.
    pub board_id: String,
    /// `user_id` of the envelope.
    pub user_id: String,
    /// `stream_state` of the envelope (also what
    /// `flowlike_meta.is_streaming` answers).
    pub stream_state: bool,
    /// `log_level` of the envelope (also what
    /// `flowlike_meta.get_log_level` answers). Flow-Like numbers them
    /// Debug 0, Info 1, Warn 2, Error 3, Fatal 4.
    pub log_level: u8,
    /// `node_name` of the envelope; `None` uses the name from the node's
    /// definition (the first one for a multi-node package).
    pub node_name: Option<String>,
}

impl Default for RunContext {
    fn default() -> Self {
        Self {
            node_id: "mpnode-node".to_string(),
            run_id: None,
            app_id: "mpnode-app".to_string(),
            board_id: "mpnode-board".to_string(),
            user_id: "mpnode-user".to_string(),
            stream_state: false,
            log_level: 0,
            node_name: None,
        }
    }
}

/// Which optional exports the module has, checked once at load.
#[derive(Debug, Clone, Copy)]
struct Layout {
    uses_invoke: bool,
}

/// One instance and the guest exports resolved on it (their signatures
/// were checked on the module by `check_exports`).
struct Live {
    instance: wasmi::Instance,
    /// Fuel that instantiation and `_initialize` took.
    start_fuel: u64,
    store: Store<HostState>,
    memory: Memory,
    get_node: Option<Func>,
    get_nodes: Option<Func>,
    run: Func,
    alloc: Option<Func>,
    dealloc: Option<Func>,
    last_error: Option<Func>,
    /// Runs made on this instance.
    runs: u64,
}

impl Live {
    /// Calls `func` under the current call group's limits.
    fn call(&mut self, func: &Func, inputs: &[Val], outputs: &mut [Val]) -> Result<(), wasmi::Error> {
        limits::call(&mut self.store, func, inputs, outputs)
    }

    /// Calls a guest function returning one `i64`.
    fn call_i64(&mut self, func: &Func, inputs: &[Val]) -> Result<i64, wasmi::Error> {
        let mut out = [Val::I64(0)];
        self.call(func, inputs, &mut out)?;
        Ok(out[0].i64().unwrap_or(0))
    }

    /// Turns a wasmi error from a call in the current call group into a
    /// [`Failure`], taking the call group's limits into account.
    fn classify(&self, export: &'static str, error: wasmi::Error, limits: &Limits) -> Failure {
        classify(export, error, limits, self.store.data().limiter.refused)
    }

    /// Pages of linear memory the instance has now.
    fn memory_pages(&self) -> u64 {
        self.memory.size(&self.store)
    }
}

/// A loaded node module.
///
/// `Node` is `Send`: build it on one thread, run it on another. It is not
/// `Sync`; every call takes `&mut self`.
pub struct Node {
    engine: Engine,
    module: wasmi::Module,
    layout: Layout,
    limits: Limits,
    context: RunContext,
    live: Option<Live>,
    poisoned: bool,
    fresh_per_run: bool,
    /// The definitions, fetched once: the default node name and the output
    /// checks read them.
    definitions: Option<Vec<Value>>,
    runs: u64,
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("limits", &self.limits)
            .field("context", &self.context)
            .field("instantiated", &self.live.is_some())
            .field("poisoned", &self.poisoned)
            .field("runs", &self.runs)
            .finish_non_exhaustive()
    }
}

const _: () = {
    const fn assert_send<T: Send>() {}
    assert_send::<Node>();
};

impl Node {
    /// Compiles `wasm`, checks its imports and exports against the
    /// Flow-Like contract, instantiates it and calls `_initialize` (then
    /// `_start`) if exported. Uses [`Limits::default`].
    ///
    /// # Errors
    ///
    /// [`Error::Compile`] for invalid bytes; [`Error::UnknownImport`],
    /// [`Error::ImportSignature`], [`Error::UnsupportedImport`] for imports
    /// Flow-Like's host does not provide; [`Error::MissingExport`],
    /// [`Error::ExportType`] for a module that does not meet the contract;
    /// [`Error::Guest`] when the start function, `_initialize` or `_start`
    /// fails.
    pub fn load(engine: &Engine, wasm: &[u8]) -> Result<Node, Error> {
        Self::load_with_limits(engine, wasm, Limits::default())
    }

    /// [`Node::load`] with explicit limits.
    ///
    /// # Errors
    ///
    /// As [`Node::load`].
    pub fn load_with_limits(engine: &Engine, wasm: &[u8], limits: Limits) -> Result<Node, Error> {
        let module = engine.compile(wasm)?;
        Self::from_module(engine, module, limits)
    }

    /// A node from an already compiled module (compile once with
    /// [`Engine::compile`], make many nodes).
    ///
    /// # Errors
    ///
    /// As [`Node::load`], except [`Error::Compile`].
    pub fn from_module(engine: &Engine, module: wasmi::Module, limits: Limits) -> Result<Node, Error> {
        imports::check_imports(&module)?;
        let layout = check_exports(&module)?;
        let live = instantiate(engine, &module, &limits, layout, false)?;
        Ok(Node {
            engine: engine.clone(),
            module,
            layout,
            limits,
            context: RunContext::default(),
            live: Some(live),
            poisoned: false,
            fresh_per_run: false,
            definitions: None,
            runs: 0,
        })
    }

    /// The compiled module.
    pub fn module(&self) -> &wasmi::Module {
        &self.module
    }

    /// The limits applied to each call group.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Changes the limits; they apply from the next call on.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// The ids and flags put into each run envelope.
    pub fn context(&self) -> &RunContext {
        &self.context
    }

    /// Mutable access to the run context.
    pub fn context_mut(&mut self) -> &mut RunContext {
        &mut self.context
    }

    /// Pages (64 KiB each) of linear memory of the live instance, if there
    /// is one (there is none after a failure or a fresh-instance run, until
    /// the next call).
    pub fn memory_pages(&self) -> Option<u64> {
        self.live.as_ref().map(Live::memory_pages)
    }

    /// Fuel that starting the live instance took (instantiation,
    /// `_initialize`): MicroPython's start-up and the node's import, or next
    /// to nothing for a snapshotted module. 0 if there is no live instance.
    pub fn start_fuel(&self) -> u64 {
        self.live.as_ref().map_or(0, |l| l.start_fuel)
    }

    /// Whether the last call failed and the next one will start from a fresh
    /// instance.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// When `true`, every run gets a fresh instance, as in Flow-Like (which
    /// instantiates the module for each run, so guest globals never carry
    /// over). Default `false`: the instance is reused until a failure.
    pub fn set_fresh_instance_per_run(&mut self, fresh: bool) {
        self.fresh_per_run = fresh;
    }

    /// The node definition: calls `get_node` (or, if the module only has
    /// `get_nodes`, that) and parses the JSON it returns.
    ///
    /// # Errors
    ///
    /// [`Error::Guest`] when the call fails or returns something that is not
    /// JSON; for a negative return the message from `mpnode_last_error`, if
    /// exported, is included. The instance is poisoned in that case.
    pub fn definition(&mut self) -> Result<Value, Error> {
        self.query(Query::Node).map(|(_, definition)| definition)
    }

    /// All node definitions: the array from `get_nodes` if exported,
    /// otherwise `get_node`'s definition as a one-element list.
    ///
    /// # Errors
    ///
    /// As [`Node::definition`], and when `get_nodes` returns JSON that is
    /// not an array.
    pub fn definitions(&mut self) -> Result<Vec<Value>, Error> {
        match self.query(Query::Nodes)? {
            ("get_node", definition) => Ok(vec![definition]),
            (_, Value::Array(definitions)) => Ok(definitions),
            (export, other) => {
                self.poison();
                Err(Error::Guest(Failure::InvalidJson {
                    export,
                    message: format!("expected a JSON array of definitions, got {}", json_type(&other)),
                }))
            }
        }
    }

    /// Runs the node on `inputs` (a JSON object: pin name → value), wrapped
    /// in a full run envelope built from the [`RunContext`].
    ///
    /// Failures inside the guest do not return `Err`: they come back as a
    /// report whose result has `error` set (see [`RunReport::failure`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInputs`] when `inputs` is not a JSON object;
    /// [`Error::Internal`] if wasmi refuses to set fuel.
    pub fn run(&mut self, inputs: Value) -> Result<RunReport, Error> {
        let inputs = match inputs {
            Value::Object(inputs) => inputs,
            other => return Err(Error::InvalidInputs { found: json_type(&other) }),
        };
        let started = Instant::now();
        let envelope = match self.envelope(inputs) {
            Ok(envelope) => envelope,
            Err(failure) => return Ok(RunReport::failure_only(failure, started.elapsed())),
        };
        let bytes = serde_json::to_vec(&envelope).unwrap_or_default();
        self.run_bytes(&bytes, envelope.head())
    }

    /// Runs the node on a complete, already serialized run envelope:
    /// `alloc(len)`, write the envelope, `run(ptr, len)`, read the packed
    /// result, `dealloc(ptr, len)`.
    ///
    /// `stream_state` and `log_level` are read from the envelope (when it is
    /// JSON) for `flowlike_meta.is_streaming` / `get_log_level`.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] if wasmi refuses to set fuel.
    pub fn run_envelope(&mut self, envelope: &[u8]) -> Result<RunReport, Error> {
        let head = EnvelopeHead::parse(envelope);
        self.run_bytes(envelope, head)
    }

    /// The value of an exported `i64` global of the live instance (`None`
    /// before the first call, after a failure that dropped the instance, or
    /// if there is no such global). `mpnode bench --profile` reads the
    /// counters of an instrumented module through it.
    pub fn exported_i64(&self, name: &str) -> Option<i64> {
        let live = self.live.as_ref()?;
        live.instance.get_global(&live.store, name)?.get(&live.store).i64()
    }

    fn envelope(&mut self, inputs: Map<String, Value>) -> Result<Envelope, Failure> {
        self.runs += 1;
        let node_name = match &self.context.node_name {
            Some(name) => name.clone(),
            None => self.default_node_name()?,
        };
        let run_id = self.context.run_id.clone().unwrap_or_else(|| {
            let ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
            format!("mpnode-run-{ms:x}-{}", self.runs)
        });
        let c = &self.context;
        Ok(Envelope {
            inputs,
            node_id: c.node_id.clone(),
            run_id,
            app_id: c.app_id.clone(),
            board_id: c.board_id.clone(),
            user_id: c.user_id.clone(),
            stream_state: c.stream_state,
            log_level: c.log_level,
            node_name,
        })
    }

    /// The definitions, fetched once per `Node` and kept: the default node
    /// name and the output checks both read this one cache.
    fn cached_definitions(&mut self) -> Result<&[Value], Error> {
        if self.definitions.is_none() {
            self.definitions = Some(self.definitions()?);
        }
        Ok(self.definitions.as_deref().unwrap_or_default())
    }

    /// Fails a successful result whose outputs are not output pins of the
    /// node that ran, or whose JSON type contradicts the pin's `data_type`:
    /// Flow-Like would set them anyway and wire wrong data downstream.
    fn check_outputs(&mut self, result: RunResult, name: Option<&str>) -> (RunResult, Option<Failure>) {
        if result.error.is_some() || result.outputs.is_empty() {
            return (result, None);
        }
        let defs = match self.cached_definitions() {
            Ok(defs) => defs,
            Err(e) => {
                let failure = Failure::DefinitionQuery { message: e.to_string() };
                return (RunResult::failed(failure.to_string()), Some(failure));
            }
        };
        let def = defs.iter().find(|d| name.is_some() && d.get("name").and_then(Value::as_str) == name).or(defs.first());
        let Some(def) = def else { return (result, None) };
        match crate::contract::check_outputs(def, &result.outputs) {
            Ok(()) => (result, None),
            Err(message) => (RunResult::failed(message), None),
        }
    }

    /// The `name` of the (first) definition, cached; empty if the
    /// definition has none. A failed query fails the run.
    fn default_node_name(&mut self) -> Result<String, Failure> {
        let defs = self.cached_definitions().map_err(|e| Failure::DefinitionQuery { message: e.to_string() })?;
        Ok(defs.first().and_then(|def| def.get("name").and_then(Value::as_str)).map(str::to_string).unwrap_or_default())
    }

    /// Runs once; if the run ran into memory trouble (a `MemoryError`, or
    /// `alloc` finding no room for the envelope), the instance is never
    /// reused: its interpreter may be what is unhealthy (the GC disabled,
    /// the heap locked or filled by earlier runs). A run on a reused
    /// instance is then retried once on a fresh one, within what is left of
    /// the deadline; a warning says so.
    fn run_bytes(&mut self, envelope: &[u8], head: EnvelopeHead) -> Result<RunReport, Error> {
        let started = Instant::now();
        // An instance that has run before may have been left unhealthy by
        // an earlier run; one that never ran is as fresh as a new one.
        let reused = self.live.as_ref().is_some_and(|l| l.runs > 0);
        let limits = self.limits.clone();
        let report = self.run_once(envelope, &head, &limits, started)?;
        if !memory_trouble(&report) {
            return Ok(report);
        }
        self.poison();
        let left = limits.timeout.map(|t| t.saturating_sub(started.elapsed()));
        // Only a run that could be innocent is retried: on a reused
        // instance, with an envelope of at most RETRY_ENVELOPE_MAX bytes (a
        // huge input that does not fit is the input's fault), and with at
        // least half the deadline left.
        let half_left = match (left, limits.timeout) {
            (Some(left), Some(timeout)) => left >= timeout / 2,
            _ => true,
        };
        if !reused || envelope.len() > RETRY_ENVELOPE_MAX || !half_left {
            return Ok(report);
        }
        let first = report.result.error.clone().unwrap_or_default();
        let mut retry = self.run_once(envelope, &head, &limits.clone().with_timeout(left), started)?;
        // The fresh instance is not kept either if the retry ran into
        // memory trouble too (a run that fills the heap whatever it starts
        // from): the next run must not find its full heap.
        if memory_trouble(&retry) {
            self.poison();
        }
        retry.warnings.insert(
            0,
            format!(
                "the run failed on the reused instance ({first}); the interpreter may have been left unhealthy by an \
                 earlier run (gc.disable(), micropython.heap_lock(), a full heap), so it ran again on a fresh instance"
            ),
        );
        Ok(retry)
    }

    fn run_once(&mut self, envelope: &[u8], head: &EnvelopeHead, limits: &Limits, started: Instant) -> Result<RunReport, Error> {
        let limits = limits.clone();
        let live = match self.live() {
            Ok(live) => live,
            Err(e) => return Ok(RunReport::failure_only(Failure::Reinstantiate { message: e.to_string() }, started.elapsed())),
        };
        let state = live.store.data_mut();
        state.begin(&limits, head.stream_state, head.log_level);
        // What happened while the instance started goes into this run's report.
        let carried = std::mem::take(&mut state.carried);
        state.warnings.extend(carried);
        limits::begin(&mut live.store, &limits).map_err(Error::Internal)?;
        live.runs += 1;
        let outcome = run_sequence(live, envelope, &limits);
        let fuel_consumed = limits::fuel_consumed(&live.store);
        let memory_pages = live.memory_pages();
        let state = live.store.data_mut();
        let logs = std::mem::take(&mut state.logs);
        let stream = std::mem::take(&mut state.stream);
        let mut warnings = std::mem::take(&mut state.warnings);
        if let (Some(requested), Ok(_)) = (state.limiter.refused, &outcome) {
            warnings.push(format!(
                "the node asked to grow its memory to {requested} bytes, over the memory limit \
                 of {} bytes; memory.grow failed and the node carried on",
                limits.memory
            ));
        }
        let (result, failure) = match outcome {
            Ok(result) => self.check_outputs(result, head.node_name.as_deref()),
            Err(failure) => {
                self.poison();
                (RunResult::failed(failure.to_string()), Some(failure))
            }
        };
        if self.fresh_per_run {
            self.live = None;
        }
        Ok(RunReport { result, failure, logs, stream, warnings, fuel_consumed, memory_pages, duration: started.elapsed() })
    }

    /// The live instance, re-instantiating if the last one was dropped.
    fn live(&mut self) -> Result<&mut Live, Error> {
        let live = match self.live.take() {
            Some(live) => live,
            None => {
                let live = instantiate(&self.engine, &self.module, &self.limits, self.layout, false)?;
                self.poisoned = false;
                live
            }
        };
        Ok(self.live.insert(live))
    }

    fn poison(&mut self) {
        self.live = None;
        self.poisoned = true;
    }

    fn query(&mut self, query: Query) -> Result<(&'static str, Value), Error> {
        let limits = self.limits.clone();
        let live = self.live()?;
        live.store.data_mut().begin(&limits, false, 0);
        limits::begin(&mut live.store, &limits).map_err(Error::Internal)?;
        let (export, func) = match (query, live.get_node, live.get_nodes) {
            (Query::Node, Some(f), _) | (Query::Nodes, Some(f), None) => ("get_node", f),
            (_, _, Some(f)) => ("get_nodes", f),
            (_, None, None) => {
                return Err(Error::MissingExport {
                    name: "get_node or get_nodes".to_string(),
                    reason: "the host asks it for the node definition",
                })
            }
        };
        let outcome = live
            .call_i64(&func, &[])
            .map_err(|e| live.classify(export, e, &limits))
            .and_then(|packed| read_packed(live, export, packed))
            .and_then(|bytes| parse_json(export, &bytes));
        outcome.map(|value| (export, value)).map_err(|failure| {
            self.poison();
            Error::Guest(failure)
        })
    }
}

/// The largest envelope whose run is retried on a fresh instance after
/// memory trouble on a reused one.
const RETRY_ENVELOPE_MAX: usize = 1 << 20;

/// Whether a run ran into memory trouble that may be the instance's fault.
fn memory_trouble(report: &RunReport) -> bool {
    matches!(report.failure, Some(Failure::BadAlloc { .. })) || report.result.error.as_deref().is_some_and(|e| e.contains("MemoryError"))
}

#[derive(Debug, Clone, Copy)]
enum Query {
    Node,
    Nodes,
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks the module's exports against the contract.
fn check_exports(module: &wasmi::Module) -> Result<Layout, Error> {
    use ValType::{I32, I64};
    match module.get_export("memory") {
        Some(ExternType::Memory(_)) => {}
        Some(other) => {
            return Err(Error::ExportType { name: "memory".to_string(), expected: "a memory".to_string(), found: describe(&other) })
        }
        None => return Err(Error::MissingExport { name: "memory".to_string(), reason: "the host reads and writes strings through it" }),
    }
    let run = check_func(module, "run", &[I32, I32], &[I64])?;
    if !run {
        return Err(Error::MissingExport {
            name: "run".to_string(),
            reason: "it is the node's entry point, run(ptr: i32, len: i32) -> i64",
        });
    }
    let get_node = check_func(module, "get_node", &[], &[I64])?;
    let get_nodes = check_func(module, "get_nodes", &[], &[I64])?;
    if !get_node && !get_nodes {
        return Err(Error::MissingExport {
            name: "get_node or get_nodes".to_string(),
            reason: "the host asks it for the node definition, () -> i64",
        });
    }
    check_func(module, "alloc", &[I32], &[I32])?;
    check_func(module, "dealloc", &[I32, I32], &[])?;
    check_func(module, "mpnode_last_error", &[], &[I64])?;
    check_func(module, "_initialize", &[], &[])?;
    check_func(module, "_start", &[], &[])?;
    let uses_invoke = imports::uses_invoke(module);
    if uses_invoke {
        check_func(module, "emscripten_stack_get_current", &[], &[I32])?;
        check_func(module, "_emscripten_stack_restore", &[I32], &[])?;
        check_func(module, "setThrew", &[I32, I32], &[])?;
        for (name, _) in SJLJ_EXPORTS {
            let ok = match module.get_export(name) {
                Some(ExternType::Table(t)) => *name == "__indirect_function_table" && t.element() == wasmi::RefType::Func,
                Some(ExternType::Func(_)) => *name != "__indirect_function_table",
                _ => false,
            };
            if !ok {
                return Err(Error::MissingExport {
                    name: (*name).to_string(),
                    reason: if *name == "__indirect_function_table" {
                        "the module imports env.invoke_vii, which calls through this funcref table"
                    } else {
                        "the module imports env.invoke_vii, which needs it to unwind a longjmp"
                    },
                });
            }
        }
    }
    Ok(Layout { uses_invoke })
}

/// `Ok(true)` if `name` is exported with the given signature, `Ok(false)` if
/// it is not exported, `Err` if it is exported as something else.
fn check_func(module: &wasmi::Module, name: &str, params: &[ValType], results: &[ValType]) -> Result<bool, Error> {
    match module.get_export(name) {
        None => Ok(false),
        Some(ExternType::Func(ty)) if ty.params() == params && ty.results() == results => Ok(true),
        Some(other) => Err(Error::ExportType {
            name: name.to_string(),
            expected: format!("a function {}", format_signature(params, results)),
            found: describe(&other),
        }),
    }
}

fn describe(ty: &ExternType) -> String {
    match ty {
        ExternType::Func(f) => format!("a function {}", format_signature(f.params(), f.results())),
        ExternType::Memory(_) => "a memory".to_string(),
        ExternType::Table(_) => "a table".to_string(),
        ExternType::Global(_) => "a global".to_string(),
    }
}

/// Builds a fresh instance: instantiate (running the start function), record
/// memory and setjmp/longjmp exports in the store, call `_initialize` and
/// `_start` if exported. All of it is one call group under `limits`.
fn instantiate(engine: &Engine, module: &wasmi::Module, limits: &Limits, layout: Layout, frozen: bool) -> Result<Live, Error> {
    let mut host = HostState::new(limits);
    host.frozen = frozen;
    let mut store = Store::new(engine.wasmi(), host);
    store.limiter(|state| &mut state.limiter);
    limits::begin(&mut store, limits).map_err(Error::Internal)?;
    // The start function runs as a plain call that wasmi cannot pause: it
    // gets the first fuel slice only (a few milliseconds, and what the
    // reserved native stack is sized for), so it cannot outrun the deadline.
    let before = store.get_fuel().unwrap_or(0);
    let started = guarded_stack::run(|| engine.linker().instantiate_and_start(&mut store, module));
    let instance = started.map_err(|e| {
        let refused = store.data().limiter.refused;
        // No fuel used: no guest code ran, so the failure is in
        // instantiation itself (a data or element segment out of bounds).
        let ran_code = store.get_fuel().unwrap_or(0) != before;
        if e.as_trap_code() == Some(wasmi::TrapCode::OutOfFuel) && limits.fuel > before {
            Error::Guest(Failure::StartTooLong { fuel: before })
        } else if refused.is_some() || is_guest_failure(&e) {
            let export = if ran_code { "start" } else { "instantiate" };
            Error::Guest(classify(export, e, limits, refused))
        } else {
            Error::Instantiate(e)
        }
    })?;
    limits::reslice(&mut store).map_err(Error::Internal)?;
    let memory = instance
        .get_memory(&store, "memory")
        .ok_or_else(|| Error::MissingExport { name: "memory".to_string(), reason: "the host reads and writes strings through it" })?;
    store.data_mut().memory = Some(memory);
    match Sjlj::from_instance(&instance, &store) {
        Ok(sjlj) => store.data_mut().sjlj.exports = Some(sjlj),
        Err(name) if layout.uses_invoke => {
            return Err(Error::MissingExport { name: name.to_string(), reason: "the module imports env.invoke_vii, which needs it" })
        }
        Err(_) => {}
    }
    let func = |name: &str| instance.get_func(&store, name);
    let run = func("run").ok_or_else(|| Error::MissingExport {
        name: "run".to_string(),
        reason: "it is the node's entry point, run(ptr: i32, len: i32) -> i64",
    })?;
    let mut live = Live {
        instance,
        start_fuel: 0,
        get_node: func("get_node"),
        get_nodes: func("get_nodes"),
        run,
        alloc: func("alloc"),
        dealloc: func("dealloc"),
        last_error: func("mpnode_last_error"),
        memory,
        store,
        runs: 0,
    };
    for export in ["_initialize", "_start"] {
        if let Some(init) = instance.get_func(&live.store, export) {
            live.call(&init, &[], &mut [])
                .map_err(|e| Error::Guest(live.classify(if export == "_start" { "_start" } else { "_initialize" }, e, limits)))?;
        }
    }
    live.start_fuel = limits::fuel_consumed(&live.store);
    let state = live.store.data_mut();
    if !state.stream.is_empty() {
        // Stream events belong to a run; say so in the next run's report
        // rather than drop them silently.
        let count = state.stream.len();
        state.carried.push(format!(
            "the node emitted {count} stream event(s) while it was imported (at load, outside any run); \
             they were dropped: emit stream events from run()"
        ));
        state.stream.clear();
    }
    Ok(live)
}

/// A module's state right after `_initialize`: what a build-time snapshot
/// writes back into the module (`mpnode_build::snapshot`).
#[derive(Debug)]
pub struct Image {
    /// The whole linear memory.
    pub memory: Vec<u8>,
    /// The values of the global exports asked for, in order.
    pub globals: Vec<Val>,
    /// What the node logged while it was imported.
    pub logs: Vec<crate::LogEntry>,
}

/// Instantiates `wasm` with a frozen clock and random source (both answer
/// 0), runs `_initialize` under `limits`, and captures the memory and the
/// global exports named in `globals`.
///
/// # Errors
///
/// As [`Node::load`].
pub fn initialized_image(engine: &Engine, wasm: &[u8], limits: &Limits, globals: &[String]) -> Result<Image, Error> {
    let module = engine.compile(wasm)?;
    imports::check_imports(&module)?;
    let layout = check_exports(&module)?;
    let mut live = instantiate(engine, &module, limits, layout, true)?;
    let mut values = Vec::with_capacity(globals.len());
    for name in globals {
        let global = live.instance.get_global(&live.store, name).ok_or_else(|| Error::MissingExport {
            name: name.clone(),
            reason: "the snapshot reads every mutable global through an export",
        })?;
        values.push(global.get(&live.store));
    }
    Ok(Image { memory: live.memory.data(&live.store).to_vec(), globals: values, logs: std::mem::take(&mut live.store.data_mut().logs) })
}

/// Whether an instantiation error came from running guest code (the start
/// function) rather than from linking.
fn is_guest_failure(error: &wasmi::Error) -> bool {
    error.as_trap_code().is_some() || error.i32_exit_status().is_some() || matches!(error.kind(), ErrorKind::Host(_))
}

/// Turns a wasmi error from a guest call into a [`Failure`].
///
/// The limits come first: a deadline or an exhausted budget is what
/// stopped the guest, whatever else it was doing; a refused memory growth
/// (`refused`: the bytes asked for) explains the trap that usually follows
/// it (the guest's `unreachable` after `memory.grow` returned -1).
fn classify(export: &'static str, error: wasmi::Error, limits: &Limits, refused: Option<usize>) -> Failure {
    if let Some(deadline) = error.downcast_ref::<DeadlineExceeded>() {
        return Failure::Deadline { export, timeout_ms: u64::try_from(deadline.timeout.as_millis()).unwrap_or(u64::MAX) };
    }
    let code = error.as_trap_code();
    if code == Some(wasmi::TrapCode::OutOfFuel) {
        return Failure::OutOfFuel { export, limit: limits.fuel };
    }
    if let Some(requested) = refused {
        return Failure::MemoryLimit { export, limit: limits.memory, requested };
    }
    if let Some(code) = error.i32_exit_status() {
        return Failure::ProcExit { export, code };
    }
    if error.downcast_ref::<sjlj::Longjmp>().is_some() {
        return Failure::UncaughtLongjmp { export };
    }
    if let Some(host) = error.downcast_ref::<HostCallError>() {
        return Failure::HostCall { export, function: host.function, message: host.problem.to_string() };
    }
    Failure::Trap { export, message: error.to_string(), code }
}

/// Copies out the bytes a packed `(ptr << 32) | len` return value points
/// at; a negative value is an error code.
fn read_packed(live: &mut Live, export: &'static str, packed: i64) -> Result<Vec<u8>, Failure> {
    if packed < 0 {
        return Err(Failure::ErrorCode { export, code: packed, message: last_error(live) });
    }
    let (ptr, len) = ((packed >> 32) as u32, packed as u32);
    let data = live.memory.data(&live.store);
    match (ptr as usize).checked_add(len as usize) {
        Some(end) if end <= data.len() => Ok(data[ptr as usize..end].to_vec()),
        _ => Err(Failure::OutOfBounds { export, ptr, len, memory_size: data.len() }),
    }
}

/// The guest's own description of its last error, from
/// `mpnode_last_error() -> i64` (packed ptr/len of UTF-8), if it has one.
fn last_error(live: &mut Live) -> Option<String> {
    let func = live.last_error?;
    let packed = live.call_i64(&func, &[]).ok()?;
    if packed < 0 {
        return None;
    }
    let (ptr, len) = ((packed >> 32) as usize, packed as u32 as usize);
    let data = live.memory.data(&live.store);
    let bytes = data.get(ptr..ptr.checked_add(len)?)?;
    let message = String::from_utf8_lossy(bytes).trim().to_string();
    (!message.is_empty()).then_some(message)
}

fn parse_json(export: &'static str, bytes: &[u8]) -> Result<Value, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|e| Failure::NotUtf8 { export, message: e.to_string() })?;
    serde_json::from_str(text).map_err(|e| Failure::InvalidJson { export, message: e.to_string() })
}

/// `alloc` → write → `run` → read result → `dealloc` → parse.
fn run_sequence(live: &mut Live, envelope: &[u8], limits: &Limits) -> Result<RunResult, Failure> {
    let len =
        u32::try_from(envelope.len()).ok().filter(|&len| len <= i32::MAX as u32).ok_or(Failure::InputTooLarge { len: envelope.len() })?;
    let alloc = live.alloc.ok_or(Failure::NoAlloc)?;
    let mut out = [Val::I32(0)];
    live.call(&alloc, &[Val::I32(len as i32)], &mut out).map_err(|e| live.classify("alloc", e, limits))?;
    let ptr = out[0].i32().unwrap_or(0) as u32;
    let memory_size = live.memory.data_size(&live.store);
    if let (0, Some(requested)) = (ptr, live.store.data().limiter.refused) {
        // The heap could not grow for the input: that is the memory limit.
        return Err(Failure::MemoryLimit { export: "alloc", limit: limits.memory, requested });
    }
    let bad_alloc = Failure::BadAlloc { len, ptr, memory_size };
    match (ptr as usize).checked_add(len as usize) {
        // 0 is alloc's "no room": never write the input there.
        Some(end) if end <= memory_size && ptr != 0 => {}
        _ => return Err(bad_alloc),
    }
    live.memory.write(&mut live.store, ptr as usize, envelope).map_err(|_| bad_alloc)?;
    let run = live.run;
    let packed = live.call_i64(&run, &[Val::I32(ptr as i32), Val::I32(len as i32)]).map_err(|e| live.classify("run", e, limits))?;
    let bytes = read_packed(live, "run", packed)?;
    if let Some(dealloc) = live.dealloc {
        live.call(&dealloc, &[Val::I32(ptr as i32), Val::I32(len as i32)], &mut []).map_err(|e| live.classify("dealloc", e, limits))?;
    }
    let value = parse_json("run", &bytes)?;
    serde_json::from_value(value).map_err(|e| Failure::InvalidJson {
        export: "run",
        message: format!("not a result envelope {{outputs, error, activate_exec, pending}}: {e}"),
    })
}
