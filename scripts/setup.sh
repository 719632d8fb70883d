#!/usr/bin/env bash
# Installs what building mpnode needs on Debian/Ubuntu, and only what is
# missing: clang + lld + wasi-libc for the wasm32 C build, binaryen, python3
# (MicroPython's qstr generator), libclang (bindgen), and a Rust toolchain
# that can build for wasm32 (Debian's rustc-web with its library source, for
# -Zbuild-std, unless a rustup toolchain already has wasm32-wasip1).
# Run as root, or as a user with sudo. Safe to run again.
set -euo pipefail

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if ! command -v apt-get >/dev/null; then
    echo "error: this script needs apt-get (Debian/Ubuntu). Install by hand: clang (>= 14) with lld and the" >&2
    echo "       wasm32 compiler-rt, wasi-libc, binaryen, python3, libclang, and a Rust toolchain with wasm32-wasip1." >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="need-root"; fi
fi

updated=""
apt_update() {
    if [ -z "$updated" ]; then $SUDO apt-get update -qq; updated=1; fi
}

# The newest clang version this machine's package lists offer (22 .. 14).
pick_llvm() {
    for v in 22 21 20 19 18 17 16 15 14; do
        if have_pkg "clang-$v" && have_pkg "lld-$v" && have_pkg "libclang-rt-$v-dev-wasm32"; then echo "$v"; return; fi
    done
    [ "$SUDO" = need-root ] && return
    apt_update
    for v in 22 21 20 19 18 17 16 15 14; do
        if apt-cache show "clang-$v" "lld-$v" "libclang-rt-$v-dev-wasm32" >/dev/null 2>&1; then echo "$v"; return; fi
    done
}

llvm=$(pick_llvm || true)
want=(wasi-libc binaryen libclang-dev python3 gcc libc6-dev make)
if [ -n "$llvm" ]; then
    want+=("clang-$llvm" "lld-$llvm" "libclang-rt-$llvm-dev-wasm32")
else
    want+=(clang-22 lld-22 libclang-rt-22-dev-wasm32)
fi
# A Rust toolchain for the wasm32 guest: rustup's, if it has the target;
# otherwise Debian's rustc-web with the standard library's source.
if ! { command -v rustc >/dev/null && [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-wasip1" ]; }; then
    want+=(rustc-web cargo-web rust-web-src)
fi

missing=()
for p in "${want[@]}"; do have_pkg "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$SUDO" = need-root ]; then
        echo "error: missing packages. Run as root:" >&2
        echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "setup: installing ${missing[*]}" >&2
    apt_update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
    echo "error: no cargo on PATH. Install Rust (https://rustup.rs) or: apt-get install cargo-web rustc-web" >&2
    exit 1
fi
