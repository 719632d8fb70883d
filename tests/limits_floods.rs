//! Issue 16 item 2: everything a node can make the host hold is bounded.
//! Each flood below used to grow the host without limit (log lines that
//! counted nothing, `log_json` data, stream events, tables); now each is
//! capped, with a warning or an error, and a counting allocator in this test
//! binary proves the host's peak heap stays within the node's memory limit
//! plus a stated constant.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use mpnode_host::imports::{ENTRY_OVERHEAD, LOG_BYTES_MAX, STREAM_BYTES_MAX};
use mpnode_host::{Engine, Limits, Node};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// One test at a time: the counters are process-wide.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The node's memory limit in these tests.
const LIMIT: usize = 2 << 20;
/// The stated constant: what the host itself needs for one run besides the
/// capped collections (the compiled module, wasmi's stacks and caches, the
/// result envelope).
const HOST_CONSTANT: usize = 8 << 20;

/// A module whose `run` loops `count` times over `body` and returns an
/// empty result (`{}` at offset 16).
fn flood(imports: &str, body: &str, count: u32, extra: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module
  {imports}
  (memory (export "memory") 32 32)
  {extra}
  (data (i32.const 16) "{{\"outputs\":{{}}}}")
  (data (i32.const 64) "{{\"name\":\"flood\"}}")
  (data (i32.const 4096) "text")
  (data (i32.const 8192) "[]")
  (func (export "get_node") (result i64) (i64.const 0x400000010))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (local $i i32)
    (block $done (loop $again
      (br_if $done (i32.ge_u (local.get $i) (i32.const {count})))
      {body}
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $again)))
    (i64.const 0x100000000e)))"#
    );
    wat::parse_str(wat).unwrap()
}

/// Runs `wasm` once and returns the report and the peak heap growth. A
/// collection that doubles its buffer holds old and new buffer for a moment:
/// the bounds below allow three times each cap.
fn run_measured(wasm: &[u8]) -> (mpnode_host::RunReport, usize) {
    let _guard = one_at_a_time();
    let limits = Limits::default().with_memory(LIMIT).with_timeout(Some(Duration::from_secs(20)));
    let mut node = Node::load_with_limits(&Engine::new(), wasm, limits).unwrap();
    node.context_mut().node_name = Some("flood".to_string());
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let report = node.run(serde_json::json!({})).unwrap();
    let peak = PEAK.load(Relaxed).saturating_sub(base);
    (report, peak)
}

fn assert_bounded(what: &str, peak: usize, collections: usize) {
    let bound = LIMIT + collections + HOST_CONSTANT;
    assert!(peak <= bound, "{what}: the host's heap grew by {peak} bytes, over the bound {bound}");
    eprintln!("{what}: peak heap growth {peak} bytes (bound {bound})");
}

#[test]
fn floods_of_empty_log_lines_are_counted_and_capped() {
    // 3,000,000 empty lines: used to cost the host ~100 bytes each, uncounted.
    let wasm = flood(
        r#"(import "flowlike_log" "info" (func $info (param i32 i32)))"#,
        "(call $info (i32.const 4096) (i32.const 0))",
        3_000_000,
        "",
    );
    let (report, peak) = run_measured(&wasm);
    assert!(report.is_ok(), "{:?}", report.result.error);
    assert!(report.logs.len() <= LOG_BYTES_MAX / ENTRY_OVERHEAD, "{} entries kept", report.logs.len());
    assert!(report.warnings.iter().any(|w| w.contains("later entries were dropped")), "{:?}", report.warnings);
    assert_bounded("empty log lines", peak, 3 * LOG_BYTES_MAX);
}

#[test]
fn log_json_data_counts_against_the_log_cap() {
    // 200 entries with 1 MiB of JSON data each (a string of spaces around 0).
    let wasm = flood(
        r#"(import "flowlike_log" "log_json" (func $json (param i32 i32 i32 i32 i32)))"#,
        "(call $json (i32.const 2) (i32.const 4096) (i32.const 4) (i32.const 65536) (i32.const 1048576))",
        200,
        r#"(data (i32.const 65536) "0")"#,
    );
    let (report, peak) = run_measured(&wasm);
    let data: usize = report.logs.len() * (1 << 20);
    assert!(data <= LOG_BYTES_MAX, "{} entries of 1 MiB kept", report.logs.len());
    assert!(report.warnings.iter().any(|w| w.contains("later entries were dropped")), "{:?}", report.warnings);
    assert_bounded("log_json data", peak, 3 * LOG_BYTES_MAX);
}

#[test]
fn stream_floods_are_capped_with_a_warning() {
    // 3,000 text events of 1 MiB: used to make the host hold 3 GB.
    let wasm = flood(
        r#"(import "flowlike_stream" "text" (func $text (param i32 i32)))"#,
        "(call $text (i32.const 65536) (i32.const 1048576))",
        3_000,
        "",
    );
    let (report, peak) = run_measured(&wasm);
    assert!(report.is_ok(), "{:?}", report.result.error);
    assert!(report.stream.len() * (1 << 20) <= STREAM_BYTES_MAX, "{} events kept", report.stream.len());
    assert!(report.warnings.iter().any(|w| w.contains("later events were dropped")), "{:?}", report.warnings);
    assert_bounded("stream text", peak, 3 * STREAM_BYTES_MAX);

    // 3,000,000 tiny events.
    let wasm = flood(
        r#"(import "flowlike_stream" "emit" (func $emit (param i32 i32 i32 i32)))"#,
        "(call $emit (i32.const 4096) (i32.const 4) (i32.const 8192) (i32.const 2))",
        3_000_000,
        "",
    );
    let (report, peak) = run_measured(&wasm);
    assert!(report.is_ok(), "{:?}", report.result.error);
    assert!(report.stream.len() <= STREAM_BYTES_MAX / ENTRY_OVERHEAD, "{} events kept", report.stream.len());
    assert!(report.stream.len() > 1000, "the events were not kept at all: {:?}", report.warnings);
    assert_bounded("tiny stream events", peak, 3 * STREAM_BYTES_MAX);
}

#[test]
fn tables_count_against_the_memory_limit() {
    // table.grow in a loop: used to take 4.4 GB in 10 s outside any limit.
    let wasm = flood("", "(drop (table.grow (ref.null func) (i32.const 4096)))", 100_000, "(table 0 funcref)");
    let (report, peak) = run_measured(&wasm);
    // The loop ignores table.grow's -1 and finishes; the report says the
    // limit refused the growth.
    assert!(report.warnings.iter().any(|w| w.contains("over the memory limit")), "{:?}", report.warnings);
    assert_bounded("table.grow", peak, 0);
}

/// Issue 16 item 3: host functions that do real work look at the clock.
/// 1,000 `flowlike_stream.emit` calls with 3 MiB of data that is not JSON
/// (copied, parsed, then dropped: it costs the guest no fuel, and a dropped
/// event counts nothing against the stream cap) used to run for seconds
/// past the deadline.
#[test]
fn host_work_is_under_the_deadline_too() {
    let wasm = wat::parse_str(
        r#"(module
  (import "flowlike_stream" "emit" (func $emit (param i32 i32 i32 i32)))
  (memory (export "memory") 64 64)
  (data (i32.const 64) "{\"name\":\"flood\"}")
  (data (i32.const 4096) "text")
  (data (i32.const 65536) "\"")
  (func (export "get_node") (result i64) (i64.const 0x400000010))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (local $i i32)
    ;; A quote and 3 MiB of 'a': a string that never ends, not JSON, and
    ;; only rejected at its end.
    (memory.fill (i32.const 65537) (i32.const 97) (i32.const 3145727))
    (block $done (loop $again
      (br_if $done (i32.ge_u (local.get $i) (i32.const 1000)))
      (call $emit (i32.const 4096) (i32.const 4) (i32.const 65536) (i32.const 3145728))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $again)))
    (i64.const 0)))"#,
    )
    .unwrap();
    let _guard = one_at_a_time();
    let limits = Limits::default().with_timeout(Some(Duration::from_millis(300)));
    let mut node = Node::load_with_limits(&Engine::new(), &wasm, limits).unwrap();
    node.context_mut().node_name = Some("flood".to_string());
    let started = std::time::Instant::now();
    let report = node.run(serde_json::json!({})).unwrap();
    let error = report.result.error.unwrap_or_default();
    assert!(error.contains("deadline of 300 ms"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
}
