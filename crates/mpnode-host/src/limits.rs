//! Resource limits applied to each call group (instantiation, a definition
//! query, a run), and the machinery that enforces them.
//!
//! Three budgets, each with its own error in the run result:
//!
//! - **fuel** (wasmi's instruction metering): `node ran out of fuel …`;
//! - **memory** (bytes of linear memory, checked by a wasmi
//!   [`ResourceLimiter`] on every growth and at instantiation):
//!   `… memory limit of N bytes …`;
//! - **deadline** (wall-clock time per call group): `… deadline of N ms …`.
//!
//! The deadline is enforced with fuel slices: the store never holds more
//! than [`Limits::fuel_slice`] fuel. When a slice runs out, wasmi pauses the
//! call (a *resumable* call), the host checks the clock, adds the next slice
//! from the budget and resumes. Every call into the guest goes through
//! [`call`], including the nested calls `env.invoke_vii` makes for every
//! Python call, so a node that loops forever, in plain wasm or through any
//! depth of host re-entry, is stopped within one slice of its deadline.

use std::fmt;
use std::time::{Duration, Instant};

use wasmi::{AsContext, AsContextMut, Func, ResumableCall, Val};
use wasmi_core::LimiterError;

use crate::imports::HostState;

/// Flow-Like's default fuel budget (10^11).
pub const DEFAULT_FUEL: u64 = 100_000_000_000;

/// Flow-Like's restrictive preset fuel budget (10^9).
pub const RESTRICTIVE_FUEL: u64 = 1_000_000_000;

/// mpnode's default fuel budget (10^12): high enough that the default 10 s
/// deadline, not fuel, stops a busy node.
///
/// wasmi charges a block's fuel when the block starts, so code that leaves
/// long blocks early (MicroPython's bytecode dispatch) is charged far more
/// fuel than it executes instructions. Measured on a 2-core x86-64 VM: a
/// plain wasm loop burns 1.6 × 10^9 fuel/s, Python calling a function in a
/// loop 4.7 × 10^9, and `while True: n += 1` 4.4 × 10^10. Ten seconds of
/// the fastest is 4.4 × 10^11; 10^12 leaves room for faster machines.
/// (Flow-Like's 10^9 is wasmtime fuel, about one unit per instruction.)
pub const MPNODE_FUEL: u64 = 1_000_000_000_000;

/// Flow-Like's default memory limit (256 MiB).
pub const DEFAULT_MEMORY: usize = 256 * 1024 * 1024;

/// Flow-Like's restrictive preset memory limit (16 MiB), mpnode's default.
pub const RESTRICTIVE_MEMORY: usize = 16 * 1024 * 1024;

/// Flow-Like's default timeout (120 s).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// Flow-Like's restrictive preset timeout (10 s), mpnode's default.
pub const RESTRICTIVE_TIMEOUT: Duration = Duration::from_secs(10);

/// Default fuel slice: the most fuel the guest runs between two looks at
/// the clock (a few milliseconds of work).
pub const DEFAULT_FUEL_SLICE: u64 = 1 << 20;

/// Default cap on nested `env.invoke_vii` calls.
///
/// Every level is a host function that calls back into the guest: about
/// 2 KiB of native stack in a release build, 12 KiB in a debug build
/// (wasmi 2.0, x86-64). `invoke_vii` moves to a fresh stack segment when
/// the thread's stack runs low, so the cap is about stopping runaway
/// recursion, not about the thread's stack size.
pub const DEFAULT_MAX_INVOKE_DEPTH: u32 = 10_000;

/// Limits for one node.
///
/// [`Limits::default`] is Flow-Like's *restrictive* preset (16 MiB of
/// memory, a 10 s deadline) with fuel high enough that the deadline binds
/// first; [`Limits::flow_like_default`] is Flow-Like's default preset. Adjust
/// with the `with_*` methods.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Fuel available to each call group: instantiation (start function,
    /// `_initialize`, `_start`), one `definition` query, or one run
    /// (`alloc`, `run`, `dealloc` together).
    pub fuel: u64,
    /// Maximum size of the guest's linear memory in bytes, checked at
    /// instantiation (the module's initial memory) and on every growth
    /// (`memory.grow`, including the heap the runtime grows in
    /// `_initialize`). A growth past it fails the call group with
    /// `memory limit of N bytes`.
    pub memory: usize,
    /// Wall-clock time each call group may take; `None` for no deadline.
    /// A module's start function (mpnode's runtime has none) is metered by
    /// fuel only.
    pub timeout: Option<Duration>,
    /// The most fuel the guest gets between two checks of the deadline.
    /// Smaller slices stop a node closer to its deadline and cost a little
    /// more; the default stops it within a few milliseconds.
    pub fuel_slice: u64,
    /// Maximum nesting of `env.invoke_vii`; deeper nesting traps with a clear
    /// message instead of overflowing the native stack.
    pub max_invoke_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            fuel: MPNODE_FUEL,
            memory: RESTRICTIVE_MEMORY,
            timeout: Some(RESTRICTIVE_TIMEOUT),
            fuel_slice: DEFAULT_FUEL_SLICE,
            max_invoke_depth: DEFAULT_MAX_INVOKE_DEPTH,
        }
    }
}

impl Limits {
    /// Flow-Like's restrictive preset, fuel included: 16 MiB, 10 s,
    /// 10^9 fuel (which wasmi can burn in well under a second of Python,
    /// see [`MPNODE_FUEL`]).
    pub fn restrictive() -> Self {
        Self { fuel: RESTRICTIVE_FUEL, ..Self::default() }
    }

    /// Flow-Like's default preset: 256 MiB, 120 s, 10^11 fuel.
    pub fn flow_like_default() -> Self {
        Self { fuel: DEFAULT_FUEL, memory: DEFAULT_MEMORY, timeout: Some(DEFAULT_TIMEOUT), ..Self::default() }
    }

    /// Sets the fuel per call group.
    pub fn with_fuel(mut self, fuel: u64) -> Self {
        self.fuel = fuel;
        self
    }

    /// Sets the memory limit in bytes.
    pub fn with_memory(mut self, bytes: usize) -> Self {
        self.memory = bytes;
        self
    }

    /// Sets the deadline per call group (`None`: no deadline).
    pub fn with_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the fuel slice (at least 1).
    pub fn with_fuel_slice(mut self, slice: u64) -> Self {
        self.fuel_slice = slice.max(1);
        self
    }

    /// Sets the maximum `env.invoke_vii` nesting depth.
    pub fn with_max_invoke_depth(mut self, depth: u32) -> Self {
        self.max_invoke_depth = depth;
        self
    }
}

/// Instances, tables and memories per store: wasmi's defaults.
const LIMITER_COUNTS: usize = 10_000;

/// A wasmi [`ResourceLimiter`] that caps linear memory and remembers the
/// first growth it refused, so the failure that follows can be reported as
/// the memory limit rather than as whatever the guest did next.
///
/// A refused growth makes `memory.grow` return -1, as the WebAssembly spec
/// and Flow-Like's host (wasmtime's `StoreLimits`) do.
///
/// [`ResourceLimiter`]: wasmi::ResourceLimiter
#[derive(Debug, Clone)]
pub(crate) struct MemoryLimiter {
    pub(crate) limit: usize,
    /// Bytes the guest asked for when a growth was refused in this call
    /// group.
    pub(crate) refused: Option<usize>,
}

impl MemoryLimiter {
    pub(crate) fn new(limit: usize) -> Self {
        Self { limit, refused: None }
    }
}

impl wasmi::ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
        if desired > self.limit {
            self.refused.get_or_insert(desired);
            return Ok(false);
        }
        Ok(maximum.is_none_or(|max| desired <= max))
    }

    fn table_growing(&mut self, _current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
        Ok(maximum.is_none_or(|max| desired <= max))
    }

    fn instances(&self) -> usize {
        LIMITER_COUNTS
    }

    fn tables(&self) -> usize {
        LIMITER_COUNTS
    }

    fn memories(&self) -> usize {
        LIMITER_COUNTS
    }
}

/// Fuel and time accounting of the current call group.
#[derive(Debug, Clone)]
pub(crate) struct Meter {
    /// Fuel of the budget not yet handed to the store.
    reserve: u64,
    /// Fuel handed to the store per slice.
    slice: u64,
    /// The whole budget of the call group.
    budget: u64,
    /// When the call group must end.
    deadline: Option<Instant>,
    /// The configured timeout, for the message.
    timeout: Option<Duration>,
}

impl Meter {
    pub(crate) fn new() -> Self {
        Self { reserve: 0, slice: DEFAULT_FUEL_SLICE, budget: 0, deadline: None, timeout: None }
    }
}

/// Starts a call group: the budget and deadline from `limits`, the first
/// fuel slice in the store.
pub(crate) fn begin(mut ctx: impl AsContextMut<Data = HostState>, limits: &Limits) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let slice = limits.fuel_slice.max(1);
    let first = slice.min(limits.fuel);
    let state = ctx.data_mut();
    state.meter = Meter {
        reserve: limits.fuel - first,
        slice,
        budget: limits.fuel,
        deadline: limits.timeout.map(|t| Instant::now() + t),
        timeout: limits.timeout,
    };
    state.limiter.limit = limits.memory;
    state.limiter.refused = None;
    ctx.set_fuel(first)
}

/// Moves the whole remaining budget into the store, for a call that
/// cannot be resumed (a module's start function runs inside
/// instantiation).
pub(crate) fn unslice(mut ctx: impl AsContextMut<Data = HostState>) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let have = ctx.get_fuel()?;
    let reserve = std::mem::take(&mut ctx.data_mut().meter.reserve);
    ctx.set_fuel(have.saturating_add(reserve))
}

/// Undoes [`unslice`]: keeps one slice in the store, the rest in reserve.
pub(crate) fn reslice(mut ctx: impl AsContextMut<Data = HostState>) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let have = ctx.get_fuel()?;
    let meter = &mut ctx.data_mut().meter;
    let keep = have.min(meter.slice);
    meter.reserve = meter.reserve.saturating_add(have - keep);
    ctx.set_fuel(keep)
}

/// Fuel the current call group has used so far.
pub(crate) fn fuel_consumed(ctx: impl AsContext<Data = HostState>) -> u64 {
    let ctx = ctx.as_context();
    let left = ctx.get_fuel().unwrap_or(0);
    let meter = &ctx.data().meter;
    meter.budget.saturating_sub(meter.reserve.saturating_add(left))
}

/// The host error that stops a guest at its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DeadlineExceeded {
    pub(crate) timeout: Duration,
}

impl fmt::Display for DeadlineExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "deadline of {} ms exceeded", self.timeout.as_millis())
    }
}

impl wasmi::errors::HostError for DeadlineExceeded {}

/// Called when the store's fuel ran out with `required` fuel needed to go
/// on: checks the deadline, then moves the next slice from the reserve into
/// the store.
fn refuel(mut ctx: impl AsContextMut<Data = HostState>, required: u64) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let have = ctx.get_fuel()?;
    let meter = &mut ctx.data_mut().meter;
    if let (Some(deadline), Some(timeout)) = (meter.deadline, meter.timeout) {
        if Instant::now() >= deadline {
            return Err(wasmi::Error::host(DeadlineExceeded { timeout }));
        }
    }
    let need = required.saturating_sub(have);
    let give = meter.slice.max(need).min(meter.reserve);
    if give < need || give == 0 {
        return Err(wasmi::Error::from(wasmi::TrapCode::OutOfFuel));
    }
    meter.reserve -= give;
    ctx.set_fuel(have + give)
}

/// Calls `func` under the current call group's limits: resumes it after
/// every fuel slice until it returns, fails, runs out of budget or passes
/// the deadline.
///
/// A host error raised inside (by a host function, or by a nested
/// [`call`]) comes back as `Err` unchanged.
pub(crate) fn call(
    mut ctx: impl AsContextMut<Data = HostState>,
    func: &Func,
    inputs: &[Val],
    outputs: &mut [Val],
) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let mut call = func.call_resumable(&mut ctx, inputs, outputs)?;
    loop {
        match call {
            ResumableCall::Finished => return Ok(()),
            ResumableCall::HostTrap(trap) => return Err(trap.into_host_error()),
            ResumableCall::OutOfFuel(paused) => {
                refuel(&mut ctx, paused.required_fuel())?;
                call = paused.resume(&mut ctx, outputs)?;
            }
        }
    }
}
