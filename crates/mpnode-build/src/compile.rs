//! Precompiling: turns a node's Python into MicroPython `.mpy` bytecode at
//! pack time, with the compiler module embedded in the crate
//! ([`runtime::COMPILER_WASM`](crate::runtime::COMPILER_WASM)).
//!
//! The compiler module is MicroPython v1.9.4's lexer, parser and bytecode
//! compiler, built by `build.rs` from the same patched source and the same
//! port configuration as the runtimes (plus `MICROPY_PERSISTENT_CODE_SAVE`),
//! so its `.mpy` is what upstream's `mpy-cross` writes for this runtime
//! (`tests/precompile.rs` compares the two). It runs here in wasmi: packing
//! needs only the `mpnode` binary. Each file gets a fresh instance, so the
//! output depends only on the file.
//!
//! A `.mpy` file stores every name (qstr) twice: as text, and as a 2-byte
//! index into the writing compiler's qstr table inside the bytecode, which
//! the loader overwrites. [`Compiler::compile`] zeroes those indices
//! ([`canonical_mpy`]), so the bytes depend on the source and the bytecode
//! only, not on the compiler's table.

use std::fmt;

use wasmi::{Engine, Linker, Module, Store, TypedFunc};

/// Precompiling failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompileError {
    /// This `mpnode` was built without the compiler module (a prebuilt
    /// runtime, `MPNODE_RUNTIME_WASM`).
    Unavailable,
    /// The compiler module does not load or does not speak the protocol.
    InvalidModule(String),
    /// The source has a syntax error (`SyntaxError`, `IndentationError`).
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The exception, e.g. `SyntaxError: invalid syntax`.
        message: String,
    },
    /// The compiler stopped for another reason: a `MemoryError`, nesting
    /// too deep, a trap.
    Failed {
        /// The file.
        file: String,
        /// What happened.
        message: String,
    },
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Unavailable => f.write_str(
                "this mpnode has no compiler module (it was built with a prebuilt runtime); pack the source with the runtime that has the compiler instead",
            ),
            CompileError::InvalidModule(e) => write!(f, "the compiler module is broken: {e}"),
            CompileError::Syntax { file, line, message } => write!(f, "{file}:{line}: {message}"),
            CompileError::Failed { file, message } => write!(f, "{file}: could not be compiled: {message}"),
        }
    }
}

impl std::error::Error for CompileError {}

/// Smallest GC heap the compiler gets; a file gets more in proportion to
/// its size, and a file that runs out is tried again with four times more.
const MIN_HEAP: u64 = 4 << 20;
/// Largest GC heap tried.
const MAX_HEAP: u64 = 512 << 20;

/// The compiler module, loaded once; each [`compile`](Compiler::compile)
/// runs on a fresh instance of it.
pub struct Compiler {
    engine: Engine,
    module: Module,
}

impl fmt::Debug for Compiler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Compiler").finish_non_exhaustive()
    }
}

/// The exports of one instance.
struct Instance {
    store: Store<()>,
    memory: wasmi::Memory,
    input: TypedFunc<i32, i32>,
    compile: TypedFunc<(i32, i32, i32), i64>,
    error: TypedFunc<(), i64>,
}

impl Compiler {
    /// Loads the compiler module embedded in the crate.
    ///
    /// # Errors
    ///
    /// [`CompileError::Unavailable`] when the crate has none,
    /// [`CompileError::InvalidModule`] when it does not load.
    pub fn new() -> Result<Compiler, CompileError> {
        Compiler::from_wasm(crate::runtime::COMPILER_WASM)
    }

    /// Loads a compiler module from its bytes.
    ///
    /// # Errors
    ///
    /// As [`Compiler::new`].
    pub fn from_wasm(wasm: &[u8]) -> Result<Compiler, CompileError> {
        if wasm.is_empty() {
            return Err(CompileError::Unavailable);
        }
        let engine = Engine::default();
        let module = Module::new(&engine, wasm).map_err(|e| CompileError::InvalidModule(e.to_string()))?;
        Ok(Compiler { engine, module })
    }

    fn instantiate(&self) -> Result<Instance, CompileError> {
        let broken = |e: &dyn fmt::Display| CompileError::InvalidModule(e.to_string());
        let mut store = Store::new(&self.engine, ());
        let linker = Linker::<()>::new(&self.engine);
        let instance = linker.instantiate_and_start(&mut store, &self.module).map_err(|e| broken(&e))?;
        let memory = instance.get_memory(&store, "memory").ok_or_else(|| broken(&"no memory export"))?;
        let input = instance.get_typed_func(&store, "mpnc_input").map_err(|e| broken(&e))?;
        let compile = instance.get_typed_func(&store, "mpnc_compile").map_err(|e| broken(&e))?;
        let error = instance.get_typed_func(&store, "mpnc_error").map_err(|e| broken(&e))?;
        Ok(Instance { store, memory, input, compile, error })
    }

    /// Compiles one file's Python source to `.mpy` bytes (in
    /// [`canonical_mpy`] form). `file_name` is what tracebacks will show
    /// (`node.py`).
    ///
    /// # Errors
    ///
    /// [`CompileError::Syntax`] for a syntax error, with its line;
    /// [`CompileError::Failed`] when the compiler could not finish.
    pub fn compile(&self, source: &[u8], file_name: &str) -> Result<Vec<u8>, CompileError> {
        let mut heap = (MIN_HEAP + 64 * source.len() as u64).next_power_of_two();
        loop {
            match self.compile_with_heap(source, file_name, heap) {
                Err(CompileError::Failed { message, .. }) if message.starts_with("MemoryError") && heap < MAX_HEAP => heap *= 4,
                other => return other,
            }
        }
    }

    fn compile_with_heap(&self, source: &[u8], file_name: &str, heap: u64) -> Result<Vec<u8>, CompileError> {
        let failed = |message: String| CompileError::Failed { file: file_name.to_string(), message };
        let too_large = || failed(format!("the file is too large ({} bytes)", source.len()));
        let mut inst = self.instantiate()?;
        let name = file_name.as_bytes();
        let total = i32::try_from(name.len() + source.len()).map_err(|_| too_large())?;
        let heap = i32::try_from(heap).map_err(|_| too_large())?;
        let at = inst.input.call(&mut inst.store, total).map_err(|e| failed(e.to_string()))? as u32 as usize;
        inst.memory.write(&mut inst.store, at, name).map_err(|e| failed(e.to_string()))?;
        inst.memory.write(&mut inst.store, at + name.len(), source).map_err(|e| failed(e.to_string()))?;
        match inst.compile.call(&mut inst.store, (name.len() as i32, source.len() as i32, heap)) {
            Ok(packed) => {
                let mut mpy = read_packed(&inst, packed).ok_or_else(|| failed("the compiler returned garbage".into()))?;
                canonical_mpy(&mut mpy).map_err(|e| failed(format!("the compiler wrote a malformed .mpy: {e}")))?;
                Ok(mpy)
            }
            Err(trap) => {
                // A Python exception traps on purpose (no handler in the
                // module); the instance still holds it.
                let packed = inst.error.call(&mut inst.store, ()).unwrap_or(0);
                let text = match read_packed(&inst, packed) {
                    Some(bytes) if packed != 0 => String::from_utf8_lossy(&bytes).into_owned(),
                    _ => return Err(failed(format!("the compiler stopped: {trap} (is the code nested too deeply?)"))),
                };
                let (line, message) = text.split_once('\n').unwrap_or(("0", &text));
                let line: usize = line.parse().unwrap_or(0);
                if line > 0 && (message.starts_with("SyntaxError") || message.starts_with("IndentationError")) {
                    Err(CompileError::Syntax { file: file_name.to_string(), line, message: message.to_string() })
                } else {
                    Err(failed(message.to_string()))
                }
            }
        }
    }
}

fn read_packed(inst: &Instance, packed: i64) -> Option<Vec<u8>> {
    let (ptr, len) = ((packed as u64 >> 32) as usize, packed as u32 as usize);
    let data = inst.memory.data(&inst.store);
    data.get(ptr..ptr.checked_add(len)?).map(<[u8]>::to_vec)
}

/// A `.mpy` file that [`canonical_mpy`] could not walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MpyError(String);

impl fmt::Display for MpyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MpyError {}

/// The `.mpy` header this runtime loads: `M`, format 3 (v1.9.4), feature
/// flags (unicode str, no cached map lookups), 31-bit small ints.
pub const MPY_HEADER: [u8; 4] = [b'M', 3, 0b10, 31];

/// Zeroes the qstr indices inside a v1.9.4 `.mpy` file's bytecode (the
/// function name and file name in each prelude, the operand of every
/// opcode that takes a name). The loader overwrites them with its own
/// indices, read from the names stored as text, so this changes nothing
/// the runtime sees; it makes the bytes independent of the qstr table of
/// the compiler that wrote them (mpy-cross's differs from ours).
///
/// # Errors
///
/// The bytes are not a v1.9.4 `.mpy` file for this runtime.
pub fn canonical_mpy(mpy: &mut [u8]) -> Result<(), MpyError> {
    if mpy.len() < 4 || mpy[..4] != MPY_HEADER {
        return Err(MpyError(format!("not a .mpy file for this runtime (header {:?})", &mpy[..mpy.len().min(4)])));
    }
    let mut walker = MpyWalker { b: mpy, pos: 4 };
    walker.raw_code(0)?;
    if walker.pos != walker.b.len() {
        return Err(MpyError(format!("{} bytes after the module's code", walker.b.len() - walker.pos)));
    }
    Ok(())
}

/// Opcode formats of v1.9.4's `py/bc.c`, four opcodes per entry from 0x00
/// to 0x6f (every later opcode is one byte): `B` one byte (also the
/// undefined ones), `Q` a 2-byte qstr, `V` a variable-length uint, `O` a
/// 2-byte offset.
const OPCODE_FORMATS: &[u8; 112] =
    b"BBBBBBBBBBBBBBBBBBBBVBQVBVVQQQQQBBVVQQQBVVQQBBBBBBBBBOOOOOBBBOBOOBBOBBOBBBBBBBBBVVBVBBVVVVVBBBBBVVVVVVVVQQBBBBBB";

/// `MP_BC_RAISE_VARARGS`, `MP_BC_MAKE_CLOSURE`, `MP_BC_MAKE_CLOSURE_DEFARGS`:
/// one extra byte each.
const EXTRA_BYTE_OPCODES: [u8; 3] = [0x5c, 0x62, 0x63];

struct MpyWalker<'a> {
    b: &'a mut [u8],
    pos: usize,
}

impl MpyWalker<'_> {
    fn truncated(&self) -> MpyError {
        MpyError(format!("truncated at byte {}", self.pos))
    }

    fn uint_at(&self, pos: &mut usize) -> Result<usize, MpyError> {
        let mut n: usize = 0;
        loop {
            let byte = *self.b.get(*pos).ok_or_else(|| self.truncated())?;
            *pos += 1;
            n = n.checked_shl(7).ok_or_else(|| MpyError("number too large".into()))? | (byte & 0x7f) as usize;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
    }

    fn uint(&mut self) -> Result<usize, MpyError> {
        let mut pos = self.pos;
        let n = self.uint_at(&mut pos)?;
        self.pos = pos;
        Ok(n)
    }

    fn skip(&mut self, n: usize) -> Result<(), MpyError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len()).ok_or_else(|| self.truncated())?;
        self.pos = end;
        Ok(())
    }

    fn qstr(&mut self) -> Result<(), MpyError> {
        let len = self.uint()?;
        self.skip(len)
    }

    fn zero(&mut self, at: usize, n: usize) -> Result<(), MpyError> {
        let slot = self.b.get_mut(at..at + n).ok_or_else(|| MpyError(format!("qstr index out of range at {at}")))?;
        slot.fill(0);
        Ok(())
    }

    fn raw_code(&mut self, depth: usize) -> Result<(), MpyError> {
        if depth > 256 {
            return Err(MpyError("functions nested too deeply".into()));
        }
        let bc_len = self.uint()?;
        let bc = self.pos;
        self.skip(bc_len)?;
        let end = bc + bc_len;

        // Prelude: n_state, n_exc_stack, 4 bytes (flags, arg counts), then
        // code info (its size, simple_name, source_file, line table), then
        // the closed-over cells up to 255.
        let mut ip = bc;
        self.uint_at(&mut ip)?;
        self.uint_at(&mut ip)?;
        let counts = self.b.get(ip..ip + 4).ok_or_else(|| self.truncated())?;
        let (n_pos_args, n_kwonly_args) = (counts[1] as usize, counts[2] as usize);
        ip += 4;
        let mut names = ip;
        let code_info_size = self.uint_at(&mut names)?;
        self.zero(names, 4)?;
        ip += code_info_size;
        loop {
            let b = *self.b.get(ip).filter(|_| ip < end).ok_or_else(|| MpyError("unterminated cell list".into()))?;
            ip += 1;
            if b == 255 {
                break;
            }
        }
        self.qstr()?; // simple_name
        self.qstr()?; // source_file

        while ip < end {
            let op = self.b[ip];
            let format = OPCODE_FORMATS.get(op as usize).copied().unwrap_or(b'B');
            let size = match format {
                b'Q' => {
                    self.zero(ip + 1, 2)?;
                    self.qstr()?;
                    3
                }
                b'V' => {
                    let mut p = ip + 1;
                    self.uint_at(&mut p)?;
                    p - ip
                }
                b'O' => 3,
                _ => 1,
            } + usize::from(format != b'Q' && EXTRA_BYTE_OPCODES.contains(&op));
            ip += size;
        }
        if ip != end {
            return Err(MpyError("an opcode runs past the end of the bytecode".into()));
        }

        let n_obj = self.uint()?;
        let n_raw_code = self.uint()?;
        for _ in 0..n_pos_args + n_kwonly_args {
            self.qstr()?;
        }
        for _ in 0..n_obj {
            let kind = *self.b.get(self.pos).ok_or_else(|| self.truncated())?;
            self.pos += 1;
            if kind != b'e' {
                let len = self.uint()?;
                self.skip(len)?;
            }
        }
        for _ in 0..n_raw_code {
            self.raw_code(depth + 1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_table_matches_v194_bc_c() {
        // Spot checks against py/bc0.h: LOAD_CONST_STRING (0x16) takes a
        // qstr, JUMP (0x35) an offset, LOAD_FAST_N (0x21) is one byte and
        // CALL_FUNCTION (0x64) a uint.
        assert_eq!(OPCODE_FORMATS[0x16], b'Q');
        assert_eq!(OPCODE_FORMATS[0x35], b'O');
        assert_eq!(OPCODE_FORMATS[0x64], b'V');
        assert_eq!(OPCODE_FORMATS[0x1c], b'Q'); // LOAD_NAME
        assert_eq!(OPCODE_FORMATS[0x68], b'Q'); // IMPORT_NAME
    }

    #[test]
    fn garbage_is_not_an_mpy() {
        assert!(canonical_mpy(&mut b"M\x03\x02\x1f\xff".to_vec()).is_err());
        assert!(canonical_mpy(&mut b"print(1)".to_vec()).is_err());
    }
}
