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

//!
//! The whole set is one table, [`HOST_FUNCTIONS`]: each row names the
//! import, its signature and its [`Behaviour`]; [`linker`] defines every row
//! from its behaviour. The store data is [`HostState`](crate::host_state);
//! setjmp/longjmp lives in [`crate::sjlj`].

use serde_json::Value;
use wasmi::ValType::{self, I32, I64};
use wasmi::{Caller, Engine, Extern, ExternType, FuncType, Linker, Memory, Val};

pub use crate::error::format_signature;
use crate::error::{Error, HostCallError, HostCallProblem};
use crate::host_state::{log_cost, HostState};
pub use crate::host_state::{ENTRY_OVERHEAD, LOG_BYTES_MAX, STREAM_BYTES_MAX};
use crate::report::{LogLevel, StreamEvent};
use crate::sjlj;

/// What a host function does when the guest calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Behaviour {
    /// `(ptr, len)`: appends the string to the run's log at this level.
    Log(LogLevel),
    /// `flowlike_log.log_json(level, msg, msg_len, data, data_len)`: a log
    /// entry with JSON data (data that is not JSON is dropped with a
    /// warning, as Flow-Like does).
    LogJson,
    /// `env.host_log(level, ptr, len)`.
    HostLog,
    /// `flowlike_stream.emit(event, len, data, len)`: a stream event whose
    /// data must be JSON (else dropped with a warning, as in Flow-Like).
    StreamEmit,
    /// `flowlike_stream.text(ptr, len)`: a `text` stream event.
    StreamText,
    /// `env.host_stream(event, len, data, len)`: a stream event; data that is
    /// not JSON is kept as a string (as in Flow-Like).
    HostStream,
    /// Answers the run envelope's `stream_state` (1 or 0).
    IsStreaming,
    /// Answers the run envelope's `log_level`.
    GetLogLevel,
    /// Milliseconds since the Unix epoch (0 while building a snapshot when
    /// `frozen_aware`).
    TimeNow {
        /// Whether a build-time snapshot freezes it to 0.
        frozen_aware: bool,
    },
    /// A random `i64` (0 while building a snapshot when `frozen_aware`).
    Random {
        /// Whether a build-time snapshot freezes it to 0.
        frozen_aware: bool,
    },
    /// Returns 0 (the guest could not read Flow-Like's host-side buffer
    /// either) and warns once per run.
    HostBuffer,
    /// A capability mpnode does not grant: returns the value (converted to
    /// the result type, if any) and warns once per run.
    Capability(i32),
    /// Flow-Like ignores the effect: warns once per run, with what to do
    /// instead; returns the value (if the function has a result).
    Ignored(&'static str, i32),
    /// Returns the value (if the function has a result), silently.
    Constant(i32),
    /// `env.abort(msg, file, line, column)` (AssemblyScript): logs an error
    /// and returns, as Flow-Like does.
    Abort,
    /// `wasi_snapshot_preview1.proc_exit(code)`: stops the guest.
    ProcExit,
    /// `env._emscripten_throw_longjmp()`: see [`crate::sjlj`].
    ThrowLongjmp,
    /// `env.invoke_vii(index, a, b)`: see [`crate::sjlj`].
    InvokeVii,
}

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
    /// What it does.
    pub behaviour: Behaviour,
    /// `module.name`.
    qualified: &'static str,
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

    /// `module.name`, as messages and warnings name it.
    pub fn qualified_name(&self) -> &'static str {
        self.qualified
    }
}

impl std::fmt::Display for HostFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{} {}", self.module, self.name, self.signature())
    }
}

macro_rules! host_functions {
    ($( $module:literal . $name:literal ( $($p:ident),* ) -> ( $($r:ident),* ) => $behaviour:expr ;)*) => {
        /// Every function Flow-Like's host defines, with its signature and
        /// what mpnode does for it.
        ///
        /// Source: `register_host_functions` in Flow-Like's
        /// `packages/wasm/src/host_functions/linker.rs` (wasmtime; `u32`
        /// parameters there are `i32` here, `u64` results `i64`).
        pub const HOST_FUNCTIONS: &[HostFunction] = &[
            $( HostFunction { module: $module, name: $name, params: &[$($p),*], results: &[$($r),*], behaviour: $behaviour, qualified: concat!($module, ".", $name) }, )*
        ];
    };
}

use Behaviour::*;

/// What Flow-Like answers for a refused storage / network request.
const REFUSED: i32 = -1;
/// ENOSYS, as Flow-Like answers `__syscall_dup3`.
const ENOSYS: i32 = -38;
/// EBADF: no preopened directories, as Flow-Like answers.
const EBADF: i32 = 8;
/// The value Flow-Like's `path_open` returns (its comment says ENOSYS; 28 is
/// EINVAL).
const PATH_OPEN: i32 = 28;

host_functions! {
    "flowlike_log"."trace"(I32, I32) -> () => Log(LogLevel::Trace);
    "flowlike_log"."debug"(I32, I32) -> () => Log(LogLevel::Debug);
    "flowlike_log"."info"(I32, I32) -> () => Log(LogLevel::Info);
    "flowlike_log"."warn"(I32, I32) -> () => Log(LogLevel::Warn);
    "flowlike_log"."error"(I32, I32) -> () => Log(LogLevel::Error);
    "flowlike_log"."log_json"(I32, I32, I32, I32, I32) -> () => LogJson;
    "flowlike_pins"."get_input"(I32, I32) -> (I64) => HostBuffer;
    "flowlike_pins"."set_output"(I32, I32, I32, I32) -> () => Ignored("return outputs in the result envelope", 0);
    "flowlike_pins"."activate_exec"(I32, I32) -> () => Ignored("list exec pins in the result's activate_exec", 0);
    "flowlike_vars"."get"(I32, I32) -> (I64) => Capability(0);
    "flowlike_vars"."set"(I32, I32, I32, I32) -> () => Capability(0);
    "flowlike_vars"."delete"(I32, I32) -> () => Capability(0);
    "flowlike_vars"."has"(I32, I32) -> (I32) => Capability(0);
    "flowlike_cache"."get"(I32, I32) -> (I64) => Capability(0);
    "flowlike_cache"."set"(I32, I32, I32, I32) -> () => Capability(0);
    "flowlike_cache"."delete"(I32, I32) -> () => Capability(0);
    "flowlike_cache"."has"(I32, I32) -> (I32) => Capability(0);
    "flowlike_meta"."get_node_id"() -> (I64) => HostBuffer;
    "flowlike_meta"."get_run_id"() -> (I64) => HostBuffer;
    "flowlike_meta"."get_app_id"() -> (I64) => HostBuffer;
    "flowlike_meta"."get_board_id"() -> (I64) => HostBuffer;
    "flowlike_meta"."get_user_id"() -> (I64) => HostBuffer;
    "flowlike_meta"."is_streaming"() -> (I32) => IsStreaming;
    "flowlike_meta"."get_log_level"() -> (I32) => GetLogLevel;
    "flowlike_meta"."time_now"() -> (I64) => TimeNow { frozen_aware: true };
    "flowlike_meta"."random"() -> (I64) => Random { frozen_aware: true };
    "flowlike_storage"."storage_dir"(I32) -> (I64) => Capability(0);
    "flowlike_storage"."upload_dir"() -> (I64) => Capability(0);
    "flowlike_storage"."cache_dir"(I32, I32) -> (I64) => Capability(0);
    "flowlike_storage"."user_dir"(I32) -> (I64) => Capability(0);
    "flowlike_storage"."read_request"(I32, I32) -> (I64) => Capability(0);
    "flowlike_storage"."write_request"(I32, I32, I32, I32) -> (I32) => Capability(REFUSED);
    "flowlike_storage"."list_request"(I32, I32) -> (I64) => Capability(0);
    "flowlike_http"."request"(I32, I32, I32, I32, I32, I32, I32) -> (I32) => Capability(REFUSED);
    "flowlike_ws"."connect"(I32, I32, I32, I32) -> (I32) => Capability(REFUSED);
    "flowlike_ws"."send"(I32, I32, I32, I32) -> (I32) => Capability(REFUSED);
    "flowlike_ws"."receive"(I32, I32) -> (I32) => Capability(REFUSED);
    "flowlike_ws"."close"(I32) -> (I32) => Capability(REFUSED);
    "flowlike_stream"."emit"(I32, I32, I32, I32) -> () => StreamEmit;
    "flowlike_stream"."text"(I32, I32) -> () => StreamText;
    "flowlike_auth"."get_oauth_token"(I32, I32) -> (I64) => Capability(0);
    "flowlike_auth"."has_oauth_token"(I32, I32) -> (I32) => Capability(0);
    "flowlike_models"."embed_text"(I32, I32, I32, I32) -> (I64) => Capability(0);
    "env"."abort"(I32, I32, I32, I32) -> () => Abort;
    "env"."host_log"(I32, I32, I32) -> () => HostLog;
    "env"."host_stream"(I32, I32, I32, I32) -> () => HostStream;
    "env"."host_get_variable"(I32, I32) -> (I64) => HostBuffer;
    "env"."host_set_variable"(I32, I32, I32, I32) -> (I32) => Ignored("mpnode keeps no variables", 0);
    "env"."host_time_now"() -> (I64) => TimeNow { frozen_aware: false };
    "env"."host_random"() -> (I64) => Random { frozen_aware: false };
    "env"."emscripten_notify_memory_growth"(I32) -> () => Constant(0);
    "env"."__syscall_dup3"(I32, I32, I32) -> (I32) => Constant(ENOSYS);
    "env"."_emscripten_throw_longjmp"() -> () => ThrowLongjmp;
    "env"."invoke_vii"(I32, I32, I32) -> () => InvokeVii;
    "wasi_snapshot_preview1"."proc_exit"(I32) -> () => ProcExit;
    "wasi_snapshot_preview1"."fd_write"(I32, I32, I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."fd_close"(I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."fd_seek"(I32, I64, I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."fd_fdstat_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."environ_sizes_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."environ_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."args_sizes_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."args_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."clock_time_get"(I32, I64, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."fd_read"(I32, I32, I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."random_get"(I32, I32) -> (I32) => Constant(0);
    "wasi_snapshot_preview1"."fd_prestat_get"(I32, I32) -> (I32) => Constant(EBADF);
    "wasi_snapshot_preview1"."fd_prestat_dir_name"(I32, I32, I32) -> (I32) => Constant(EBADF);
    "wasi_snapshot_preview1"."path_open"(I32, I32, I32, I32, I32, I64, I64, I32, I32) -> (I32) => Constant(PATH_OPEN);
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

type Ctx<'a> = Caller<'a, HostState>;

fn memory_of(caller: &Ctx<'_>) -> Option<Memory> {
    caller.data().memory.or_else(|| caller.get_export("memory").and_then(Extern::into_memory))
}

/// Reads `len` bytes at `ptr` from guest memory.
fn read_bytes(caller: &Ctx<'_>, function: &'static str, what: &'static str, ptr: i32, len: i32) -> Result<Vec<u8>, wasmi::Error> {
    let memory = memory_of(caller).ok_or_else(|| HostCallError::raise(function, HostCallProblem::NoMemory))?;
    let data = memory.data(caller);
    let (start, count) = (ptr as u32 as usize, len as u32 as usize);
    match start.checked_add(count) {
        Some(end) if end <= data.len() => Ok(data[start..end].to_vec()),
        _ => Err(HostCallError::raise(
            function,
            HostCallProblem::OutOfBounds { what, ptr: ptr as u32, len: len as u32, memory_size: data.len() },
        )),
    }
}

/// Reads a UTF-8 string (lossily) from guest memory.
fn read_string(caller: &Ctx<'_>, function: &'static str, what: &'static str, ptr: i32, len: i32) -> Result<String, wasmi::Error> {
    let bytes = read_bytes(caller, function, what, ptr, len)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
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

fn i32_arg(args: &[Val], i: usize) -> i32 {
    args.get(i).and_then(Val::i32).unwrap_or(0)
}

/// Writes `value` into the (at most one) result, converted to its type.
fn set_result(results: &mut [Val], value: i64) {
    if let Some(slot) = results.first_mut() {
        *slot = match slot {
            Val::I64(_) => Val::I64(value),
            _ => Val::I32(value as i32),
        };
    }
}

/// Builds a linker defining exactly [`HOST_FUNCTIONS`], each from its
/// [`Behaviour`].
pub(crate) fn linker(engine: &Engine) -> Result<Linker<HostState>, wasmi::errors::LinkerError> {
    let mut linker = Linker::new(engine);
    for host in HOST_FUNCTIONS {
        define(&mut linker, host)?;
    }
    Ok(linker)
}

/// Defines one host function. The two setjmp/longjmp functions, called for
/// every Python call, are typed closures; the rest share one dynamic body.
fn define(linker: &mut Linker<HostState>, host: &'static HostFunction) -> Result<(), wasmi::errors::LinkerError> {
    match host.behaviour {
        InvokeVii => {
            linker.func_wrap(host.module, host.name, |mut caller: Ctx<'_>, index: i32, a: i32, b: i32| {
                sjlj::invoke_vii(&mut caller, index, a, b)
            })?;
        }
        ThrowLongjmp => {
            linker.func_wrap(host.module, host.name, |_: Ctx<'_>| sjlj::throw_longjmp())?;
        }
        behaviour => {
            let ty = FuncType::new(host.params.iter().copied(), host.results.iter().copied());
            let function = host.qualified_name();
            linker.func_new(host.module, host.name, ty, move |mut caller: Ctx<'_>, args: &[Val], results: &mut [Val]| {
                behave(&mut caller, function, behaviour, args, results)
            })?;
        }
    }
    Ok(())
}

/// The body of every host function except the setjmp/longjmp pair.
fn behave(
    caller: &mut Ctx<'_>,
    function: &'static str,
    behaviour: Behaviour,
    args: &[Val],
    results: &mut [Val],
) -> Result<(), wasmi::Error> {
    let arg = |i| i32_arg(args, i);
    // Copying and parsing what the guest passes costs it no fuel: look at
    // the clock before and after, or a node passing megabytes per call
    // outruns its deadline.
    let copies = matches!(behaviour, Log(_) | LogJson | HostLog | StreamEmit | StreamText | HostStream);
    if copies {
        caller.data().meter.check_deadline()?;
    }
    match behaviour {
        Log(level) => {
            let message = read_string(caller, function, "message", arg(0), arg(1))?;
            caller.data_mut().log(level, message, None);
        }
        LogJson => {
            // Counted, message and data, before anything is copied or parsed.
            let cost = log_cost(arg(2) as u32 as usize, arg(4) as u32 as usize);
            if !caller.data_mut().log_fits(cost) {
                return Ok(());
            }
            let message = read_string(caller, function, "message", arg(1), arg(2))?;
            let data = read_string(caller, function, "data", arg(3), arg(4))?;
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
            caller.data_mut().log_counted(cost, LogLevel::from_raw(arg(0) as u32), message, data);
        }
        HostLog => {
            let message = read_string(caller, function, "message", arg(1), arg(2))?;
            caller.data_mut().log(LogLevel::from_raw(arg(0) as u32), message, None);
        }
        StreamEmit => {
            let cost = log_cost(arg(1) as u32 as usize, arg(3) as u32 as usize);
            if !caller.data_mut().stream_fits(cost) {
                return Ok(());
            }
            let event = read_string(caller, function, "event type", arg(0), arg(1))?;
            let data = read_string(caller, function, "data", arg(2), arg(3))?;
            match serde_json::from_str(&data) {
                Ok(data) => caller.data_mut().emit(cost, StreamEvent { event, data }),
                Err(_) => caller.data_mut().warn_once("emit:data", || {
                    format!(
                        "flowlike_stream.emit(\"{event}\") got data that is not JSON; Flow-Like \
                         drops such events, so mpnode dropped it too"
                    )
                }),
            }
        }
        StreamText => {
            let cost = log_cost(4, arg(1) as u32 as usize);
            if !caller.data_mut().stream_fits(cost) {
                return Ok(());
            }
            let text = read_string(caller, function, "text", arg(0), arg(1))?;
            caller.data_mut().emit(cost, StreamEvent { event: "text".to_string(), data: Value::String(text) });
        }
        HostStream => {
            let cost = log_cost(arg(1) as u32 as usize, arg(3) as u32 as usize);
            if !caller.data_mut().stream_fits(cost) {
                return Ok(());
            }
            let event = read_string(caller, function, "event type", arg(0), arg(1))?;
            let data = read_string(caller, function, "data", arg(2), arg(3))?;
            // Flow-Like keeps non-JSON data as a string here.
            let data = serde_json::from_str(&data).unwrap_or(Value::String(data));
            caller.data_mut().emit(cost, StreamEvent { event, data });
        }
        IsStreaming => set_result(results, i64::from(caller.data().stream_state)),
        GetLogLevel => set_result(results, i64::from(caller.data().log_level)),
        TimeNow { frozen_aware } => set_result(results, if frozen_aware && caller.data().frozen { 0 } else { now_ms() }),
        Random { frozen_aware } => set_result(results, if frozen_aware && caller.data().frozen { 0 } else { random_i64() }),
        HostBuffer => {
            caller.data_mut().warn_once(function, || {
                format!(
                    "{function} was called; in Flow-Like it returns an offset into a host-side buffer \
                     the guest cannot read, here it returns 0. Take inputs and ids from the run envelope"
                )
            });
            set_result(results, 0);
        }
        Capability(value) => {
            caller.data_mut().warn_once(function, || {
                format!(
                    "{function} was called; mpnode grants no capabilities, so it answers like Flow-Like \
                     without the capability"
                )
            });
            set_result(results, i64::from(value));
        }
        Ignored(instead, value) => {
            caller.data_mut().warn_once(function, || format!("{function} was called; Flow-Like ignores its effect: {instead}"));
            set_result(results, i64::from(value));
        }
        Constant(value) => set_result(results, i64::from(value)),
        Abort => {
            // Flow-Like prints "WASM abort called" and returns; so do we,
            // after logging what AssemblyScript passed.
            let message = assemblyscript_string(caller, arg(0)).unwrap_or_default();
            let file = assemblyscript_string(caller, arg(1)).unwrap_or_default();
            let (line, column) = (arg(2), arg(3));
            caller.data_mut().log(LogLevel::Error, format!("env.abort called: {message} at {file}:{line}:{column}"), None);
        }
        ProcExit => return Err(wasmi::Error::i32_exit(arg(0))),
        ThrowLongjmp => return sjlj::throw_longjmp(),
        InvokeVii => sjlj::invoke_vii(caller, arg(0), arg(1), arg(2))?,
    }
    if copies {
        caller.data().meter.check_deadline()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_no_duplicates() {
        let mut seen = std::collections::BTreeSet::new();
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
