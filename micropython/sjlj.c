// Guest half of the Emscripten-style setjmp/longjmp convention that clang's
// -enable-emscripten-sjlj lowering targets, written for mpnode.
//
// How a longjmp travels: longjmp(env, v) is lowered to emscripten_longjmp(),
// which records (env, v) with setThrew() and calls the host import
// env._emscripten_throw_longjmp(), which traps. The trap unwinds wasm frames
// up to the nearest env.invoke_vii() host call; the host restores the shadow
// stack pointer (_emscripten_stack_restore), calls setThrew(1, 0) (a no-op,
// as something is already recorded) and returns. The lowered caller of
// invoke_vii then finds __THREW__ set and asks __wasm_setjmp_test() whether
// the jump targets one of its own setjmp calls.
#include <stdint.h>

uintptr_t __THREW__ = 0;
int __threwValue = 0;
static uint32_t temp_ret0;

extern void _emscripten_throw_longjmp(void)
    __attribute__((import_module("env"), import_name("_emscripten_throw_longjmp"), noreturn));

struct jmp_record {
    void *func_invocation_id;
    uint32_t label;
};

// Records a throw, unless one is already recorded (Emscripten semantics).
__attribute__((export_name("setThrew")))
void setThrew(uintptr_t threw, int value) {
    if (__THREW__ == 0) {
        __THREW__ = threw;
        __threwValue = value;
    }
}

void setTempRet0(uint32_t value) {
    temp_ret0 = value;
}

uint32_t getTempRet0(void) {
    return temp_ret0;
}

void __wasm_setjmp(void *env, uint32_t label, void *func_invocation_id) {
    struct jmp_record *rec = env;
    rec->func_invocation_id = func_invocation_id;
    rec->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *func_invocation_id) {
    struct jmp_record *rec = env;
    return rec->func_invocation_id == func_invocation_id ? rec->label : 0;
}

__attribute__((noreturn))
void emscripten_longjmp(uintptr_t env, int val) {
    setThrew(env, val);
    _emscripten_throw_longjmp();
}

// The host saves and restores the shadow stack pointer around invoke_vii.
__attribute__((export_name("emscripten_stack_get_current")))
uintptr_t emscripten_stack_get_current(void) {
    uintptr_t sp;
    __asm__ volatile(
        ".globaltype __stack_pointer, i32\n"
        "global.get __stack_pointer\n"
        "local.set %0\n"
        : "=r"(sp));
    return sp;
}

__attribute__((export_name("_emscripten_stack_restore")))
void _emscripten_stack_restore(uintptr_t sp) {
    __asm__ volatile(
        ".globaltype __stack_pointer, i32\n"
        "local.get %0\n"
        "global.set __stack_pointer\n"
        :: "r"(sp));
}
