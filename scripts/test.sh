#!/usr/bin/env bash
# The test suite: every test runs the real runtime module under wasmi.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo test "$@"
