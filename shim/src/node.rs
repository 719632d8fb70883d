//! Flow-Like's core-module node contract (`shared/flow-like-abi.md`):
//! `_initialize`, `get_node`, `get_nodes`, `run`, `alloc`, `dealloc`,
//! `get_abi_version`, plus `mpnode_last_error` for our host.

use crate::config;
use crate::json::{self, JsonError, Piece::S};
use crate::mp::{self, sys, Buf, Exception, Obj, Root};
use core::ffi::c_void;

/// The ABI version we speak (Flow-Like's host is at 1 and does not check).
const ABI_VERSION: i32 = 1;

/// Interned names, looked up once: MicroPython v1.9.4 finds a qstr by a
/// linear scan, so a per-run lookup would dominate a small node.
struct Names {
    get_node: sys::qstr,
    get_nodes: sys::qstr,
    get_definition: sys::qstr,
    get_definitions: sys::qstr,
    run: sys::qstr,
    inputs: sys::qstr,
    outputs: sys::qstr,
    error: sys::qstr,
    activate_exec: sys::qstr,
    pending: sys::qstr,
}

static mut NAMES: Names = Names {
    get_node: 0,
    get_nodes: 0,
    get_definition: 0,
    get_definitions: 0,
    run: 0,
    inputs: 0,
    outputs: 0,
    error: 0,
    activate_exec: 0,
    pending: 0,
};

fn names() -> &'static Names {
    // SAFETY: written once in _initialize before any other export runs.
    unsafe { &*core::ptr::addr_of!(NAMES) }
}

fn qobj(q: sys::qstr) -> Obj {
    ((q as usize) << 2 | 2) as Obj // MP_OBJ_NEW_QSTR
}

fn lookup(d: Obj, q: sys::qstr) -> Option<Obj> {
    unsafe {
        let map = sys::mp_obj_dict_get_map(d);
        let e = sys::mp_map_lookup(map, qobj(q), sys::_mp_map_lookup_kind_t_MP_MAP_LOOKUP);
        if e.is_null() {
            None
        } else {
            Some((*e).value)
        }
    }
}

extern "C" {
    static __heap_base: u8;
}

fn pack(ptr: *const u8, len: usize) -> i64 {
    ((ptr as u32 as i64) << 32) | (len as u32 as i64)
}

/// Hands a finished buffer to the host: keep it alive until the next call.
fn hand_out(buf: &Buf, slot: Root) -> i64 {
    mp::set_root(slot, buf.v.buf as *mut c_void);
    pack(buf.v.buf as *const u8, buf.v.len)
}

/// The last resort when even the heap is exhausted: a fixed message.
fn static_result(msg: &'static [u8]) -> i64 {
    pack(msg.as_ptr(), msg.len())
}

/// Appends an exception as CPython prints it (traceback, then
/// `Type: message`, no final newline) to `out`, as plain text.
fn format_exception(out: &mut Buf, e: Exception) {
    let start = out.v.len;
    let vp = &mut out.v as *mut sys::vstr_t;
    if mp::protect(|| unsafe { sys::mpn_format_exception(e.0, vp) }).is_err() {
        out.v.len = start;
        out.push(b"an exception that could not be formatted (out of memory?)");
    }
    if out.v.len > start && out.bytes().last() == Some(&b'\n') {
        out.v.len -= 1;
    }
}

// ---- _initialize -------------------------------------------------------------------

/// The GC heap at start, in bytes: the seed node runs in it without a
/// collection, and the module stays within 4 pages.
const INITIAL_HEAP: usize = 64 * 1024;

/// Set at the end of `_initialize`. A module snapshotted by `mpnode build`
/// (see `src/snapshot.rs` in the host crate) starts with it set: its memory
/// already holds the started interpreter and the imported node.
static mut INITIALIZED: bool = false;

/// Runs once after instantiation: sets up the heap and the interpreter and
/// imports the node's code. A failing import is remembered and reported by
/// every later call. In a snapshotted module only the random seed is left
/// to do (the snapshot was taken with the host's random source frozen).
#[no_mangle]
pub extern "C" fn _initialize() {
    // SAFETY: single-threaded guest.
    if unsafe { INITIALIZED } {
        seed_random();
        return;
    }
    let cfg = config::read();
    // SAFETY: taking the address of a linker symbol.
    let base = unsafe { core::ptr::addr_of!(__heap_base) } as usize;
    let start = (base.max(cfg.payload_end as usize) + 15) & !15;
    // The heap starts small, at least INITIAL_HEAP and the rest of the last
    // page, and grows as the node allocates (micropython/mpnode_port.c).
    let have = core::arch::wasm32::memory_size(0) * 65536;
    let mut end = (start + INITIAL_HEAP).max(have);
    if cfg.heap_size != 0 {
        end = end.min(start + cfg.heap_size as usize);
    }
    if end > have {
        let pages = (end - have).div_ceil(65536);
        if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
            core::arch::wasm32::unreachable(); // the host refused the heap
        }
    }
    if cfg.heap_size == 0 {
        end = core::arch::wasm32::memory_size(0) * 65536;
    }
    unsafe {
        sys::mpn_init(start as *mut c_void, end as *mut c_void);
        NAMES = Names {
            get_node: mp::qstr(b"get_node"),
            get_nodes: mp::qstr(b"get_nodes"),
            get_definition: mp::qstr(b"get_definition"),
            get_definitions: mp::qstr(b"get_definitions"),
            run: mp::qstr(b"run"),
            inputs: mp::qstr(b"inputs"),
            outputs: mp::qstr(b"outputs"),
            error: mp::qstr(b"error"),
            activate_exec: mp::qstr(b"activate_exec"),
            pending: mp::qstr(b"pending"),
        };
    }
    seed_random();
    if cfg.payload_kind == config::PAYLOAD_FILES && cfg.files_count > 0 {
        // SAFETY: the packer wrote the table and the files where it says.
        let main = unsafe {
            sys::mpn_set_files(cfg.files_ptr as *const c_void, cfg.files_count as usize);
            *(cfg.files_ptr as *const config::FileEntry)
        };
        let r = mp::protect(|| unsafe {
            let module = sys::mp_obj_new_module(mp::qstr(b"node"));
            mp::set_root(Root::Module, module as *mut c_void);
            sys::mpn_exec_source(
                module,
                main.data_ptr as *const _,
                main.data_len as usize,
                main.name_ptr as *const _,
                main.name_len as usize,
            );
        });
        if let Err(e) = r {
            mp::set_root(Root::InitError, e.0 as *mut c_void);
        }
    }
    unsafe {
        sys::mpn_stdout_flush();
        if cfg.flags & config::FLAG_SNAPSHOT != 0 {
            // Everything live is rooted here (Root::Module, Root::InitError).
            sys::mpn_snapshot_trim();
        }
        INITIALIZED = true;
    }
}

fn seed_random() {
    let seed = unsafe { sys::mpn_host_random() } as u32 as i64;
    let _ = mp::protect(|| unsafe {
        let module = sys::mp_import_name(mp::qstr(b"urandom"), mp::none(), sys::mp_obj_new_int(0));
        let f = sys::mp_load_attr(module, mp::qstr(b"seed"));
        sys::mp_call_function_1(f, sys::mp_obj_new_int_from_ll(seed));
    });
}

/// A function of the `sdk` module (Flow-Like SDK style nodes), importing it.
///
/// # Safety
/// Must run inside `protect`.
unsafe fn sdk_fn(name: &[u8]) -> Obj {
    let module = sys::mp_import_name(mp::qstr(b"sdk"), mp::none(), sys::mp_obj_new_int(0));
    sys::mp_load_attr(module, mp::qstr(name))
}

/// Whether the node is written in Flow-Like's SDK style (get_definition(s)
/// and run(ctx)) rather than the seed's (get_node(s) and run(context)).
fn sdk_style() -> bool {
    let n = names();
    node_attr(n.get_node).is_none()
        && node_attr(n.get_nodes).is_none()
        && (node_attr(n.get_definition).is_some() || node_attr(n.get_definitions).is_some())
}

/// The node module's attribute `name`, or None.
fn node_attr(name: sys::qstr) -> Option<Obj> {
    let module = mp::root(Root::Module) as Obj;
    if module.is_null() {
        return None;
    }
    let globals = unsafe { sys::mp_obj_module_get_globals(module) } as Obj;
    lookup(globals, name)
}

// ---- definitions ---------------------------------------------------------------------

/// Records a message for `mpnode_last_error` and returns -1.
fn definition_error(f: impl FnOnce(&mut Buf)) -> i64 {
    let mut out: Option<Buf> = None;
    let slot = &mut out;
    let r = mp::protect(|| {
        let mut b = Buf::new(128);
        f(&mut b);
        *slot = Some(b);
    });
    if let (Ok(()), Some(b)) = (r, out.as_ref()) {
        hand_out(b, Root::LastError);
        // SAFETY: single-threaded guest.
        unsafe { LAST_ERROR_LEN = b.v.len };
    }
    -1
}

/// Length of the message in `Root::LastError`.
static mut LAST_ERROR_LEN: usize = 0;

fn init_error() -> Option<Exception> {
    let e = mp::root(Root::InitError);
    if e.is_null() {
        None
    } else {
        Some(Exception(e as Obj))
    }
}

/// Calls the node's definition function and writes its JSON: `many` asks for
/// a list (get_nodes), otherwise one object.
fn definitions(many: bool) -> i64 {
    if let Some(e) = init_error() {
        return definition_error(|b| format_exception(b, e));
    }
    let n = names();
    let sdk = sdk_style();
    let found = if sdk {
        node_attr(n.get_definitions).or(node_attr(n.get_definition)).map(|f| (f, true))
    } else {
        node_attr(n.get_nodes).map(|f| (f, true)).or(node_attr(n.get_node).map(|f| (f, false)))
    };
    let Some((f, list)) = found else {
        return definition_error(|b| b.push(b"the node file defines none of get_node(), get_nodes(), get_definition(), get_definitions()"));
    };
    let mut out = Buf::empty();
    let mut bad: Option<JsonError> = None;
    let (outp, badp) = (&mut out, &mut bad);
    let r = mp::protect(|| unsafe {
        let defs = if sdk { mp::call_clean(sdk_fn(b"_mpnode_defs"), &[f]) } else { mp::call_clean(f, &[]) };
        *outp = Buf::new(256);
        let value = if list && !many {
            // get_node from get_nodes(): the first definition.
            let mut len = 0usize;
            let mut items: *mut Obj = core::ptr::null_mut();
            if mp::kind(defs) != sys::mpn_kind_t_MPN_LIST && mp::kind(defs) != sys::mpn_kind_t_MPN_TUPLE {
                *badp = Some(
                    json::JsonError::try_from("get_nodes()/get_definitions() must return a list of node definitions").unwrap_or_default(),
                );
                return;
            }
            sys::mp_obj_get_array(defs, &mut len, &mut items);
            if len == 0 {
                *badp = Some(json::JsonError::try_from("get_nodes()/get_definitions() returned an empty list").unwrap_or_default());
                return;
            }
            *items
        } else {
            defs
        };
        if many && !list {
            outp.push_byte(b'[');
        }
        if let Err(e) = json::write(outp, value, if list { "get_nodes()" } else { "get_node()" }) {
            *badp = Some(e);
            return;
        }
        if many && !list {
            outp.push_byte(b']');
        }
    });
    unsafe { sys::mpn_stdout_flush() };
    match (r, bad) {
        (Err(e), _) => definition_error(|b| format_exception(b, e)),
        (Ok(()), Some(msg)) => definition_error(|b| b.push(msg.as_bytes())),
        (Ok(()), None) => hand_out(&out, Root::Output),
    }
}

/// Flow-Like export: the node's definition as JSON (packed ptr/len), or -1
/// (then `mpnode_last_error` says why).
#[no_mangle]
pub extern "C" fn get_node() -> i64 {
    definitions(false)
}

/// Flow-Like export: all definitions of the package as a JSON array.
#[no_mangle]
pub extern "C" fn get_nodes() -> i64 {
    definitions(true)
}

/// The message of the last failed `get_node`/`get_nodes` as UTF-8 text
/// (packed ptr/len), or 0 if there is none.
#[no_mangle]
pub extern "C" fn mpnode_last_error() -> i64 {
    let p = mp::root(Root::LastError);
    if p.is_null() {
        return 0;
    }
    // SAFETY: single-threaded guest.
    pack(p as *const u8, unsafe { LAST_ERROR_LEN })
}

/// Flow-Like export: the ABI version.
#[no_mangle]
pub extern "C" fn get_abi_version() -> i32 {
    ABI_VERSION
}

// ---- memory for the host -------------------------------------------------------------

/// Flow-Like export: memory for the input of the next `run`, on the
/// MicroPython heap. 0 if it does not fit.
#[no_mangle]
pub extern "C" fn alloc(len: i32) -> i32 {
    if len < 0 {
        return 0;
    }
    // Nothing is held between calls but the roots: a collection is safe
    // here, and it runs before the heap grows for the input.
    mp::collect_if_wanted();
    let mut p: *mut c_void = core::ptr::null_mut();
    let pp = &mut p;
    let r = mp::protect(|| unsafe { *pp = sys::gc_alloc(len.max(1) as usize, false) });
    if r.is_err() || p.is_null() {
        return 0;
    }
    mp::set_root(Root::Input, p);
    p as i32
}

/// Flow-Like export: frees what `alloc` returned.
#[no_mangle]
pub extern "C" fn dealloc(ptr: i32, _len: i32) {
    if ptr != 0 && mp::root(Root::Input) as i32 == ptr {
        mp::set_root(Root::Input, core::ptr::null_mut());
        unsafe { sys::gc_free(ptr as *mut c_void) };
    }
}

// ---- run -----------------------------------------------------------------------------------

/// How a run went wrong before or after the node's own code.
enum Failure {
    Exception(Exception),
    Message(JsonError),
}

/// Flow-Like export: runs the node on the JSON envelope at (ptr, len) and
/// returns the result envelope `{"outputs", "error", "activate_exec",
/// "pending"}` as packed ptr/len.
#[no_mangle]
pub extern "C" fn run(ptr: i32, len: i32) -> i64 {
    // SAFETY: the host wrote `len` bytes at `ptr` (normally from `alloc`).
    let input = unsafe { core::slice::from_raw_parts(ptr as usize as *const u8, len.max(0) as usize) };
    let mut out = Buf::empty();
    let mut failure: Option<Failure> = None;
    let (outp, failp) = (&mut out, &mut failure);
    let r = mp::protect(|| {
        if let Err(f) = run_node(input, outp) {
            *failp = Some(f);
        }
    });
    unsafe { sys::mpn_stdout_flush() };
    if let Err(e) = r {
        // After a MemoryError the heap is full of what the run left: with
        // the exception rooted nothing else is held, so collect before the
        // error is formatted.
        mp::set_root(Root::Envelope, e.0 as *mut c_void);
        mp::collect_if_wanted();
        failure = Some(Failure::Exception(e));
    }
    match failure {
        None => hand_out(&out, Root::Output),
        Some(f) => error_result(f),
    }
}

/// Parses the envelope, calls the node, writes the result into `out`.
/// Python exceptions propagate (we are inside `protect`).
fn run_node(input: &[u8], out: &mut Buf) -> Result<(), Failure> {
    if let Some(e) = init_error() {
        return Err(Failure::Exception(e));
    }
    mp::collect_if_wanted();
    let n = names();
    let Some(run_fn) = node_attr(n.run) else {
        return Err(msg(&[S("the node file defines no run(context) function")]));
    };
    let envelope = json::parse(input).map_err(|e| msg(&[S("invalid input envelope: "), S(&e)]))?;
    if mp::kind(envelope) != sys::mpn_kind_t_MPN_DICT {
        return Err(msg(&[S("invalid input envelope: expected a JSON object")]));
    }
    match lookup(envelope, n.inputs) {
        None => unsafe { sys::mp_obj_dict_store(envelope, qobj(n.inputs), sys::mp_obj_new_dict(0)) },
        Some(i) if mp::kind(i) == sys::mpn_kind_t_MPN_DICT => envelope,
        Some(_) => return Err(msg(&[S("invalid input envelope: \"inputs\" must be an object")])),
    };
    mp::set_root(Root::Envelope, envelope as *mut c_void);
    let result = unsafe {
        if sdk_style() {
            let nargs = sys::mp_obj_new_int(run_arity(run_fn) as sys::mp_int_t);
            mp::call_clean(sdk_fn(b"_mpnode_run"), &[run_fn, envelope, nargs])
        } else {
            mp::call_clean(run_fn, &[envelope])
        }
    };
    mp::set_root(Root::Envelope, result as *mut c_void);
    mp::collect_if_wanted();
    let r = write_result(out, result).map_err(Failure::Message);
    mp::set_root(Root::Envelope, core::ptr::null_mut());
    r
}

/// How an SDK-style `run` is called, read from the function itself (its
/// bytecode prelude: positional parameters, how many have defaults, `*args`,
/// keyword-only parameters without defaults): 1 for `run(ctx)`, 2 for
/// `run(node_name, ctx)`, 0 when it takes neither. A callable that is not a
/// Python function (a closure, a bound method) is called as `run(ctx)`, as
/// Flow-Like's template does.
fn run_arity(f: Obj) -> i32 {
    // SAFETY: f is a live object; a bytecode function's prelude is
    // n_state, n_exc_stack (var-uints), then 4 bytes: scope flags, number
    // of positional, keyword-only and defaulted positional parameters.
    unsafe {
        if f.is_null() || (f as usize) & 3 != 0 || (*(f as *const sys::mp_obj_base_t)).type_ != core::ptr::addr_of!(sys::mp_type_fun_bc) {
            return 1;
        }
        let mut p = (*(f as *const sys::mp_obj_fun_bc_t)).bytecode;
        for _ in 0..2 {
            while *p & 0x80 != 0 {
                p = p.add(1);
            }
            p = p.add(1);
        }
        let (flags, n_pos, n_kwonly, n_def) = (*p, *p.add(1) as i32, *p.add(2), *p.add(3) as i32);
        let takes = |n: i32| n >= n_pos - n_def && (n <= n_pos || flags & 0x01 != 0); // MP_SCOPE_FLAG_VARARGS
        if n_kwonly > 0 && flags & 0x08 == 0 {
            0 // MP_SCOPE_FLAG_DEFKWARGS: keyword-only parameters without defaults
        } else if takes(1) {
            1
        } else if takes(2) {
            2
        } else {
            0
        }
    }
}

fn msg(parts: &[json::Piece]) -> Failure {
    Failure::Message(json::message(parts))
}

/// Checks the node's return value and writes the result envelope.
fn write_result(out: &mut Buf, result: Obj) -> Result<(), JsonError> {
    let n = names();
    let shape_err = |what: &[&str]| -> JsonError {
        let mut s = json::message(&[S("run() returned ")]);
        for w in what {
            json::push_str(&mut s, w);
        }
        json::push_str(&mut s, "; expected a dict like {\"outputs\": {...}, \"error\": None}");
        s
    };
    if mp::kind(result) != sys::mpn_kind_t_MPN_DICT {
        let name = unsafe { core::ffi::CStr::from_ptr(sys::mpn_type_name(result)) };
        return Err(shape_err(&["a value of type '", name.to_str().unwrap_or("?"), "'"]));
    }
    let outputs = lookup(result, n.outputs);
    let error = lookup(result, n.error).filter(|e| mp::kind(*e) != sys::mpn_kind_t_MPN_NONE);
    let exec = lookup(result, n.activate_exec).filter(|e| mp::kind(*e) != sys::mpn_kind_t_MPN_NONE);
    let pending = lookup(result, n.pending);
    if let Some(o) = outputs {
        if mp::kind(o) != sys::mpn_kind_t_MPN_DICT && mp::kind(o) != sys::mpn_kind_t_MPN_NONE {
            return Err(shape_err(&["\"outputs\" that is not a dict"]));
        }
    }
    if let Some(e) = error {
        if mp::kind(e) != sys::mpn_kind_t_MPN_STR {
            return Err(shape_err(&["an \"error\" that is neither None nor a str"]));
        }
    }
    if let Some(x) = exec {
        if mp::kind(x) != sys::mpn_kind_t_MPN_LIST && mp::kind(x) != sys::mpn_kind_t_MPN_TUPLE {
            return Err(shape_err(&["an \"activate_exec\" that is not a list of pin names"]));
        }
    }
    *out = Buf::new(128);
    out.push(b"{\"outputs\":");
    match outputs.filter(|o| mp::kind(*o) == sys::mpn_kind_t_MPN_DICT) {
        Some(o) => json::write(out, o, "outputs")?,
        None => out.push(b"{}"),
    }
    out.push(b",\"error\":");
    match error {
        Some(e) => json::write(out, e, "error")?,
        None => out.push(b"null"),
    }
    out.push(b",\"activate_exec\":");
    match exec {
        Some(x) => json::write(out, x, "activate_exec")?,
        // The official SDKs activate exec_out on success; so do we.
        None if error.is_none() => out.push(b"[\"exec_out\"]"),
        None => out.push(b"[]"),
    }
    out.push(b",\"pending\":");
    match pending {
        Some(p) => json::write(out, p, "pending")?,
        None => out.push(b"null"),
    }
    out.push_byte(b'}');
    Ok(())
}

/// The result envelope for a failed run.
fn error_result(f: Failure) -> i64 {
    let mut out = Buf::empty();
    let outp = &mut out;
    let r = mp::protect(|| {
        *outp = Buf::new(256);
        outp.push(b"{\"outputs\":{},\"error\":");
        match &f {
            Failure::Exception(e) => {
                let mut text = Buf::new(256);
                format_exception(&mut text, *e);
                json::write_str(outp, text.bytes());
            }
            Failure::Message(m) => json::write_str(outp, m.as_bytes()),
        }
        outp.push(b",\"activate_exec\":[],\"pending\":null}");
    });
    match r {
        Ok(()) => hand_out(&out, Root::Output),
        Err(_) => static_result(b"{\"outputs\":{},\"error\":\"MemoryError: the node's memory is exhausted (raise its limit with --memory)\",\"activate_exec\":[],\"pending\":null}"),
    }
}
