#!/usr/bin/env bash
# Builds the mpnode wheel with maturin, installs it into a fresh virtual
# environment and runs the seed demo and a scaffolded project's tests from
# it (nothing is uploaded). Needs the build tools (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/wheel-tools
if [ ! -x "$tools/bin/maturin" ]; then
    python3 -m venv "$tools"
    "$tools/bin/pip" install --quiet "maturin>=1.5,<2"
fi
rm -rf target/wheels
"$tools/bin/maturin" build --release --quiet --out target/wheels
wheel=$(ls target/wheels/mpnode-*.whl)
echo "wheel: $wheel ($(stat -c %s "$wheel") bytes)"
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "$wheel" pytest
work=$(mktemp -d)
"$venv/bin/mpnode" build examples/uppercase.py -o "$work/uppercase.wasm" --no-manifest
"$venv/bin/mpnode" run "$work/uppercase.wasm" --inputs '{"input":"hello"}' --compact | tee "$work/out.json"
grep -q '"HELLO"' "$work/out.json"
(cd "$work" && "$venv/bin/mpnode" new word_count >/dev/null && cd word_count && PATH="$venv/bin:$PATH" mpnode test -- -q)
# A Flow-Like SDK-style multi-node project whose tests use MockHostBridge,
# in the module and compared with CPython.
cp -r tests/projects/sdk_multi "$work/sdk_multi"
(cd "$work/sdk_multi" && PATH="$venv/bin:$PATH" mpnode test -- -q && PATH="$venv/bin:$PATH" mpnode test --compare -- -q)
# A node that raises: mpnode test fails and shows the node's traceback.
cp -r tests/projects/broken "$work/broken"
if (cd "$work/broken" && PATH="$venv/bin:$PATH" mpnode test -- -q) >"$work/broken.txt" 2>&1; then
    echo "wheel: the broken project's tests passed" >&2; cat "$work/broken.txt" >&2; exit 1
fi
grep -q 'File "node.py", line 7, in parse' "$work/broken.txt" || { cat "$work/broken.txt" >&2; echo "wheel: no node.py traceback" >&2; exit 1; }
grep -q "ValueError" "$work/broken.txt"
echo "wheel: installed; ran the seed node, a new project's tests, an SDK project's tests (and --compare), and a failing node's traceback"
