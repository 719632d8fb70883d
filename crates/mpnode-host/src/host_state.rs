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

/// Most log text one run may collect.
pub const LOG_BYTES_MAX: usize = 4 << 20;

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
    /// Warning keys already issued in this call group.
    warned: BTreeSet<&'static str>,
    /// Bytes of log text collected this run (see [`LOG_BYTES_MAX`]).
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
            sjlj: SjljState::new(limits.max_invoke_depth),
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
        self.sjlj.begin(limits.max_invoke_depth);
        self.stream_state = stream_state;
        self.log_level = log_level;
        self.logs.clear();
        self.stream.clear();
        self.warnings.clear();
        self.warned.clear();
        self.log_bytes = 0;
    }

    /// Adds a warning to the report, once per `key` and call group.
    pub(crate) fn warn_once(&mut self, key: &'static str, message: impl FnOnce() -> String) {
        if self.warned.insert(key) {
            self.warnings.push(message());
        }
    }

    /// Appends a log entry, unless the run's log is full.
    pub(crate) fn log(&mut self, level: LogLevel, message: String, data: Option<Value>) {
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

    /// Appends a stream event.
    pub(crate) fn emit(&mut self, event: StreamEvent) {
        self.stream.push(event);
    }
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
