//! The shared [`Engine`]: a wasmi [`wasmi::Engine`] with fuel metering on,
//! plus the [`Linker`] holding Flow-Like's host import set.
//!
//! Create one and share it between all nodes; cloning is cheap (two
//! reference-counted handles).

use std::fmt;
use std::sync::Arc;

use wasmi::{Config, CustomFuelCosts, Linker};

use crate::error::Error;
use crate::host_state::HostState;
use crate::imports;

/// Engine stacks kept for reuse. Every nested `env.invoke_vii` call runs on
/// its own engine stack, so keeping a few avoids reallocating them on every
/// guest function call.
const CACHED_STACKS: usize = 16;

/// wasmi's fuel costs, except that translating and validating a function
/// (done lazily, the first time it is called) costs nothing.
///
/// By default wasmi charges 9 fuel per byte of a function's body when it
/// compiles it, in the middle of the call that first reaches it. That makes
/// the first run of a node cost more than the next ones, and, worse, wasmi
/// cannot resume a call that runs out of fuel while compiling: with the
/// fuel slices that enforce the deadline (see [`crate::limits`]) a run
/// could fail with "out of fuel" while most of its budget was left.
/// Compilation is the host's work, done once per module; fuel counts what
/// the guest executes.
pub const FUEL_COSTS: CustomFuelCosts =
    CustomFuelCosts { bytes_copied_per_fuel: 64, fuel_per_bytes_translated: 0, fuel_per_bytes_validated: 0 };

/// A wasmi engine configured for node modules, and the host linker.
#[derive(Clone)]
pub struct Engine {
    engine: wasmi::Engine,
    linker: Arc<Linker<HostState>>,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
};

/// Nested wasm calls one execution stack may hold (wasmi's default: 1,000).
/// C code that recurses over deep values (`repr`, `==`, `hash` of nested
/// lists) keeps its frames in wasm locals, so MicroPython's stack check,
/// which measures the shadow stack in linear memory, needs this room to
/// fire first and raise `RuntimeError` instead of a wasmi trap.
const MAX_RECURSION_DEPTH: usize = 16_384;
/// Bytes of values one execution stack may hold (wasmi's default: 1 MB),
/// sized with [`MAX_RECURSION_DEPTH`]. A stack grows only as far as it is
/// used.
const MAX_STACK_HEIGHT: usize = 8 << 20;

impl Engine {
    /// An engine with mpnode's configuration: fuel metering on, lazy
    /// translation (wasmi's default), a few cached execution stacks.
    pub fn new() -> Self {
        let mut config = Config::default();
        config.set_max_cached_stacks(CACHED_STACKS);
        config.set_max_recursion_depth(MAX_RECURSION_DEPTH);
        config.set_max_stack_height(MAX_STACK_HEIGHT);
        Self::with_config(config)
    }

    /// An engine built from a custom wasmi [`Config`]. Fuel metering is
    /// switched on regardless (mpnode always meters fuel), and compiling a
    /// function costs no fuel (see [`FUEL_COSTS`]).
    pub fn with_config(mut config: Config) -> Self {
        config.consume_fuel(true);
        config.fuel_cost(FUEL_COSTS);
        let engine = wasmi::Engine::new(&config);
        let linker = match imports::linker(&engine) {
            Ok(linker) => linker,
            // Only a duplicate definition can fail, and the host import
            // table has none (checked by a unit test).
            Err(e) => unreachable!("mpnode's host linker is inconsistent: {e}"),
        };
        Self { engine, linker: Arc::new(linker) }
    }

    /// The underlying wasmi engine.
    pub fn wasmi(&self) -> &wasmi::Engine {
        &self.engine
    }

    /// The linker holding the host import set.
    pub(crate) fn linker(&self) -> &Linker<HostState> {
        &self.linker
    }

    /// Compiles (validates; wasmi translates function bodies lazily) a
    /// module for this engine.
    ///
    /// # Errors
    ///
    /// [`Error::Compile`] when the bytes are not a valid module.
    pub fn compile(&self, wasm: &[u8]) -> Result<wasmi::Module, Error> {
        wasmi::Module::new(&self.engine, wasm).map_err(Error::Compile)
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine").finish_non_exhaustive()
    }
}
