//! Emscripten-style setjmp/longjmp: `env.invoke_vii` and
//! `env._emscripten_throw_longjmp`, implemented the way Emscripten's JS glue
//! and Flow-Like's host do.
//!
//! `_emscripten_throw_longjmp` raises the host error [`Longjmp`];
//! `invoke_vii(index, a, b)` calls table entry `index` with `(a, b)` and, if
//! a [`Longjmp`] comes out, restores the guest stack pointer and calls
//! `setThrew(1, 0)`.
//!
//! The code here works on any store whose data implements [`SjljHost`], so
//! it depends on [`crate::meter`] (every nested call is metered) and not on
//! the rest of the import set.

use std::fmt;

use wasmi::{AsContext, Caller, Extern, Func, Instance, Ref, Table, Val, ValType};

use crate::error::{HostCallError, HostCallProblem};
use crate::meter::{self, Metered};

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

/// The setjmp/longjmp part of an instance's store data.
#[derive(Debug, Clone)]
pub(crate) struct SjljState {
    /// The exports, resolved after instantiation (or lazily on first use if
    /// the start function already needs them).
    pub(crate) exports: Option<Sjlj>,
    /// Current `invoke_vii` nesting.
    depth: u32,
    /// Maximum `invoke_vii` nesting.
    max_depth: u32,
}

impl SjljState {
    /// No exports resolved yet, nesting 0.
    pub(crate) fn new(max_depth: u32) -> Self {
        Self { exports: None, depth: 0, max_depth }
    }

    /// Resets the nesting for a new call group.
    pub(crate) fn begin(&mut self, max_depth: u32) {
        self.depth = 0;
        self.max_depth = max_depth;
    }
}

/// Store data that `env.invoke_vii` can work with.
pub(crate) trait SjljHost: Metered {
    /// The setjmp/longjmp state.
    fn sjlj(&mut self) -> &mut SjljState;
}

const INVOKE: &str = "env.invoke_vii";

fn raise(problem: HostCallProblem) -> wasmi::Error {
    HostCallError::raise(INVOKE, problem)
}

/// The setjmp/longjmp exports of the calling instance: cached in the store,
/// resolved on first use.
fn exports_of<T: SjljHost>(caller: &mut Caller<'_, T>) -> Result<Sjlj, wasmi::Error> {
    if let Some(sjlj) = caller.data_mut().sjlj().exports {
        return Ok(sjlj);
    }
    let sjlj = Sjlj::resolve(&*caller, |name| caller.get_export(name)).map_err(|name| {
        let need = SJLJ_EXPORTS.iter().find(|(n, _)| *n == name).map_or("", |(_, need)| *need);
        raise(HostCallProblem::MissingExport { name, need })
    })?;
    caller.data_mut().sjlj().exports = Some(sjlj);
    Ok(sjlj)
}

/// `env._emscripten_throw_longjmp()`.
pub(crate) fn throw_longjmp() -> Result<(), wasmi::Error> {
    Err(wasmi::Error::host(Longjmp))
}

/// Native stack that must be left before `invoke_vii` re-enters the guest.
const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each extra stack segment `invoke_vii` switches to.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// `env.invoke_vii(index, a, b)`: calls table entry `index` with `(a, b)`;
/// a longjmp out of it restores the guest stack pointer and calls
/// `setThrew(1, 0)`, as Emscripten's JS glue and Flow-Like's host do.
pub(crate) fn invoke_vii<T: SjljHost>(caller: &mut Caller<'_, T>, index: i32, a: i32, b: i32) -> Result<(), wasmi::Error> {
    let sjlj = exports_of(caller)?;
    let state = caller.data_mut().sjlj();
    if state.depth >= state.max_depth {
        return Err(raise(HostCallProblem::InvokeDepth { max: state.max_depth }));
    }
    let mut sp = [Val::I32(0)];
    match sjlj.stack_pointer {
        Some(global) => sp[0] = global.get(&*caller),
        None => meter::call(&mut *caller, &sjlj.stack_get_current, &[], &mut sp)?,
    }
    let index = index as u32;
    let func: Func = match sjlj.table.get(&*caller, u64::from(index)) {
        Some(Ref::Func(func)) => match func.val() {
            Some(func) => *func,
            None => return Err(raise(HostCallProblem::NullEntry { index })),
        },
        Some(Ref::Extern(_)) => return Err(raise(HostCallProblem::NotFuncTable)),
        None => return Err(raise(HostCallProblem::IndexOutOfRange { index, size: sjlj.table.size(&*caller) })),
    };
    caller.data_mut().sjlj().depth += 1;
    // Each nesting level is a native host frame plus a wasmi executor frame;
    // switch to a fresh stack segment when the current one runs low, so deep
    // guest recursion never overflows the host thread's stack.
    // The call is metered like a top-level one: it pauses at every fuel
    // slice to check the deadline.
    let result = match crate::guarded_stack::remaining() {
        // On the reserved stack: every level must leave room for a slice of
        // `memory.grow` loops below it.
        Some(left) if left < crate::guarded_stack::GROW_HEADROOM + STACK_RED_ZONE => {
            Err(raise(HostCallProblem::NativeStack { depth: caller.data_mut().sjlj().depth }))
        }
        Some(_) => meter::call(&mut *caller, &func, &[Val::I32(a), Val::I32(b)], &mut []),
        None => {
            stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || meter::call(&mut *caller, &func, &[Val::I32(a), Val::I32(b)], &mut []))
        }
    };
    caller.data_mut().sjlj().depth -= 1;
    match result {
        Ok(()) => Ok(()),
        Err(error) if error.downcast_ref::<Longjmp>().is_some() => {
            meter::call(&mut *caller, &sjlj.stack_restore, &sp, &mut [])?;
            meter::call(&mut *caller, &sjlj.set_threw, &[Val::I32(1), Val::I32(0)], &mut [])?;
            Ok(())
        }
        Err(error) if matches!(error.kind(), wasmi::errors::ErrorKind::Func(_)) => {
            let ty = func.ty(&*caller);
            Err(raise(HostCallProblem::EntrySignature { index, found: crate::error::format_signature(ty.params(), ty.results()) }))
        }
        Err(error) => Err(error),
    }
}
