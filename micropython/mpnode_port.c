// The mpnode port's glue: what MicroPython v1.9.4 asks of a port (HAL, GC
// root scan, nlr, missing file system), the `utime` module backed by the
// Flow-Like host, and the few helpers the Rust shim (shim/) needs because
// upstream exposes them only as C macros. The node contract itself (exports,
// JSON, envelopes) lives in the shim.
#include <setjmp.h>
#include <string.h>

#include "py/bc.h"
#include "py/builtin.h"
#include "py/compile.h"
#include "py/gc.h"
#include "py/lexer.h"
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/nlr.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/persistentcode.h"
#include "py/reader.h"
#include "py/runtime.h"
#include "py/stackctrl.h"
#include "extmod/utime_mphal.h"
#include "mpnode_port.h"

// ---- host imports ------------------------------------------------------------

#define HOST_IMPORT(mod, name) __attribute__((import_module(mod), import_name(name)))
HOST_IMPORT("flowlike_log", "info") void host_log_info(const char *ptr, size_t len);
HOST_IMPORT("flowlike_meta", "time_now") int64_t host_time_now(void);
HOST_IMPORT("flowlike_meta", "random") int64_t host_random(void);

// Top of the wasm shadow stack, placed by wasm-ld. Every call from the host
// starts here, so it bounds the region the GC scans.
extern char __stack_high;

// ---- the one protected-call primitive ----------------------------------------

// Runs body(a, b). Returns NULL if it returned, or the exception object if it
// raised. This is the only function in the module that calls setjmp, and its
// only call is body(a, b), so the only call the SjLj lowering turns into a
// host import is env.invoke_vii. (nlr_push/nlr_pop are spelled out here
// because as calls they would become invokes too. LLVM never inlines a
// function that calls setjmp.)
static void *protect_setjmp(mp_protected_body_t body, void *a, void *b) {
    nlr_buf_t nlr;
    nlr.prev = MP_STATE_THREAD(nlr_top);
    MP_STATE_THREAD(nlr_top) = &nlr;
    if (setjmp(nlr.jmpbuf) == 0) {
        body(a, b);
        MP_STATE_THREAD(nlr_top) = nlr.prev;
        return NULL;
    }
    return nlr.ret_val; // nlr_jump has already unlinked nlr
}

// Every protected call is a nested host call (env.invoke_vii), and every
// VM entry from C is one (the VM's loop is a protected body, patches/0001;
// Python-to-Python calls stay in the loop, patches/0041). A host's native
// stack pays for each: under wasmtime's default 512 KiB
// max_wasm_stack about 2 KiB per Python level (tests/flowlike_wasmtime.rs
// measures it), far less than the shadow stack MicroPython's own check
// counts. So the nesting is capped here: past MPNODE_MAX_PROTECT_DEPTH the
// call raises "RuntimeError: maximum recursion depth exceeded" (as the
// body, so the caller gets it as it gets any exception), long before any
// host's stack runs out. 64 fits Flow-Like's restrictive preset, which sets
// max_wasm_stack to 256 KiB (about 95 levels there on the costliest path).
#ifndef MPNODE_MAX_PROTECT_DEPTH
#define MPNODE_MAX_PROTECT_DEPTH (64)
#endif
static size_t protect_depth;

// Python calls nested in the VM's loops (patch 0041), capped at
// MPNODE_MAX_PY_DEPTH.
unsigned mpn_vm_depth;

static void raise_recursion_depth(void *a, void *b) {
    (void)a; (void)b;
    mp_raise_recursion_depth();
}

// A protected call also leaves the GC's clean state as it found it and no
// direct call pending (patch 0004): a call that raised before it entered
// the VM (bad arguments, stack check) must not make the next VM entry from C
// clean, nor a raise out of the shim's call_clean leave the shim clean.
void *nlr_protect(mp_protected_body_t body, void *a, void *b) {
    size_t depth = protect_depth;
    bool clean = mpn_gc_clean;
    protect_depth = depth + 1;
    void *exc = protect_setjmp(depth < MPNODE_MAX_PROTECT_DEPTH ? body : raise_recursion_depth, a, b);
    protect_depth = depth;
    mpn_gc_clean = clean;
    mpn_gc_direct_fun = NULL;
    return exc;
}

void nlr_jump_fail(void *val) {
    (void)val;
    __builtin_trap(); // an exception escaped every handler: a bug in the shim
}

void NORETURN __fatal_error(const char *msg) {
    (void)msg;
    __builtin_trap();
}

#ifndef NDEBUG
void MP_WEAK __assert_func(const char *file, int line, const char *func, const char *expr) {
    (void)file; (void)line; (void)func; (void)expr;
    __builtin_trap();
}
#endif

// ---- GC ------------------------------------------------------------------------

// Pointers that clang keeps only in wasm locals are invisible to a scan of
// memory, so a collection is safe only where no C frame holds such a
// pointer: at the VM's safe points (patches/0004) and where the shim has
// rooted what it holds. Everywhere else gc_collect() only asks.
void *mpn_gc_direct_fun;
bool mpn_gc_clean;
bool mpn_gc_wanted;
static bool gc_at_safe_point;

// The config block the packer writes (shim/src/config.rs); word 7 holds its
// flags, bit 0 GC torture (`mpnode build --gc-torture`, for tests): every
// allocation then requests a collection (allocation threshold 0), so one
// happens at every safe point that follows an allocation. Read volatile:
// the packer replaces the block's initial contents.
#include "genhdr/mpnode_config_block.h"
extern volatile const uint32_t mpnode_config[MPNODE_CONFIG_WORDS];
#define GC_TORTURE (mpnode_config[MPNODE_CONFIG_WORD_FLAGS] & MPNODE_CONFIG_FLAG_GC_TORTURE)

void gc_collect(void) {
    if (!gc_at_safe_point) {
        mpn_gc_wanted = true;
        return;
    }
    volatile uintptr_t here = 0;
    mpn_codestate_forget(); // patch 0041: the cached code states are garbage
    gc_collect_start();
    uintptr_t sp = (uintptr_t)&here;
    gc_collect_root((void **)sp, ((uintptr_t)&__stack_high - sp) / sizeof(uintptr_t));
    gc_collect_end();
}

// The build-time snapshot (`mpnode build`, crates/mpnode-build/src/
// snapshot.rs) stores the memory `_initialize` leaves, less its zero runs.
// Before it is taken the shim (config flag FLAG_SNAPSHOT) collects, at a
// point where everything live is rooted, and zeroes the free blocks, so
// that the bytes of objects freed while the node was imported (and of the
// allocation table's old places, patch 0040) stay out of the module. No
// behaviour depends on them: gc_alloc clears the blocks it hands out.
void mpn_snapshot_trim(void) {
    gc_at_safe_point = true;
    gc_collect();
    gc_at_safe_point = false;
    mpn_gc_wanted = false;
    mpn_gc_direct_fun = NULL;
    const byte *atb = MP_STATE_MEM(gc_alloc_table_start);
    byte *block = MP_STATE_MEM(gc_pool_start);
    for (size_t i = 0; i < MP_STATE_MEM(gc_alloc_table_byte_len) * 4; i++, block += MICROPY_BYTES_PER_GC_BLOCK) {
        if (((atb[i / 4] >> (2 * (i % 4))) & 3) == 0) { // AT_FREE
            memset(block, 0, MICROPY_BYTES_PER_GC_BLOCK);
        }
    }
}

// ---- the growable heap (patch 0040) ---------------------------------------------

// The heap runs from its start to the end of linear memory and grows with
// it: memory.grow, then gc_grow. It grows when an allocation finds no room
// (outside a safe point nothing can be collected; at one, a collection may
// have freed too little) and after a collection that left less than half
// of it free, so collections stay rare. memory.grow fails at the host's
// memory limit; `mpnode build --heap` sets an optional cap (config word 2,
// 0 for none). heap_end is 0 in the compiler module, whose heap is fixed.
#define PAGE_SIZE (65536)
#define HEAP_CAP (mpnode_config[MPNODE_CONFIG_WORD_HEAP_SIZE])
static uintptr_t heap_start, heap_end;
enum { OOM_NONE, OOM_LIMIT, OOM_CAP };
static uint8_t oom_reason;

static bool grow_pages(size_t pages) {
    return __builtin_wasm_memory_grow(0, pages) != (size_t)-1;
}

// Grows the heap by `want` bytes if it can, else by less down to `need`,
// using the memory past its end first. At the memory limit it takes the
// pages that are left (so that the limit a MemoryError names is the real
// one) and fails.
static bool heap_grow(size_t need, size_t want) {
    if (heap_end == 0) {
        return false;
    }
    uintptr_t old_end = heap_end;
    uintptr_t cap_end = HEAP_CAP != 0 ? heap_start + HEAP_CAP : UINTPTR_MAX;
    if (cap_end - old_end < need) {
        oom_reason = OOM_CAP;
        return false;
    }
    want = want > need ? want : need;
    want = want < cap_end - old_end ? want : cap_end - old_end;
    size_t mem_end = __builtin_wasm_memory_size(0) * PAGE_SIZE;
    size_t have = mem_end - old_end;
    if (have < want) {
        size_t need_pages = need > have ? (need - have + PAGE_SIZE - 1) / PAGE_SIZE : 0;
        size_t pages = (want - have + PAGE_SIZE - 1) / PAGE_SIZE;
        while (!grow_pages(pages)) {
            if (pages <= need_pages) {
                for (size_t p = need_pages / 2; p > 0; p /= 2) {
                    while (grow_pages(p)) {
                    }
                }
                oom_reason = OOM_LIMIT;
                break;
            }
            pages = pages / 2 > need_pages ? pages / 2 : need_pages;
        }
        mem_end = __builtin_wasm_memory_size(0) * PAGE_SIZE;
    }
    heap_end = mem_end < cap_end ? mem_end : cap_end;
    gc_grow((void *)heap_end);
    return heap_end - old_end >= need;
}

// gc_alloc found no run of n_blocks free blocks: double the heap, or grow
// by what the allocation needs (its blocks, their share of the allocation
// table, alignment).
bool mpn_gc_grow(size_t n_blocks) {
    size_t need = n_blocks * MICROPY_BYTES_PER_GC_BLOCK;
    need += need / 64 + 4 * MICROPY_BYTES_PER_GC_BLOCK;
    return heap_grow(need, heap_end - heap_start);
}

static const char *size_text(size_t bytes, size_t *n) {
    if (bytes % (1024 * 1024) == 0) {
        *n = bytes / (1024 * 1024);
        return "MiB";
    }
    *n = bytes / 1024;
    return "KiB";
}

// Heap kept back so that the MemoryError and its message can be made when
// the heap is full; taken again at the next collection.
#define RESERVE_SIZE (1024)

static void reserve_take(void) {
    if (MP_STATE_VM(mpnode_reserve) == NULL) {
        MP_STATE_VM(mpnode_reserve) = gc_alloc(RESERVE_SIZE, false);
    }
}

void mpn_malloc_fail(size_t num_bytes) {
    uint8_t reason = oom_reason;
    oom_reason = OOM_NONE;
    if (gc_is_locked() || reason == OOM_NONE) {
        return;
    }
    if (MP_STATE_VM(mpnode_reserve) != NULL) {
        gc_free(MP_STATE_VM(mpnode_reserve));
        MP_STATE_VM(mpnode_reserve) = NULL;
    }
    size_t n;
    const char *unit;
    if (reason == OOM_CAP) {
        unit = size_text(HEAP_CAP, &n);
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_MemoryError,
            "the node's heap cap of %u %s is reached (allocating %u bytes); raise it with --heap",
            (uint)n, unit, (uint)num_bytes));
    }
    unit = size_text(__builtin_wasm_memory_size(0) * PAGE_SIZE, &n);
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_MemoryError,
        "the node's memory limit of %u %s is reached (allocating %u bytes); raise it with --memory",
        (uint)n, unit, (uint)num_bytes));
}

// Collects now. Callers guarantee that every live object is reachable from
// memory. If less than four fifths of the heap are free afterwards, the
// heap grows (when it can) until they are, so that marking what lives
// costs little per byte allocated between collections (a 1e6-iteration
// loop of big ints: 17 % more fuel with half free than with a fixed 1 MiB). The next request comes
// when half of what is free has been allocated, so a safe point is reached
// well before the heap runs out.
void mpn_gc_safe_point(void) {
    gc_at_safe_point = true;
    gc_collect();
    gc_at_safe_point = false;
    mpn_gc_wanted = false;
    mpn_gc_direct_fun = NULL; // it may name an object just freed
    gc_info_t info;
    gc_info(&info);
    if (info.free < 4 * info.used) {
        heap_grow(PAGE_SIZE, 4 * info.used - info.free + info.used / 32);
        oom_reason = OOM_NONE;
        gc_info(&info);
    }
    reserve_take();
    MP_STATE_MEM(gc_alloc_threshold) = GC_TORTURE ? 0 : info.free / MICROPY_BYTES_PER_GC_BLOCK / 2;
}

// ---- the node's files: a read-only table packed into the module ---------------

// `mpnode build` packs the node's file and the local modules it imports (and
// the `sdk` module) as a table; `import x` finds x.py there. There is no
// other file system.
typedef struct {
    const char *name;
    uint32_t name_len;
    const char *data;
    uint32_t data_len;
} mpn_file_t;

static const mpn_file_t *node_files;
static size_t node_files_count;

void mpn_set_files(const void *table, size_t count) {
    node_files = table;
    node_files_count = count;
}

static const mpn_file_t *find_file(const char *path) {
    size_t len = strlen(path);
    for (size_t i = 0; i < node_files_count; i++) {
        if (node_files[i].name_len == len && memcmp(node_files[i].name, path, len) == 0) {
            return &node_files[i];
        }
    }
    return NULL;
}

mp_import_stat_t mp_import_stat(const char *path) {
    if (find_file(path) != NULL) {
        return MP_IMPORT_STAT_FILE;
    }
    size_t len = strlen(path);
    for (size_t i = 0; i < node_files_count; i++) {
        const mpn_file_t *f = &node_files[i];
        if (f->name_len > len && memcmp(f->name, path, len) == 0 && f->name[len] == '/') {
            return MP_IMPORT_STAT_DIR;
        }
    }
    return MP_IMPORT_STAT_NO_EXIST;
}

#if MICROPY_ENABLE_COMPILER
mp_lexer_t *mp_lexer_new_from_file(const char *filename) {
    const mpn_file_t *f = find_file(filename);
    if (f == NULL) {
        mp_raise_OSError(MP_ENOENT);
    }
    return mp_lexer_new_from_str_len(qstr_from_str(filename), f->data, f->data_len, 0);
}
#endif

void mp_reader_new_file(mp_reader_t *reader, const char *filename) {
    const mpn_file_t *f = find_file(filename);
    if (f == NULL) {
        mp_raise_OSError(MP_ENOENT);
    }
    mp_reader_new_mem(reader, (const byte *)f->data, f->data_len, 0);
}

mp_obj_t mp_builtin_open(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    (void)n_args; (void)args; (void)kwargs;
    mp_raise_msg(&mp_type_OSError, "a node has no file system");
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_open_obj, 1, mp_builtin_open);

// ---- _flowlike: the host's log and stream, for the sdk module -------------------

HOST_IMPORT("flowlike_log", "log_json") void host_log_json(int32_t level, const char *msg, size_t msg_len, const char *data, size_t data_len);
HOST_IMPORT("flowlike_stream", "emit") void host_stream_emit(const char *ev, size_t ev_len, const char *data, size_t data_len);
HOST_IMPORT("flowlike_stream", "text") void host_stream_text(const char *text, size_t len);

// _flowlike.log(level, message): level as Flow-Like's (trace 0 .. error 4).
STATIC mp_obj_t flowlike_log(mp_obj_t level, mp_obj_t msg) {
    size_t len;
    const char *s = mp_obj_str_get_data(msg, &len);
    mpn_stdout_flush();
    host_log_json(mp_obj_get_int(level), s, len, "null", 4);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(flowlike_log_obj, flowlike_log);

// _flowlike.emit(event, data_json)
STATIC mp_obj_t flowlike_emit(mp_obj_t event, mp_obj_t data) {
    size_t ev_len, data_len;
    const char *ev = mp_obj_str_get_data(event, &ev_len);
    const char *d = mp_obj_str_get_data(data, &data_len);
    host_stream_emit(ev, ev_len, d, data_len);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(flowlike_emit_obj, flowlike_emit);

// _flowlike.text(text)
STATIC mp_obj_t flowlike_text(mp_obj_t text) {
    size_t len;
    const char *s = mp_obj_str_get_data(text, &len);
    host_stream_text(s, len);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(flowlike_text_obj, flowlike_text);

STATIC const mp_rom_map_elem_t flowlike_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__flowlike) },
    { MP_ROM_QSTR(MP_QSTR_log), MP_ROM_PTR(&flowlike_log_obj) },
    { MP_ROM_QSTR(MP_QSTR_emit), MP_ROM_PTR(&flowlike_emit_obj) },
    { MP_ROM_QSTR(MP_QSTR_text), MP_ROM_PTR(&flowlike_text_obj) },
};
STATIC MP_DEFINE_CONST_DICT(flowlike_globals, flowlike_globals_table);

const mp_obj_module_t mp_module_flowlike = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&flowlike_globals,
};

// ---- output: print() goes to flowlike_log.info, a line per entry ----------------

// The line being printed grows in a heap buffer (GC root slot 8), so a long
// line stays one log entry. Past OUT_MAX bytes, or when the heap cannot grow
// it, the line is sent in pieces cut at a UTF-8 character boundary.
#define OUT_ROOT 8
#define OUT_MAX (64 * 1024)
static size_t out_len;
static size_t out_alloc;

static char *out_buf(void) {
    return MP_STATE_VM(mpnode_roots)[OUT_ROOT];
}

// Sends the first n bytes of the line and keeps the rest.
static void out_send(size_t n) {
    char *buf = out_buf();
    host_log_info(buf, n);
    memmove(buf, buf + n, out_len - n);
    out_len -= n;
}

void mpn_stdout_flush(void) {
    if (out_len > 0) {
        out_send(out_len);
    }
}

static void out_make_room(void) {
    if (out_len < out_alloc) {
        return;
    }
    size_t want = out_alloc == 0 ? 128 : out_alloc * 2;
    char *grown = want <= OUT_MAX ? m_renew_maybe(char, out_buf(), out_alloc, want, true) : NULL;
    if (grown != NULL) {
        MP_STATE_VM(mpnode_roots)[OUT_ROOT] = grown;
        out_alloc = want;
        return;
    }
    // Cannot grow: send what is there, up to the last whole character.
    const byte *buf = (const byte *)out_buf();
    size_t lead = out_len;
    while (lead > 0 && (buf[lead - 1] & 0xc0) == 0x80) {
        lead--;
    }
    size_t cut = out_len;
    if (lead > 0 && buf[lead - 1] >= 0xc0) {
        byte b = buf[lead - 1];
        size_t need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (out_len - (lead - 1) < need) {
            cut = lead - 1; // the last character is not complete yet
        }
    }
    out_send(cut > 0 ? cut : out_len);
}

void mp_hal_stdout_tx_strn(const char *str, size_t len) {
    for (size_t i = 0; i < len; i++) {
        char c = str[i];
        if (c == '\n') {
            if (out_len == 0) {
                host_log_info("", 0);
            }
            mpn_stdout_flush();
            continue;
        }
        out_make_room();
        out_buf()[out_len++] = c;
    }
}

void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    mp_hal_stdout_tx_strn(str, len);
}

void mp_hal_stdout_tx_str(const char *str) {
    mp_hal_stdout_tx_strn(str, strlen(str));
}

int mp_hal_stdin_rx_chr(void) {
    return -1;
}

// ---- time: the host's clock (Flow-Like's WASI clock is a stub) -----------------

mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)host_time_now();
}

mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)(host_time_now() * 1000);
}

mp_uint_t mp_hal_ticks_cpu(void) {
    return mp_hal_ticks_us();
}

// A node has nothing to wait for; sleeping spins on the host clock, so it
// costs fuel and is stopped by the host's deadline like any other loop.
void mp_hal_delay_ms(mp_uint_t ms) {
    int64_t until = host_time_now() + ms;
    while (host_time_now() < until) {
    }
}

void mp_hal_delay_us(mp_uint_t us) {
    mp_hal_delay_ms((us + 999) / 1000);
}

STATIC mp_obj_t utime_time(void) {
    return mp_obj_new_float((mp_float_t)host_time_now() / 1000);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(utime_time_obj, utime_time);

STATIC mp_obj_t utime_time_ns(void) {
    return mp_obj_new_int_from_ll((long long)host_time_now() * 1000000);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(utime_time_ns_obj, utime_time_ns);

STATIC const mp_rom_map_elem_t utime_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_utime) },
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&utime_time_obj) },
    { MP_ROM_QSTR(MP_QSTR_time_ns), MP_ROM_PTR(&utime_time_ns_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep), MP_ROM_PTR(&mp_utime_sleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_ms), MP_ROM_PTR(&mp_utime_sleep_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_us), MP_ROM_PTR(&mp_utime_sleep_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_ms), MP_ROM_PTR(&mp_utime_ticks_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_us), MP_ROM_PTR(&mp_utime_ticks_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_cpu), MP_ROM_PTR(&mp_utime_ticks_cpu_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_diff), MP_ROM_PTR(&mp_utime_ticks_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_add), MP_ROM_PTR(&mp_utime_ticks_add_obj) },
};
STATIC MP_DEFINE_CONST_DICT(utime_globals, utime_globals_table);

const mp_obj_module_t mp_module_utime = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&utime_globals,
};

// ---- interpreter life cycle ----------------------------------------------------

// The initial heap, in memory the caller has grown; it grows from there
// (patch 0040).
void mpn_init(void *start, void *end) {
    mp_stack_set_top(&__stack_high);
    mp_stack_set_limit(MPNODE_STACK_SIZE - MPNODE_STACK_MARGIN);
    heap_start = (uintptr_t)start;
    heap_end = (uintptr_t)end;
    gc_init(start, end);
    mp_init();
    // First collection request when half the (empty) heap is used. Computed,
    // not measured: a collection here would sweep the whole heap at every
    // instantiation.
    MP_STATE_MEM(gc_alloc_threshold) = GC_TORTURE ? 0 : (heap_end - heap_start) / MICROPY_BYTES_PER_GC_BLOCK / 2;
    mp_obj_list_init(MP_OBJ_TO_PTR(mp_sys_path), 0);
    mp_obj_list_init(MP_OBJ_TO_PTR(mp_sys_argv), 0);
    for (size_t i = 0; i < MP_ARRAY_SIZE(MP_STATE_VM(mpnode_roots)); i++) {
        MP_STATE_VM(mpnode_roots)[i] = NULL;
    }
    out_len = 0;
    out_alloc = 0;
    reserve_take();
}

void **mpn_roots(void) {
    return MP_STATE_VM(mpnode_roots);
}

uint64_t mpn_host_random(void) {
    return (uint64_t)host_random();
}

// ---- helpers for the shim (upstream has these as macros) -----------------------

mp_obj_t mpn_const_none(void) { return mp_const_none; }
mp_obj_t mpn_const_true(void) { return mp_const_true; }
mp_obj_t mpn_const_false(void) { return mp_const_false; }

mpn_kind_t mpn_kind(mp_obj_t o) {
    if (MP_OBJ_IS_SMALL_INT(o)) {
        return MPN_INT;
    }
    if (MP_OBJ_IS_QSTR(o)) {
        return MPN_STR;
    }
    if (o == mp_const_none) {
        return MPN_NONE;
    }
    if (o == mp_const_true || o == mp_const_false) {
        return MPN_BOOL;
    }
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (t == &mp_type_int) return MPN_BIGINT;
    if (t == &mp_type_float) return MPN_FLOAT;
    if (t == &mp_type_str) return MPN_STR;
    if (t == &mp_type_list) return MPN_LIST;
    if (t == &mp_type_tuple) return MPN_TUPLE;
    if (t == &mp_type_dict || t == &mp_type_ordereddict) return MPN_DICT;
    if (t == &mp_type_bytes) return MPN_BYTES;
    return MPN_OTHER;
}

// The native value inside an instance of a user subclass of dict, list,
// tuple, str, int or float (a Counter, a defaultdict, an IntEnum or str
// Enum member, a UserList), which the JSON writer writes as the value it
// is, as CPython's json does; any other object as is.
mp_obj_t mpn_native_of(mp_obj_t o) {
    static const mp_obj_type_t *const natives[] = {
        &mp_type_dict, &mp_type_list, &mp_type_tuple, &mp_type_str, &mp_type_int, &mp_type_float,
    };
    if (MP_OBJ_IS_OBJ(o)) {
        mp_obj_type_t *t = mp_obj_get_type(o);
        if (mp_obj_is_instance_type(t)) {
            for (size_t i = 0; i < MP_ARRAY_SIZE(natives); i++) {
                if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(natives[i]))) {
                    return ((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->subobj[0];
                }
            }
        }
    }
    return o;
}

// Bytes of shadow stack left before MicroPython's recursion limit.
size_t mpn_stack_room(void) {
    size_t used = mp_stack_usage();
    return used < MP_STATE_THREAD(stack_limit) ? MP_STATE_THREAD(stack_limit) - used : 0;
}

mp_int_t mpn_small_int_value(mp_obj_t o) {
    return MP_OBJ_SMALL_INT_VALUE(o);
}

const char *mpn_type_name(mp_obj_t o) {
    return mp_obj_get_type_str(o);
}

qstr mpn_qstr(const char *str, size_t len) {
    return qstr_from_strn(str, len);
}

// Runs the node's own file as the module `module` (its __name__ and
// __file__ set as CPython would): `len` bytes of Python source, or of .mpy
// bytecode (`mpnode build` precompiles the node and packs it under its
// source's name; "M\x03", the .mpy header, never starts Python source).
// Raises on error; call it inside nlr_protect, holding nothing but `module`,
// which must be rooted: the module's code runs GC-clean (patch 0009).
void mpn_exec_source(mp_obj_t module, const char *src, size_t len, const char *file, size_t file_len) {
    mpn_gc_clean = true; // nlr_protect restores it
    mpn_gc_direct_fun = MPN_GC_MODULE;
    mp_obj_dict_t *globals = mp_obj_module_get_globals(module);
    qstr file_q = qstr_from_strn(file, file_len);
    mp_obj_dict_store(MP_OBJ_FROM_PTR(globals), MP_OBJ_NEW_QSTR(MP_QSTR___file__), MP_OBJ_NEW_QSTR(file_q));
    if (len > 1 && src[0] == 'M' && src[1] == 3) {
        // What builtinimport's do_execute_raw_code does for an imported .mpy.
        // The file is read again by name (it is in the table), which costs
        // less code than a reader of its own.
        mp_raw_code_t *rc = mp_raw_code_load_file(qstr_str(file_q));
        mp_obj_dict_t *old_globals = mp_globals_get();
        mp_obj_dict_t *old_locals = mp_locals_get();
        mp_globals_set(globals);
        mp_locals_set(globals);
        mp_obj_t fun = mp_make_function_from_raw_code(rc, MP_OBJ_NULL, MP_OBJ_NULL);
        mp_obj_t ret;
        void *exc = nlr_protect(mp_call_function_0_body, fun, &ret);
        mp_globals_set(old_globals);
        mp_locals_set(old_locals);
        if (exc != NULL) {
            nlr_jump(exc);
        }
        return;
    }
    #if MICROPY_ENABLE_COMPILER
    mp_lexer_t *lex = mp_lexer_new_from_str_len(file_q, src, len, 0);
    mp_parse_compile_execute(lex, MP_PARSE_FILE_INPUT, globals, globals);
    #else
    mp_raise_msg(&mp_type_RuntimeError, "this runtime has no compiler and runs only precompiled nodes; pack with `mpnode build --with-compiler`");
    #endif
}

// Appends repr(o) to `vstr`; used for big ints and floats in JSON.
void mpn_repr(mp_obj_t o, vstr_t *vstr) {
    mp_print_t print = { vstr, (mp_print_strn_t)vstr_add_strn };
    mp_obj_print_helper(&print, o, PRINT_REPR);
}
