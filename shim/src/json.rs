//! JSON text <-> Python objects, directly: the parser builds MicroPython
//! objects as it reads, the writer walks objects into a heap buffer. Both
//! must run inside `mp::protect` (allocation may raise MemoryError); neither
//! raises on bad data: they return a `JsonError` that says where and why.

use crate::mp::{self, sys, Buf, Obj};
use heapless::String;

/// Deepest nesting accepted in either direction (input envelopes, results).
pub const MAX_DEPTH: usize = 100;

/// Why a conversion failed, as a message for the node's `error`.
pub type JsonError = String<240>;

/// A conversion stopped; the reason is kept by the parser or writer, so that
/// each level of the recursion returns one byte, not a whole message (deep
/// nesting must not exhaust the shadow stack).
pub struct Stop;

/// Stack the converters leave for the code they call (MicroPython's
/// allocator, repr of big ints).
const STACK_RESERVE: usize = 4096;

fn too_deep(depth: usize) -> bool {
    depth > MAX_DEPTH || unsafe { sys::mpn_stack_room() } < STACK_RESERVE
}

/// Builds a message from pieces (no `core::fmt`: its machinery and the
/// Unicode tables behind `{:?}` cost kilobytes of the module). Text that does
/// not fit is cut at a character boundary.
pub fn message(parts: &[Piece]) -> JsonError {
    let mut s = JsonError::new();
    for p in parts {
        match p {
            Piece::S(t) => push_str(&mut s, t),
            Piece::N(n) => push_num(&mut s, *n),
        }
    }
    s
}

/// A piece of a message.
pub enum Piece<'a> {
    /// Text.
    S(&'a str),
    /// A number.
    N(i64),
}

/// Appends text, as much as fits.
pub fn push_str<const C: usize>(s: &mut String<C>, t: &str) {
    for c in t.chars() {
        if s.push(c).is_err() {
            return;
        }
    }
}

/// Appends a decimal number.
pub fn push_num<const C: usize>(s: &mut String<C>, n: i64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        let _ = s.push('-');
    }
    // SAFETY: ASCII digits.
    push_str(s, unsafe { core::str::from_utf8_unchecked(&digits[i..]) });
}

use Piece::{N, S};

// ---- JSON -> Python ------------------------------------------------------------

/// Parses one JSON document into a Python value (dict, list, str, int incl.
/// big ints, float, bool, None).
pub fn parse(text: &[u8]) -> Result<Obj, JsonError> {
    if core::str::from_utf8(text).is_err() {
        return Err(message(&[S("input is not valid UTF-8")]));
    }
    let mut p = Parser { s: text, i: 0, err: None };
    p.ws();
    let v = p.value(0);
    p.ws();
    if v.is_ok() && p.i != p.s.len() {
        p.fail("unexpected data after the JSON value");
    }
    match p.err.take() {
        None => Ok(v.unwrap_or(core::ptr::null_mut())),
        Some(e) => Err(e),
    }
}

/// Whether any of the 8 bytes of `w` is `"`, a backslash or a control
/// character (the classic has-zero-byte test, on `w` and on `w` xor'd with
/// each quote). A byte at or above 0x80 is never flagged.
#[inline(always)]
fn needs_look(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    (zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) | (w.wrapping_sub(ONES * 0x20) & !w & HIGH)) != 0
}

/// `_json.loads` (micropython/mpnode_json.c, for pylib/json.py): the same
/// parser serves the `json` module. Null when the text is not a document it
/// accepts; json.py then parses it itself for CPython's error message.
#[no_mangle]
pub extern "C" fn mpn_json_loads(text: *const u8, len: usize) -> Obj {
    parse(unsafe { core::slice::from_raw_parts(text, len) }).unwrap_or(core::ptr::null_mut())
}

/// CPython 3.11's default limit on the digits of an integer converted from
/// decimal text (`sys.int_info.default_max_str_digits`).
const MAX_INT_DIGITS: usize = 4300;

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    err: Option<JsonError>,
}

impl Parser<'_> {
    fn fail(&mut self, what: &str) -> Stop {
        if self.err.is_none() {
            self.err = Some(message(&[S("invalid JSON at byte "), N(self.i as i64), S(": "), S(what)]));
        }
        Stop
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn lit(&mut self, word: &[u8], v: Obj) -> Result<Obj, Stop> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.fail("unknown literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Obj, Stop> {
        if too_deep(depth) {
            self.err = Some(message(&[S("JSON nested deeper than "), N(depth.min(MAX_DEPTH) as i64), S(" levels")]));
            return Err(Stop);
        }
        match self.peek() {
            None => Err(self.fail("unexpected end of input")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string(),
            Some(b't') => self.lit(b"true", mp::bool_obj(true)),
            Some(b'f') => self.lit(b"false", mp::bool_obj(false)),
            Some(b'n') => self.lit(b"null", mp::none()),
            Some(c) if c == b'-' || c.is_ascii_digit() => self.number(),
            Some(_) => Err(self.fail("expected a JSON value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Obj, Stop> {
        self.i += 1;
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(unsafe { sys::mp_obj_new_dict(0) });
        }
        // The first PAIRS pairs wait here, and the dict is made at its size
        // when the object ends: no table is outgrown and rehashed while it
        // fills (six rehashes for a run envelope). A bigger object goes on
        // in the dict. The pairs are safe in locals: no collection runs
        // while the shim parses (only at the VM's safe points).
        const PAIRS: usize = 16;
        let mut pairs = [(core::ptr::null_mut(), core::ptr::null_mut()); PAIRS];
        let mut n = 0;
        let mut d: Obj = core::ptr::null_mut();
        let dict = |pairs: &[(Obj, Obj)], extra: usize| {
            let d = unsafe { sys::mp_obj_new_dict(pairs.len() + extra) };
            for &(k, v) in pairs {
                unsafe { sys::mp_obj_dict_store(d, k, v) };
            }
            d
        };
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.fail("expected a string key"));
            }
            let k = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.fail("expected ':'"));
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            if !d.is_null() {
                unsafe { sys::mp_obj_dict_store(d, k, v) };
            } else if n < PAIRS {
                pairs[n] = (k, v);
                n += 1;
            } else {
                d = dict(&pairs, PAIRS);
                unsafe { sys::mp_obj_dict_store(d, k, v) };
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(if d.is_null() { dict(&pairs[..n], 0) } else { d });
                }
                _ => return Err(self.fail("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Obj, Stop> {
        self.i += 1;
        let l = unsafe { sys::mp_obj_new_list(0, core::ptr::null_mut()) };
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(l);
        }
        loop {
            self.ws();
            let v = self.value(depth + 1)?;
            unsafe { sys::mp_obj_list_append(l, v) };
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(l);
                }
                _ => return Err(self.fail("expected ',' or ']'")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Stop> {
        if self.i + 4 > self.s.len() {
            return Err(self.fail("truncated \\u escape"));
        }
        let mut v = 0u32;
        for k in 0..4 {
            let Some(d) = (self.s[self.i + k] as char).to_digit(16) else { return Err(self.fail("bad \\u escape")) };
            v = v * 16 + d;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<Obj, Stop> {
        self.i += 1;
        let start = self.i;
        // Fast path: no escapes, the bytes are the string. The scan to the
        // first byte that needs a look tests 8 bytes at once.
        let s = self.s;
        let mut j = start;
        while j + 8 <= s.len() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&s[j..j + 8]);
            if needs_look(u64::from_le_bytes(w)) {
                break;
            }
            j += 8;
        }
        while j < s.len() && !matches!(s[j], b'"' | b'\\' | 0..=0x1f) {
            j += 1;
        }
        self.i = j;
        match self.peek() {
            Some(b'"') => {
                let o = mp::new_str(&self.s[start..self.i]);
                self.i += 1;
                return Ok(o);
            }
            Some(b'\\') | None => {}
            Some(_) => return Err(self.fail("control character in string")),
        }
        let mut buf = Buf::new(self.i - start + 16);
        buf.push(&self.s[start..self.i]);
        loop {
            let Some(c) = self.peek() else { return Err(self.fail("unterminated string")) };
            self.i += 1;
            match c {
                b'"' => {
                    return Ok(unsafe { sys::mp_obj_new_str_from_vstr(&sys::mp_type_str, &mut buf.v) });
                }
                b'\\' => {
                    let Some(e) = self.peek() else { return Err(self.fail("unterminated string")) };
                    self.i += 1;
                    let b = match e {
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'/' => b'/',
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) && self.s[self.i..].starts_with(b"\\u") {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.fail("bad surrogate pair"));
                                }
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            }
                            let Some(ch) = char::from_u32(cp) else { return Err(self.fail("lone surrogate in \\u escape")) };
                            let mut tmp = [0u8; 4];
                            buf.push(ch.encode_utf8(&mut tmp).as_bytes());
                            continue;
                        }
                        _ => return Err(self.fail("bad escape")),
                    };
                    buf.push_byte(b);
                }
                0..=0x1f => return Err(self.fail("control character in string")),
                _ => buf.push_byte(c),
            }
        }
    }

    /// Integers longer than CPython 3.11's `sys.int_info.default_max_str_digits`
    /// are refused, as `json.loads` refuses them there.
    fn number(&mut self) -> Result<Obj, Stop> {
        let start = self.i;
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        let digits = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if self.i == digits || (self.s[digits] == b'0' && self.i - digits > 1) {
            return Err(self.fail("bad number"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            float = true;
            self.i += 1;
            let f = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            }
            if self.i == f {
                return Err(self.fail("bad number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            float = true;
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            let e = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            }
            if self.i == e {
                return Err(self.fail("bad number"));
            }
        }
        let text = &self.s[start..self.i];
        unsafe {
            if float {
                // Correctly rounded (micropython/mpnode_float.c, patch 0020).
                Ok(sys::mp_parse_num_decimal(text.as_ptr() as *const _, text.len(), false, false, core::ptr::null_mut()))
            } else if self.i - digits <= 18 {
                let mut v: i64 = 0;
                for &c in &self.s[digits..self.i] {
                    v = v * 10 + (c - b'0') as i64;
                }
                Ok(sys::mp_obj_new_int_from_ll(if neg { -v } else { v }))
            } else if self.i - digits > MAX_INT_DIGITS {
                // v1.9.4 converts decimal text to a big int in quadratic
                // time (100,000 digits took the whole 10 s deadline, even in
                // an input the node never reads); CPython 3.11 refuses such
                // integers in json.loads, and so do we, in microseconds.
                if self.err.is_none() {
                    self.err = Some(message(&[
                        S("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has "),
                        N((self.i - digits) as i64),
                        S(" digits (at byte "),
                        N(digits as i64),
                        S(")"),
                    ]));
                }
                Err(Stop)
            } else {
                let mut p = self.s[digits..].as_ptr() as *const core::ffi::c_char;
                Ok(sys::mp_obj_new_int_from_str_len(&mut p, self.i - digits, neg, 10))
            }
        }
    }
}

// ---- Python -> JSON ----------------------------------------------------------------

/// Writes `o` as JSON to `out`. Errors name the offending value's path
/// (`where_`) and type.
pub fn write(out: &mut Buf, o: Obj, where_: &str) -> Result<(), JsonError> {
    // A MemoryError raised inside `json.dumps` leaves by longjmp, past the
    // reset at its end: the outputs never inherit its style.
    unsafe { STYLE = OUTPUTS };
    let mut path = Path { parts: heapless::Vec::new(), overflow: false, why: None };
    match write_value(out, o, &mut path, 0) {
        Ok(()) => Ok(()),
        Err(Stop) => {
            let why = path.why.take().unwrap_or_default();
            let mut msg = message(&[S(where_)]);
            path.write_to(&mut msg);
            push_str(&mut msg, ": ");
            push_str(&mut msg, &why);
            Err(msg)
        }
    }
}

/// How the writer spells JSON: the node's outputs (compact, UTF-8 text,
/// bytes as base64 strings) or `json.dumps` (its separators and
/// `ensure_ascii`; bytes refused, as CPython refuses them).
#[derive(Clone, Copy)]
struct Style {
    ascii: bool,
    dumps: bool,
    item: &'static [u8],
    key: &'static [u8],
}

const OUTPUTS: Style = Style { ascii: false, dumps: false, item: b",", key: b":" };

/// The style of the write in progress (the guest is single-threaded, and
/// the writer calls no Python code).
static mut STYLE: Style = OUTPUTS;

fn style() -> Style {
    unsafe { STYLE }
}

/// `_json.dumps` (micropython/mpnode_json.c, for pylib/json.py's `dumps`
/// with no `indent`, `sort_keys`, `default` or `cls`): the value as CPython's
/// encoder writes it with these separators, or null for anything the shim's
/// writer does not write as CPython does (NaN, bytes, other objects, a value
/// that contains itself, a lone surrogate): json.py then encodes it itself,
/// with CPython's result or error.
#[no_mangle]
pub extern "C" fn mpn_json_dumps(o: Obj, ascii: bool, item: *const u8, item_len: usize, key: *const u8, key_len: usize) -> Obj {
    // SAFETY: the separators are str data that outlive this call; the
    // style is reset before returning.
    unsafe {
        STYLE = Style {
            ascii,
            dumps: true,
            item: core::slice::from_raw_parts(item, item_len),
            key: core::slice::from_raw_parts(key, key_len),
        };
    }
    let mut buf = Buf::new(64);
    let mut path = Path { parts: heapless::Vec::new(), overflow: false, why: None };
    let done = write_value(&mut buf, o, &mut path, 0).is_ok();
    unsafe { STYLE = OUTPUTS };
    if done {
        unsafe { sys::mp_obj_new_str_from_vstr(&sys::mp_type_str, &mut buf.v) }
    } else {
        core::ptr::null_mut()
    }
}

/// Where in the value a conversion failed, e.g. `["items"][3]`.
struct Path<'a> {
    parts: heapless::Vec<Part<'a>, 12>,
    overflow: bool,
    why: Option<JsonError>,
}

enum Part<'a> {
    Key(&'a [u8]),
    Index(usize),
}

impl Path<'_> {
    /// Appends the path, e.g. `["items"][3]`.
    fn write_to(&self, s: &mut JsonError) {
        for p in &self.parts {
            match p {
                Part::Key(k) => {
                    push_str(s, "[\"");
                    push_str(s, core::str::from_utf8(k).unwrap_or("?"));
                    push_str(s, "\"]");
                }
                Part::Index(i) => {
                    push_str(s, "[");
                    push_num(s, *i as i64);
                    push_str(s, "]");
                }
            }
        }
        if self.overflow {
            push_str(s, "…");
        }
    }
}

impl<'a> Path<'a> {
    fn stop(&mut self, parts: &[Piece]) -> Stop {
        self.why = Some(message(parts));
        Stop
    }

    fn push(&mut self, p: Part<'a>) {
        if self.parts.push(p).is_err() {
            self.overflow = true;
        }
    }
    fn pop(&mut self) {
        if !self.overflow {
            self.parts.pop();
        }
    }
}

fn write_value<'a>(out: &mut Buf, o: Obj, path: &mut Path<'a>, depth: usize) -> Result<(), Stop> {
    use sys::*;
    if too_deep(depth) {
        return Err(path.stop(&[S("nested deeper than "), N(depth.min(MAX_DEPTH) as i64), S(" levels (a value that contains itself?)")]));
    }
    // A subclass of a JSON type (Counter, IntEnum, a str Enum) is written as
    // the value inside it.
    let o = unsafe { mpn_native_of(o) };
    match mp::kind(o) {
        mpn_kind_t_MPN_NONE => out.push(b"null"),
        mpn_kind_t_MPN_BOOL => out.push(if o == mp::bool_obj(true) { b"true" } else { b"false" }),
        mpn_kind_t_MPN_INT => {
            let mut s: String<24> = String::new();
            push_num(&mut s, unsafe { mpn_small_int_value(o) } as i64);
            out.push(s.as_bytes());
        }
        mpn_kind_t_MPN_BIGINT => unsafe { mpn_repr(o, &mut out.v) },
        mpn_kind_t_MPN_FLOAT => {
            let f = unsafe { mp_obj_get_float(o) };
            if !f.is_finite() {
                return Err(path.stop(&[S("float "), S(if f.is_nan() { "nan" } else { "inf" }), S(" cannot be represented in JSON")]));
            }
            // CPython's repr: the shortest text that reads back exactly.
            unsafe { mpn_repr(o, &mut out.v) }
        }
        mpn_kind_t_MPN_STR => write_str(out, text(o, path)?),
        mpn_kind_t_MPN_LIST | mpn_kind_t_MPN_TUPLE => {
            let mut len = 0usize;
            let mut items: *mut Obj = core::ptr::null_mut();
            unsafe { mp_obj_get_array(o, &mut len, &mut items) };
            out.push_byte(b'[');
            for i in 0..len {
                if i > 0 {
                    out.push(style().item);
                }
                path.push(Part::Index(i));
                // Re-read the item pointer each time: the list is not ours.
                let item = unsafe { *items.add(i) };
                write_value(out, item, path, depth + 1)?;
                path.pop();
            }
            out.push_byte(b']');
        }
        mpn_kind_t_MPN_DICT => {
            let map = unsafe { &*mp_obj_dict_get_map(o) };
            out.push_byte(b'{');
            let mut first = true;
            for i in 0..map.alloc {
                let elem = unsafe { &*map.table.add(i) };
                // Empty slots are NULL, deleted ones MP_OBJ_SENTINEL (4).
                if elem.key.is_null() || elem.key as usize == 4 {
                    continue;
                }
                if !first {
                    out.push(style().item);
                }
                first = false;
                write_key(out, elem.key, path)?;
                out.push(style().key);
                let key: &'a [u8] = if mp::kind(elem.key) == mpn_kind_t_MPN_STR { unsafe { mp::str_bytes(elem.key) } } else { b"?" };
                path.push(Part::Key(key));
                write_value(out, elem.value, path, depth + 1)?;
                path.pop();
            }
            out.push_byte(b'}');
        }
        mpn_kind_t_MPN_BYTES if style().dumps => return Err(Stop),
        mpn_kind_t_MPN_BYTES => {
            // Flow-Like carries bytes as base64 strings.
            let data = unsafe { mp::str_bytes(o) };
            out.push_byte(b'"');
            base64(out, data);
            out.push_byte(b'"');
        }
        _ => {
            let name = unsafe { core::ffi::CStr::from_ptr(mpn_type_name(o)) };
            return Err(path.stop(&[S("a value of type '"), S(name.to_str().unwrap_or("?")), S("' cannot be converted to JSON")]));
        }
    }
    Ok(())
}

/// A str's UTF-8, or an error naming the path when it is not Unicode text
/// the host can read: MicroPython keeps a lone surrogate such as '\ud800' in
/// its 3-byte form, which is not UTF-8 (the host would reject the whole
/// result).
fn text<'s>(o: Obj, path: &mut Path<'_>) -> Result<&'s [u8], Stop> {
    let s = unsafe { mp::str_bytes(o) };
    if core::str::from_utf8(s).is_err() {
        return Err(path.stop(&[S("a str with a lone surrogate cannot be encoded as UTF-8 (surrogates not allowed)")]));
    }
    Ok(s)
}

/// Dict keys: strings as they are; int, float, bool and None keys become
/// strings as in CPython's json.dumps; anything else is an error.
fn write_key(out: &mut Buf, k: Obj, path: &mut Path<'_>) -> Result<(), Stop> {
    use sys::*;
    match mp::kind(k) {
        mpn_kind_t_MPN_STR => write_str(out, text(k, path)?),
        mpn_kind_t_MPN_INT | mpn_kind_t_MPN_BIGINT | mpn_kind_t_MPN_FLOAT | mpn_kind_t_MPN_BOOL | mpn_kind_t_MPN_NONE => {
            out.push_byte(b'"');
            let mut tmp = Path { parts: heapless::Vec::new(), overflow: false, why: None };
            if write_value(out, k, &mut tmp, 0).is_err() {
                path.why = tmp.why;
                return Err(Stop);
            }
            out.push_byte(b'"');
        }
        _ => {
            let name = unsafe { core::ffi::CStr::from_ptr(mpn_type_name(k)) };
            return Err(path.stop(&[S("dict key of type '"), S(name.to_str().unwrap_or("?")), S("' cannot be a JSON key")]));
        }
    }
    Ok(())
}

/// Writes a JSON string literal; the input is UTF-8 (MicroPython's str).
/// Escapes as CPython's encoder does; with `ensure_ascii` (json.dumps'
/// default) every character outside ' '..'~' as `\uXXXX`, with surrogate
/// pairs above the BMP.
pub fn write_str(out: &mut Buf, s: &[u8]) {
    let ascii = style().ascii;
    out.push_byte(b'"');
    let mut run = 0;
    for (i, &c) in s.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            8 => b"\\b",
            12 => b"\\f",
            0..=0x1f => b"",
            0x7f.. if ascii => b"",
            _ => continue,
        };
        out.push(&s[run..i]);
        run = i + 1;
        if !esc.is_empty() {
            out.push(esc);
        } else if c < 0x80 {
            escape_u(out, c as u32);
        } else if c >= 0xc0 {
            // A lead byte: the code point it starts (the str is UTF-8);
            // continuation bytes write nothing.
            let n = if c >= 0xf0 { 4 } else if c >= 0xe0 { 3 } else { 2 };
            let mut cp = (c as u32) & (0x7f >> n);
            for &b in s.get(i + 1..i + n).unwrap_or_default() {
                cp = cp << 6 | (b & 0x3f) as u32;
            }
            if cp >= 0x10000 {
                escape_u(out, 0xd800 | (cp - 0x10000) >> 10);
                cp = 0xdc00 | (cp & 0x3ff);
            }
            escape_u(out, cp);
        }
    }
    out.push(&s[run..]);
    out.push_byte(b'"');
}

/// `\uXXXX`, lowercase hex as CPython writes it.
fn escape_u(out: &mut Buf, cp: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(&[b'\\', b'u', HEX[(cp >> 12) as usize & 15], HEX[(cp >> 8) as usize & 15], HEX[(cp >> 4) as usize & 15], HEX[cp as usize & 15]]);
}

fn base64(out: &mut Buf, data: &[u8]) {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let quad = [
            T[(n >> 18) as usize & 63],
            T[(n >> 12) as usize & 63],
            if chunk.len() > 1 { T[(n >> 6) as usize & 63] } else { b'=' },
            if chunk.len() > 2 { T[n as usize & 63] } else { b'=' },
        ];
        out.push(&quad);
    }
}
