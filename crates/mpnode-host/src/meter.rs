//! Enforcement of [`Limits`]: the memory limiter installed in every store,
//! and the fuel/deadline meter every call into the guest goes through.
//!
//! The deadline is enforced with fuel slices: the store never holds more
//! than [`Limits::fuel_slice`] fuel. When a slice runs out, wasmi pauses the
//! call (a *resumable* call), the host checks the clock, adds the next slice
//! from the budget and resumes. Every call into the guest goes through
//! [`call`], including the nested calls `env.invoke_vii` makes for every
//! Python call, so a node that loops forever, in plain wasm or through any
//! depth of host re-entry, is stopped within one slice of its deadline.
//!
//! The functions here work on any store whose data implements [`Metered`]
//! (the host state does), so this module depends on [`crate::limits`] only.

use std::fmt;
use std::time::{Duration, Instant};

use wasmi::{AsContext, AsContextMut, Func, ResumableCall, Val};
use wasmi_core::LimiterError;

use crate::guarded_stack;
use crate::limits::{Limits, DEFAULT_FUEL_SLICE, MAX_FUEL_SLICE};

/// Store data that carries a [`Meter`] and a [`MemoryLimiter`].
pub(crate) trait Metered {
    /// The fuel and time accounting of the current call group.
    fn meter(&self) -> &Meter;
    /// Mutable access to the meter.
    fn meter_mut(&mut self) -> &mut Meter;
    /// The memory limiter installed in the store.
    fn limiter_mut(&mut self) -> &mut MemoryLimiter;
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
    /// Bytes of linear memory granted so far.
    memory_bytes: usize,
    /// Table elements granted so far (counted against `limit` at
    /// [`TABLE_ELEMENT_BYTES`] each).
    table_elements: usize,
    /// Bytes the guest asked for when a growth was refused in this call
    /// group.
    pub(crate) refused: Option<usize>,
}

impl MemoryLimiter {
    pub(crate) fn new(limit: usize) -> Self {
        Self { limit, refused: None, memory_bytes: 0, table_elements: 0 }
    }
}

impl wasmi::ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
        let tables = table_charge(self.table_elements);
        if desired.saturating_add(tables) > self.limit {
            self.refused.get_or_insert(desired.saturating_add(tables));
            return Ok(false);
        }
        let ok = maximum.is_none_or(|max| desired <= max);
        if ok {
            self.memory_bytes = self.memory_bytes.saturating_sub(current).saturating_add(desired);
        }
        Ok(ok)
    }

    fn table_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
        // Tables live in host memory: they count against the memory limit.
        let elements = self.table_elements.saturating_sub(current).saturating_add(desired);
        let total = self.memory_bytes.saturating_add(table_charge(elements));
        if total > self.limit {
            self.refused.get_or_insert(total);
            return Ok(false);
        }
        let ok = maximum.is_none_or(|max| desired <= max);
        if ok {
            self.table_elements = elements;
        }
        Ok(ok)
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

/// What one table element counts against the memory limit: wasmi holds
/// each as an 8-byte reference; 16 leaves room for the vector's growth.
pub(crate) const TABLE_ELEMENT_BYTES: usize = 16;

/// Table bytes that do not count against the memory limit (64 Ki
/// elements): real modules' function tables fit in it, so a memory limit
/// means the same with or without a table; a table grown past it counts.
pub(crate) const TABLE_ALLOWANCE: usize = 1 << 20;

/// What `elements` table elements count against the memory limit.
fn table_charge(elements: usize) -> usize {
    elements.saturating_mul(TABLE_ELEMENT_BYTES).saturating_sub(TABLE_ALLOWANCE)
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
pub(crate) fn begin<T: Metered>(mut ctx: impl AsContextMut<Data = T>, limits: &Limits) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let slice = limits.fuel_slice.clamp(1, MAX_FUEL_SLICE);
    let first = slice.min(limits.fuel);
    let state = ctx.data_mut();
    *state.meter_mut() = Meter {
        reserve: limits.fuel - first,
        slice,
        budget: limits.fuel,
        deadline: limits.timeout.map(|t| Instant::now() + t),
        timeout: limits.timeout,
    };
    let limiter = state.limiter_mut();
    limiter.limit = limits.memory;
    limiter.refused = None;
    ctx.set_fuel(first)
}

/// Keeps one slice in the store, the rest in reserve (after a call that
/// used less than its slice, e.g. a start function).
pub(crate) fn reslice<T: Metered>(mut ctx: impl AsContextMut<Data = T>) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let have = ctx.get_fuel()?;
    let meter = ctx.data_mut().meter_mut();
    let keep = have.min(meter.slice);
    meter.reserve = meter.reserve.saturating_add(have - keep);
    ctx.set_fuel(keep)
}

/// Fuel the current call group has used so far.
pub(crate) fn fuel_consumed<T: Metered>(ctx: impl AsContext<Data = T>) -> u64 {
    let ctx = ctx.as_context();
    let left = ctx.get_fuel().unwrap_or(0);
    let meter = ctx.data().meter();
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

impl Meter {
    /// `Err(DeadlineExceeded)` once the call group's deadline has passed:
    /// host functions that do real work (copying or parsing what the guest
    /// passed) call it, since their time costs no fuel.
    pub(crate) fn check_deadline(&self) -> Result<(), wasmi::Error> {
        if let (Some(deadline), Some(timeout)) = (self.deadline, self.timeout) {
            if Instant::now() >= deadline {
                return Err(wasmi::Error::host(DeadlineExceeded { timeout }));
            }
        }
        Ok(())
    }
}

/// Called when the store's fuel ran out with `required` fuel needed to go
/// on: checks the deadline, then moves the next slice from the reserve into
/// the store.
fn refuel<T: Metered>(mut ctx: impl AsContextMut<Data = T>, required: u64) -> Result<(), wasmi::Error> {
    let mut ctx = ctx.as_context_mut();
    let have = ctx.get_fuel()?;
    let meter = ctx.data_mut().meter_mut();
    meter.check_deadline()?;
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
pub(crate) fn call<T: Metered>(
    mut ctx: impl AsContextMut<Data = T>,
    func: &Func,
    inputs: &[Val],
    outputs: &mut [Val],
) -> Result<(), wasmi::Error> {
    let ctx = ctx.as_context_mut();
    // On the reserved stack (see `guarded_stack`): a slice of `memory.grow`
    // loops cannot overflow it. Nested calls are already on it.
    guarded_stack::run(move || resume_until_done(ctx, func, inputs, outputs))
}

fn resume_until_done<T: Metered>(
    ctx: wasmi::StoreContextMut<'_, T>,
    func: &Func,
    inputs: &[Val],
    outputs: &mut [Val],
) -> Result<(), wasmi::Error> {
    let mut ctx = ctx;
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
