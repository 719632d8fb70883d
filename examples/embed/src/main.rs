//! An edge host in 40 lines: load a `node.wasm` that `mpnode build` wrote,
//! print its definitions, and run it on JSON inputs, with the host crate
//! alone (`mpnode-host`: wasmi and serde_json, no build script, no C or
//! wasm toolchain).
//!
//! ```sh
//! mpnode build examples/uppercase.py -o node.wasm --no-manifest
//! cargo run -p mpnode-embed-example -- node.wasm '{"input": "hello"}'
//! ```

use std::process::ExitCode;
use std::time::Duration;

use mpnode_host::{Engine, Limits, Node};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), inputs) = (args.next(), args.next()) else {
        eprintln!("usage: mpnode-embed-example NODE.wasm ['{{\"pin\": value}}']");
        return ExitCode::from(2);
    };
    let inputs: serde_json::Value = match serde_json::from_str(inputs.as_deref().unwrap_or("{}")) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("inputs are not JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let wasm = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("could not read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // One engine per process; each node gets 16 MiB and 250 ms per call.
    let engine = Engine::new();
    let limits = Limits::default().with_memory(16 << 20).with_timeout(Some(Duration::from_millis(250)));
    let mut node = match Node::load_with_limits(&engine, &wasm, limits) {
        Ok(node) => node,
        Err(e) => {
            eprintln!("could not load {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match node.definitions() {
        Ok(defs) => defs.iter().for_each(|d| eprintln!("node: {}", d["name"])),
        Err(e) => eprintln!("definitions: {e}"),
    }
    match node.run(inputs) {
        Ok(report) => {
            println!("{}", report.result.to_json());
            if report.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("could not run: {e}");
            ExitCode::from(2)
        }
    }
}
