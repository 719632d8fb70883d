#!/usr/bin/env bash
# The test suite: the real runtime module under wasmi, and under wasmtime
# (tests/flowlike_wasmtime.rs); see README, "Testing".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test "$@"
