#!/usr/bin/env bash
# Proves that the host crate builds without the guest toolchain: builds the
# embed example (mpnode-host alone) with a PATH that holds only cargo, rustc
# and the system linker (no clang, wasm-ld, wasm-opt, python3), in a fresh
# target directory, and prints the clean build time and the binary's size.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for tool in cargo rustc cc gcc ld ld.bfd as ar; do
    path=$(command -v "$tool") || { echo "check-host-only: $tool not found" >&2; exit 1; }
    ln -s "$path" "$bin/$tool"
done
for tool in clang wasm-ld wasm-opt python3 rust-lld; do
    if PATH="$bin" command -v "$tool" >/dev/null; then
        echo "check-host-only: $tool is on the restricted PATH" >&2
        exit 1
    fi
done
target=${HOST_ONLY_TARGET:-target/host-only}
rm -rf "$target"
start=$(date +%s)
PATH="$bin" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" \
    cargo build --quiet --release --locked -p mpnode-embed-example --target-dir "$target"
end=$(date +%s)
size=$(stat -c %s "$target/release/mpnode-embed-example")
echo "host-only build: mpnode-embed-example in $((end - start)) s (clean, release), binary $size bytes, without clang/wasm-ld/wasm-opt/python3 on PATH"
