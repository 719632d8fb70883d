#!/usr/bin/env bash
# The main job: build mpnode (and with it the MicroPython runtime module),
# then run the seed's uppercase node on "hello".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release
exec target/release/mpnode run examples/uppercase.py --inputs '{"input":"hello"}'
