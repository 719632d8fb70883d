// The compiler module: MicroPython v1.9.4's lexer, parser and bytecode
// compiler, built by build.rs from the same patched source and the same
// port configuration as the runtime (mpconfigport.h) plus
// MICROPY_PERSISTENT_CODE_SAVE=1, so the .mpy it writes is what mpy-cross
// writes for this runtime (31-bit small ints, unicode str, no cached map
// lookups). `mpnode build` runs it in wasmi (src/compile.rs); the module
// imports nothing and exports memory plus the three functions below.
//
// Protocol, on a fresh instance per file:
//   p = mpnc_input(n)                   room for n input bytes: the file
//                                       name, then the source
//   r = mpnc_compile(name_len, src_len, heap_size)
//                                       (ptr << 32) | len of the .mpy bytes
// A Python exception (a SyntaxError, a MemoryError) has no handler here:
// nlr_jump() keeps it and traps. The host then calls
//   r = mpnc_error()                    (ptr << 32) | len of "LINE\nType: message",
//                                       0 if the trap was not an exception
// so this module needs neither setjmp nor the host's invoke_vii.
#include <stdint.h>
#include <string.h>

#include "py/compile.h"
#include "py/gc.h"
#include "py/lexer.h"
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/nlr.h"
#include "py/objexcept.h"
#include "py/parse.h"
#include "py/persistentcode.h"
#include "py/reader.h"
#include "py/runtime.h"
#include "py/stackctrl.h"

// Placed by wasm-ld (--stack-first: the stack sits below the data).
extern char __heap_base;
extern char __stack_high;
extern char __stack_low;

#define EXPORT(name) __attribute__((export_name(name)))

static char *input;
static size_t input_len;
static void *pending;

static uint64_t pack(const void *ptr, size_t len) {
    return ((uint64_t)(uintptr_t)ptr << 32) | (uint32_t)len;
}

static char *align16(char *p) {
    return (char *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
}

static void grow_to(const char *end) {
    size_t have = __builtin_wasm_memory_size(0) * 65536;
    if ((uintptr_t)end > have) {
        size_t pages = ((uintptr_t)end - have + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) {
            __builtin_trap(); // the host refused the memory
        }
    }
}

EXPORT("mpnc_input")
char *mpnc_input(size_t len) {
    input = align16(&__heap_base);
    input_len = len;
    grow_to(input + len);
    return input;
}

// What mpy-cross's compile_and_save() does, into memory instead of a file.
EXPORT("mpnc_compile")
uint64_t mpnc_compile(size_t name_len, size_t src_len, size_t heap_size) {
    char *heap = align16(input + input_len);
    grow_to(heap + heap_size);
    mp_stack_set_top(&__stack_high);
    mp_stack_set_limit((&__stack_high - &__stack_low) - 8 * 1024);
    gc_init(heap, heap + heap_size);
    mp_init();
    qstr source_name = qstr_from_strn(input, name_len);
    mp_lexer_t *lex = mp_lexer_new_from_str_len(source_name, input + name_len, src_len, 0);
    mp_parse_tree_t tree = mp_parse(lex, MP_PARSE_FILE_INPUT);
    mp_raw_code_t *rc = mp_compile_to_raw_code(&tree, source_name, MP_EMIT_OPT_NONE, false);
    vstr_t *out = vstr_new(1024);
    mp_print_t print = { out, (mp_print_strn_t)vstr_add_strn };
    mp_raw_code_save(rc, &print);
    return pack(out->buf, out->len);
}

// The error text lives in static memory: the heap may be what ran out.
static char error_text[1024];
static size_t error_len;

static void error_strn(void *env, const char *str, size_t len) {
    (void)env;
    size_t room = sizeof(error_text) - error_len;
    if (len > room) {
        len = room;
    }
    memcpy(error_text + error_len, str, len);
    error_len += len;
}

EXPORT("mpnc_error")
uint64_t mpnc_error(void) {
    if (pending == NULL) {
        return 0;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(pending);
    pending = NULL;
    error_len = 0;
    mp_print_t print = { NULL, error_strn };
    size_t n = 0, *values = NULL;
    if (mp_obj_is_exception_instance(exc)) {
        mp_obj_exception_get_traceback(exc, &n, &values);
    }
    // The innermost entry (the last one added) names the line.
    mp_printf(&print, "%u\n", n >= 3 ? (unsigned)values[n - 2] : 0u);
    mp_obj_print_helper(&print, exc, PRINT_EXC);
    return pack(error_text, error_len);
}

// ---- what the compiled code needs from a port ----------------------------------

// No handler is ever installed, so every raise ends here (see the top).
NORETURN void nlr_jump(void *val) {
    pending = val;
    __builtin_trap();
}

// Upstream's nlr sites call this (patches/0002); here nothing catches, so a
// raise inside goes straight to nlr_jump above.
void *nlr_protect(mp_protected_body_t body, void *a, void *b) {
    body(a, b);
    return NULL;
}

NORETURN void __fatal_error(const char *msg) {
    (void)msg;
    __builtin_trap();
}

// The compiler keeps pointers in wasm locals, which a scan cannot see: never
// collect. The host sizes the heap for the file; running out is a MemoryError.
// The compiler's heap is fixed (the host sizes it and retries bigger): it
// never grows (patch 0040), and out of memory is upstream's MemoryError.
bool mpn_gc_grow(size_t n_blocks) {
    (void)n_blocks;
    return false;
}

void mpn_malloc_fail(size_t num_bytes) {
    (void)num_bytes;
}

unsigned mpn_vm_depth; // patch 0041; the compiler runs no code

void gc_collect(void) {
}

void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    (void)str;
    (void)len;
}

mp_import_stat_t mp_import_stat(const char *path) {
    (void)path;
    return MP_IMPORT_STAT_NO_EXIST;
}

mp_lexer_t *mp_lexer_new_from_file(const char *filename) {
    (void)filename;
    mp_raise_OSError(MP_ENOENT);
}

void mp_reader_new_file(mp_reader_t *reader, const char *filename) {
    (void)reader;
    (void)filename;
    mp_raise_OSError(MP_ENOENT);
}
