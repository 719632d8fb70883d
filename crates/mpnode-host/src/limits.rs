//! Resource limits applied to each call group (instantiation, a definition
//! query, a run): plain configuration. The machinery that enforces them is
//! in [`crate::meter`]; this module depends on nothing else in the crate.
//!
//! Three budgets, each with its own error in the run result:
//!
//! - **fuel** (wasmi's instruction metering): `node ran out of fuel …`;
//! - **memory** (bytes of linear memory, checked by a wasmi
//!   [`ResourceLimiter`] on every growth and at instantiation):
//!   `… memory limit of N bytes …`;
//! - **deadline** (wall-clock time per call group): `… deadline of N ms …`.
//!
//! The deadline is enforced with fuel slices (see [`crate::meter`]).

use std::time::Duration;

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

/// The largest fuel slice: the native stack reserved for guest calls is
/// sized for it (wasmi keeps a native frame per `memory.grow`/`table.grow`
/// until a slice ends; see `guarded_stack.rs`). Larger requests are capped.
/// A module's start function, which cannot be paused, gets at most one
/// slice.
pub const MAX_FUEL_SLICE: u64 = 1 << 20;

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
    /// A module's start function (mpnode's runtime has none) cannot be
    /// paused to look at the clock: it gets one fuel slice (a few
    /// milliseconds) and fails if it needs more.
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

    /// Sets the fuel slice (at least 1, at most [`MAX_FUEL_SLICE`]).
    pub fn with_fuel_slice(mut self, slice: u64) -> Self {
        self.fuel_slice = slice.clamp(1, MAX_FUEL_SLICE);
        self
    }

    /// Sets the maximum `env.invoke_vii` nesting depth.
    pub fn with_max_invoke_depth(mut self, depth: u32) -> Self {
        self.max_invoke_depth = depth;
        self
    }
}
