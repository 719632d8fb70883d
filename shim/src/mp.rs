//! The MicroPython side as the shim uses it: bindgen's bindings, the
//! protected call, GC roots and small conveniences over the C API.

#![allow(non_upper_case_globals, non_camel_case_types, non_snake_case, dead_code, clippy::all)]

use core::ffi::c_void;

/// Raw bindings to MicroPython's C API and our port's helpers.
pub mod sys {
    include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
}

pub use sys::mp_obj_t as Obj;

/// A Python exception that escaped the protected call.
#[derive(Clone, Copy)]
pub struct Exception(pub Obj);

/// Runs `f` as the body of `nlr_protect`, the port's one protected-call
/// primitive. A Python exception raised inside unwinds to here and comes back
/// as `Err`. `f` must not own anything with a destructor: a raise abandons
/// its frames without running them.
pub fn protect<F: FnOnce()>(f: F) -> Result<(), Exception> {
    extern "C" fn body<F: FnOnce()>(a: *mut c_void, _b: *mut c_void) {
        // SAFETY: `a` is the `Option<F>` below, alive for the whole call.
        let f = unsafe { (*(a as *mut Option<F>)).take() };
        if let Some(f) = f {
            f();
        }
    }
    let mut slot = Some(f);
    // SAFETY: nlr_protect calls body(a, b) once, with the pointers we pass.
    let exc = unsafe { sys::nlr_protect(Some(body::<F>), &mut slot as *mut Option<F> as *mut c_void, core::ptr::null_mut()) };
    if exc.is_null() {
        Ok(())
    } else {
        Err(Exception(exc as Obj))
    }
}

/// Slots of the GC root array (`MICROPY_PORT_ROOT_POINTERS`).
#[derive(Clone, Copy)]
#[repr(usize)]
pub enum Root {
    /// The node's module object.
    Module = 0,
    /// The node's `run` function.
    RunFn = 1,
    /// Buffer handed out by `alloc`.
    Input = 2,
    /// Result buffer handed to the host.
    Output = 3,
    /// Message for `mpnode_last_error`.
    LastError = 4,
    /// The node's `get_node` / `get_nodes` function.
    DefFn = 5,
    /// Error raised while the node's module was imported.
    InitError = 6,
    /// The run's envelope while the node runs, then its result.
    Envelope = 7,
}

/// Calls `f(arg)` as the GC's "clean" entry: the VM may collect at safe
/// points inside `f` if `f` is a bytecode function (see
/// micropython/patches/0004). The caller must have rooted `arg` and
/// everything else it holds.
///
/// # Safety
/// Must run inside `protect`.
pub unsafe fn call_clean(f: Obj, args: &[Obj]) -> Obj {
    sys::mpn_gc_clean = true;
    sys::mpn_gc_direct_fun = f;
    let r = sys::mp_call_function_n_kw(f, args.len(), 0, args.as_ptr());
    sys::mpn_gc_clean = false;
    r
}

/// Collects if an allocation asked for it. Only where the caller holds no
/// unrooted object.
pub fn collect_if_wanted() {
    unsafe {
        if sys::mpn_gc_wanted {
            sys::mpn_gc_safe_point();
        }
    }
}

/// Reads a GC root.
pub fn root(slot: Root) -> *mut c_void {
    // SAFETY: mpn_roots returns the array inside MP_STATE_VM, 8 entries.
    unsafe { *sys::mpn_roots().add(slot as usize) }
}

/// Sets a GC root, keeping the object alive until it is replaced.
pub fn set_root(slot: Root, value: *mut c_void) {
    // SAFETY: as in `root`.
    unsafe { *sys::mpn_roots().add(slot as usize) = value }
}

/// `None`.
pub fn none() -> Obj {
    unsafe { sys::mpn_const_none() }
}

/// A Python `bool`.
pub fn bool_obj(b: bool) -> Obj {
    unsafe {
        if b {
            sys::mpn_const_true()
        } else {
            sys::mpn_const_false()
        }
    }
}

/// A new `str` from UTF-8 bytes (may raise MemoryError). Not interned:
/// `mp_obj_new_str` first looks for an equal qstr, a linear scan over every
/// qstr in v1.9.4, which dominated a small node's run.
pub fn new_str(s: &[u8]) -> Obj {
    unsafe { sys::mp_obj_new_str_copy(&sys::mp_type_str, s.as_ptr(), s.len()) }
}

/// Interns a name.
pub fn qstr(s: &[u8]) -> sys::qstr {
    unsafe { sys::mpn_qstr(s.as_ptr() as *const _, s.len()) }
}

/// The bytes of a `str` object.
///
/// # Safety
/// `o` must be a str; the slice lives as long as the object does.
pub unsafe fn str_bytes<'a>(o: Obj) -> &'a [u8] {
    let mut len = 0usize;
    let p = sys::mp_obj_str_get_data(o, &mut len);
    core::slice::from_raw_parts(p as *const u8, len)
}

/// What kind of value `o` is, as far as JSON cares.
pub fn kind(o: Obj) -> sys::mpn_kind_t {
    unsafe { sys::mpn_kind(o) }
}

/// A vstr that owns nothing yet.
pub fn empty_vstr() -> sys::vstr_t {
    // SAFETY: all-zero is a valid (empty, not fixed) vstr_t.
    unsafe { core::mem::zeroed() }
}

/// A growable byte buffer on the MicroPython heap (a `vstr_t`). Keep it in a
/// local of a function on the protected call's stack: the GC finds the
/// buffer through it.
pub struct Buf {
    /// The underlying vstr.
    pub v: sys::vstr_t,
}

impl Buf {
    /// A buffer that owns nothing yet (no allocation, cannot raise).
    pub fn empty() -> Buf {
        Buf { v: empty_vstr() }
    }

    /// A new buffer (may raise MemoryError).
    pub fn new(cap: usize) -> Buf {
        let mut v = empty_vstr();
        unsafe { sys::vstr_init(&mut v, cap) };
        Buf { v }
    }

    /// Appends bytes (may raise MemoryError).
    pub fn push(&mut self, s: &[u8]) {
        unsafe { sys::vstr_add_strn(&mut self.v, s.as_ptr() as *const _, s.len()) }
    }

    /// Appends one byte (may raise MemoryError).
    pub fn push_byte(&mut self, b: u8) {
        unsafe { sys::vstr_add_byte(&mut self.v, b) }
    }

    /// The bytes written so far.
    pub fn bytes(&self) -> &[u8] {
        if self.v.buf.is_null() {
            &[]
        } else {
            unsafe { core::slice::from_raw_parts(self.v.buf as *const u8, self.v.len) }
        }
    }
}
