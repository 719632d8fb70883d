#!/usr/bin/env bash
# Experiment (issue 13, item 4): the runtime with MICROPY_OBJ_REPR_D (64-bit
# objects, NaN boxing: doubles unboxed, 47-bit small ints with a 64-bit
# mp_int_t) against today's representation (REPR_A: 32-bit objects, 31-bit
# small ints, boxed floats): speed (time and fuel of benches/py/cpu.py's
# tasks), size (both runtimes, the compiler module, the seed node), memory
# (pages after each task, the seed node's pages) and whether integer
# arithmetic still gives the same answers.
#
#   scripts/repr-d.sh                   # release builds: many minutes
#   REPR_D_PROFILE=dev scripts/repr-d.sh  # a quick check (unoptimised host)
#   REPR_D_RUNS=3 REPR_D_TASKS="fib json" scripts/repr-d.sh
#
# The experiment is a patch (scripts/repr-d.patch; its header lists every
# place of ours that assumes 32-bit objects, and why) and one MicroPython
# patch (scripts/repr-d-0099-*.patch: v1.9.4 saves a small-int constant
# object as a float, which only REPR_D's wide small ints produce) applied to a copy of
# the committed tree (git archive HEAD) in target/repr-d; the repository's
# own build is never changed. Prints a markdown report on stdout (the
# numbers of benches/repr-d.md come from it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
profile=${REPR_D_PROFILE:-release}
case $profile in
    dev) profile_dir=debug ;;
    *) profile_dir=$profile ;;
esac
runs=${REPR_D_RUNS:-5}
tasks=${REPR_D_TASKS:-loop fib json pystone mandel words}
work=$target/repr-d

echo "== today's representation (cargo build --profile $profile)" >&2
cargo build --profile "$profile" --bin mpnode >&2
base=$target/$profile_dir/mpnode

echo "== MICROPY_OBJ_REPR_D, in $work" >&2
# The copy is reused while what it is made of is unchanged (a fresh copy
# rebuilds the runtime from scratch).
stamp="$(git rev-parse HEAD:micropython HEAD:shim HEAD:crates HEAD:pylib HEAD:src HEAD:Cargo.toml | tr '\n' ' ')$(cat "$root"/scripts/repr-d*.patch | sha1sum)"
if [ "$(cat "$work/src/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$work/src"
    mkdir -p "$work/src"
    git archive HEAD | tar -x -C "$work/src"
    patch -s -d "$work/src" -p1 <"$root/scripts/repr-d.patch"
    # A MicroPython patch of its own, applied by build.rs after ours.
    cp "$root/scripts/repr-d-0099-persistentcode-small-int-consts.patch" "$work/src/micropython/patches/0099-repr-d-persistentcode-small-int-consts.patch"
    echo "$stamp" >"$work/src/.stamp"
fi
(cd "$work/src" && CARGO_TARGET_DIR="$work/target" cargo build --profile "$profile" --bin mpnode >&2)
reprd=$work/target/$profile_dir/mpnode

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$reprd" run examples/uppercase.py --inputs '{"input": "hello"}' --compact --quiet >"$tmp/smoke" 2>&1; then
    echo "the REPR_D build does not run the seed node yet: $(tail -1 "$tmp/smoke")" >&2
    exit 1
fi

# Integer arithmetic across the small-int boundaries (2**30 for REPR_A's 31
# bits, 2**46 for REPR_D's 47, 2**63), and floats at NaN boxing's edges
# (NaN, infinities, -0.0, subnormals): the same answers as today's build
# (and CPython's) or the representation is wrong.
cat >"$tmp/ints.py" <<'NODE'
def get_node():
    return {"name": "ints", "friendly_name": "Ints", "description": "", "category": "Test", "pins": []}

def run(context):
    out = []
    for a in [3, 46341, 65535, 65536, 1 << 23, (1 << 30) - 1, 1 << 30, 1 << 31, 1 << 46, (1 << 47) - 1, 1 << 62]:
        for b in [-3, 7, 46341, 65537, 1 << 17, 1 << 24]:
            out.append(a * b)
            out.append(a + b)
            out.append(a - b * 3)
            out.append((a * b) // 7)
            out.append(a << 5)
    inf = float("inf")
    for x in [0.0, -0.0, 1.5, -2.25, 1e308, 5e-324, 2.2250738585072014e-308, inf, -inf, 1e300 * 1e10]:
        for y in [3.0, -0.0, inf, 1e-310]:
            out.append(repr(x * y))
            out.append(repr(x + y))
            out.append(x == y)
            out.append(x != x)
        out.append(repr(x))
        out.append(int(x) if x == x and abs(x) != inf else None)
    nan = inf - inf
    out.append([nan == nan, nan is nan, repr(-nan), repr(float("-nan"))])
    return {"outputs": {"check": str(out)}, "error": None}
NODE

run() { "$1" run "$2" --compact --timeout none --memory 256MiB --quiet "${@:3}"; }
bench() {
    "$1" bench "$2" --json --cold 3 --timeout none --memory 256MiB "${@:3}"
}
# Wasm instructions executed per warm run (an instrumented copy of the
# module, `mpnode bench --profile`): wasmi's fuel does not follow them here
# (see benches/repr-d.md), so both are reported.
instructions() {
    "$1" bench "$2" --json --profile 1 --runs 1 --timeout none --memory 256MiB "${@:3}" | field instructions
}
usec() { python3 -c 'import json, sys; print("%.1f" % json.load(sys.stdin)[sys.argv[1]])' "$1"; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
wasm_size() {
    ls -t "$1"/build/mpnode-runtime-*/out/mpnode-"$2".wasm | head -1 | xargs stat -c %s
}

echo "## MICROPY_OBJ_REPR_D against today's representation (scripts/repr-d.sh)"
echo
echo "Profile: $profile; machine: $(uname -srm), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| size | today (REPR_A) | REPR_D | difference |"
echo "|---|---|---|---|"
for kind in runtime runtime-nocompiler compiler; do
    a=$(wasm_size "$target/$profile_dir" $kind)
    b=$(wasm_size "$work/target/$profile_dir" $kind)
    echo "| $kind.wasm | $a | $b | $((b - a)) |"
done
"$base" build examples/uppercase.py --no-manifest -o "$tmp/seed-a.wasm" >/dev/null 2>&1
"$reprd" build examples/uppercase.py --no-manifest -o "$tmp/seed-d.wasm" >/dev/null 2>&1
a=$(stat -c %s "$tmp/seed-a.wasm")
b=$(stat -c %s "$tmp/seed-d.wasm")
echo "| seed node (mpnode build) | $a | $b | $((b - a)) |"
sa=$(bench "$base" examples/uppercase.py --inputs '{"input": "hello"}' --seconds 1)
sd=$(bench "$reprd" examples/uppercase.py --inputs '{"input": "hello"}' --seconds 1)
echo "| seed node: pages after warm runs | $(field memory_pages <<<"$sa") | $(field memory_pages <<<"$sd") | |"
echo "| seed node: fuel per warm run | $(field fuel_per_run <<<"$sa") | $(field fuel_per_run <<<"$sd") | |"
echo "| seed node: warm run median | $(usec run_us_median <<<"$sa") µs | $(usec run_us_median <<<"$sd") µs | |"
echo "| seed node: cold start (from the snapshot) | $(usec instantiate_us <<<"$sa") µs | $(usec instantiate_us <<<"$sd") µs | |"
echo
if [ "$(run "$base" "$tmp/ints.py")" = "$(run "$reprd" "$tmp/ints.py")" ]; then
    echo "Integer arithmetic across the small-int boundaries and floats at NaN boxing's edges: the same answers."
else
    echo "**Integer or float arithmetic differs** (the checks of \`$tmp/ints.py\`; today's build agrees with CPython):"
    echo
    python3 - "$(run "$base" "$tmp/ints.py")" "$(run "$reprd" "$tmp/ints.py")" <<'PY'
import ast, json, sys
a, d = json.loads(sys.argv[1]), json.loads(sys.argv[2])
if "check" not in d["outputs"]:
    print("The REPR_D build raised: %s" % (d["error"] or "").strip().splitlines()[-1:])
    sys.exit()
a, d = ast.literal_eval(a["outputs"]["check"]), ast.literal_eval(d["outputs"]["check"])
bad = [(x, y) for x, y in zip(a, d) if repr(x) != repr(y)]
print("%d of %d values differ; first: %s" % (len(bad), len(a), ", ".join("%r vs %r" % b for b in bad[:3])))
PY
fi
echo
echo "\`benches/py/cpu.py\`, warm runs: time (the median, and the fastest, of $runs), wasm instructions executed in one run (\`mpnode bench --profile\`), fuel, pages after the runs, and whether both computed the same checksum."
echo
echo "| task | time today | time REPR_D | time ratio | instructions today | instructions REPR_D | ratio | fuel today | fuel REPR_D | ratio | pages today | pages REPR_D | same result |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for task in $tasks; do
    inputs="{\"task\": \"$task\"}"
    ra=$(bench "$base" benches/py/cpu.py --inputs "$inputs" --runs "$runs")
    rd=$(bench "$reprd" benches/py/cpu.py --inputs "$inputs" --runs "$runs")
    ia=$(instructions "$base" benches/py/cpu.py --inputs "$inputs")
    id=$(instructions "$reprd" benches/py/cpu.py --inputs "$inputs")
    same=no
    if [ "$(run "$base" benches/py/cpu.py --inputs "$inputs")" = "$(run "$reprd" benches/py/cpu.py --inputs "$inputs")" ]; then
        same=yes
    fi
    python3 - "$task" "$ra" "$rd" "$same" "$ia" "$id" <<'PY'
import json, sys
task, a, d, same = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
ia, id_ = float(sys.argv[5]), float(sys.argv[6])
ms = lambda r: "%.2f (%.2f) ms" % (r["run_us_median"] / 1000, r["run_us_min"] / 1000)
print("| %s | %s | %s | %.2f× | %.3e | %.3e | %.2f× | %.3e | %.3e | %.2f× | %d | %d | %s |" % (
    task, ms(a), ms(d), d["run_us_median"] / a["run_us_median"], ia, id_, id_ / ia,
    a["fuel_per_run"], d["fuel_per_run"], d["fuel_per_run"] / a["fuel_per_run"],
    a["memory_pages"], d["memory_pages"], same))
PY
done
echo
