// setjmp/longjmp for the mpnode port.
//
// Debian's wasi-libc ships no setjmp.h, and wasmi has no wasm exception
// handling. clang's Emscripten SjLj lowering (-mllvm -enable-emscripten-sjlj)
// rewrites every call to `setjmp`/`longjmp` below into calls to the small
// runtime in micropython/sjlj.c plus host imports `env.invoke_vii` and
// `env._emscripten_throw_longjmp`. Only nlr_protect() calls setjmp.
#ifndef MPNODE_SETJMP_H
#define MPNODE_SETJMP_H

#include <stdint.h>

// What the lowering stores through `env`: the id of the function invocation
// that called setjmp and the label to resume at.
struct mpnode_jmp_buf {
    void *func_invocation_id;
    uint32_t label;
};
typedef struct mpnode_jmp_buf jmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));

#endif
