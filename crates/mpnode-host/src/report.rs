//! What a run produces: the result envelope plus everything the host
//! collected on the side (logs, stream events, fuel, warnings).

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Failure;

/// The result envelope `run` returns, with the field names and defaults
/// Flow-Like's host uses when it parses it.
///
/// `outputs` is required (Flow-Like rejects a result without it); the other
/// fields may be absent. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    /// Output pin values by pin name.
    pub outputs: Map<String, Value>,
    /// The node's error message; the host fails the node when it is set.
    #[serde(default)]
    pub error: Option<String>,
    /// Execution pins to activate, by name.
    #[serde(default)]
    pub activate_exec: Vec<String>,
    /// Whether the node is still working (asynchronous nodes).
    #[serde(default)]
    pub pending: Option<bool>,
}

impl RunResult {
    /// A result with no outputs and `error` set to `message`.
    pub fn failed(message: impl Into<String>) -> Self {
        Self { outputs: Map::new(), error: Some(message.into()), activate_exec: Vec::new(), pending: None }
    }

    /// The envelope as a JSON value (`error` and `pending` present, `null`
    /// when unset).
    pub fn to_json(&self) -> Value {
        // Serializing this struct cannot fail: all keys are strings.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// Severity of a guest log line, as numbered by `flowlike_log`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    /// 0
    Trace,
    /// 1
    Debug,
    /// 2
    Info,
    /// 3
    Warn,
    /// 4
    Error,
}

impl LogLevel {
    /// Maps a raw level (`log_json`'s first argument). Values above 4 are
    /// treated as errors, as Flow-Like's host does.
    pub fn from_raw(level: u32) -> Self {
        match level {
            0 => LogLevel::Trace,
            1 => LogLevel::Debug,
            2 => LogLevel::Info,
            3 => LogLevel::Warn,
            _ => LogLevel::Error,
        }
    }

    /// The lowercase name (`trace` … `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            LogLevel::Trace => "trace",
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Warn => "warn",
            LogLevel::Error => "error",
        }
    }
}

impl std::fmt::Display for LogLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One log line from the guest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Severity.
    pub level: LogLevel,
    /// The message (invalid UTF-8 replaced with U+FFFD).
    pub message: String,
    /// Structured data passed to `log_json`, when it was valid JSON.
    pub data: Option<Value>,
}

/// One stream event from the guest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StreamEvent {
    /// Event type; `text` for `flowlike_stream.text`.
    pub event: String,
    /// Event payload.
    pub data: Value,
}

/// Everything one run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RunReport {
    /// The result envelope. When the run failed on the host side (trap,
    /// fuel, garbage return, …) this is [`RunResult::failed`] with the
    /// failure's message.
    pub result: RunResult,
    /// The host-side failure, if there was one. `None` when the guest
    /// returned a well-formed result (even one whose `error` is set).
    pub failure: Option<Failure>,
    /// Log lines, in order.
    pub logs: Vec<LogEntry>,
    /// Stream events, in order.
    pub stream: Vec<StreamEvent>,
    /// Notes from the host about things that work here but behave
    /// differently in Flow-Like (a stream event whose data is not JSON, a
    /// call to a host function whose result the guest cannot read, …).
    pub warnings: Vec<String>,
    /// Fuel the run consumed.
    pub fuel_consumed: u64,
    /// Pages (64 KiB each) of linear memory the instance had after the run;
    /// 0 if there was no instance.
    pub memory_pages: u64,
    /// Wall-clock time of the run, including re-instantiation if one was
    /// needed.
    pub duration: Duration,
}

impl RunReport {
    /// A report for a run that failed before the guest was called.
    pub(crate) fn failure_only(failure: Failure, duration: std::time::Duration) -> Self {
        RunReport {
            result: RunResult::failed(failure.to_string()),
            failure: Some(failure),
            logs: Vec::new(),
            stream: Vec::new(),
            warnings: Vec::new(),
            fuel_consumed: 0,
            memory_pages: 0,
            duration,
        }
    }

    /// `true` when the result's `error` is unset.
    pub fn is_ok(&self) -> bool {
        self.result.error.is_none()
    }

    /// The result's `error`, if set.
    pub fn error(&self) -> Option<&str> {
        self.result.error.as_deref()
    }
}
