//! The native stack guest code runs on.
//!
//! wasmi 2.0 dispatches instructions with tail calls, except that
//! `memory.grow` and `table.grow` keep their handler's native frame until
//! the interpreter returns to the host (a fuel slice ends, the call ends, a
//! host function traps). A guest that runs those instructions in a loop
//! therefore grows the native stack by about 55 bytes per unit of fuel
//! (measured, x86-64, optimised wasmi: an 8 MiB thread stack overflowed at
//! a fuel slice between 100,000 and 200,000), and a 2^20 slice would need
//! about 58 MiB. An overflow aborts the whole host process.
//!
//! So every call into the guest runs on a stack reserved for it: one region
//! of [`RESERVE`] bytes of address space per thread, mapped once (lazily
//! committed, so it costs address space, not memory), with a guard page
//! below it. Entering it is a stack switch, nothing else. The fuel slice is
//! capped at [`crate::limits::MAX_FUEL_SLICE`] so one slice can never need
//! more than [`GROW_HEADROOM`]; nested guest calls (`env.invoke_vii`) are
//! refused once less than that is left.
//!
//! On targets without `mmap` the region comes from [`stacker`] instead
//! (a fresh segment per top-level call).

use std::cell::Cell;

/// Address space reserved per thread for guest calls.
pub(crate) const RESERVE: usize = 512 << 20;

/// Native stack one fuel slice of `memory.grow`/`table.grow` loops may
/// need: 2^20 fuel × ~55 bytes, doubled.
pub(crate) const GROW_HEADROOM: usize = 128 << 20;

thread_local! {
    /// `(low, high)` addresses of this thread's region while a guest call
    /// runs on it.
    static ACTIVE: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
}

/// Bytes left on the guarded stack below the current frame, or `None`
/// when not running on it.
pub(crate) fn remaining() -> Option<usize> {
    let here = psm::stack_pointer() as usize;
    ACTIVE.with(|a| a.get()).map(|(low, _)| here.saturating_sub(low))
}

/// Runs `f` on this thread's guarded stack (directly, if already on it).
pub(crate) fn run<R>(f: impl FnOnce() -> R) -> R {
    if ACTIVE.with(|a| a.get()).is_some() {
        return f();
    }
    imp::on_guarded_stack(f)
}

#[cfg(unix)]
mod imp {
    use super::{ACTIVE, RESERVE};

    /// The region of this thread, mapped on first use, unmapped when the
    /// thread ends.
    struct Region {
        base: *mut u8,
        len: usize,
    }

    impl Drop for Region {
        fn drop(&mut self) {
            // SAFETY: `base`/`len` are exactly what mmap returned, and
            // nothing runs on the region once its thread ends.
            unsafe { libc::munmap(self.base.cast(), self.len) };
        }
    }

    thread_local! {
        static REGION: Option<Region> = map();
    }

    fn page_size() -> usize {
        // SAFETY: sysconf has no preconditions.
        let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        usize::try_from(size).ok().filter(|&s| s > 0).unwrap_or(4096)
    }

    fn map() -> Option<Region> {
        let page = page_size();
        let len = RESERVE + page;
        // SAFETY: an anonymous private mapping, no address hint.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANON | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        // The lowest page is the guard: touching it faults instead of
        // running into whatever is mapped below.
        // SAFETY: the first page of the mapping just made.
        if unsafe { libc::mprotect(base, page, libc::PROT_NONE) } != 0 {
            // SAFETY: the mapping just made.
            unsafe { libc::munmap(base, len) };
            return None;
        }
        Some(Region { base: base.cast(), len })
    }

    pub(super) fn on_guarded_stack<R>(f: impl FnOnce() -> R) -> R {
        let stack = REGION.with(|r| r.as_ref().map(|r| (r.base as usize + page_size(), RESERVE)));
        let Some((low, size)) = stack else {
            // No address space for the region: a fresh segment per call.
            return stacker::grow(super::GROW_HEADROOM * 2, f);
        };
        ACTIVE.with(|a| a.set(Some((low, low + size))));
        let mut f = Some(f);
        // SAFETY: `low..low + size` is mapped read-write, page aligned, used
        // by nothing else (ACTIVE keeps a nested call on it from switching
        // again), and lives as long as the thread. The callback does not
        // unwind: a panic is caught here and resumed after switching back.
        let result = unsafe {
            psm::on_stack(low as *mut u8, size, || std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (f.take().unwrap())())))
        };
        ACTIVE.with(|a| a.set(None));
        match result {
            Ok(value) => value,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub(super) fn on_guarded_stack<R>(f: impl FnOnce() -> R) -> R {
        // stacker tracks the new segment's bounds itself; `remaining` then
        // answers None and `invoke_vii` uses stacker's checks.
        stacker::grow(super::GROW_HEADROOM * 2, f)
    }
}
