//! [`HostState`]: the store data of every node instance — handles resolved
//! after instantiation, the limits' meter, and what the current call group
//! has collected (logs, stream events, warnings).
//!
//! Depends on [`crate::meter`], [`crate::sjlj`] and [`crate::report`]; the
//! import set ([`crate::imports`]) builds on it, never the other way round.

use std::collections::BTreeSet;

use serde_json::Value;
use wasmi::Memory;

use crate::limits::Limits;
use crate::meter::{MemoryLimiter, Meter, Metered};
use crate::report::{LogEntry, LogLevel, StreamEvent};
use crate::sjlj::{SjljHost, SjljState};

/// Most log bytes one run may collect: each entry counts its message, its
/// `log_json` data and [`ENTRY_OVERHEAD`] (so empty lines count too). Past
/// it, entries are dropped and the report gets a warning.
pub const LOG_BYTES_MAX: usize = 4 << 20;

/// Most stream bytes one run may collect, counted like log bytes (event
/// type, data, [`ENTRY_OVERHEAD`]). Past it, events are dropped and the
/// report gets a warning.
pub const STREAM_BYTES_MAX: usize = 4 << 20;

/// What each log entry or stream event counts on top of its text: about
/// what the host holds for it besides the text (the entry itself, the
/// string headers, the JSON value).
pub const ENTRY_OVERHEAD: usize = 64;

/// The store data every node instance carries.
#[derive(Debug)]
pub(crate) struct HostState {
    /// The guest's exported `memory`, set right after instantiation.
    pub(crate) memory: Option<Memory>,
    /// setjmp/longjmp exports and nesting.
    pub(crate) sjlj: SjljState,
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
    /// Warnings for the next run's report, from before it (what happened
    /// while the instance was started).
    pub(crate) carried: Vec<String>,
    /// Warning keys already issued in this call group.
    warned: BTreeSet<&'static str>,
    /// Bytes of log collected this run (see [`LOG_BYTES_MAX`]).
    log_bytes: usize,
    /// Bytes of stream events collected this run (see [`STREAM_BYTES_MAX`]).
    stream_bytes: usize,
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
            sjlj: SjljState::new(limits.max_invoke_depth),
            stream_state: false,
            log_level: 0,
            logs: Vec::new(),
            stream: Vec::new(),
            warnings: Vec::new(),
            carried: Vec::new(),
            warned: BTreeSet::new(),
            log_bytes: 0,
            stream_bytes: 0,
            meter: Meter::new(),
            limiter: MemoryLimiter::new(limits.memory),
            frozen: false,
        }
    }

    /// Clears what the previous call group collected and applies `limits`.
    pub(crate) fn begin(&mut self, limits: &Limits, stream_state: bool, log_level: i32) {
        self.sjlj.begin(limits.max_invoke_depth);
        self.stream_state = stream_state;
        self.log_level = log_level;
        self.logs.clear();
        self.stream.clear();
        self.warnings.clear();
        self.warned.clear();
        self.log_bytes = 0;
        self.stream_bytes = 0;
    }

    /// Adds a warning to the report, once per `key` and call group.
    pub(crate) fn warn_once(&mut self, key: &'static str, message: impl FnOnce() -> String) {
        if self.warned.insert(key) {
            self.warnings.push(message());
        }
    }

    /// Whether a log entry of `cost` bytes (see [`log_cost`]) still fits
    /// in this run's log; if not, warns once. Ask before building the
    /// entry, so a full log costs no parsing.
    pub(crate) fn log_fits(&mut self, cost: usize) -> bool {
        // A node printing in a loop must not fill the host's memory: past
        // LOG_BYTES_MAX in one run, entries are dropped and a warning says so.
        if self.log_bytes.saturating_add(cost) > LOG_BYTES_MAX {
            self.warn_once("log:cap", || {
                format!(
                    "the node logged more than {} MiB in one run (each entry counts its text, its data and {ENTRY_OVERHEAD} bytes); \
                     later entries were dropped",
                    LOG_BYTES_MAX >> 20
                )
            });
            return false;
        }
        true
    }

    /// Appends a log entry of `cost` bytes, unless the run's log is full.
    pub(crate) fn log_counted(&mut self, cost: usize, level: LogLevel, message: String, data: Option<Value>) {
        if self.log_fits(cost) {
            self.log_bytes += cost;
            self.logs.push(LogEntry { level, message, data });
        }
    }

    /// Appends a log entry, unless the run's log is full.
    pub(crate) fn log(&mut self, level: LogLevel, message: String, data: Option<Value>) {
        self.log_counted(log_cost(message.len(), 0), level, message, data);
    }

    /// Whether a stream event of `cost` bytes still fits in this run's
    /// stream; if not, warns once.
    pub(crate) fn stream_fits(&mut self, cost: usize) -> bool {
        if self.stream_bytes.saturating_add(cost) > STREAM_BYTES_MAX {
            self.warn_once("stream:cap", || {
                format!(
                    "the node streamed more than {} MiB in one run (each event counts its type, its data and {ENTRY_OVERHEAD} bytes); \
                     later events were dropped",
                    STREAM_BYTES_MAX >> 20
                )
            });
            return false;
        }
        true
    }

    /// Appends a stream event of `cost` bytes, unless the run's stream is
    /// full.
    pub(crate) fn emit(&mut self, cost: usize, event: StreamEvent) {
        if self.stream_fits(cost) {
            self.stream_bytes += cost;
            self.stream.push(event);
        }
    }
}

/// What a log entry or stream event with `text` and `data` bytes counts.
pub(crate) fn log_cost(text: usize, data: usize) -> usize {
    text.saturating_add(data).saturating_add(ENTRY_OVERHEAD)
}

impl Metered for HostState {
    fn meter(&self) -> &Meter {
        &self.meter
    }

    fn meter_mut(&mut self) -> &mut Meter {
        &mut self.meter
    }

    fn limiter_mut(&mut self) -> &mut MemoryLimiter {
        &mut self.limiter
    }
}

impl SjljHost for HostState {
    fn sjlj(&mut self) -> &mut SjljState {
        &mut self.sjlj
    }
}
