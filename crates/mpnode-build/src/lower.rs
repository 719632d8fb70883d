//! Lowering of Python 3.6+ syntax that MicroPython v1.9.4's compiler lacks.
//!
//! Node files are written for CPython 3 and use two things v1.9.4 cannot
//! compile: **f-strings** and **variable annotations** (PEP 526). [`lower`]
//! rewrites them, source to source, into equivalent older syntax:
//!
//! ```text
//! f"a{x!r:>10}b{y}"            →  "a{!r:>10}b{}".format(x, y)
//! f"{a if c else b:{w}}"       →  "{:{}}".format((a if c else b), w)
//! f"{x=}"                      →  "x={!r}".format(x)
//! self.items: list[str] = []   →  self.items = []
//! x: int                       →  pass
//! ```
//!
//! Small fixes come along: string prefixes are written in lower case
//! (v1.9.4 rejects `R"…"`, `B"…"`, `Rb"…"`), underscores in numbers are
//! dropped (`1_000` → `1000`, Python 3.6), and `from __future__ import …`
//! becomes `pass` (v1.9.4 has no `__future__` module; typed node files
//! often start with `from __future__ import annotations`).
//!
//! Everything else is copied byte for byte, and every line stays on its
//! line, so a traceback of the lowered code points at the right line of the
//! author's file. (The expressions of a multi-line f-string move into the
//! `.format(...)` call right after its closing quote; the number of lines
//! does not change.)
//!
//! Newer syntax (PEP 448 unpacking, `match`, positional-only parameters,
//! PEP 614 decorators, parenthesised context managers) is lowered first by
//! [`modern`], which also reports what stays unsupported as a
//! [`SyntaxError`] naming the construct. (`:=`, `X | Y` and `list[int]`
//! need no lowering: the patched compiler and runtime take them.)
//!
//! Function parameter and return annotations are left alone: v1.9.4's
//! compiler accepts them (`def f(a: X | None = None) -> list[X] | None:`
//! compiles) and never evaluates them.
//!
//! # How
//!
//! A small hand-written tokenizer (`Scanner`) splits the source into
//! tokens, enough of Python's lexical structure to rewrite safely: names,
//! numbers, operators, string literals (with their prefixes; an f-string is
//! parsed into literal text and replacement fields, whose expressions are
//! tokenized recursively), comments, line continuations, and newlines,
//! telling the newline that ends a logical line from one inside brackets.
//! Text between tokens (blanks) is never looked at; the output is the source
//! with some token ranges replaced (`Emitter`).
//!
//! Inside f-string replacement fields strings may reuse the enclosing
//! string's quote, as Python 3.12 allows (PEP 701); code valid for 3.6–3.11
//! means the same under that rule.

use std::fmt;
use std::ops::Range;

mod modern;

/// The source could not be lowered: a string or f-string is malformed.
///
/// Only lexical problems are reported here (an unterminated string, a
/// single `}` in an f-string, an empty replacement field, …); anything else
/// passes through for the compiler to judge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
    /// What is wrong, in CPython's wording where there is one.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Rewrites Python 3.6+ syntax that MicroPython v1.9.4 cannot compile into
/// equivalent older syntax, keeping every line on its line (tracebacks must
/// still point at the right node.py lines).
///
/// Handles f-strings (every prefix spelling, all quote styles, implicit
/// concatenation with plain strings, `!r`/`!s`/`!a`, format specs with
/// nested fields, `{{`/`}}`, the `=` specifier, nested f-strings) and
/// variable annotations (`x: T = v` → `x = v`, bare `x: T` → `pass`);
/// also writes string prefixes in lower case, drops underscores from
/// numbers and turns `from __future__ import …` into `pass`. Source without
/// any of these comes back unchanged.
///
/// `!a` is lowered as `!r` (MicroPython has no `ascii()`); the two differ
/// only for non-ASCII text.
///
/// # Errors
///
/// [`SyntaxError`] for a malformed string or f-string.
///
/// ```
/// let lowered = mpnode_build::lower::lower("n: int = 3\nprint(f'{n!r:>4}|{n * 2}')\n").unwrap();
/// assert_eq!(lowered, "n = 3\nprint('{!r:>4}|{}'.format(n, (n * 2)))\n");
/// ```
pub fn lower(source: &str) -> Result<String, SyntaxError> {
    let modern = modern::lower_modern(source)?;
    let source = modern.as_str();
    let tokens = Scanner::new(source).file()?;
    let edits = annotation_edits(source, &tokens);
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    Emitter { src: source }.code(&tokens, 0..source.len(), &edits, &mut out);
    // Expressions that were inside f-string fields are plain code now.
    modern::lower_modern(&out)
}

// ---- tokens ------------------------------------------------------------------

/// One token: its kind, its byte range in the source, and the bracket depth
/// before it (0 at the top level of a logical line or replacement field).
#[derive(Debug)]
struct Token {
    kind: Kind,
    span: Range<usize>,
    depth: usize,
}

#[derive(Debug)]
enum Kind {
    Name,
    Number,
    /// An operator or delimiter; its text is the span.
    Op,
    Str(Box<StrLit>),
    Comment,
    /// The end of a logical line.
    Newline,
    /// A newline inside brackets (or inside a replacement field).
    Nl,
    /// A backslash that joins two physical lines.
    Continuation,
}

/// A string literal: `prefix quote body quote`.
#[derive(Debug)]
struct StrLit {
    /// Byte length of the prefix (`""`, `r`, `Rb`, `fR`, …).
    prefix_len: usize,
    raw: bool,
    /// `'` or `"`.
    quote: u8,
    /// 1, or 3 for a triple-quoted string.
    quote_len: usize,
    /// For an f-string, its body as literal text and replacement fields.
    parts: Option<Vec<Part>>,
}

impl StrLit {
    fn body(&self, span: &Range<usize>) -> Range<usize> {
        span.start + self.prefix_len + self.quote_len..span.end - self.quote_len
    }

    fn has_fields(&self) -> bool {
        self.parts.as_ref().is_some_and(|parts| parts.iter().any(|p| matches!(p, Part::Field(_))))
    }
}

/// A piece of an f-string's body or of a format spec.
#[derive(Debug)]
enum Part {
    /// Literal text, exactly as in the source (`{{`/`}}` included).
    Lit(Range<usize>),
    Field(Field),
}

/// A replacement field `{expr=!c:spec}`.
#[derive(Debug)]
struct Field {
    /// The expression's text (without the `=` of a debug field).
    expr: Range<usize>,
    /// The expression's tokens (nested f-strings are lowered too).
    tokens: Vec<Token>,
    /// For `{expr=}`: the text shown before the value (`expr=`, with its
    /// blanks).
    debug: Option<Range<usize>>,
    /// `r`, `s` or `a`.
    conversion: Option<u8>,
    /// The format spec after `:`, which may hold nested fields.
    spec: Option<Vec<Part>>,
}

/// Python's keywords: a statement starting with one is not an assignment.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

/// Keywords that open a compound statement `keyword …: body`.
const COMPOUND: &[&str] = &["async", "class", "def", "elif", "else", "except", "finally", "for", "if", "try", "while", "with"];

/// Operators of three, then two characters; any other punctuation is a
/// one-character token.
const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "..."];
const OPS2: &[&str] = &["**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="];

/// How deeply f-strings may nest inside each other's fields.
const MAX_NESTING: usize = 64;

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_ident_char(b: u8) -> bool {
    is_ident_start(b) || b.is_ascii_digit()
}

fn is_identifier(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty() && is_ident_start(b[0]) && b.iter().all(|&c| is_ident_char(c))
}

/// Whether `word` is a string prefix Python accepts.
fn is_string_prefix(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf")
}

// ---- scanner -----------------------------------------------------------------

/// The tokenizer. Works on bytes: everything Python's lexical structure
/// depends on is ASCII, and other characters are copied untouched.
struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    /// Current f-string nesting.
    nesting: usize,
}

/// Where a token is read: newlines end logical lines only in code at the
/// top level of a file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    File,
    Field,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Scanner { src, b: src.as_bytes(), pos: 0, nesting: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.pos + ahead).copied()
    }

    fn rest(&self) -> &'a [u8] {
        &self.b[self.pos.min(self.b.len())..]
    }

    fn error(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        let before = &self.src[..at];
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before.rsplit('\n').next().unwrap_or("").chars().count() + 1,
            message: message.into(),
        }
    }

    /// Tokenizes a whole file.
    fn file(&mut self) -> Result<Vec<Token>, SyntaxError> {
        let mut depth = 0;
        let mut tokens = Vec::new();
        while let Some(token) = self.token(depth, Place::File)? {
            depth = depth_after(self.src, &token, depth);
            tokens.push(token);
        }
        Ok(tokens)
    }

    /// The next token, or `None` at the end of the source.
    fn token(&mut self, depth: usize, place: Place) -> Result<Option<Token>, SyntaxError> {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c' | b'\r')) {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(c) = self.peek() else { return Ok(None) };
        let kind = match c {
            b'\n' => {
                self.pos += 1;
                if depth == 0 && place == Place::File {
                    Kind::Newline
                } else {
                    Kind::Nl
                }
            }
            b'#' => {
                while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                    self.pos += 1;
                }
                Kind::Comment
            }
            b'\\' => {
                self.pos += 1;
                if self.rest().starts_with(b"\r\n") {
                    self.pos += 2;
                    Kind::Continuation
                } else if self.peek() == Some(b'\n') {
                    self.pos += 1;
                    Kind::Continuation
                } else {
                    Kind::Op
                }
            }
            b'\'' | b'"' => self.string(start, 0)?,
            b'0'..=b'9' => self.number(),
            b'.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number(),
            c if is_ident_start(c) => {
                while self.peek().is_some_and(is_ident_char) {
                    self.pos += 1;
                }
                let word = &self.src[start..self.pos];
                if matches!(self.peek(), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    self.string(start, word.len())?
                } else {
                    Kind::Name
                }
            }
            _ => {
                let rest = self.rest();
                let len = if OPS3.iter().any(|op| rest.starts_with(op.as_bytes())) {
                    3
                } else if OPS2.iter().any(|op| rest.starts_with(op.as_bytes())) {
                    2
                } else {
                    1
                };
                self.pos += len;
                Kind::Op
            }
        };
        Ok(Some(Token { kind, span: start..self.pos, depth }))
    }

    /// A number; only its extent matters. It ends where Python's number
    /// token ends, so `0.1.hex()` is the number `0.1` and an attribute.
    fn number(&mut self) -> Kind {
        let digits = |lx: &mut Self, pred: fn(u8) -> bool| {
            while lx.peek().is_some_and(|c| pred(c) || c == b'_') {
                lx.pos += 1;
            }
        };
        if self.b[self.pos] == b'0' && self.peek_at(1).is_some_and(|c| matches!(c, b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
            self.pos += 2;
            digits(self, |c| c.is_ascii_hexdigit());
            return Kind::Number;
        }
        digits(self, |c| c.is_ascii_digit());
        if self.peek() == Some(b'.') {
            self.pos += 1;
            digits(self, |c| c.is_ascii_digit());
        }
        if self.peek().is_some_and(|c| matches!(c, b'e' | b'E')) {
            let sign = usize::from(self.peek_at(1).is_some_and(|c| matches!(c, b'+' | b'-')));
            if self.peek_at(1 + sign).is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1 + sign;
                digits(self, |c| c.is_ascii_digit());
            }
        }
        if self.peek().is_some_and(|c| matches!(c, b'j' | b'J')) {
            self.pos += 1;
        }
        Kind::Number
    }

    /// A string literal whose prefix (`prefix_len` bytes) starts at `start`;
    /// `self.pos` is at the opening quote.
    fn string(&mut self, start: usize, prefix_len: usize) -> Result<Kind, SyntaxError> {
        let prefix = self.src[start..start + prefix_len].to_ascii_lowercase();
        let quote = self.b[self.pos];
        let quote_len = if self.rest().starts_with(&[quote; 3]) { 3 } else { 1 };
        self.pos += quote_len;
        let mut lit = StrLit { prefix_len, raw: prefix.contains('r'), quote, quote_len, parts: None };
        if prefix.contains('f') {
            if self.nesting >= MAX_NESTING {
                return Err(self.error(start, "f-string: too many nested f-strings"));
            }
            self.nesting += 1;
            let parts = self.fstring_body(start, &lit);
            self.nesting -= 1;
            lit.parts = Some(parts?);
        } else {
            self.plain_body(start, &lit)?;
        }
        Ok(Kind::Str(Box::new(lit)))
    }

    fn at_close(&self, lit: &StrLit) -> bool {
        let rest = self.rest();
        rest.len() >= lit.quote_len && rest[..lit.quote_len].iter().all(|&c| c == lit.quote)
    }

    fn unterminated(&self, start: usize, lit: &StrLit) -> SyntaxError {
        if lit.quote_len == 3 {
            self.error(start, "unterminated triple-quoted string literal")
        } else {
            self.error(start, "unterminated string literal")
        }
    }

    /// Skips a backslash and what it escapes, for finding where a string
    /// ends. A backslash before a brace escapes nothing in an f-string, so
    /// the brace is left for the caller.
    fn skip_escape(&mut self, lit: &StrLit, fstring: bool) {
        self.pos += 1;
        match self.peek() {
            Some(b'{' | b'}') if fstring => {}
            Some(b'N') if !lit.raw && self.peek_at(1) == Some(b'{') => {
                // \N{NAME}: the braces belong to the escape.
                while !matches!(self.peek(), None | Some(b'}' | b'\n')) {
                    self.pos += 1;
                }
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                }
            }
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => self.pos += 2,
            Some(_) => self.pos += 1,
            None => {}
        }
    }

    fn plain_body(&mut self, start: usize, lit: &StrLit) -> Result<(), SyntaxError> {
        loop {
            if self.at_close(lit) {
                self.pos += lit.quote_len;
                return Ok(());
            }
            match self.peek() {
                None => return Err(self.unterminated(start, lit)),
                Some(b'\n') if lit.quote_len == 1 => return Err(self.unterminated(start, lit)),
                Some(b'\\') => self.skip_escape(lit, false),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// An f-string's body up to and including the closing quote.
    fn fstring_body(&mut self, start: usize, lit: &StrLit) -> Result<Vec<Part>, SyntaxError> {
        let mut parts = Vec::new();
        let mut text = self.pos;
        loop {
            if self.at_close(lit) {
                push_lit(&mut parts, text..self.pos);
                self.pos += lit.quote_len;
                return Ok(parts);
            }
            match self.peek() {
                None => return Err(self.unterminated(start, lit)),
                Some(b'\n') if lit.quote_len == 1 => return Err(self.unterminated(start, lit)),
                Some(b'\\') => self.skip_escape(lit, true),
                Some(b'{') if self.peek_at(1) == Some(b'{') => self.pos += 2,
                Some(b'}') if self.peek_at(1) == Some(b'}') => self.pos += 2,
                Some(b'{') => {
                    push_lit(&mut parts, text..self.pos);
                    parts.push(Part::Field(self.field(lit)?));
                    text = self.pos;
                }
                Some(b'}') => return Err(self.error(self.pos, "f-string: single '}' is not allowed")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// A replacement field; `self.pos` is at its `{`, and ends after its `}`.
    fn field(&mut self, lit: &StrLit) -> Result<Field, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let expr_start = self.pos;
        let mut tokens = Vec::new();
        let mut depth = 0;
        // The expression ends at a `}`, `!`, `:` or debug `=` outside brackets.
        let mut debug_eq = None;
        loop {
            let Some(token) = self.token(depth, Place::Field)? else {
                return Err(self.error(open, "f-string: expecting '}'"));
            };
            if depth == 0 && matches!(token.kind, Kind::Op) {
                match &self.src[token.span.clone()] {
                    // `:=` at the top of a field is a spec starting with `=`.
                    "}" | "!" | ":" | ":=" => {
                        self.pos = token.span.start;
                        break;
                    }
                    "=" if self.at_field_end_after_blanks() => {
                        debug_eq = Some(token.span.start);
                        break;
                    }
                    _ => {}
                }
            }
            depth = depth_after(self.src, &token, depth);
            tokens.push(token);
        }
        let expr_end = debug_eq.unwrap_or(self.pos);
        let expr = expr_start..expr_end;
        if tokens.iter().all(|t| matches!(t.kind, Kind::Comment | Kind::Nl | Kind::Continuation)) {
            return Err(self.error(open, "f-string: empty expression not allowed"));
        }
        let debug = debug_eq.map(|_| {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c' | b'\r' | b'\n')) {
                self.pos += 1;
            }
            expr_start..self.pos
        });
        let mut conversion = None;
        if self.peek() == Some(b'!') {
            match (self.peek_at(1), self.peek_at(2)) {
                (Some(c @ (b'r' | b's' | b'a')), Some(b':' | b'}')) => conversion = Some(c),
                _ => return Err(self.error(self.pos, "f-string: invalid conversion character: expected 's', 'r', or 'a'")),
            }
            self.pos += 2;
        }
        let mut spec = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            spec = Some(self.spec(open, lit)?);
        }
        if self.peek() != Some(b'}') {
            return Err(self.error(open, "f-string: expecting '}'"));
        }
        self.pos += 1;
        Ok(Field { expr, tokens, debug, conversion, spec })
    }

    /// Whether only blanks stand between here and a `}`, `!` or `:`.
    fn at_field_end_after_blanks(&self) -> bool {
        let rest = self.rest();
        let n = rest.iter().take_while(|c| matches!(c, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n')).count();
        matches!(rest.get(n), Some(b'}' | b':')) || (rest.get(n) == Some(&b'!') && rest.get(n + 1) != Some(&b'='))
    }

    /// A format spec, up to (not including) the `}` that closes its field.
    fn spec(&mut self, open: usize, lit: &StrLit) -> Result<Vec<Part>, SyntaxError> {
        let mut parts = Vec::new();
        let mut text = self.pos;
        loop {
            if self.at_close(lit) {
                return Err(self.error(open, "f-string: expecting '}'"));
            }
            match self.peek() {
                None => return Err(self.error(open, "f-string: expecting '}'")),
                Some(b'\n') if lit.quote_len == 1 => return Err(self.error(open, "f-string: expecting '}'")),
                Some(b'\\') => self.skip_escape(lit, true),
                Some(b'{') => {
                    push_lit(&mut parts, text..self.pos);
                    parts.push(Part::Field(self.field(lit)?));
                    text = self.pos;
                }
                Some(b'}') => {
                    push_lit(&mut parts, text..self.pos);
                    return Ok(parts);
                }
                Some(_) => self.pos += 1,
            }
        }
    }
}

fn push_lit(parts: &mut Vec<Part>, range: Range<usize>) {
    if !range.is_empty() {
        parts.push(Part::Lit(range));
    }
}

/// The bracket depth after `token`.
fn depth_after(src: &str, token: &Token, depth: usize) -> usize {
    if !matches!(token.kind, Kind::Op) {
        return depth;
    }
    match &src[token.span.clone()] {
        "(" | "[" | "{" => depth + 1,
        ")" | "]" | "}" => depth.saturating_sub(1),
        _ => depth,
    }
}

// ---- variable annotations ----------------------------------------------------

/// A replacement of a source range.
#[derive(Debug)]
struct Edit {
    span: Range<usize>,
    text: String,
}

impl Edit {
    /// Replaces `span` with `text`, keeping the span's line breaks as
    /// backslash continuations so that later lines do not move.
    fn keeping_lines(src: &str, span: Range<usize>, text: &str) -> Edit {
        let removed = &src[span.clone()];
        let mut out = if removed.contains('\n') { text.trim_end() } else { text }.to_string();
        for (i, _) in removed.match_indices('\n') {
            out.push_str(if i > 0 && removed.as_bytes()[i - 1] == b'\r' { " \\\r\n" } else { " \\\n" });
        }
        Edit { span, text: out }
    }
}

fn is_op(src: &str, token: &Token, op: &str) -> bool {
    matches!(token.kind, Kind::Op) && &src[token.span.clone()] == op
}

fn name_of<'s>(src: &'s str, token: &Token) -> Option<&'s str> {
    matches!(token.kind, Kind::Name).then(|| &src[token.span.clone()])
}

/// The edits that remove variable annotations (and `__future__` imports),
/// in source order.
///
/// In a class body (directly, or under an `if`/`for`/… there) an annotated
/// simple name is recorded as CPython records it, so that `dataclasses`,
/// `typing.NamedTuple` and `typing.TypedDict` see their fields:
/// `x: T = v` → `__annotations__['x'] = 'T'; __mpn_fields__.append('x'); x = v`
/// (the annotation as its text; the class's first one also creates
/// `__annotations__ = {}` and the ordered name list `__mpn_fields__`, as
/// v1.9.4's dicts do not keep insertion order).
fn annotation_edits(src: &str, tokens: &[Token]) -> Vec<Edit> {
    let significant: Vec<&Token> = tokens.iter().filter(|t| !matches!(t.kind, Kind::Comment | Kind::Nl | Kind::Continuation)).collect();
    let mut edits = Vec::new();
    // Enclosing `class`/`def` headers: (indent, is a class, annotations seen).
    let mut scopes: Vec<(usize, bool, bool)> = Vec::new();
    let lines: Vec<&[&Token]> = significant.split(|t| matches!(t.kind, Kind::Newline)).collect();
    for (n, line) in lines.iter().enumerate() {
        let line = *line;
        let Some(first) = line.first() else { continue };
        let indent = first.span.start - src[..first.span.start].rfind('\n').map_or(0, |i| i + 1);
        while scopes.last().is_some_and(|s| s.0 >= indent) {
            scopes.pop();
        }
        if name_of(src, first) == Some("class") {
            enum_decorator(src, tokens, &lines[n..], indent, &mut edits);
        }
        let mut class = scopes.last().filter(|s| s.1).map(|s| s.2);
        for statement in line.split(|t| t.depth == 0 && is_op(src, t, ";")) {
            if is_future_import(src, statement) {
                // v1.9.4 has no `__future__` module, and every feature it
                // names is either Python 3's default or about annotations.
                let span = statement[0].span.start..statement[statement.len() - 1].span.end;
                edits.push(Edit::keeping_lines(src, span, "pass"));
            } else {
                annotated_statement(src, statement, &mut edits, &mut class);
            }
        }
        if let (Some(seen), Some(scope)) = (class, scopes.last_mut()) {
            scope.2 = seen;
        }
        let words: Vec<&str> = line.iter().take(2).filter_map(|t| name_of(src, t)).collect();
        match words.as_slice() {
            ["class", ..] => scopes.push((indent, true, false)),
            ["def", ..] | ["async", "def"] => scopes.push((indent, false, false)),
            _ => {}
        }
    }
    edits
}

/// The enum base classes: v1.9.4 has no metaclasses, so a class deriving
/// from one of them is finished by a decorator (see [`enum_decorator`]).
const ENUM_BASES: &[&str] = &["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"];

/// For `class X(Enum):` (or another of [`ENUM_BASES`]) whose previous line
/// is blank or a comment, turns that line into
/// `@Enum._mpn_finish('A', 'B', …)` (the base as the header spells it), naming the class body's
/// assignments in order: the `enum` module then makes the members (v1.9.4
/// has no metaclasses and its class dicts keep no order). `@unique` on the
/// previous line finishes the class itself. Lines do not move.
fn enum_decorator(src: &str, tokens: &[Token], lines: &[&[&Token]], indent: usize, edits: &mut Vec<Edit>) {
    let header = lines[0];
    let Some(colon) = header_colon(src, header) else { return };
    // The base as written (`Enum`, `enum.IntEnum`): a dotted name, as
    // v1.9.4's decorators must be.
    let Some(k) = header[..colon].iter().position(|t| name_of(src, t).is_some_and(|n| ENUM_BASES.contains(&n))) else { return };
    let mut start = k;
    while start >= 2 && is_op(src, header[start - 1], ".") && name_of(src, header[start - 2]).is_some() {
        start -= 2;
    }
    let base = &src[header[start].span.start..header[k].span.end];
    let class_start = header[0].span.start;
    let line_start = class_start - indent;
    if line_start == 0 {
        return;
    }
    let prev_end = line_start - 1 - usize::from(src[..line_start - 1].ends_with('\r'));
    let prev_start = src[..prev_end].rfind('\n').map_or(0, |i| i + 1);
    let prev = src[prev_start..prev_end].trim();
    let unique = prev == "@unique" || prev == "@enum.unique";
    if !(prev.is_empty() || prev.starts_with('#') || unique) || src[..prev_start].trim_end_matches(['\n', '\r']).ends_with('\\') {
        return;
    }
    if tokens.iter().any(|t| t.span.start < prev_start && t.span.end > prev_start) {
        return;
    }
    // Member names: `NAME = …` statements directly in the class body.
    let mut names = Vec::new();
    let mut body_indent = None;
    for line in &lines[1..] {
        let Some(first) = line.first() else { continue };
        let ind = first.span.start - src[..first.span.start].rfind('\n').map_or(0, |i| i + 1);
        if ind <= indent {
            break;
        }
        let body = *body_indent.get_or_insert(ind);
        if ind != body {
            continue;
        }
        if let (Some(name), Some(eq)) = (name_of(src, first), line.get(1)) {
            if is_op(src, eq, "=") && !KEYWORDS.contains(&name) && !name.starts_with('_') {
                names.push(format!("'{name}'"));
            }
        }
    }
    if names.is_empty() {
        // No members: a base for other enums (as in `enum` itself).
        return;
    }
    let finish = if unique { "_mpn_finish_unique" } else { "_mpn_finish" };
    let text = format!("{}@{base}.{finish}({})", &src[line_start..class_start], names.join(", "));
    edits.push(Edit { span: prev_start..prev_end, text });
}

/// `from __future__ import …`
fn is_future_import(src: &str, statement: &[&Token]) -> bool {
    let names: Vec<Option<&str>> = statement.iter().take(3).map(|t| name_of(src, t)).collect();
    names == [Some("from"), Some("__future__"), Some("import")]
}

/// Adds an edit if `statement` (the significant tokens of one simple
/// statement, or of a compound statement with its body on the same line)
/// is an annotated assignment. `class` is `Some(annotations seen)` in a
/// class body (see [`annotation_edits`]).
fn annotated_statement(src: &str, statement: &[&Token], edits: &mut Vec<Edit>, class: &mut Option<bool>) {
    let Some(first) = statement.first() else { return };
    let word = name_of(src, first).unwrap_or("");
    if COMPOUND.contains(&word) {
        // `if c: x: int = 1`: look at the body after the header's colon.
        if let Some(colon) = header_colon(src, statement) {
            let mut inner = if word == "class" || word == "def" { None } else { *class };
            annotated_statement(src, &statement[colon + 1..], edits, &mut inner);
            if class.is_some() && inner.is_some() {
                *class = inner;
            }
        }
        return;
    }
    if KEYWORDS.contains(&word) {
        return;
    }
    let Some(colon) = target_colon(src, statement) else { return };
    // `case [a, b]: …` in a match statement is not `case[a, b]: T`.
    if matches!(word, "match" | "case") && colon > 1 && !is_op(src, statement[1], ".") {
        return;
    }
    let annotation = &statement[colon + 1..];
    let Some(last) = annotation.last() else {
        // `name:` with nothing after it heads a block (`match x[0]:`).
        return;
    };
    let target_end = statement[colon - 1].span.end;
    let eq = annotation.iter().position(|t| t.depth == 0 && is_op(src, t, "="));
    if eq == Some(0) {
        return;
    }
    if let (Some(seen), 1) = (*class, colon) {
        let hint_end = eq.map_or(last.span.end, |eq| annotation[eq - 1].span.end);
        let hint: Vec<&str> = src[annotation[0].span.start..hint_end].split_whitespace().collect();
        let hint = hint.join(" ").replace('\\', "\\\\").replace('\'', "\\'");
        let mut text = if seen { String::new() } else { "__annotations__ = {}; __mpn_fields__ = []; ".to_string() };
        text.push_str(&format!("__annotations__['{word}'] = '{hint}'; __mpn_fields__.append('{word}')"));
        *class = Some(true);
        match eq {
            Some(eq) => edits.push(Edit::keeping_lines(src, first.span.start..annotation[eq].span.start, &format!("{text}; {word} "))),
            None => edits.push(Edit::keeping_lines(src, first.span.start..last.span.end, &text)),
        }
        return;
    }
    match eq {
        // `x: T = v` → `x = v`
        Some(eq) => edits.push(Edit::keeping_lines(src, target_end..annotation[eq].span.start, " ")),
        // `x: T` → `pass`
        None => edits.push(Edit::keeping_lines(src, first.span.start..last.span.end, "pass")),
    }
}

/// The index of the colon that ends a compound statement's header (colons
/// of `lambda`s in the header do not count).
fn header_colon(src: &str, statement: &[&Token]) -> Option<usize> {
    let mut lambdas = 0;
    for (i, t) in statement.iter().enumerate() {
        if t.depth != 0 {
            continue;
        }
        if name_of(src, t) == Some("lambda") {
            lambdas += 1;
        } else if is_op(src, t, ":") {
            if lambdas == 0 {
                return Some(i);
            }
            lambdas -= 1;
        }
    }
    None
}

/// If the statement starts with an annotation target (`name`, `(name)`,
/// `a.b.c`, `a[i]`, `f(x).y`, …) followed by `:`, the index of that colon.
fn target_colon(src: &str, statement: &[&Token]) -> Option<usize> {
    let first = statement.first()?;
    let mut i = if name_of(src, first).is_some() {
        1
    } else if is_op(src, first, "(") {
        skip_brackets(statement, 0)
    } else {
        return None;
    };
    let mut ends_with_call = false;
    loop {
        match statement.get(i) {
            Some(t) if is_op(src, t, ".") && statement.get(i + 1).is_some_and(|n| name_of(src, n).is_some()) => {
                i += 2;
                ends_with_call = false;
            }
            Some(t) if is_op(src, t, "[") => {
                i = skip_brackets(statement, i);
                ends_with_call = false;
            }
            Some(t) if is_op(src, t, "(") => {
                i = skip_brackets(statement, i);
                ends_with_call = true;
            }
            _ => break,
        }
    }
    (!ends_with_call && statement.get(i).is_some_and(|t| is_op(src, t, ":"))).then_some(i)
}

/// The index after the bracket that closes the one at `open`.
fn skip_brackets(statement: &[&Token], open: usize) -> usize {
    let depth = statement[open].depth;
    (open + 1..statement.len()).find(|&j| statement[j].depth <= depth).unwrap_or(statement.len())
}

// ---- output ------------------------------------------------------------------

/// Writes the lowered source.
struct Emitter<'a> {
    src: &'a str,
}

impl Emitter<'_> {
    /// Copies `range` of the source, whose tokens are `tokens`, to `out`,
    /// applying `edits` and lowering f-strings.
    fn code(&self, tokens: &[Token], range: Range<usize>, edits: &[Edit], out: &mut String) {
        let mut copied = range.start;
        let mut edits = edits.iter().peekable();
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if let Some(edit) = edits.peek() {
                if token.span.start >= edit.span.start {
                    out.push_str(&self.src[copied..edit.span.start]);
                    out.push_str(&edit.text);
                    copied = edit.span.end;
                    while i < tokens.len() && tokens[i].span.start < edit.span.end {
                        i += 1;
                    }
                    edits.next();
                    continue;
                }
            }
            if matches!(token.kind, Kind::Number) {
                // `1_000` → `1000`; `0.5.hex()` → `(0.5).hex()`, which v1.9.4's
                // lexer would read as one malformed number.
                let text = &self.src[token.span.clone()];
                let attribute = self.src[token.span.end..].starts_with('.');
                if text.contains('_') || attribute {
                    out.push_str(&self.src[copied..token.span.start]);
                    out.push_str(if attribute { "(" } else { "" });
                    out.extend(text.chars().filter(|&c| c != '_'));
                    out.push_str(if attribute { ")" } else { "" });
                    copied = token.span.end;
                }
            }
            if matches!(token.kind, Kind::Str(_)) {
                let group = string_group(tokens, i);
                let last = *group.last().unwrap_or(&i);
                let rewrite = |k: &usize| match &tokens[*k].kind {
                    Kind::Str(s) => {
                        let start = tokens[*k].span.start;
                        s.parts.is_some() || self.src[start..start + s.prefix_len].bytes().any(|c| c.is_ascii_uppercase())
                    }
                    _ => false,
                };
                if group.iter().any(rewrite) {
                    out.push_str(&self.src[copied..token.span.start]);
                    self.string_group(tokens, &group, out);
                    copied = tokens[last].span.end;
                }
                i = last + 1;
                continue;
            }
            i += 1;
        }
        out.push_str(&self.src[copied..range.end]);
    }

    /// Writes a run of implicitly concatenated strings that holds an
    /// f-string: `f"a{x}" "{b}"` → `"a{}" "{{b}}".format(x)`.
    fn string_group(&self, tokens: &[Token], group: &[usize], out: &mut String) {
        let has_fields = group.iter().any(|&k| matches!(&tokens[k].kind, Kind::Str(s) if s.has_fields()));
        let mut args = Vec::new();
        let mut copied = tokens[group[0]].span.start;
        for &k in group {
            let token = &tokens[k];
            let Kind::Str(lit) = &token.kind else { continue };
            // Blanks, comments and line breaks between the strings.
            out.push_str(&self.src[copied..token.span.start]);
            copied = token.span.end;
            let span = &token.span;
            // v1.9.4 knows only lower-case prefixes.
            let prefix = &self.src[span.start..span.start + lit.prefix_len];
            out.extend(prefix.chars().map(|c| c.to_ascii_lowercase()).filter(|&c| c != 'f'));
            let quote = &self.src[span.start + lit.prefix_len..span.start + lit.prefix_len + lit.quote_len];
            out.push_str(quote);
            let body = &self.src[lit.body(span)];
            match (&lit.parts, has_fields) {
                (None, false) => out.push_str(body),
                (None, true) => format_literal(body, lit.raw, true, out),
                (Some(_), false) => undouble_braces(body, lit.raw, out),
                (Some(parts), true) => self.parts(parts, lit, &mut args, out),
            }
            out.push_str(quote);
        }
        if has_fields {
            out.push_str(".format(");
            out.push_str(&args.join(", "));
            out.push(')');
        }
    }

    /// Writes an f-string's parts as a `str.format` string, collecting the
    /// arguments in the order `format` numbers its fields.
    fn parts(&self, parts: &[Part], lit: &StrLit, args: &mut Vec<String>, out: &mut String) {
        for part in parts {
            match part {
                Part::Lit(range) => format_literal(&self.src[range.clone()], lit.raw, false, out),
                Part::Field(field) => self.field(field, lit, args, out),
            }
        }
    }

    fn field(&self, field: &Field, lit: &StrLit, args: &mut Vec<String>, out: &mut String) {
        let mut conversion = field.conversion;
        if let Some(debug) = &field.debug {
            let text = &self.src[debug.clone()];
            match inline_text(text, lit) {
                Some(inline) => out.push_str(&inline),
                None => {
                    out.push_str("{}");
                    args.push(python_str(text));
                }
            }
            // `{x=}` shows repr(x) unless a conversion or spec says otherwise.
            if conversion.is_none() && field.spec.is_none() {
                conversion = Some(b'r');
            }
        }
        out.push('{');
        if let Some(c) = conversion {
            out.push('!');
            // MicroPython has no ascii(): `!a` is lowered as `!r`.
            out.push(if c == b'a' { 'r' } else { c as char });
        }
        args.push(self.argument(field));
        if let Some(spec) = &field.spec {
            out.push(':');
            self.parts(spec, lit, args, out);
        }
        out.push('}');
    }

    /// A field's expression as an argument of `format`: a name as it is,
    /// anything else in parentheses.
    fn argument(&self, field: &Field) -> String {
        let mut expr = String::new();
        self.code(&field.tokens, field.expr.clone(), &[], &mut expr);
        let trimmed = expr.trim();
        if is_identifier(trimmed) && !KEYWORDS.contains(&trimmed) {
            trimmed.to_string()
        } else {
            format!("({})", expr.trim_matches(|c| matches!(c, ' ' | '\t' | '\x0c')))
        }
    }
}

/// The indices of the string tokens implicitly concatenated with the one at
/// `first` (comments and line breaks may stand between them).
fn string_group(tokens: &[Token], first: usize) -> Vec<usize> {
    let mut group = vec![first];
    for (k, token) in tokens.iter().enumerate().skip(first + 1) {
        match token.kind {
            Kind::Str(_) => group.push(k),
            Kind::Comment | Kind::Nl | Kind::Continuation => {}
            _ => break,
        }
    }
    group
}

/// Copies literal string text into a `str.format` string: braces doubled
/// when `double_braces` (plain strings; an f-string's text has `{{` already),
/// and, in a non-raw string, escapes that decode to a brace (`\x7b`, `\175`,
/// …) written twice so that they too come out as one brace.
fn format_literal(text: &str, raw: bool, double_braces: bool, out: &mut String) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' | '}' => {
                out.push(c);
                if double_braces {
                    out.push(c);
                }
                rest = &rest[1..];
            }
            '\\' if !raw => {
                let (len, value) = escape(rest);
                out.push_str(&rest[..len]);
                if matches!(value, Some('{' | '}')) {
                    out.push_str(&rest[..len]);
                }
                rest = &rest[len..];
            }
            '\\' => {
                out.push('\\');
                rest = &rest[1..];
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// The length of the escape sequence at the start of `s` (which starts with
/// a backslash) and, for numeric escapes, the character it stands for. A
/// backslash before a brace is left alone (length 1).
fn escape(s: &str) -> (usize, Option<char>) {
    let b = s.as_bytes();
    let digits = |from: usize, max: usize, radix: u32| {
        let n = s[from..].bytes().take(max).take_while(|c| (*c as char).is_digit(radix)).count();
        let value = u32::from_str_radix(&s[from..from + n], radix).ok().and_then(char::from_u32);
        (from + n, value)
    };
    match b.get(1) {
        None | Some(b'{' | b'}') => (1, None),
        Some(b'x') => digits(2, 2, 16),
        Some(b'u') => digits(2, 4, 16),
        Some(b'U') => digits(2, 8, 16),
        Some(b'0'..=b'7') => digits(1, 3, 8),
        Some(b'N') if b.get(2) == Some(&b'{') => (s.find('}').map_or(s.len(), |i| i + 1), None),
        Some(_) => {
            let c = s[1..].chars().next().map_or(0, char::len_utf8);
            (1 + c, None)
        }
    }
}

/// An f-string's text without fields as a plain string's: `{{` → `{`.
fn undouble_braces(text: &str, raw: bool, out: &mut String) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '{' | '}' if rest[1..].starts_with(c) => {
                out.push(c);
                2
            }
            '\\' if !raw => {
                let (len, _) = escape(rest);
                out.push_str(&rest[..len]);
                len
            }
            c => {
                out.push(c);
                c.len_utf8()
            }
        };
        rest = &rest[len..];
    }
}

/// The text of a debug field (`x = `) written into the format string itself,
/// or `None` when it cannot be written there (a raw string whose text holds
/// a backslash, its quote or a line break).
fn inline_text(text: &str, lit: &StrLit) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' | '}' => {
                out.push(c);
                out.push(c);
            }
            '\\' | '\n' | '\r' if lit.raw && (c == '\\' || lit.quote_len == 1) => return None,
            c if lit.raw && c as u32 == u32::from(lit.quote) => return None,
            '\\' => out.push_str("\\\\"),
            '\n' if lit.quote_len == 1 => out.push_str("\\n"),
            '\r' if lit.quote_len == 1 => out.push_str("\\r"),
            c if c as u32 == u32::from(lit.quote) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// `text` as a double-quoted Python string literal.
fn python_str(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn low(s: &str) -> String {
        lower(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn plain_code_is_unchanged() {
        let src = "import json\n\n# a comment: with colon\ndef f(a: int, b: 'X | None' = None) -> list[int] | None:\n\
                   \tif a:\n\t\treturn [a, b]  # x: int = 5\n    d = {'k': 1, 'e': e}\n    s = x[1:2]\n\
                   g = lambda q: q\nt = '''x: int\n{not a field}'''\nu = r'\\\\'  \\\n    + \"{}\".format(1)\n\
                   class C(B, metaclass=M):\n    pass\nwhile x: y = 1\nfor a in b: pass\nelse: pass\n\
                   try: pass\nexcept E as e: raise\nfinally: pass\nwith a as b: pass\nif a: pass\nelif b: pass\n";
        assert_eq!(low(src), src);
    }

    #[test]
    fn f_strings() {
        assert_eq!(low("f'a{x}b'"), "'a{}b'.format(x)");
        assert_eq!(low("F\"{x!r:>10}|{y}\""), "\"{!r:>10}|{}\".format(x, y)");
        assert_eq!(low("rf'\\d{x}'"), "r'\\d{}'.format(x)");
        assert_eq!(low("fR'\\d{x}'"), "r'\\d{}'.format(x)");
        assert_eq!(low("FR'{x}' R'{'"), "r'{}' r'{{'.format(x)");
        assert_eq!(low("f'{a if c else b}'"), "'{}'.format((a if c else b))");
        assert_eq!(low("f'{x:{w}.{p}}'"), "'{:{}.{}}'.format(x, w, p)");
        assert_eq!(low("f'{{x}} {x}'"), "'{{x}} {}'.format(x)");
        assert_eq!(low("f'{{x}}'"), "'{x}'");
        assert_eq!(low("f'plain'"), "'plain'");
        assert_eq!(low("f'{d[\"k\"]}'"), "'{}'.format((d[\"k\"]))");
        assert_eq!(low("f'{x!a}'"), "'{!r}'.format(x)");
        assert_eq!(low("f'{ x }'"), "'{}'.format(x)");
        assert_eq!(low("f'{x!=y}'"), "'{}'.format((x!=y))");
    }

    #[test]
    fn implicit_concatenation_escapes_plain_braces() {
        assert_eq!(low("f'{x}' '{y}' r'}'"), "'{}' '{{y}}' r'}}'.format(x)");
        assert_eq!(low("('{' # c\n f'{x}')"), "('{{' # c\n '{}'.format(x))");
        assert_eq!(low("'\\x7b' f'{x}'"), "'\\x7b\\x7b' '{}'.format(x)");
        assert_eq!(low("'\\N{BULLET}' f'{x}'"), "'\\N{BULLET}' '{}'.format(x)");
        // Without fields nothing needs escaping.
        assert_eq!(low("'{' f'{{'"), "'{' '{'");
    }

    #[test]
    fn debug_fields() {
        assert_eq!(low("f'{x=}'"), "'x={!r}'.format(x)");
        assert_eq!(low("f'{x = !s}'"), "'x = {!s}'.format(x)");
        assert_eq!(low("f'{x=:>5}'"), "'x={:>5}'.format(x)");
        assert_eq!(low("f'{d[\"a\"]=}'"), "'d[\"a\"]={!r}'.format((d[\"a\"]))");
        assert_eq!(low("f\"{d['a']=}\""), "\"d['a']={!r}\".format((d['a']))");
        assert_eq!(low("rf\"{d['a']=}\""), "r\"d['a']={!r}\".format((d['a']))");
        assert_eq!(low("rf'{d[\"a\"]+\"\\n\"=}'"), "r'{}{!r}'.format(\"d[\\\"a\\\"]+\\\"\\\\n\\\"=\", (d[\"a\"]+\"\\n\"))");
    }

    #[test]
    fn nested_f_strings_and_quotes() {
        assert_eq!(low("f\"{f'{x}'}\""), "\"{}\".format(('{}'.format(x)))");
        assert_eq!(low("f'{\", \".join(xs)}'"), "'{}'.format((\", \".join(xs)))");
        // Python 3.12: the same quote inside a field.
        assert_eq!(low("f'{d['k']}'"), "'{}'.format((d['k']))");
    }

    #[test]
    fn multi_line_f_strings_keep_the_line_count() {
        let src = "s = f'''a {x}\nb {y +\n  z} c\n'''\nprint(s)\n";
        let out = low(src);
        assert_eq!(out, "s = '''a {}\nb {} c\n'''.format(x, (y +\n  z))\nprint(s)\n");
        assert_eq!(out.lines().count(), src.lines().count());
    }

    #[test]
    fn lexical_fixes() {
        assert_eq!(low("a = R'x' + B'y' + U'z' + Rb'w' + rb'v'\n"), "a = r'x' + b'y' + u'z' + rb'w' + rb'v'\n");
        assert_eq!(low("n = 1_000_000 + 0x_ff + 1_0.5e1_0 + x_1\n"), "n = 1000000 + 0xff + 10.5e10 + x_1\n");
        assert_eq!(low("from __future__ import annotations\n"), "pass\n");
        assert_eq!(low("from __future__ import (annotations,\n    division)  # c\nx = 1\n"), "pass \\\n  # c\nx = 1\n");
        assert_eq!(low("from __futures__ import x\n"), "from __futures__ import x\n");
    }

    #[test]
    fn lowering_twice_changes_nothing_more() {
        let src = "s: str = f'{a!r:>{w}}' '{' R'}'\nn: int\nx = f'''{\n  y}'''\n";
        assert_eq!(low(&low(src)), low(src));
    }

    #[test]
    fn annotations() {
        assert_eq!(low("x: int = 5\n"), "x = 5\n");
        assert_eq!(low("    self.items: list[str] = []\n"), "    self.items = []\n");
        assert_eq!(low("x: int\n"), "pass\n");
        assert_eq!(low("  x: int  # c\n"), "  pass  # c\n");
        assert_eq!(low("a[0]: X | None = None\n"), "a[0] = None\n");
        assert_eq!(low("(x): 'T' = 1\n"), "(x) = 1\n");
        assert_eq!(low("a = 1; b: int = 2; c: str\n"), "a = 1; b = 2; pass\n");
        assert_eq!(low("if c: x: int = 1\n"), "if c: x = 1\n");
        assert_eq!(low("class A: x: int\n"), "class A: pass\n");
        assert_eq!(
            low("import enum\n\nclass C(enum.Enum):\n    A = 1\n    B: int = 2\n    def f(self):\n        X = 3\n    _p = 4\n"),
            "import enum\n@enum.Enum._mpn_finish('A')\nclass C(enum.Enum):\n    A = 1\n    \
             __annotations__ = {}; __mpn_fields__ = []; __annotations__['B'] = 'int'; __mpn_fields__.append('B'); B = 2\n    \
             def f(self):\n        X = 3\n    _p = 4\n"
        );
        assert_eq!(
            low("class A:\n    x: int\n    y: Dict[str,\n  int] = {}\n    def f(self):\n        z: int = 1\n    w: str\n"),
            "class A:\n    __annotations__ = {}; __mpn_fields__ = []; __annotations__['x'] = 'int'; __mpn_fields__.append('x')\n    \
             __annotations__['y'] = 'Dict[str, int]'; __mpn_fields__.append('y'); y \\\n= {}\n    def f(self):\n        z = 1\n    \
             __annotations__['w'] = 'str'; __mpn_fields__.append('w')\n"
        );
        assert_eq!(low("x: Dict[\n  str, int\n] = {}\ny = 1\n"), "x \\\n \\\n= {}\ny = 1\n");
        assert_eq!(low("f: Callable = lambda a=1: a\n"), "f = lambda a=1: a\n");
        assert_eq!(low("s: str = f'{x}'\n"), "s = '{}'.format(x)\n");
        assert_eq!(low("x: int = 1\r\ny: Dict[\r\n str, int] = {}\r\n"), "x = 1\r\ny \\\r\n= {}\r\n");
    }

    #[test]
    fn statements_that_look_like_annotations_are_left_alone() {
        for src in [
            "case [a, b]: return 1\n",
            "case _: pass\n",
            "lambda: 0\n",
            "f(x): int\n",
            "print(x)\n",
            "else: pass\n",
            "d = {a: b}\n",
            "x[1:2]\n",
            "@dec\n",
            "def f(a: int = 1) -> X | None: return a\n",
        ] {
            assert_eq!(low(src), src);
        }
    }

    #[test]
    fn errors_have_positions() {
        let e = lower("x = 1\ny = f'{}'\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 7));
        assert_eq!(e.to_string(), "line 2: f-string: empty expression not allowed");
        assert_eq!(lower("f'a}'").unwrap_err().message, "f-string: single '}' is not allowed");
        assert_eq!(lower("f'{x'").unwrap_err().line, 1);
        assert_eq!(lower("f'{x!z}'").unwrap_err().column, 5);
        assert_eq!(lower("'abc\n").unwrap_err().message, "unterminated string literal");
        assert_eq!(lower("s = '''abc\n").unwrap_err().message, "unterminated triple-quoted string literal");
        assert_eq!(lower("f'{x:{y}'").unwrap_err().message, "f-string: expecting '}'");
    }

    #[test]
    fn modern_syntax_is_lowered_on_its_lines() {
        assert_eq!(low("x = [*a, 1, *b]\n"), "x = list(tuple(a) + (1,) + tuple(b))\n");
        assert_eq!(low("d = {**a, 'k': v}\n"), "d = {_mpk: _mpv for _mpm in (a, {'k': v},) for _mpk, _mpv in dict(_mpm).items()}\n");
        assert_eq!(low("f(*a, *b, k=1)\n"), "f(*(tuple(a) + tuple(b)), k=1)\n");
        assert_eq!(low("return *a, b\n"), "return (tuple(a) + (b,))\n");
        assert_eq!(low("a, *b = c\n"), "a, *b = c\n");
        assert_eq!(low("x[*a]\ny = f(x)[*b, 1]\n"), "x[*a]\ny = f(x)[*b, 1]\n");
        // `X | Y` and `list[int]` are the runtime's (patch 0050), `:=` the compiler's (patch 0052).
        for untouched in [
            "isinstance(v, int | None)\n",
            "T = Circle | None\n",
            "x = list[int]\n",
            "x = RED | BLUE\n",
            "if (m := f(x)) and (n := m + 1):\n    y = [z := v for v in m if (w := v)]\n",
        ] {
            assert_eq!(low(untouched), untouched);
        }
        assert_eq!(low("def f(a, /, b): pass\n"), "def f(_mpnode_a,  b): a = _mpnode_a; pass\n");
        assert_eq!(low("def f(a, /):\n    if a: pass\n"), "def f(a, ):\n    if a: pass\n");
        assert_eq!(low("@a[0]\ndef f(): pass\n"), "@next(iter((a[0],)))\ndef f(): pass\n");
        let src = "match p:\n    case [x, *r] if x:\n        pass\n    case _:\n        pass\n";
        let out = low(src);
        assert_eq!(out.lines().count(), src.lines().count());
        assert_eq!(
            out,
            "if [_mpnode_m1 := (p)]:\n    if (isinstance(_mpnode_m1, (list, tuple, range)) and len(_mpnode_m1) >= 1 and [x := _mpnode_m1[0]] \
             and [r := list(_mpnode_m1[1:])]) and (x):\n        pass\n    elif 1:\n        pass\n"
        );
        let multi = "x = [\n  *a,\n  *b,\n]\ny = 1\n";
        assert_eq!(low(multi).lines().count(), multi.lines().count());
        assert_eq!(low(multi), low(multi));
    }
}
