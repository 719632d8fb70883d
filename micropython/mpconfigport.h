// mpnode port of MicroPython v1.9.4: one wasm32 reactor module that runs a
// Flow-Like node. Everything not set here keeps upstream's default
// (py/mpconfig.h). Sizes are settings: build.rs passes them with -D.
#include <stdint.h>
#include <alloca.h>

// --- sizes (overridable with -D from build.rs / MPNODE_* env) ----------------
#ifndef MPNODE_STACK_SIZE
#define MPNODE_STACK_SIZE (64 * 1024)       // wasm shadow stack, bytes
#endif
#ifndef MPNODE_STACK_MARGIN
#define MPNODE_STACK_MARGIN (8 * 1024)      // head room kept for C below the check
#endif

// --- exceptions: setjmp-based nlr, lowered by clang's Emscripten SjLj pass ---
#define MICROPY_NLR_SETJMP          (1)
#define MICROPY_OPT_COMPUTED_GOTO   (0)     // wasm has no computed goto
#define MICROPY_STACK_CHECK         (1)

// --- compiler and language ---------------------------------------------------
// build.rs builds three modules from this one configuration: the runtime
// (compiler included), the runtime without the compiler (-D...COMPILER=0,
// for nodes packed as bytecode; exec/eval/compile are gone) and the compiler
// module `mpnode build` runs (-DMICROPY_PERSISTENT_CODE_SAVE=1).
#ifndef MICROPY_ENABLE_COMPILER
#define MICROPY_ENABLE_COMPILER     (1)
#endif
#define MICROPY_PERSISTENT_CODE_LOAD (1)    // run .mpy (mpnode build's bytecode)
#define MICROPY_COMP_CONST_FOLDING  (1)
#define MICROPY_COMP_MODULE_CONST   (1)
#define MICROPY_COMP_RETURN_IF_EXPR (1)
#define MICROPY_ENABLE_SOURCE_LINE  (1)
// Docstrings are compiled (class, module and function __doc__; patch 0050);
// only the compiler reads this.
#define MICROPY_ENABLE_DOC_STRING   (1)
#define MICROPY_ERROR_REPORTING     (MICROPY_ERROR_REPORTING_NORMAL)
#define MICROPY_LONGINT_IMPL        (MICROPY_LONGINT_IMPL_MPZ)
#define MICROPY_FLOAT_IMPL          (MICROPY_FLOAT_IMPL_DOUBLE)
#define MICROPY_PY_BUILTINS_COMPLEX (0)
#define MICROPY_PY_BUILTINS_STR_UNICODE (1)
#define MICROPY_PY_BUILTINS_STR_CENTER (1)
#define MICROPY_PY_BUILTINS_STR_PARTITION (1)
#define MICROPY_PY_BUILTINS_STR_SPLITLINES (1)
#define MICROPY_PY_BUILTINS_FROZENSET (1)
#define MICROPY_PY_BUILTINS_SLICE_ATTRS (1)
#define MICROPY_PY_BUILTINS_ROUND_INT (1)
#define MICROPY_PY_BUILTINS_POW3    (1)     // pow(a, b, m): mpz's modular power (patch 0023)
#define MICROPY_PY_ALL_SPECIAL_METHODS (1)
#define MICROPY_PY_ALL_INPLACE_SPECIAL_METHODS (1) // x &= y calls __iand__ (not only __iadd__/__isub__), as CPython
#define MICROPY_PY_REVERSE_SPECIAL_METHODS (1)
#define MICROPY_PY_BUILTINS_NOTIMPLEMENTED (1) // reflected comparisons (patch 0017)
#define MICROPY_PY_BUILTINS_INPUT   (0)
#define MICROPY_PY_BUILTINS_HELP    (0)
#define MICROPY_PY___FILE__         (1)
#define MICROPY_CPYTHON_COMPAT      (1)
#define MICROPY_PY_ASYNC_AWAIT      (0)
#define MICROPY_OPT_CACHE_MAP_LOOKUP_IN_BYTECODE (0)

// --- calls -------------------------------------------------------------------
// A Python-to-Python call runs in its caller's dispatch loop (patch 0041):
// no C frame, no host round trip, so recursion depth is bounded by
// MPNODE_MAX_PY_DEPTH nested calls (CPython's default limit is 1000), not
// by any stack.
#define MICROPY_STACKLESS           (1)
#define MICROPY_STACKLESS_STRICT    (0)
#ifndef MPNODE_MAX_PY_DEPTH
#define MPNODE_MAX_PY_DEPTH         (1024)
#endif
extern unsigned mpn_vm_depth;       // stackless levels now running

// --- memory ------------------------------------------------------------------
#define MICROPY_ENABLE_GC           (1)
#define MICROPY_GC_ALLOC_THRESHOLD  (1)     // asks for a collection early (see below)
#define MICROPY_ENABLE_FINALISER    (0)
#define MICROPY_MEM_STATS           (0)
#define MICROPY_ALLOC_PATH_MAX      (256)
#define MICROPY_ALLOC_PARSE_CHUNK_INIT (32)
// 2 bytes: str hashes of 16 bits, so dicts with many str keys (JSON) keep
// O(1) lookups (patch 0010); 1 byte gave 256 hash values. ~1 byte per qstr.
#define MICROPY_QSTR_BYTES_IN_HASH  (2)
#define MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF (0)

// --- no REPL, no file system, no threads, no native code ---------------------
#define MICROPY_HELPER_REPL         (0)
#define MICROPY_REPL_EVENT_DRIVEN   (0)
#define MICROPY_HELPER_LEXER_UNIX   (0)
#define MICROPY_READER_POSIX        (0)
#define MICROPY_READER_VFS          (0)
#define MICROPY_DEBUG_PRINTERS      (0)
#define MICROPY_KBD_EXCEPTION       (0)
#define MICROPY_EMIT_X64            (0)
#define MICROPY_EMIT_X86            (0)
#define MICROPY_EMIT_THUMB          (0)
#define MICROPY_EMIT_INLINE_THUMB   (0)
#define MICROPY_EMIT_ARM            (0)
#define MICROPY_PY_THREAD           (0)
#define MICROPY_USE_INTERNAL_PRINTF (1)

// --- modules -----------------------------------------------------------------
#define MICROPY_PY_SYS              (1)
#define MICROPY_PY_SYS_MAXSIZE      (1)
#define MICROPY_PY_SYS_EXIT         (0)
#define MICROPY_PY_SYS_STDFILES     (0)
#define MICROPY_PY_GC               (1)
#define MICROPY_PY_IO               (0)     // pylib/io.py is io (pure Python, CPython's API); traceback uses _mpn_exc
#define MICROPY_PY_IO_FILEIO        (0)
#define MICROPY_PY_MATH             (1)
#define MICROPY_PY_MATH_SPECIAL_FUNCTIONS (1) // erf, gamma, log2, sinh...: CPython has them (issue 10)
#define MICROPY_PY_CMATH            (0)
#define MICROPY_PY_ARRAY            (1)
#define MICROPY_PY_ATTRTUPLE        (1)
#define MICROPY_PY_COLLECTIONS      (1)
#define MICROPY_PY_COLLECTIONS_ORDEREDDICT (1)
#define MICROPY_PY_COLLECTIONS_DEQUE (1)
#define MICROPY_PY_STRUCT           (1)
// json is pylib/json.py over the shim's JSON parser (_json, mpnode_json.c)
#define MICROPY_PY_UJSON            (0)
// ure needs lib/re1.5, a git submodule upstream that the crates.io crate
// does not ship; our own `re` (modre.c) is registered below instead.
#define MICROPY_PY_URE              (0)
#define MICROPY_PY_UBINASCII        (1)
#define MICROPY_PY_URANDOM          (1)
#define MICROPY_PY_URANDOM_EXTRA_FUNCS (1)
#define MICROPY_PY_UTIME_MP_HAL     (1)
#define MICROPY_PY_UERRNO           (0)
#define MICROPY_PY_MICROPYTHON_MEM_INFO (0)

// `import json` finds ujson, `import time` finds utime, and so on.
#define MICROPY_MODULE_WEAK_LINKS   (1)
extern const struct _mp_obj_module_t mp_module_utime;
extern const struct _mp_obj_module_t mp_module_flowlike;
extern const struct _mp_obj_module_t mpn_module_re;
extern const struct _mp_obj_module_t mpn_module_json;
extern const struct _mp_obj_module_t mpn_module_hash; // hashlib's compression functions
extern const struct _mp_obj_module_t mpn_module_exc; // traceback's formatter
// SHA-1 in C too (mpnode_hash.c): 16 KiB in 5 ms instead of 2 s under
// wasmi, for 282 bytes more in either runtime (uuid5 and git-style ids use
// it). 0 makes hashlib.py hash SHA-1 in Python; tests pass both ways.
#ifndef MPN_HASH_SHA1
#define MPN_HASH_SHA1 (1)
#endif
// format(value, spec): CPython's builtin (micropython/mpnode_numbers.c)
extern const struct _mp_obj_fun_builtin_var_t mpn_builtin_format_obj;
extern const struct _mp_obj_fun_builtin_var_t mpn_builtin_vars_obj; // patch 0050
// (listed in MICROPY_PORT_BUILTINS below, with the exception types)
#define MICROPY_PORT_BUILTIN_MODULES \
    { MP_ROM_QSTR(MP_QSTR_utime), MP_ROM_PTR(&mp_module_utime) }, \
    { MP_ROM_QSTR(MP_QSTR__flowlike), MP_ROM_PTR(&mp_module_flowlike) }, \
    { MP_ROM_QSTR(MP_QSTR_ure), MP_ROM_PTR(&mpn_module_re) }, \
    { MP_ROM_QSTR(MP_QSTR__json), MP_ROM_PTR(&mpn_module_json) }, \
    { MP_ROM_QSTR(MP_QSTR__mpn_hash), MP_ROM_PTR(&mpn_module_hash) }, \
    { MP_ROM_QSTR(MP_QSTR__mpn_exc), MP_ROM_PTR(&mpn_module_exc) },
#define MICROPY_PORT_BUILTIN_MODULE_WEAK_LINKS \
    { MP_ROM_QSTR(MP_QSTR_collections), MP_ROM_PTR(&mp_module_collections) }, \
    { MP_ROM_QSTR(MP_QSTR_struct), MP_ROM_PTR(&mp_module_ustruct) }, \
    { MP_ROM_QSTR(MP_QSTR_binascii), MP_ROM_PTR(&mp_module_ubinascii) }, \
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&mp_module_utime) }, \
    { MP_ROM_QSTR(MP_QSTR_random), MP_ROM_PTR(&mp_module_urandom) }, \
    { MP_ROM_QSTR(MP_QSTR_re), MP_ROM_PTR(&mpn_module_re) },

// GC roots: slots 0-7 belong to the shim (the node's module, the buffers
// handed to the host, the last error), slot 8 to print()'s line buffer.
// Scanned with the rest of MP_STATE_VM.
// mpnode_reserve: heap kept back for the MemoryError that names the memory
// limit (mpnode_port.c), freed just before it is raised.
#define MICROPY_PORT_ROOT_POINTERS \
    void *mpnode_roots[9]; \
    void *mpnode_reserve;

// --- machine -----------------------------------------------------------------
#define MICROPY_MAKE_POINTER_CALLABLE(p) ((void*)((mp_uint_t)(p) | 1))
#define UINT_FMT "%u"
#define INT_FMT "%d"
typedef int mp_int_t;           // must be pointer size
typedef unsigned mp_uint_t;     // must be pointer size
typedef long mp_off_t;
#define MP_SSIZE_MAX (0x7fffffff)
#define MP_PLAT_PRINT_STRN(str, len) mp_hal_stdout_tx_strn_cooked(str, len)
#define MICROPY_HW_BOARD_NAME "flow-like"
#define MICROPY_HW_MCU_NAME "wasm32"
#define MICROPY_PY_SYS_PLATFORM "mpnode"
#define MP_STATE_PORT MP_STATE_VM

// GC safe points (micropython/patches/0004): allocation only asks for a
// collection; the VM collects at its loop hook in a frame whose whole C call
// chain keeps its pointers in linear memory ("clean").
#include <stdbool.h>
#include <stddef.h>
extern void *mpn_gc_direct_fun;     // what the running clean chain calls directly
extern bool mpn_gc_clean;           // the running frame chain is clean
extern bool mpn_gc_wanted;          // an allocation asked for a collection
void mpn_gc_safe_point(void);
// The VM calls `fun` (CALL_FUNCTION/CALL_METHOD). Only that function's frame
// is entered clean: any other VM entry on the way (a callback of a C
// function) finds a different function here.
#define MPNODE_VM_DIRECT_CALL(fun) (mpn_gc_direct_fun = (fun))
// On entry to mp_execute_bytecode: is this frame clean? Returns the caller's
// state, which MPNODE_VM_LEAVE restores.
static inline bool mpn_vm_enter(bool *clean, void *fun) {
    bool parent = mpn_gc_clean;
    *clean = parent && mpn_gc_direct_fun == fun;
    mpn_gc_direct_fun = NULL;
    mpn_gc_clean = *clean;
    return parent;
}
#define MPNODE_VM_ENTER(frame) mpn_vm_enter(&(frame)->gc_clean, (frame)->code_state->fun_bc)
#define MPNODE_VM_LEAVE(parent_clean) (mpn_gc_clean = (parent_clean))
// Module code (patch 0009): a direct call of exec() and IMPORT_NAME set
// MPN_GC_MODULE; mp_builtin___import__ takes it on entry and sets it again
// before each module it loads; mp_call_function_0_body, which calls every
// module function, turns it into that function, whose frame is then
// entered clean if its caller is. The node's file: mpn_exec_source.
#define MPN_GC_MODULE ((void *)&mpn_gc_direct_fun)
#define MPNODE_VM_IMPORT() (mpn_gc_direct_fun = MPN_GC_MODULE)
#define MPNODE_GC_EXEC(exec_obj) \
    if (mpn_gc_direct_fun == (void *)(exec_obj)) { \
        mpn_gc_direct_fun = MPN_GC_MODULE; \
    }
static inline bool mpn_gc_take_module(void) {
    bool module = mpn_gc_direct_fun == MPN_GC_MODULE;
    mpn_gc_direct_fun = NULL;
    return module;
}
#define MPNODE_GC_TAKE_MODULE() mpn_gc_take_module()
#define MPNODE_GC_ARM_MODULE(module) (mpn_gc_direct_fun = (module) ? MPN_GC_MODULE : NULL)
#define MPNODE_GC_MODULE_CALL(fun) \
    if (mpn_gc_direct_fun == MPN_GC_MODULE) { \
        mpn_gc_direct_fun = (fun); \
    }
// The growable heap (patch 0040): gc_alloc grows the heap by at least
// n_blocks blocks instead of failing, up to the memory limit or the heap
// cap; m_malloc_fail then says which one was reached.
bool mpn_gc_grow(size_t n_blocks);
void mpn_malloc_fail(size_t num_bytes);
#define MPNODE_GC_GROW(n_blocks) mpn_gc_grow(n_blocks)
#define MPNODE_MALLOC_FAIL(num_bytes) mpn_malloc_fail(num_bytes)
#define MICROPY_VM_HOOK_LOOP \
    if (mpn_gc_wanted && frame->gc_clean) { \
        mpn_gc_safe_point(); \
    }

// str as CPython has it (mpnode_str.c; patches 0005, 0030, 0031); mp_obj_t
// is void * in this port's object representation.
void *mpn_str_case(void *self_in, int kind);
void *mpn_str_iscase(void *self_in, bool upper);
struct _mp_map_t;
struct _mp_print_t;
bool mpn_isprintable(unsigned ch);
void mpn_print_char(const struct _mp_print_t *print, unsigned ch);
void *mpn_bytes_decode(size_t n_args, void *const *args, struct _mp_map_t *kw_args);
void *mpn_decode(void *object, void *encoding, void *errors);
void *mpn_encode(void *str, void *encoding, void *errors);
extern const struct _mp_obj_dict_t mpn_str_locals_dict;
extern const struct _mp_obj_type_t mp_type_UnicodeDecodeError;
extern const struct _mp_obj_type_t mp_type_UnicodeEncodeError;
// Exception chaining (patch 0034, py/objexcept.c).
void mp_obj_exception_set_cause(void *exc, void *cause);
void mp_obj_exception_set_context(void *exc, void *context);
bool mp_obj_exception_get_chain(void *exc, void **cause, void **context);
extern const struct _mp_obj_type_t mp_type_RecursionError;
// CPython's messages for common errors (patch 0037, mpnode_exc.c).
void *mpn_number_error(int base, const char *str, size_t len);
// int()/float() of Unicode digits and spaces (patch 0066, mpnode_str.c).
void *mpn_number_unicode(const char *s, size_t len, int base);
extern struct mpn_num_alias { const char *copy, *orig; size_t len; } mpn_num_alias;
void *mpn_op_error(int op, void *lhs, void *rhs);
void *mpn_str_op_error(int op, void *rhs);
struct _mp_obj_fun_bc_t;
void *mpn_args_error(const struct _mp_obj_fun_bc_t *f, size_t given);
// Class hooks: __set_name__, __init_subclass__ (patch 0038, mpnode_exc.c).
void mpn_class_created(void *cls, size_t n_bases, void *const *bases, void *kw);
// The class model: __slots__, __dict__, __mro__, __qualname__, __doc__,
// int | str, list[int] (patch 0050, mpnode_exc.c).
void *mpn_fun_doc(const struct _mp_obj_fun_bc_t *f);
const char *mpn_short_name(size_t qualname);
#define MICROPY_PY_FUNCTION_ATTRS (1)
// User classes' __setattr__ and __delattr__, as CPython.
#define MICROPY_PY_DELATTR_SETATTR (1)
// Descriptors (__get__, __set__, __delete__), which __set_name__ serves.
#define MICROPY_PY_DESCRIPTORS (1)
#define MICROPY_PORT_BUILTINS \
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&mpn_builtin_format_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_vars), MP_ROM_PTR(&mpn_builtin_vars_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_RecursionError), MP_ROM_PTR(&mp_type_RecursionError) }, \
    { MP_ROM_QSTR(MP_QSTR_UnicodeDecodeError), MP_ROM_PTR(&mp_type_UnicodeDecodeError) }, \
    { MP_ROM_QSTR(MP_QSTR_UnicodeEncodeError), MP_ROM_PTR(&mp_type_UnicodeEncodeError) },

// The one protected-call primitive (micropython/patches/0001): every nlr
// site of upstream that we compile goes through it.
typedef void (*mp_protected_body_t)(void *a, void *b);
void *nlr_protect(mp_protected_body_t body, void *a, void *b);
