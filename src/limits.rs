//! Resource limits applied to each call group (instantiation, a definition
//! query, a run).
//!
//! Today: fuel, and a cap on how deeply `env.invoke_vii` may nest (each
//! level is a host → guest re-entry on the native stack). Memory caps and a
//! wall-clock deadline are planned; they will be fields here and the rest of
//! the host picks them up from [`Limits`] without API changes.

/// Flow-Like's default fuel budget (10^11).
pub const DEFAULT_FUEL: u64 = 100_000_000_000;

/// Flow-Like's restrictive preset fuel budget (10^9).
pub const RESTRICTIVE_FUEL: u64 = 1_000_000_000;

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
/// Build one with [`Limits::default`] (Flow-Like's defaults) or
/// [`Limits::restrictive`], then adjust with the `with_*` methods.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Fuel available to each call group: instantiation (start function,
    /// `_initialize`, `_start`), one `definition` query, or one run
    /// (`alloc`, `run`, `dealloc` together).
    pub fuel: u64,
    /// Maximum nesting of `env.invoke_vii`; deeper nesting traps with a clear
    /// message instead of overflowing the native stack.
    pub max_invoke_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            fuel: DEFAULT_FUEL,
            max_invoke_depth: DEFAULT_MAX_INVOKE_DEPTH,
        }
    }
}

impl Limits {
    /// Flow-Like's restrictive preset (10^9 fuel).
    pub fn restrictive() -> Self {
        Self {
            fuel: RESTRICTIVE_FUEL,
            ..Self::default()
        }
    }

    /// Sets the fuel per call group.
    pub fn with_fuel(mut self, fuel: u64) -> Self {
        self.fuel = fuel;
        self
    }

    /// Sets the maximum `env.invoke_vii` nesting depth.
    pub fn with_max_invoke_depth(mut self, depth: u32) -> Self {
        self.max_invoke_depth = depth;
        self
    }
}
