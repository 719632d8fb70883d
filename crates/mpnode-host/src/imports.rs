//! Flow-Like's host import set, implemented on a wasmi [`Linker`].
//!
//! [`HOST_FUNCTIONS`] lists every function Flow-Like's own host
//! (`packages/wasm/src/host_functions/linker.rs` in the Flow-Like
//! repository, wasmtime based) defines, with the same signatures; the linker
//! built here defines exactly those and nothing else, so a module that loads
//! in mpnode loads in Flow-Like and the other way round.
//!
//! Behaviour:
//!
//! - `flowlike_log.*`, `flowlike_stream.*`, `env.host_log` and
//!   `env.host_stream` are collected into the run's
//!   [`RunReport`](crate::report::RunReport).
//! - `flowlike_meta.time_now` / `random` / `is_streaming` /
//!   `get_log_level` answer from the host clock, a random source and the run
//!   envelope.
//! - Functions that in Flow-Like return an offset into a *host-side* buffer
//!   (the id getters, `flowlike_pins.get_input`, `flowlike_vars.get`, …) return
//!   0 here: the guest could not read that offset in Flow-Like either. Their
//!   first use in a run adds a warning to the report.
//! - Capability-gated functions (`flowlike_http`, `flowlike_ws`,
//!   `flowlike_storage`, `flowlike_auth`, `flowlike_models`, variables, cache)
//!   answer like Flow-Like does when the capability is not granted.
//! - `wasi_snapshot_preview1` functions are stubs that write nothing; except
//!   `proc_exit`, which stops the guest with "node called proc_exit(N)"
//!   (Flow-Like's stub returns and lets the guest carry on).
//! - `env.invoke_vii` and `env._emscripten_throw_longjmp` implement
//!   Emscripten-style setjmp/longjmp the way Flow-Like's host does.
//!
//! A string argument `(ptr, len)` outside guest memory stops the guest with
//! a [`Failure::HostCall`](crate::error::Failure::HostCall) naming the host
//! function; invalid UTF-8 is replaced with U+FFFD.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;
use wasmi::ValType::{self, I32, I64};
use wasmi::{AsContext, Caller, Engine, Extern, ExternType, Func, Instance, Linker, Memory, Ref, Table, Val};

use crate::error::Error;
use crate::limits::{self, Limits, MemoryLimiter, Meter};
use crate::report::{LogEntry, LogLevel, StreamEvent};

/// One function of the host import set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostFunction {
    /// Import module, e.g. `flowlike_log`.
    pub module: &'static str,
    /// Import name, e.g. `info`.
    pub name: &'static str,
    /// Parameter types.
    pub params: &'static [ValType],
    /// Result types.
    pub results: &'static [ValType],
}

impl HostFunction {
    /// The signature written as `(i32, i32) -> i64`.
    pub fn signature(&self) -> String {
        format_signature(self.params, self.results)
    }

    /// Whether a wasmi function type matches this function.
    pub fn matches(&self, params: &[ValType], results: &[ValType]) -> bool {
        self.params == params && self.results == results
    }
}

impl fmt::Display for HostFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{} {}", self.module, self.name, self.signature())
    }
}

/// Writes a signature as `(i32, i32) -> i64`; no results print as `()`.
pub fn format_signature(params: &[ValType], results: &[ValType]) -> String {
    fn list(types: &[ValType]) -> String {
        types.iter().map(|t| val_type_name(*t)).collect::<Vec<_>>().join(", ")
    }
    let results = match results {
        [] => "()".to_string(),
        [one] => val_type_name(*one).to_string(),
        many => format!("({})", list(many)),
    };
    format!("({}) -> {}", list(params), results)
}

fn val_type_name(t: ValType) -> &'static str {
    match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}

macro_rules! host_functions {
    ($( $module:literal . $name:literal ( $($p:ident),* ) -> ( $($r:ident),* ) ;)*) => {
        /// Every function Flow-Like's host defines, with its signature.
        ///
        /// Source: `register_host_functions` in Flow-Like's
        /// `packages/wasm/src/host_functions/linker.rs` (wasmtime; `u32`
        /// parameters there are `i32` here, `u64` results `i64`).
        pub const HOST_FUNCTIONS: &[HostFunction] = &[
            $( HostFunction { module: $module, name: $name, params: &[$($p),*], results: &[$($r),*] }, )*
        ];
    };
}

host_functions! {
    "flowlike_log"."trace"(I32, I32) -> ();
    "flowlike_log"."debug"(I32, I32) -> ();
    "flowlike_log"."info"(I32, I32) -> ();
    "flowlike_log"."warn"(I32, I32) -> ();
    "flowlike_log"."error"(I32, I32) -> ();
    "flowlike_log"."log_json"(I32, I32, I32, I32, I32) -> ();
    "flowlike_pins"."get_input"(I32, I32) -> (I64);
    "flowlike_pins"."set_output"(I32, I32, I32, I32) -> ();
    "flowlike_pins"."activate_exec"(I32, I32) -> ();
    "flowlike_vars"."get"(I32, I32) -> (I64);
    "flowlike_vars"."set"(I32, I32, I32, I32) -> ();
    "flowlike_vars"."delete"(I32, I32) -> ();
    "flowlike_vars"."has"(I32, I32) -> (I32);
    "flowlike_cache"."get"(I32, I32) -> (I64);
    "flowlike_cache"."set"(I32, I32, I32, I32) -> ();
    "flowlike_cache"."delete"(I32, I32) -> ();
    "flowlike_cache"."has"(I32, I32) -> (I32);
    "flowlike_meta"."get_node_id"() -> (I64);
    "flowlike_meta"."get_run_id"() -> (I64);
    "flowlike_meta"."get_app_id"() -> (I64);
    "flowlike_meta"."get_board_id"() -> (I64);
    "flowlike_meta"."get_user_id"() -> (I64);
    "flowlike_meta"."is_streaming"() -> (I32);
    "flowlike_meta"."get_log_level"() -> (I32);
    "flowlike_meta"."time_now"() -> (I64);
    "flowlike_meta"."random"() -> (I64);
    "flowlike_storage"."storage_dir"(I32) -> (I64);
    "flowlike_storage"."upload_dir"() -> (I64);
    "flowlike_storage"."cache_dir"(I32, I32) -> (I64);
    "flowlike_storage"."user_dir"(I32) -> (I64);
    "flowlike_storage"."read_request"(I32, I32) -> (I64);
    "flowlike_storage"."write_request"(I32, I32, I32, I32) -> (I32);
    "flowlike_storage"."list_request"(I32, I32) -> (I64);
    "flowlike_http"."request"(I32, I32, I32, I32, I32, I32, I32) -> (I32);
    "flowlike_ws"."connect"(I32, I32, I32, I32) -> (I32);
    "flowlike_ws"."send"(I32, I32, I32, I32) -> (I32);
    "flowlike_ws"."receive"(I32, I32) -> (I32);
    "flowlike_ws"."close"(I32) -> (I32);
    "flowlike_stream"."emit"(I32, I32, I32, I32) -> ();
    "flowlike_stream"."text"(I32, I32) -> ();
    "flowlike_auth"."get_oauth_token"(I32, I32) -> (I64);
    "flowlike_auth"."has_oauth_token"(I32, I32) -> (I32);
    "flowlike_models"."embed_text"(I32, I32, I32, I32) -> (I64);
    "env"."abort"(I32, I32, I32, I32) -> ();
    "env"."host_log"(I32, I32, I32) -> ();
    "env"."host_stream"(I32, I32, I32, I32) -> ();
    "env"."host_get_variable"(I32, I32) -> (I64);
    "env"."host_set_variable"(I32, I32, I32, I32) -> (I32);
    "env"."host_time_now"() -> (I64);
    "env"."host_random"() -> (I64);
    "env"."emscripten_notify_memory_growth"(I32) -> ();
    "env"."__syscall_dup3"(I32, I32, I32) -> (I32);
    "env"."_emscripten_throw_longjmp"() -> ();
    "env"."invoke_vii"(I32, I32, I32) -> ();
    "wasi_snapshot_preview1"."proc_exit"(I32) -> ();
    "wasi_snapshot_preview1"."fd_write"(I32, I32, I32, I32) -> (I32);
    "wasi_snapshot_preview1"."fd_close"(I32) -> (I32);
    "wasi_snapshot_preview1"."fd_seek"(I32, I64, I32, I32) -> (I32);
    "wasi_snapshot_preview1"."fd_fdstat_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."environ_sizes_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."environ_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."args_sizes_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."args_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."clock_time_get"(I32, I64, I32) -> (I32);
    "wasi_snapshot_preview1"."fd_read"(I32, I32, I32, I32) -> (I32);
    "wasi_snapshot_preview1"."random_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."fd_prestat_get"(I32, I32) -> (I32);
    "wasi_snapshot_preview1"."fd_prestat_dir_name"(I32, I32, I32) -> (I32);
    "wasi_snapshot_preview1"."path_open"(I32, I32, I32, I32, I32, I64, I64, I32, I32) -> (I32);
}

/// Looks up a host function by import module and name.
pub fn find(module: &str, name: &str) -> Option<&'static HostFunction> {
    HOST_FUNCTIONS.iter().find(|f| f.module == module && f.name == name)
}

/// Checks every import of `module` against [`HOST_FUNCTIONS`].
///
/// # Errors
///
/// [`Error::UnknownImport`] for a function the host does not define,
/// [`Error::ImportSignature`] for a known function with another signature,
/// [`Error::UnsupportedImport`] for an imported memory, table or global.
pub fn check_imports(module: &wasmi::Module) -> Result<(), Error> {
    for import in module.imports() {
        let (module_name, name) = (import.module(), import.name());
        match import.ty() {
            ExternType::Func(ty) => match find(module_name, name) {
                None => {
                    return Err(Error::UnknownImport {
                        module: module_name.to_string(),
                        name: name.to_string(),
                        signature: format_signature(ty.params(), ty.results()),
                    })
                }
                Some(host) if !host.matches(ty.params(), ty.results()) => {
                    return Err(Error::ImportSignature {
                        module: module_name.to_string(),
                        name: name.to_string(),
                        expected: host.signature(),
                        found: format_signature(ty.params(), ty.results()),
                    })
                }
                Some(_) => {}
            },
            other => {
                return Err(Error::UnsupportedImport {
                    module: module_name.to_string(),
                    name: name.to_string(),
                    kind: match other {
                        ExternType::Memory(_) => "memory",
                        ExternType::Table(_) => "table",
                        _ => "global",
                    },
                })
            }
        }
    }
    Ok(())
}

/// Whether `module` imports `env.invoke_vii` (and so needs the Emscripten
/// setjmp/longjmp exports).
pub fn uses_invoke(module: &wasmi::Module) -> bool {
    module.imports().any(|i| i.module() == "env" && i.name() == "invoke_vii")
}

/// The host error `env._emscripten_throw_longjmp` raises; `env.invoke_vii`
/// catches exactly this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Longjmp;

impl fmt::Display for Longjmp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("longjmp (_emscripten_throw_longjmp) with no invoke_vii frame to catch it")
    }
}

impl wasmi::errors::HostError for Longjmp {}

/// A host function refused its arguments; stops the guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HostCallError {
    pub(crate) function: &'static str,
    pub(crate) message: String,
}

impl fmt::Display for HostCallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.function, self.message)
    }
}

impl wasmi::errors::HostError for HostCallError {}

fn host_error(function: &'static str, message: impl Into<String>) -> wasmi::Error {
    wasmi::Error::host(HostCallError { function, message: message.into() })
}

/// The guest exports `env.invoke_vii` needs, resolved once per instance.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sjlj {
    /// The stack pointer global itself, when the module exports it
    /// (`__stack_pointer`): reading it is far cheaper than calling
    /// `emscripten_stack_get_current`, which `invoke_vii` would otherwise do
    /// for every Python call.
    stack_pointer: Option<wasmi::Global>,
    stack_get_current: Func,
    stack_restore: Func,
    set_threw: Func,
    table: Table,
}

/// Export names `env.invoke_vii` relies on, with the signature each needs.
pub(crate) const SJLJ_EXPORTS: &[(&str, &str)] = &[
    ("emscripten_stack_get_current", "a function () -> i32"),
    ("_emscripten_stack_restore", "a function (i32) -> ()"),
    ("setThrew", "a function (i32, i32) -> ()"),
    ("__indirect_function_table", "a funcref table"),
];

impl Sjlj {
    /// Resolves the exports through `get`; `Err` is the name of the first
    /// one that is missing or has the wrong type.
    fn resolve(ctx: impl AsContext, get: impl Fn(&str) -> Option<Extern>) -> Result<Sjlj, &'static str> {
        let ctx = ctx.as_context();
        let func = |name: &str| get(name).and_then(Extern::into_func);
        Ok(Sjlj {
            stack_pointer: get("__stack_pointer").and_then(Extern::into_global).filter(|g| g.ty(ctx).content() == ValType::I32),
            stack_get_current: func("emscripten_stack_get_current")
                .filter(|f| f.typed::<(), i32>(ctx).is_ok())
                .ok_or("emscripten_stack_get_current")?,
            stack_restore: func("_emscripten_stack_restore")
                .filter(|f| f.typed::<i32, ()>(ctx).is_ok())
                .ok_or("_emscripten_stack_restore")?,
            set_threw: func("setThrew").filter(|f| f.typed::<(i32, i32), ()>(ctx).is_ok()).ok_or("setThrew")?,
            table: get("__indirect_function_table").and_then(Extern::into_table).ok_or("__indirect_function_table")?,
        })
    }

    /// Resolves the exports of a fresh instance.
    pub(crate) fn from_instance(instance: &Instance, ctx: impl AsContext) -> Result<Sjlj, &'static str> {
        let ctx = ctx.as_context();
        Sjlj::resolve(ctx, |name| instance.get_export(ctx, name))
    }
}

/// The store data every node instance carries: handles resolved after
/// instantiation and what the current call group has collected.
#[derive(Debug)]
pub(crate) struct HostState {
    /// The guest's exported `memory`, set right after instantiation.
    pub(crate) memory: Option<Memory>,
    /// The setjmp/longjmp exports, resolved after instantiation (or lazily
    /// on first use if the start function already needs them).
    pub(crate) sjlj: Option<Sjlj>,
    /// Current `invoke_vii` nesting.
    invoke_depth: u32,
    /// Maximum `invoke_vii` nesting.
    max_invoke_depth: u32,
    /// `stream_state` of the current run envelope.
    pub(crate) stream_state: bool,
    /// `log_level` of the current run envelope.
    pub(crate) log_level: i32,
    /// Collected log lines.
    pub(crate) logs: Vec<LogEntry>,
    /// Collected stream events.
    pub(crate) stream: Vec<StreamEvent>,
    /// Collected warnings.
    pub(crate) warnings: Vec<String>,
    /// Warning keys already issued in this call group.
    warned: BTreeSet<&'static str>,
    /// Bytes of log text collected this run (see `LOG_BYTES_MAX`).
    log_bytes: usize,
    /// Fuel and deadline of the current call group.
    pub(crate) meter: Meter,
    /// The memory limit (installed as the store's resource limiter).
    pub(crate) limiter: MemoryLimiter,
    /// When set, `time_now` and `random` answer 0: a build-time snapshot
    /// must not depend on when or where it was taken.
    pub(crate) frozen: bool,
}

impl HostState {
    /// Fresh state for a new instance.
    pub(crate) fn new(limits: &Limits) -> Self {
        Self {
            memory: None,
            sjlj: None,
            invoke_depth: 0,
            max_invoke_depth: limits.max_invoke_depth,
            stream_state: false,
            log_level: 0,
            logs: Vec::new(),
            stream: Vec::new(),
            warnings: Vec::new(),
            warned: BTreeSet::new(),
            log_bytes: 0,
            meter: Meter::new(),
            limiter: MemoryLimiter::new(limits.memory),
            frozen: false,
        }
    }

    /// Clears what the previous call group collected and applies `limits`.
    pub(crate) fn begin(&mut self, limits: &Limits, stream_state: bool, log_level: i32) {
        self.invoke_depth = 0;
        self.max_invoke_depth = limits.max_invoke_depth;
        self.stream_state = stream_state;
        self.log_level = log_level;
        self.logs.clear();
        self.stream.clear();
        self.warnings.clear();
        self.warned.clear();
        self.log_bytes = 0;
    }

    fn warn_once(&mut self, key: &'static str, message: impl FnOnce() -> String) {
        if self.warned.insert(key) {
            self.warnings.push(message());
        }
    }

    fn log(&mut self, level: LogLevel, message: String, data: Option<Value>) {
        // A node printing in a loop must not fill the host's memory: past
        // LOG_BYTES_MAX in one run, entries are dropped and a warning says so.
        if self.log_bytes + message.len() > LOG_BYTES_MAX {
            self.warn_once("log:cap", || {
                format!("the node logged more than {} MiB in one run; later entries were dropped", LOG_BYTES_MAX >> 20)
            });
            return;
        }
        self.log_bytes += message.len();
        self.logs.push(LogEntry { level, message, data });
    }
}

/// Most log text one run may collect.
pub const LOG_BYTES_MAX: usize = 4 << 20;

type Ctx<'a> = Caller<'a, HostState>;

fn memory_of(caller: &Ctx<'_>) -> Option<Memory> {
    caller.data().memory.or_else(|| caller.get_export("memory").and_then(Extern::into_memory))
}

/// Reads `len` bytes at `ptr` from guest memory.
fn read_bytes(caller: &Ctx<'_>, function: &'static str, what: &str, ptr: i32, len: i32) -> Result<Vec<u8>, wasmi::Error> {
    let memory = memory_of(caller).ok_or_else(|| host_error(function, "the module exports no memory"))?;
    let data = memory.data(caller);
    let (start, count) = (ptr as u32 as usize, len as u32 as usize);
    match start.checked_add(count) {
        Some(end) if end <= data.len() => Ok(data[start..end].to_vec()),
        _ => Err(host_error(
            function,
            format!("{what} (ptr {}, len {}) lies outside guest memory ({} bytes)", ptr as u32, len as u32, data.len()),
        )),
    }
}

/// Reads a UTF-8 string (lossily) from guest memory.
fn read_string(caller: &Ctx<'_>, function: &'static str, what: &str, ptr: i32, len: i32) -> Result<String, wasmi::Error> {
    let bytes = read_bytes(caller, function, what, ptr, len)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

fn random_i64() -> i64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    hasher.finish() as i64
}

/// Warns that a function whose result is an offset into Flow-Like's
/// host-side buffer was called.
fn warn_host_buffer(caller: &mut Ctx<'_>, function: &'static str) {
    caller.data_mut().warn_once(function, || {
        format!(
            "{function} was called; in Flow-Like it returns an offset into a host-side buffer \
             the guest cannot read, here it returns 0. Take inputs and ids from the run envelope"
        )
    });
}

/// Warns that a function Flow-Like gates behind a capability was called.
fn warn_capability(caller: &mut Ctx<'_>, function: &'static str) {
    caller.data_mut().warn_once(function, || {
        format!(
            "{function} was called; mpnode grants no capabilities, so it answers like Flow-Like \
             without the capability"
        )
    });
}

/// Warns that a function whose effect Flow-Like ignores was called.
fn warn_ignored(caller: &mut Ctx<'_>, function: &'static str, instead: &'static str) {
    caller.data_mut().warn_once(function, || format!("{function} was called; Flow-Like ignores its effect: {instead}"));
}

/// Builds a linker defining exactly [`HOST_FUNCTIONS`].
pub(crate) fn linker(engine: &Engine) -> Result<Linker<HostState>, wasmi::errors::LinkerError> {
    let mut linker = Linker::new(engine);
    define_log(&mut linker)?;
    define_stream(&mut linker)?;
    define_meta(&mut linker)?;
    define_gated(&mut linker)?;
    define_env(&mut linker)?;
    define_longjmp(&mut linker)?;
    define_wasi(&mut linker)?;
    Ok(linker)
}

type LinkResult = Result<(), wasmi::errors::LinkerError>;

fn define_log(linker: &mut Linker<HostState>) -> LinkResult {
    macro_rules! level {
        ($name:literal, $function:literal, $level:expr) => {
            linker.func_wrap("flowlike_log", $name, |mut caller: Ctx<'_>, ptr: i32, len: i32| -> Result<(), wasmi::Error> {
                let message = read_string(&caller, $function, "message", ptr, len)?;
                caller.data_mut().log($level, message, None);
                Ok(())
            })?;
        };
    }
    level!("trace", "flowlike_log.trace", LogLevel::Trace);
    level!("debug", "flowlike_log.debug", LogLevel::Debug);
    level!("info", "flowlike_log.info", LogLevel::Info);
    level!("warn", "flowlike_log.warn", LogLevel::Warn);
    level!("error", "flowlike_log.error", LogLevel::Error);
    linker.func_wrap(
        "flowlike_log",
        "log_json",
        |mut caller: Ctx<'_>, level: i32, msg_ptr: i32, msg_len: i32, data_ptr: i32, data_len: i32| -> Result<(), wasmi::Error> {
            const F: &str = "flowlike_log.log_json";
            let message = read_string(&caller, F, "message", msg_ptr, msg_len)?;
            let data = read_string(&caller, F, "data", data_ptr, data_len)?;
            let data = match serde_json::from_str(&data) {
                Ok(value) => Some(value),
                Err(_) => {
                    caller.data_mut().warn_once("log_json:data", || {
                        "flowlike_log.log_json got data that is not JSON; the data was dropped \
                         (Flow-Like drops it too)"
                            .to_string()
                    });
                    None
                }
            };
            caller.data_mut().log(LogLevel::from_raw(level as u32), message, data);
            Ok(())
        },
    )?;
    Ok(())
}

fn define_stream(linker: &mut Linker<HostState>) -> LinkResult {
    linker.func_wrap(
        "flowlike_stream",
        "emit",
        |mut caller: Ctx<'_>, ev_ptr: i32, ev_len: i32, data_ptr: i32, data_len: i32| -> Result<(), wasmi::Error> {
            const F: &str = "flowlike_stream.emit";
            let event = read_string(&caller, F, "event type", ev_ptr, ev_len)?;
            let data = read_string(&caller, F, "data", data_ptr, data_len)?;
            match serde_json::from_str(&data) {
                Ok(data) => caller.data_mut().stream.push(StreamEvent { event, data }),
                Err(_) => caller.data_mut().warn_once("emit:data", || {
                    format!(
                        "flowlike_stream.emit(\"{event}\") got data that is not JSON; Flow-Like \
                         drops such events, so mpnode dropped it too"
                    )
                }),
            }
            Ok(())
        },
    )?;
    linker.func_wrap("flowlike_stream", "text", |mut caller: Ctx<'_>, ptr: i32, len: i32| -> Result<(), wasmi::Error> {
        let text = read_string(&caller, "flowlike_stream.text", "text", ptr, len)?;
        caller.data_mut().stream.push(StreamEvent { event: "text".to_string(), data: Value::String(text) });
        Ok(())
    })?;
    Ok(())
}

fn define_meta(linker: &mut Linker<HostState>) -> LinkResult {
    macro_rules! id_getter {
        ($name:literal, $function:literal) => {
            linker.func_wrap("flowlike_meta", $name, |mut caller: Ctx<'_>| -> i64 {
                warn_host_buffer(&mut caller, $function);
                0
            })?;
        };
    }
    id_getter!("get_node_id", "flowlike_meta.get_node_id");
    id_getter!("get_run_id", "flowlike_meta.get_run_id");
    id_getter!("get_app_id", "flowlike_meta.get_app_id");
    id_getter!("get_board_id", "flowlike_meta.get_board_id");
    id_getter!("get_user_id", "flowlike_meta.get_user_id");
    linker.func_wrap("flowlike_meta", "is_streaming", |caller: Ctx<'_>| -> i32 { i32::from(caller.data().stream_state) })?;
    linker.func_wrap("flowlike_meta", "get_log_level", |caller: Ctx<'_>| -> i32 { caller.data().log_level })?;
    linker.func_wrap("flowlike_meta", "time_now", |caller: Ctx<'_>| -> i64 {
        if caller.data().frozen {
            0
        } else {
            now_ms()
        }
    })?;
    linker.func_wrap("flowlike_meta", "random", |caller: Ctx<'_>| -> i64 {
        if caller.data().frozen {
            0
        } else {
            random_i64()
        }
    })?;
    Ok(())
}

/// Pins, variables, cache, storage, HTTP, WebSocket, auth and models: what
/// Flow-Like answers when the guest cannot read the answer or lacks the
/// capability.
fn define_gated(linker: &mut Linker<HostState>) -> LinkResult {
    linker.func_wrap("flowlike_pins", "get_input", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_host_buffer(&mut caller, "flowlike_pins.get_input");
        0
    })?;
    linker.func_wrap("flowlike_pins", "set_output", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| {
        warn_ignored(&mut caller, "flowlike_pins.set_output", "return outputs in the result envelope");
    })?;
    linker.func_wrap("flowlike_pins", "activate_exec", |mut caller: Ctx<'_>, _: i32, _: i32| {
        warn_ignored(&mut caller, "flowlike_pins.activate_exec", "list exec pins in the result's activate_exec");
    })?;
    macro_rules! store_like {
        ($module:literal, $get:literal, $set:literal, $delete:literal, $has:literal) => {
            linker.func_wrap($module, "get", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
                warn_capability(&mut caller, $get);
                0
            })?;
            linker.func_wrap($module, "set", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| {
                warn_capability(&mut caller, $set);
            })?;
            linker.func_wrap($module, "delete", |mut caller: Ctx<'_>, _: i32, _: i32| {
                warn_capability(&mut caller, $delete);
            })?;
            linker.func_wrap($module, "has", |mut caller: Ctx<'_>, _: i32, _: i32| -> i32 {
                warn_capability(&mut caller, $has);
                0
            })?;
        };
    }
    store_like!("flowlike_vars", "flowlike_vars.get", "flowlike_vars.set", "flowlike_vars.delete", "flowlike_vars.has");
    store_like!("flowlike_cache", "flowlike_cache.get", "flowlike_cache.set", "flowlike_cache.delete", "flowlike_cache.has");

    linker.func_wrap("flowlike_storage", "storage_dir", |mut caller: Ctx<'_>, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.storage_dir");
        0
    })?;
    linker.func_wrap("flowlike_storage", "upload_dir", |mut caller: Ctx<'_>| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.upload_dir");
        0
    })?;
    linker.func_wrap("flowlike_storage", "cache_dir", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.cache_dir");
        0
    })?;
    linker.func_wrap("flowlike_storage", "user_dir", |mut caller: Ctx<'_>, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.user_dir");
        0
    })?;
    linker.func_wrap("flowlike_storage", "read_request", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.read_request");
        0
    })?;
    linker.func_wrap("flowlike_storage", "write_request", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_storage.write_request");
        -1
    })?;
    linker.func_wrap("flowlike_storage", "list_request", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_storage.list_request");
        0
    })?;
    linker.func_wrap("flowlike_http", "request", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32, _: i32, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_http.request");
        -1
    })?;
    linker.func_wrap("flowlike_ws", "connect", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_ws.connect");
        -1
    })?;
    linker.func_wrap("flowlike_ws", "send", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_ws.send");
        -1
    })?;
    linker.func_wrap("flowlike_ws", "receive", |mut caller: Ctx<'_>, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_ws.receive");
        -1
    })?;
    linker.func_wrap("flowlike_ws", "close", |mut caller: Ctx<'_>, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_ws.close");
        -1
    })?;
    linker.func_wrap("flowlike_auth", "get_oauth_token", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_auth.get_oauth_token");
        0
    })?;
    linker.func_wrap("flowlike_auth", "has_oauth_token", |mut caller: Ctx<'_>, _: i32, _: i32| -> i32 {
        warn_capability(&mut caller, "flowlike_auth.has_oauth_token");
        0
    })?;
    linker.func_wrap("flowlike_models", "embed_text", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i64 {
        warn_capability(&mut caller, "flowlike_models.embed_text");
        0
    })?;
    Ok(())
}

/// Reads an AssemblyScript string (UTF-16, byte length stored at ptr - 4),
/// best effort.
fn assemblyscript_string(caller: &Ctx<'_>, ptr: i32) -> Option<String> {
    let memory = memory_of(caller)?;
    let data = memory.data(caller);
    let ptr = ptr as u32 as usize;
    let len_at = ptr.checked_sub(4)?;
    let len = u32::from_le_bytes(data.get(len_at..ptr)?.try_into().ok()?) as usize;
    if len > 64 * 1024 {
        return None;
    }
    let bytes = data.get(ptr..ptr.checked_add(len)?)?;
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    Some(String::from_utf16_lossy(&units))
}

fn define_env(linker: &mut Linker<HostState>) -> LinkResult {
    linker.func_wrap("env", "abort", |mut caller: Ctx<'_>, message: i32, file: i32, line: i32, column: i32| {
        // Flow-Like prints "WASM abort called" and returns; so do we,
        // after logging what AssemblyScript passed.
        let message = assemblyscript_string(&caller, message).unwrap_or_default();
        let file = assemblyscript_string(&caller, file).unwrap_or_default();
        caller.data_mut().log(LogLevel::Error, format!("env.abort called: {message} at {file}:{line}:{column}"), None);
    })?;
    linker.func_wrap("env", "host_log", |mut caller: Ctx<'_>, level: i32, ptr: i32, len: i32| -> Result<(), wasmi::Error> {
        let message = read_string(&caller, "env.host_log", "message", ptr, len)?;
        caller.data_mut().log(LogLevel::from_raw(level as u32), message, None);
        Ok(())
    })?;
    linker.func_wrap(
        "env",
        "host_stream",
        |mut caller: Ctx<'_>, ev_ptr: i32, ev_len: i32, data_ptr: i32, data_len: i32| -> Result<(), wasmi::Error> {
            const F: &str = "env.host_stream";
            let event = read_string(&caller, F, "event type", ev_ptr, ev_len)?;
            let data = read_string(&caller, F, "data", data_ptr, data_len)?;
            // Flow-Like keeps non-JSON data as a string here.
            let data = serde_json::from_str(&data).unwrap_or(Value::String(data));
            caller.data_mut().stream.push(StreamEvent { event, data });
            Ok(())
        },
    )?;
    linker.func_wrap("env", "host_get_variable", |mut caller: Ctx<'_>, _: i32, _: i32| -> i64 {
        warn_host_buffer(&mut caller, "env.host_get_variable");
        0
    })?;
    linker.func_wrap("env", "host_set_variable", |mut caller: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 {
        warn_ignored(&mut caller, "env.host_set_variable", "mpnode keeps no variables");
        0
    })?;
    linker.func_wrap("env", "host_time_now", |_: Ctx<'_>| -> i64 { now_ms() })?;
    linker.func_wrap("env", "host_random", |_: Ctx<'_>| -> i64 { random_i64() })?;
    linker.func_wrap("env", "emscripten_notify_memory_growth", |_: Ctx<'_>, _: i32| {})?;
    linker.func_wrap("env", "__syscall_dup3", |_: Ctx<'_>, _: i32, _: i32, _: i32| -> i32 {
        -38 // ENOSYS, as Flow-Like answers
    })?;
    Ok(())
}

/// The setjmp/longjmp exports of the calling instance: cached in the store,
/// resolved on first use.
fn sjlj_of(caller: &mut Ctx<'_>) -> Result<Sjlj, wasmi::Error> {
    if let Some(sjlj) = caller.data().sjlj {
        return Ok(sjlj);
    }
    let sjlj = Sjlj::resolve(&*caller, |name| caller.get_export(name)).map_err(|name| {
        let need = SJLJ_EXPORTS.iter().find(|(n, _)| *n == name).map_or("", |(_, need)| *need);
        host_error("env.invoke_vii", format!("the module must export `{name}` as {need}"))
    })?;
    caller.data_mut().sjlj = Some(sjlj);
    Ok(sjlj)
}

fn define_longjmp(linker: &mut Linker<HostState>) -> LinkResult {
    linker.func_wrap("env", "_emscripten_throw_longjmp", |_: Ctx<'_>| -> Result<(), wasmi::Error> { Err(wasmi::Error::host(Longjmp)) })?;
    linker.func_wrap("env", "invoke_vii", |mut caller: Ctx<'_>, index: i32, a: i32, b: i32| -> Result<(), wasmi::Error> {
        invoke_vii(&mut caller, index, a, b)
    })?;
    Ok(())
}

/// Native stack that must be left before `invoke_vii` re-enters the guest.
const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each extra stack segment `invoke_vii` switches to.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// `env.invoke_vii(index, a, b)`: calls table entry `index` with `(a, b)`;
/// a longjmp out of it restores the guest stack pointer and calls
/// `setThrew(1, 0)`, as Emscripten's JS glue and Flow-Like's host do.
fn invoke_vii(caller: &mut Ctx<'_>, index: i32, a: i32, b: i32) -> Result<(), wasmi::Error> {
    const F: &str = "env.invoke_vii";
    let sjlj = sjlj_of(caller)?;
    let state = caller.data();
    if state.invoke_depth >= state.max_invoke_depth {
        return Err(host_error(
            F,
            format!(
                "nested more than {} levels deep (runaway recursion?); raise \
                 Limits::max_invoke_depth if the node needs more",
                state.max_invoke_depth
            ),
        ));
    }
    let mut sp = [Val::I32(0)];
    match sjlj.stack_pointer {
        Some(global) => sp[0] = global.get(&*caller),
        None => limits::call(&mut *caller, &sjlj.stack_get_current, &[], &mut sp)?,
    }
    let func: Func = match sjlj.table.get(&*caller, u64::from(index as u32)) {
        Some(Ref::Func(func)) => match func.val() {
            Some(func) => *func,
            None => return Err(host_error(F, format!("table entry {index} is null"))),
        },
        Some(Ref::Extern(_)) => return Err(host_error(F, "__indirect_function_table is not a funcref table")),
        None => {
            return Err(host_error(F, format!("table index {} is out of range (table size {})", index as u32, sjlj.table.size(&*caller))))
        }
    };
    caller.data_mut().invoke_depth += 1;
    // Each nesting level is a native host frame plus a wasmi executor frame;
    // switch to a fresh stack segment when the current one runs low, so deep
    // guest recursion never overflows the host thread's stack.
    // The call is metered like a top-level one: it pauses at every fuel
    // slice to check the deadline.
    let result =
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || limits::call(&mut *caller, &func, &[Val::I32(a), Val::I32(b)], &mut []));
    caller.data_mut().invoke_depth -= 1;
    match result {
        Ok(()) => Ok(()),
        Err(error) if error.downcast_ref::<Longjmp>().is_some() => {
            limits::call(&mut *caller, &sjlj.stack_restore, &sp, &mut [])?;
            limits::call(&mut *caller, &sjlj.set_threw, &[Val::I32(1), Val::I32(0)], &mut [])?;
            Ok(())
        }
        Err(error) if matches!(error.kind(), wasmi::errors::ErrorKind::Func(_)) => Err(host_error(
            F,
            format!("table entry {index} is {}, not (i32, i32) -> ()", {
                let ty = func.ty(&*caller);
                format_signature(ty.params(), ty.results())
            }),
        )),
        Err(error) => Err(error),
    }
}

fn define_wasi(linker: &mut Linker<HostState>) -> LinkResult {
    const W: &str = "wasi_snapshot_preview1";
    linker.func_wrap(W, "proc_exit", |_: Ctx<'_>, code: i32| -> Result<(), wasmi::Error> { Err(wasmi::Error::i32_exit(code)) })?;
    linker.func_wrap(W, "fd_write", |_: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "fd_close", |_: Ctx<'_>, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "fd_seek", |_: Ctx<'_>, _: i32, _: i64, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "fd_fdstat_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "environ_sizes_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "environ_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "args_sizes_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "args_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "clock_time_get", |_: Ctx<'_>, _: i32, _: i64, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "fd_read", |_: Ctx<'_>, _: i32, _: i32, _: i32, _: i32| -> i32 { 0 })?;
    linker.func_wrap(W, "random_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 0 })?;
    // No preopened directories: EBADF (8), as Flow-Like answers.
    linker.func_wrap(W, "fd_prestat_get", |_: Ctx<'_>, _: i32, _: i32| -> i32 { 8 })?;
    linker.func_wrap(W, "fd_prestat_dir_name", |_: Ctx<'_>, _: i32, _: i32, _: i32| -> i32 { 8 })?;
    linker.func_wrap(W, "path_open", |_: Ctx<'_>, _: i32, _: i32, _: i32, _: i32, _: i32, _: i64, _: i64, _: i32, _: i32| -> i32 {
        28 // the value Flow-Like returns (its comment says ENOSYS; 28 is EINVAL)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_no_duplicates() {
        let mut seen = BTreeSet::new();
        for f in HOST_FUNCTIONS {
            assert!(seen.insert((f.module, f.name)), "duplicate {f}");
        }
    }

    #[test]
    fn signature_format() {
        assert_eq!(format_signature(&[I32, I32], &[I64]), "(i32, i32) -> i64");
        assert_eq!(format_signature(&[], &[]), "() -> ()");
    }
}
