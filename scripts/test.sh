#!/usr/bin/env bash
# The test suite: the real runtime module under wasmi, and under wasmtime
# (tests/flowlike); see README, "Testing". Installs nothing: on a fresh
# machine run scripts/setup.sh first (CI does, in .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace "$@"
