//! mpnode's standard library (`pylib/`) against CPython 3.11.
//!
//! Each module has a file of snippets, `tests/stdlib/MODULE.py`, separated
//! by `# ---- name` lines. Every snippet becomes a function of one node
//! (one module run per library module: packing and instantiation are paid
//! once); the node's `run` calls them in order, printing `== name` before
//! each and `! ExceptionType` when one raises. The same program runs under
//! `python3`; the two outputs must be equal, line for line.
//!
//! The node is packed from source (`mpnode_build::pack`), so it goes
//! through the same lowering and library packing as `mpnode build`.

use std::io::Write;
use std::process::{Command, Stdio};

use mpnode_build::pack::{pack_with, PackOptions};
use mpnode_build::runtime::RUNTIME_WASM;
use mpnode_host::{Engine, Limits, LogLevel, Node};
use serde_json::json;

/// The snippets of `tests/stdlib/MODULE.py`: (name, code).
fn snippets(module: &str) -> Vec<(String, String)> {
    let path = format!("{}/tests/stdlib/{module}.py", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("# ---- ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

/// One program running every snippet at module level, each in its own
/// `try` (so classes are module-level, as `__qualname__` then equals the
/// name), `print` collecting lines that the node's `run` prints.
fn program(cases: &[(String, String)]) -> String {
    let mut src = String::from(
        "_lines = []\n_print = print\ndef print(*args, sep=' ', end='\\n'):\n    _lines.append(sep.join([str(a) for a in args]) + end)\n",
    );
    for (name, code) in cases {
        src.push_str(&format!("print('== ' + {name:?})\ntry:\n"));
        let mut body = false;
        for line in code.lines() {
            if !line.trim().is_empty() {
                body = true;
            }
            src.push_str("    ");
            src.push_str(line);
            src.push('\n');
        }
        if !body {
            src.push_str("    pass\n");
        }
        src.push_str("except Exception as e:\n    print('!', type(e).__name__)\n    print('#dbg', repr(e))\n");
    }
    src.push_str(
        "
def get_node():
    return {'name': 'stdlib', 'friendly_name': 'Stdlib', 'description': 'test', 'category': 'Test', 'pins': []}

def run(context):
    for line in ''.join(_lines).split('\\n')[:-1]:
        _print(line)
    return {'outputs': {}, 'error': None}
",
    );
    src
}

fn python(source: &str) -> String {
    let mut child = Command::new("python3")
        .arg("-")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the expected outputs");
    child.stdin.take().unwrap().write_all(source.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "CPython failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn micropython(node: &str) -> String {
    let options = PackOptions { heap_size: Some(4 << 20), ..PackOptions::default() };
    let wasm = pack_with(RUNTIME_WASM, node, "node.py", &options).unwrap_or_else(|e| panic!("pack: {e}"));
    let limits = Limits::default().with_memory(64 << 20).with_timeout(Some(std::time::Duration::from_secs(60)));
    let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap_or_else(|e| panic!("load: {e}"));
    let report = node.run(json!({})).unwrap_or_else(|e| panic!("run: {e}"));
    let mut out = String::new();
    for entry in report.logs.iter().filter(|e| e.level == LogLevel::Info) {
        out.push_str(&entry.message);
        out.push('\n');
    }
    if let Some(error) = report.result.error {
        out.push_str(&format!("<run error> {error}\n"));
    }
    out
}

/// Splits an output into its snippets' sections by the `== name` lines.
fn sections(out: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for line in out.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            v.push((name.to_string(), String::new()));
        } else if let Some(last) = v.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        } else {
            v.push((String::new(), format!("{line}\n")));
        }
    }
    v
}

fn check(module: &str) {
    let cases = snippets(module);
    assert!(cases.len() >= 10, "{module}: only {} snippets", cases.len());
    let src = program(&cases);
    let strip = |s: String| s.lines().filter(|l| !l.starts_with("#dbg")).map(|l| format!("{l}\n")).collect::<String>();
    let expected = strip(python(&format!("{src}\nrun({{}})\n")));
    let full = micropython(&src);
    let got = strip(full.clone());
    if expected == got {
        return;
    }
    let (e, g) = (sections(&expected), sections(&full));
    let mut report = String::new();
    for (i, (name, want)) in e.iter().enumerate() {
        let have = g.get(i).map(|s| s.1.as_str()).unwrap_or("<missing>\n");
        if *want != strip(have.to_string()) {
            report.push_str(&format!("--- {module}: {name}\nCPython:\n{want}mpnode:\n{have}"));
        }
    }
    if report.is_empty() {
        report = format!("CPython:\n{expected}\nmpnode:\n{got}");
    }
    panic!("{module} differs from CPython 3.11:\n{report}");
}

macro_rules! modules {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
    };
}

modules!(
    datetime,
    collections,
    collections_dicts,
    decimal,
    io,
    itertools,
    functools,
    heapq,
    copy,
    dataclasses,
    typing,
    string,
    contextlib,
    textwrap,
    random,
    base64,
    hashlib,
    hmac,
    uuid,
    urllib,
    statistics,
    logging,
    ospath,
    shell,
    enum_,
    csv,
    pprint,
    difflib,
    re_lookaround,
    re_flags,
    unicodedata
);

/// The library as `mpnode build` packs it by default (bytecode, the runtime
/// without the compiler, the build-time snapshot that runs the imports):
/// one node importing nearly every module (`tests/stdlib/built.py`), on the
/// default 1 MiB heap.
#[test]
fn built_node_uses_the_library() {
    let cases = snippets("built");
    let src = program(&cases);
    let expected = python(&format!("{src}\nrun({{}})\n"));
    let artifact = mpnode_build::Builder::from_source(&src, "node.py").build().unwrap_or_else(|e| panic!("{e}"));
    let mut node = Node::load(&Engine::new(), &artifact.wasm).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None);
    let got: String = report.logs.iter().filter(|e| e.level == LogLevel::Info).map(|e| format!("{}\n", e.message)).collect();
    let strip = |s: &str| s.lines().filter(|l| !l.starts_with("#dbg")).map(|l| format!("{l}\n")).collect::<String>();
    assert_eq!(strip(&got), strip(&expected), "full output:\n{got}");
}

/// The library is paid per use: the seed node imports nothing, so nothing
/// of `pylib/` is packed with it.
#[test]
fn seed_node_packs_no_library_module() {
    let path = format!("{}/examples/uppercase.py", env!("CARGO_MANIFEST_DIR"));
    let artifact = mpnode_build::Builder::new(&path).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(artifact.files.len(), 1, "{:?}", artifact.files);
    assert!(artifact.files[0].starts_with("uppercase"), "{:?}", artifact.files);
}

/// A node importing datetime and collections gets those modules (and what
/// they import: time), and nothing else of the library.
#[test]
fn imported_library_modules_are_packed() {
    let source = "import datetime\nfrom collections import Counter\n\ndef get_node():\n    return {'name': 'n', 'friendly_name': 'N', \
                  'description': 'd', 'category': 'C', 'pins': []}\n\ndef run(context):\n    return {'outputs': {}, 'error': None}\n";
    let artifact = mpnode_build::Builder::from_source(source, "node.py").build().unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = artifact.files.iter().map(|f| f.rsplit_once('.').map_or(f.clone(), |(stem, _)| stem.to_string())).collect();
    for want in ["node", "datetime", "time", "collections/__init__"] {
        assert!(names.iter().any(|n| n == want), "{want} not packed: {names:?}");
    }
    assert!(!names.iter().any(|n| n == "itertools" || n == "typing"), "{names:?}");
}

/// `cargo test --test stdlib -- --ignored --nocapture library_sizes`: the
/// bytes each library module adds to a built node (bytecode, snapshot) and
/// the fuel its import costs, for BENCHMARKS.md.
#[test]
#[ignore]
fn library_sizes() {
    let node = |imports: &str| {
        format!(
            "{imports}\ndef get_node():\n    return {{'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'C', 'pins': []}}\n\n\
             def run(context):\n    return {{'outputs': {{}}, 'error': None}}\n"
        )
    };
    let build = |src: &str| mpnode_build::Builder::from_source(src, "node.py").build().unwrap_or_else(|e| panic!("{e}"));
    let base = build(&node("")).wasm.len();
    let plain = mpnode_build::Builder::from_source(&node(""), "node.py").snapshot(false).build().unwrap().wasm.len();
    println!("| module | files packed | module bytes added (snapshot) | bytecode bytes added (no snapshot) |");
    println!("|---|---|---:|---:|");
    for m in [
        "datetime",
        "time",
        "calendar",
        "collections",
        "itertools",
        "functools",
        "operator",
        "heapq",
        "bisect",
        "copy",
        "typing",
        "dataclasses",
        "enum",
        "string",
        "contextlib",
        "abc",
        "types",
        "textwrap",
        "html",
        "random",
        "base64",
        "binascii",
        "zlib",
        "hashlib",
        "hmac",
        "secrets",
        "uuid",
        "urllib.parse",
        "statistics",
        "fractions",
        "decimal",
        "logging",
        "os",
        "fnmatch",
        "shlex",
        "warnings",
        "csv",
        "pprint",
        "traceback",
        "difflib",
        "unicodedata",
    ] {
        let a = build(&node(&format!("import {m}")));
        let b = mpnode_build::Builder::from_source(&node(&format!("import {m}")), "node.py").snapshot(false).build().unwrap();
        println!(
            "| `{m}` | {} | {} | {} |",
            a.files[1..].join(", "),
            a.wasm.len() as i64 - base as i64,
            b.wasm.len() as i64 - plain as i64
        );
    }
}

/// logging's records reach Flow-Like's log with the matching level: the
/// root functions (basicConfig's format) and a logger with no handler.
#[test]
fn logging_goes_to_the_flow_like_log() {
    let source = "import logging\n\ndef get_node():\n    return {'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'C', 'pins': []}\n\n\
                  def run(context):\n    logging.getLogger('quiet').error('no handler')\n    logging.warning('careful')\n    \
                  logging.getLogger('app').error('boom %d', 3)\n    logging.info('not shown')\n    logging.getLogger().setLevel(logging.DEBUG)\n    \
                  logging.debug('dbg')\n    return {'outputs': {}, 'error': None}\n";
    let wasm = mpnode_build::pack::pack(RUNTIME_WASM, source, "node.py").unwrap();
    let mut node = Node::load(&Engine::new(), &wasm).unwrap();
    let report = node.run(json!({})).unwrap();
    assert_eq!(report.result.error, None);
    let logs: Vec<(LogLevel, String)> = report.logs.iter().map(|l| (l.level, l.message.clone())).collect();
    assert_eq!(
        logs,
        vec![
            (LogLevel::Error, "no handler".to_string()),
            (LogLevel::Warn, "WARNING:root:careful".to_string()),
            (LogLevel::Error, "ERROR:app:boom 3".to_string()),
            (LogLevel::Debug, "DEBUG:root:dbg".to_string()),
        ]
    );
}

/// `mpnode build` of a node importing datetime and collections, then
/// `mpnode inspect`: the packed library modules are listed.
#[test]
fn inspect_lists_packed_library_modules() {
    let dir = std::env::temp_dir().join(format!("mpnode-stdlib-inspect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let node = dir.join("node.py");
    std::fs::write(
        &node,
        "import datetime\nimport collections\n\ndef get_node():\n    return {'name': 'n', 'friendly_name': 'N', 'description': 'd', \
         'category': 'C', 'pins': []}\n\ndef run(context):\n    return {'outputs': {'d': str(datetime.date(2024, 1, 2))}, 'error': None}\n",
    )
    .unwrap();
    let wasm = dir.join("node.wasm");
    let bin = env!("CARGO_BIN_EXE_mpnode");
    let out = Command::new(bin).args(["build", node.to_str().unwrap(), "-o", wasm.to_str().unwrap(), "--no-manifest"]).output().unwrap();
    assert!(out.status.success(), "build: {}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(bin).args(["inspect", wasm.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("packed files:")).unwrap_or_else(|| panic!("no packed files line:\n{text}"));
    for want in ["datetime", "time", "collections/__init__"] {
        assert!(line.split([' ', ',']).any(|f| f.rsplit_once('.').is_some_and(|(stem, _)| stem == want)), "{want} missing: {line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `mpnode build` of a node importing a name mpnode's library module lacks:
/// the runtime's ImportError names neither, the build's hint names both.
#[test]
fn missing_library_name_is_named_at_build() {
    let dir = std::env::temp_dir().join(format!("mpnode-stdlib-missing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let node = dir.join("node.py");
    std::fs::write(
        &node,
        "from datetime import date, no_such_name\n\ndef get_node():\n    return {'name': 'n', 'friendly_name': 'N', 'description': 'd', \
         'category': 'C', 'pins': []}\n\ndef run(context):\n    return {'outputs': {}, 'error': None}\n",
    )
    .unwrap();
    let wasm = dir.join("node.wasm");
    let out = Command::new(env!("CARGO_BIN_EXE_mpnode"))
        .args(["build", node.to_str().unwrap(), "-o", wasm.to_str().unwrap(), "--no-manifest"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("cannot import name 'no_such_name' from 'datetime' (mpnode's datetime does not provide it"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// sha256 of 1 MiB (16 updates of 64 KiB: a node's heap is 1 MiB) runs in
/// C (`_mpn_hash.block`, micropython/mpnode_hash.c): the digest is right and
/// the fuel stays near what the native code needs (4.3 x 10^8 when written;
/// pure Python took 5.2 x 10^10 for 64 KiB). The wall time is printed, not
/// asserted: `cargo test --test stdlib -- --nocapture sha256_speed`.
#[test]
fn sha256_speed() {
    let source = "import hashlib\n\ndef get_node():\n    return {'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'C', 'pins': []}\n\n\
                  def run(context):\n    chunk = bytes(range(256)) * 256\n    h = hashlib.sha256()\n    for _ in range(16):\n        h.update(chunk)\n    return {'outputs': {'h': h.hexdigest()}, 'error': None}\n";
    let wasm = mpnode_build::Builder::from_source(source, "node.py").build().unwrap().wasm;
    let limits = Limits::default().with_timeout(Some(std::time::Duration::from_secs(120)));
    let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap();
    let t = std::time::Instant::now();
    let report = node.run(json!({})).unwrap();
    let elapsed = t.elapsed();
    assert_eq!(report.result.error, None);
    assert_eq!(report.result.outputs["h"], "fbbab289f7f94b25736c58be46a994c441fd02552cc6022352e3d86d2fab7c83");
    println!("sha256 of 1 MiB: {elapsed:?} under wasmi, fuel {}", report.fuel_consumed);
    assert!(report.fuel_consumed < 1_000_000_000, "fuel {}", report.fuel_consumed);
}

/// `cargo test --test stdlib -- --ignored --nocapture digest_speeds`: fuel
/// and time of each hashlib algorithm for 16 KiB (SHA-1 and BLAKE2 are pure
/// Python; MD5 and SHA-2 run in C), for README and BENCHMARKS.md.
#[test]
#[ignore]
fn digest_speeds() {
    for name in ["md5", "sha256", "sha512", "sha1", "blake2b", "blake2s"] {
        let source = format!(
            "import hashlib\n\ndef get_node():\n    return {{'name': 'n', 'friendly_name': 'N', 'description': 'd', 'category': 'C', 'pins': []}}\n\n\
             def run(context):\n    h = hashlib.new('{name}')\n    h.update(bytes(16384))\n    return {{'outputs': {{'h': h.hexdigest()}}, 'error': None}}\n"
        );
        let wasm = mpnode_build::Builder::from_source(&source, "node.py").build().unwrap().wasm;
        let limits = Limits::default().with_timeout(Some(std::time::Duration::from_secs(300)));
        let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap();
        let t = std::time::Instant::now();
        let report = node.run(json!({})).unwrap();
        assert_eq!(report.result.error, None);
        println!("{name} of 16 KiB: {:?} under wasmi, fuel {}", t.elapsed(), report.fuel_consumed);
    }
}
