//! Where a node's guest time goes: the wasm instructions each guest
//! function executes per warm run, and how often it is called
//! (`mpnode bench --profile`).
//!
//! The profile runs an instrumented copy of the module, never the module
//! itself: [`instrument`] gives every defined function two counters
//! (mutable `i64` globals, exported): one incremented at its entry, one
//! advanced at the start of each straight-line stretch of its code by the
//! number of instructions up to the next control instruction (`block`,
//! `loop`, `if`, `else`, `end`, a branch, `return`, `unreachable`). Every
//! entry point of control (a function's start, a branch target, the
//! fall-through after a conditional branch) starts such a stretch, so the
//! counts are exact for code that runs to its end; a call that leaves by a
//! trap or a `longjmp` counts the rest of its stretch too. Structure is not
//! counted (`block`, `loop`, `end`, `else`, `nop`: engines compile it away).
//! A third counter
//! per function counts its loop iterations. The counts are
//! wasm instructions: engine-independent, close to wasmtime's fuel, and
//! roughly proportional to wasmi's (which charges some instructions more).
//! Each direct `call` site has a counter too, so a profile says which
//! callers make a function's calls.
//!
//! Function names come from the runtime the node was packed into
//! ([`mpnode_runtime::RuntimeKind::function_names`]), matched by the
//! module's code section (packing and the snapshot never change code).

use std::collections::HashMap;

use mpnode_host::{Engine, Limits, Node};
use mpnode_runtime::RuntimeKind;
use serde::Serialize;
use serde_json::Value;
use wasm_encoder::reencode::{self, Reencode};
use wasm_encoder::{ConstExpr, ExportKind, GlobalType, Instruction, ValType};
use wasmparser::{BinaryReader, Name, NameSectionReader, Operator, Parser, Payload};

/// The export name of function `k`'s call counter (`k`: its index among the
/// module's defined functions).
fn calls_export(k: u32) -> String {
    format!("mpnode.profile.calls.{k}")
}

/// The export name of function `k`'s instruction counter.
fn instructions_export(k: u32) -> String {
    format!("mpnode.profile.instructions.{k}")
}

/// The export name of function `k`'s loop counter.
fn loops_export(k: u32) -> String {
    format!("mpnode.profile.loops.{k}")
}

/// The export name of the counter of direct call site `s`.
fn site_export(s: usize) -> String {
    format!("mpnode.profile.site.{s}")
}

/// An instrumented copy of a module; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct Instrumented {
    /// The module with the counters.
    pub wasm: Vec<u8>,
    /// Imported functions: defined function `k` has function index
    /// `imported_functions + k`.
    pub imported_functions: u32,
    /// Defined functions (each has three counters).
    pub defined_functions: u32,
    /// The direct call sites, each with a counter: (caller, callee), as
    /// function indices.
    pub sites: Vec<(u32, u32)>,
}

/// One guest function's share of a warm run.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionProfile {
    /// The function's index in the module.
    pub index: u32,
    /// Its name (`func[INDEX]` when the runtime's names are missing).
    pub name: String,
    /// Calls per run.
    pub calls: f64,
    /// Wasm instructions it executed per run (its own, not its callees').
    pub instructions: f64,
    /// Iterations of its loops per run (entries and repeats of every
    /// `loop`).
    pub loops: f64,
    /// Who made its calls (direct calls only), most first: caller name,
    /// calls per run.
    pub callers: Vec<(String, f64)>,
}

/// The profile of a node's warm runs.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// Warm runs counted (after one run that instantiates and warms up).
    pub runs: u32,
    /// Wasm instructions per run, all functions.
    pub instructions: f64,
    /// Guest function calls per run, all functions.
    pub calls: f64,
    /// Every function that ran, most instructions first.
    pub functions: Vec<FunctionProfile>,
}

/// Why a profile could not be made.
#[derive(Debug)]
pub enum ProfileError {
    /// The module could not be read or re-encoded.
    Instrument(String),
    /// The instrumented module did not load or its run could not be made.
    Host(mpnode_host::Error),
    /// The node's run failed (its `error`), so there is nothing to profile.
    Failed(String),
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::Instrument(e) => write!(f, "could not instrument the module: {e}"),
            ProfileError::Host(e) => write!(f, "{e}"),
            ProfileError::Failed(e) => write!(f, "the node's run failed, so there is nothing to profile: {e}"),
        }
    }
}

impl std::error::Error for ProfileError {}

impl From<reencode::Error> for ProfileError {
    fn from(e: reencode::Error) -> ProfileError {
        ProfileError::Instrument(e.to_string())
    }
}

impl From<wasmparser::BinaryReaderError> for ProfileError {
    fn from(e: wasmparser::BinaryReaderError) -> ProfileError {
        ProfileError::Instrument(e.to_string())
    }
}

/// The re-encoder that adds the counters.
#[derive(Default)]
struct Counters {
    imported_functions: u32,
    imported_globals: u32,
    defined_functions: u32,
    /// The first counter global (after every global of the module).
    first: u32,
    /// The defined function being encoded.
    next: u32,
    /// Direct call sites, in code order (filled by a first pass).
    sites: Vec<(u32, u32)>,
    /// The next call site to encode.
    next_site: usize,
}

impl Counters {
    /// The instructions that add `n` to counter `global`.
    fn bump(global: u32, n: u64) -> [Instruction<'static>; 4] {
        [Instruction::GlobalGet(global), Instruction::I64Const(n as i64), Instruction::I64Add, Instruction::GlobalSet(global)]
    }

    fn add(f: &mut wasm_encoder::Function, global: u32, n: u64) {
        for instruction in Counters::bump(global, n) {
            f.instruction(&instruction);
        }
    }
}

/// Whether control may enter or leave at this instruction: it ends a
/// straight-line stretch.
fn ends_stretch(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::Block { .. }
            | Operator::Loop { .. }
            | Operator::If { .. }
            | Operator::Else
            | Operator::End
            | Operator::Br { .. }
            | Operator::BrIf { .. }
            | Operator::BrTable { .. }
            | Operator::Return
            | Operator::ReturnCall { .. }
            | Operator::ReturnCallIndirect { .. }
            | Operator::Unreachable
    )
}

/// Structure, not work: engines compile these away (wasmi's translation
/// to its register IR, wasmtime's fuel), and a `br_table` sits inside one
/// `block` per target, so counting them would make a switch look costly.
fn structural(op: &Operator<'_>) -> bool {
    matches!(op, Operator::Block { .. } | Operator::Loop { .. } | Operator::End | Operator::Else | Operator::Nop)
}

impl Reencode for Counters {
    type Error = std::convert::Infallible;

    fn parse_import_section(
        &mut self,
        imports: &mut wasm_encoder::ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        for import in section.clone().into_imports() {
            match import?.ty {
                wasmparser::TypeRef::Func(_) => self.imported_functions += 1,
                wasmparser::TypeRef::Global(_) => self.imported_globals += 1,
                _ => {}
            }
        }
        reencode::utils::parse_import_section(self, imports, section)
    }

    fn parse_function_section(
        &mut self,
        functions: &mut wasm_encoder::FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        self.defined_functions = section.count();
        reencode::utils::parse_function_section(self, functions, section)
    }

    fn parse_global_section(
        &mut self,
        globals: &mut wasm_encoder::GlobalSection,
        section: wasmparser::GlobalSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        self.first = self.imported_globals + section.count();
        reencode::utils::parse_global_section(self, globals, section)?;
        let ty = GlobalType { val_type: ValType::I64, mutable: true, shared: false };
        for _ in 0..3 * self.defined_functions as usize + self.sites.len() {
            globals.global(ty, &ConstExpr::i64_const(0));
        }
        Ok(())
    }

    fn parse_export_section(
        &mut self,
        exports: &mut wasm_encoder::ExportSection,
        section: wasmparser::ExportSectionReader<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        reencode::utils::parse_export_section(self, exports, section)?;
        for k in 0..self.defined_functions {
            exports.export(&calls_export(k), ExportKind::Global, self.first + 3 * k);
            exports.export(&instructions_export(k), ExportKind::Global, self.first + 3 * k + 1);
            exports.export(&loops_export(k), ExportKind::Global, self.first + 3 * k + 2);
        }
        let first_site = self.first + 3 * self.defined_functions;
        for s in 0..self.sites.len() {
            exports.export(&site_export(s), ExportKind::Global, first_site + s as u32);
        }
        Ok(())
    }

    fn parse_function_body(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        func: wasmparser::FunctionBody<'_>,
    ) -> Result<(), reencode::Error<Self::Error>> {
        let calls = self.first + 3 * self.next;
        let instructions = calls + 1;
        let loops = calls + 2;
        self.next += 1;
        let mut f = self.new_function_with_parsed_locals(&func)?;
        Counters::add(&mut f, calls, 1);
        let mut reader = func.get_operators_reader()?;
        let mut stretch = Vec::new();
        // Instructions in the stretch that are not counted: the counters'
        // own, and structure.
        let mut extra = 0;
        while !reader.eof() {
            let op = reader.read()?;
            if let Operator::Call { .. } = op {
                // Counted where the call is made, in its stretch.
                let site = self.first + 3 * self.defined_functions + self.next_site as u32;
                self.next_site += 1;
                let bump = Counters::bump(site, 1);
                extra += bump.len();
                stretch.extend(bump);
            }
            let ends = ends_stretch(&op);
            let is_loop = matches!(op, Operator::Loop { .. });
            if structural(&op) {
                extra += 1;
            }
            stretch.push(self.instruction(op)?);
            if ends || reader.eof() {
                Counters::add(&mut f, instructions, (stretch.len() - extra) as u64);
                extra = 0;
                for instruction in stretch.drain(..) {
                    f.instruction(&instruction);
                }
                if is_loop {
                    // Inside the loop: every entry and every repeat.
                    Counters::add(&mut f, loops, 1);
                }
            }
        }
        code.function(&f);
        Ok(())
    }
}

/// Adds the counters to `wasm`; see the [module docs](self).
///
/// # Errors
///
/// [`ProfileError::Instrument`] when the module cannot be parsed, or has
/// no global section to add the counters after.
pub fn instrument(wasm: &[u8]) -> Result<Instrumented, ProfileError> {
    let mut counters = Counters { sites: call_sites(wasm)?, ..Counters::default() };
    let mut module = wasm_encoder::Module::new();
    counters.parse_core_module(&mut module, Parser::new(0), wasm)?;
    if counters.first == 0 && counters.defined_functions > 0 {
        return Err(ProfileError::Instrument("the module has no global section".into()));
    }
    Ok(Instrumented {
        wasm: module.finish(),
        imported_functions: counters.imported_functions,
        defined_functions: counters.defined_functions,
        sites: counters.sites,
    })
}

/// The direct call sites of `wasm`'s code, in order: (caller, callee).
fn call_sites(wasm: &[u8]) -> Result<Vec<(u32, u32)>, ProfileError> {
    let mut sites = Vec::new();
    let mut caller = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    if let wasmparser::TypeRef::Func(_) = import?.ty {
                        caller += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut reader = body.get_operators_reader()?;
                while !reader.eof() {
                    if let Operator::Call { function_index } = reader.read()? {
                        sites.push((caller, function_index));
                    }
                }
                caller += 1;
            }
            _ => {}
        }
    }
    Ok(sites)
}

/// The bytes of a module's code section, if any.
fn code_section(wasm: &[u8]) -> Option<&[u8]> {
    for payload in Parser::new(0).parse_all(wasm) {
        if let Ok(Payload::CodeSectionStart { unchecked_range: r, .. }) = payload {
            return wasm.get(usize::try_from(r.start).ok()?..usize::try_from(r.end).ok()?);
        }
    }
    None
}

/// Function names by index: from the runtime whose code `wasm` carries
/// (empty when none matches or its names were not kept).
pub fn function_names(wasm: &[u8]) -> HashMap<u32, String> {
    let mut names = HashMap::new();
    let Some(code) = code_section(wasm) else { return names };
    let Some(kind) = RuntimeKind::ALL.into_iter().find(|k| code_section(k.wasm()) == Some(code)) else { return names };
    for subsection in NameSectionReader::new(BinaryReader::new(kind.function_names(), 0)) {
        if let Ok(Name::Function(map)) = subsection {
            for naming in map.into_iter().flatten() {
                names.insert(naming.index, naming.name.to_string());
            }
        }
    }
    names
}

/// Counts over `runs` warm runs of `wasm` (a node module) on `inputs`,
/// after one run that instantiates the module and warms it up.
///
/// # Errors
///
/// See [`ProfileError`].
pub fn profile(
    engine: &Engine,
    wasm: &[u8],
    inputs: Value,
    runs: u32,
    limits: Limits,
    node_name: Option<String>,
) -> Result<Profile, ProfileError> {
    let instrumented = instrument(wasm)?;
    let names = function_names(wasm);
    let mut node = Node::load_with_limits(engine, &instrumented.wasm, limits).map_err(ProfileError::Host)?;
    node.context_mut().node_name = node_name;
    let run = |node: &mut Node| -> Result<(), ProfileError> {
        let report = node.run(inputs.clone()).map_err(ProfileError::Host)?;
        match report.error() {
            Some(error) => Err(ProfileError::Failed(error.to_string())),
            None => Ok(()),
        }
    };
    run(&mut node)?;
    let read = |node: &Node| -> Vec<(i64, i64, i64)> {
        let get = |name: String| node.exported_i64(&name).unwrap_or(0);
        (0..instrumented.defined_functions).map(|k| (get(calls_export(k)), get(instructions_export(k)), get(loops_export(k)))).collect()
    };
    let read_sites =
        |node: &Node| -> Vec<i64> { (0..instrumented.sites.len()).map(|s| node.exported_i64(&site_export(s)).unwrap_or(0)).collect() };
    let before = read(&node);
    let sites_before = read_sites(&node);
    let runs = runs.max(1);
    for _ in 0..runs {
        run(&mut node)?;
    }
    let after = read(&node);
    let sites_after = read_sites(&node);
    let name = |index: u32| names.get(&index).cloned().unwrap_or_else(|| format!("func[{index}]"));
    let mut callers: HashMap<u32, HashMap<u32, i64>> = HashMap::new();
    for (s, &(caller, callee)) in instrumented.sites.iter().enumerate() {
        let n = sites_after[s] - sites_before[s];
        if n > 0 {
            *callers.entry(callee).or_default().entry(caller).or_default() += n;
        }
    }
    let per_run = |n: i64| n as f64 / f64::from(runs);
    let mut functions: Vec<FunctionProfile> = before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (b, a))| a.1 > b.1)
        .map(|(k, (b, a))| {
            let index = instrumented.imported_functions + k as u32;
            let mut by: Vec<(String, f64)> =
                callers.get(&index).into_iter().flatten().map(|(&caller, &n)| (name(caller), per_run(n))).collect();
            by.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            FunctionProfile {
                index,
                name: name(index),
                calls: per_run(a.0 - b.0),
                instructions: per_run(a.1 - b.1),
                loops: per_run(a.2 - b.2),
                callers: by,
            }
        })
        .collect();
    functions.sort_by(|a, b| b.instructions.total_cmp(&a.instructions));
    Ok(Profile {
        runs,
        instructions: functions.iter().map(|f| f.instructions).sum(),
        calls: functions.iter().map(|f| f.calls).sum(),
        functions,
    })
}
