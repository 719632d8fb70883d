#!/usr/bin/env bash
# The main job: build mpnode (and with it the MicroPython runtime module),
# build the seed's uppercase node into a module the way Flow-Like gets it
# (bytecode, the runtime without the compiler, the start-up snapshot), and
# run that module on "hello".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release
target/release/mpnode build examples/uppercase.py -o target/uppercase.wasm --no-manifest
exec target/release/mpnode run target/uppercase.wasm --inputs '{"input":"hello"}'
