//! Lowering of Python 3.5–3.11 syntax beyond f-strings and annotations:
//! unpacking in displays and calls (PEP 448), `match` (PEP 634, as an
//! `if`/`elif` chain whose tests bind with `:=`), PEP 614 decorators,
//! parenthesised context managers and positional-only markers. (`:=` is
//! the compiler's, patch 0052; `X | Y` and `list[int]` are the runtime's,
//! patch 0050; `break`/`continue` in `finally` the compiler's and VM's,
//! patch 0053.)
//!
//! Each rewrite replaces a token range with text that means the same to
//! v1.9.4, and never changes the number of line breaks in the range (lost
//! breaks are put back inside the brackets, or as backslash continuations
//! between statements' tokens), so every later line stays on its line.
//! Rewrites are found on the token stream of the whole file; an outer
//! construct is rewritten first, copying its parts as source text, and the
//! pass repeats until nothing is left to rewrite (the output of a rewrite
//! never holds what it removed, so this ends).
//!
//! Constructs that cannot be lowered this way (`async for`, `except*`,
//! `break` inside a `with` in a `finally` block, …) are
//! reported as a [`SyntaxError`] that names the construct and what to write
//! instead, at build time.

use super::{is_op, name_of, skip_brackets, Kind, Scanner, SyntaxError, Token, KEYWORDS};
use std::ops::Range;

/// How many rewrite passes a file may need (nesting depth of rewritten
/// constructs); far beyond any real file.
const MAX_PASSES: usize = 400;

/// Builtin classes whose class pattern `C(x)` matches the subject itself.
const SELF_MATCHING: &[&str] = &["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];

pub(super) fn lower_modern(source: &str) -> Result<String, SyntaxError> {
    let mut text = source.to_string();
    for _ in 0..MAX_PASSES {
        let tokens = Scanner::new(&text).file()?;
        let mut pass = Pass { src: &text, t: Vec::new(), target: Vec::new(), edits: Vec::new() };
        pass.t = tokens.iter().filter(|t| !matches!(t.kind, Kind::Comment | Kind::Nl | Kind::Continuation)).collect();
        pass.target = targets(&text, &pass.t);
        pass.run()?;
        if pass.edits.is_empty() {
            return Ok(text);
        }
        let edits = std::mem::take(&mut pass.edits);
        text = apply(&text, edits);
    }
    Ok(text)
}

/// One replacement; line breaks the text lacks are put back after it as
/// backslash continuations.
struct Rewrite {
    span: Range<usize>,
    text: String,
}

fn apply(src: &str, mut edits: Vec<Rewrite>) -> String {
    edits.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut out = String::with_capacity(src.len() + src.len() / 4);
    let mut copied = 0;
    for edit in edits {
        if edit.span.start < copied {
            continue; // inside an outer rewrite: the next pass sees it again
        }
        out.push_str(&src[copied..edit.span.start]);
        let lost = src[edit.span.clone()].matches('\n').count().saturating_sub(edit.text.matches('\n').count());
        let mut text = edit.text;
        // Continuations are legal anywhere between tokens, inside brackets
        // too; a break put back inside a name or a call would not be.
        for _ in 0..lost {
            text.push_str(" \\\n");
        }
        out.push_str(&text);
        copied = edit.span.end;
    }
    out.push_str(&src[copied..]);
    out
}

/// For every significant token: whether it is part of an assignment or
/// `for` target (where `*x` is v1.9.4's own starred target).
fn targets(src: &str, t: &[&Token]) -> Vec<bool> {
    let mut target = vec![false; t.len()];
    let mut start = 0;
    for i in 0..=t.len() {
        let end_of_statement = i == t.len() || matches!(t[i].kind, Kind::Newline) || (t[i].depth == 0 && is_op(src, t[i], ";"));
        if !end_of_statement {
            continue;
        }
        // Before the last top-level `=` (not inside a lambda) is a target.
        let mut last_eq = None;
        let mut lambda = false;
        for (j, token) in t.iter().enumerate().take(i).skip(start) {
            if token.depth == 0 {
                if name_of(src, token) == Some("lambda") {
                    lambda = true;
                }
                if is_op(src, token, "=") && !lambda {
                    last_eq = Some(j);
                }
            }
        }
        if let Some(eq) = last_eq {
            target[start..eq].iter_mut().for_each(|x| *x = true);
        }
        start = i + 1;
    }
    // `for TARGET in`
    for i in 0..t.len() {
        if name_of(src, t[i]) == Some("for") {
            let depth = t[i].depth;
            let mut j = i + 1;
            while j < t.len() && t[j].depth >= depth && !(t[j].depth == depth && name_of(src, t[j]) == Some("in")) {
                target[j] = true;
                j += 1;
            }
        }
    }
    target
}

fn error_at(src: &str, at: usize, message: impl Into<String>) -> SyntaxError {
    let before = &src[..at];
    SyntaxError {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().unwrap_or("").chars().count() + 1,
        message: message.into(),
    }
}

struct Pass<'a> {
    src: &'a str,
    t: Vec<&'a Token>,
    target: Vec<bool>,
    edits: Vec<Rewrite>,
}

impl<'a> Pass<'a> {
    fn op(&self, i: usize, op: &str) -> bool {
        i < self.t.len() && is_op(self.src, self.t[i], op)
    }

    fn name(&self, i: usize) -> Option<&'a str> {
        if i < self.t.len() {
            name_of(self.src, self.t[i])
        } else {
            None
        }
    }

    fn word(&self, i: usize, w: &str) -> bool {
        self.name(i) == Some(w)
    }

    /// Index of the bracket closing the one at `open`.
    fn close(&self, open: usize) -> usize {
        skip_brackets(&self.t, open) - 1
    }

    /// The source of tokens `r` (comments dropped, line breaks kept).
    fn text(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        for i in r.clone() {
            if i > r.start {
                let gap = &self.src[self.t[i - 1].span.end..self.t[i].span.start];
                for (k, line) in gap.split('\n').enumerate() {
                    if k > 0 {
                        out.push('\n');
                    }
                    out.push_str(line.split('#').next().unwrap_or(""));
                }
            }
            out.push_str(&self.src[self.t[i].span.clone()]);
        }
        out
    }

    fn span(&self, r: Range<usize>) -> Range<usize> {
        self.t[r.start].span.start..self.t[r.end - 1].span.end
    }

    fn err(&self, i: usize, message: impl Into<String>) -> SyntaxError {
        let at = if i < self.t.len() { self.t[i].span.start } else { self.src.len() };
        error_at(self.src, at, message)
    }

    fn edit(&mut self, r: Range<usize>, text: String) {
        let span = self.span(r);
        self.edits.push(Rewrite { span, text });
    }

    /// The comma-separated items inside brackets `open..=close`, at the
    /// brackets' own level (an empty last item after a trailing comma is
    /// left out).
    fn items(&self, from: usize, to: usize, depth: usize) -> Vec<Range<usize>> {
        let mut items = Vec::new();
        let mut start = from;
        for i in from..to {
            if self.t[i].depth == depth && self.op(i, ",") {
                items.push(start..i);
                start = i + 1;
            }
        }
        if start < to {
            items.push(start..to);
        }
        items
    }

    fn is_line_start(&self, i: usize) -> bool {
        i == 0 || matches!(self.t[i - 1].kind, Kind::Newline)
    }

    fn column(&self, i: usize) -> usize {
        let start = self.t[i].span.start;
        start - self.src[..start].rfind('\n').map_or(0, |p| p + 1)
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        for i in 0..self.t.len() {
            let tok = self.t[i];
            match tok.kind {
                Kind::Name => {
                    let w = self.name(i).unwrap_or("");
                    let after_dot = i > 0 && self.op(i - 1, ".");
                    match w {
                        "async" if !after_dot && self.word(i + 1, "def") => {
                            // Coroutines run to completion when called.
                            let span = tok.span.start..self.t[i + 1].span.start;
                            self.edits.push(Rewrite { span, text: String::new() });
                        }
                        "await" if !after_dot && i + 1 < self.t.len() => {
                            // `await` takes a primary, which binds tighter than
                            // any operator: removing the keyword keeps the parse.
                            let span = tok.span.start..self.t[i + 1].span.start;
                            self.edits.push(Rewrite { span, text: String::new() });
                        }
                        "async" if !after_dot => {
                            let what = self.name(i + 1).unwrap_or("");
                            return Err(self.err(
                                i,
                                format!(
                                    "'async {what}' is not supported by mpnode (coroutines run to completion when called: \
                                     use a plain `{what}`)"
                                ),
                            ));
                        }
                        "match" if self.is_line_start(i) => self.match_statement(i)?,
                        "break" | "continue" if tok.depth == 0 => self.finally_jump(i)?,
                        "with" if self.op(i + 1, "(") => self.with_parens(i),
                        "def" if self.op(i + 2, "(") => self.positional_only(i + 2),
                        "lambda" => self.lambda_positional_only(i),
                        "for" if self.is_line_start(i) => self.for_iterable(i),
                        "except" if self.op(i + 1, "*") => {
                            return Err(
                                self.err(i, "'except*' (exception groups) is not supported by mpnode (catch the exception with `except`)")
                            );
                        }
                        _ => {}
                    }
                }
                Kind::Op => {
                    let op = &self.src[tok.span.clone()];
                    match op {
                        "(" | "[" | "{" => self.bracket(i),
                        "@" if self.is_line_start(i) => self.decorator(i),
                        _ => {}
                    }
                }
                _ => {}
            }
            let statement_start = self.is_line_start(i) || (tok.depth == 0 && (self.op(i - 1, ";") || self.op(i - 1, ":")));
            if statement_start && (self.word(i, "return") || (self.word(i, "yield") && !self.word(i + 1, "from"))) {
                self.bare_tuple(i + 1);
            }
            if matches!(tok.kind, Kind::Op) && tok.depth == 0 && self.op(i, "=") && !self.target[i] {
                self.bare_tuple(i + 1);
            }
        }
        Ok(())
    }

    // ---- unpacking ---------------------------------------------------------

    fn starred(&self, item: &Range<usize>) -> bool {
        !item.is_empty() && self.op(item.start, "*")
    }

    fn double_starred(&self, item: &Range<usize>) -> bool {
        !item.is_empty() && self.op(item.start, "**")
    }

    /// `a, *b` after `return`/`yield`/`=`, up to the end of the statement.
    fn bare_tuple(&mut self, from: usize) {
        let mut to = from;
        while to < self.t.len()
            && !(self.t[to].depth == 0 && (matches!(self.t[to].kind, Kind::Newline) || self.op(to, ";") || self.op(to, "=")))
        {
            to += 1;
        }
        if to == from || self.t[from].depth != 0 || self.op(to, "=") {
            return;
        }
        if (from..to).any(|j| self.word(j, "lambda")) {
            return;
        }
        let items = self.items(from, to, 0);
        if !items.iter().any(|r| self.starred(r)) {
            return;
        }
        let text = format!("({})", self.concat(&items));
        self.edit(from..to, text);
    }

    /// `for x in *a, *b:` → `for x in (tuple(a) + tuple(b)):`
    fn for_iterable(&mut self, at: usize) {
        let end = self.line_end(at);
        let Some(colon) = self.header_colon(at, end) else { return };
        let Some(inn) = (at + 1..colon).find(|&j| self.t[j].depth == self.t[at].depth && self.word(j, "in")) else { return };
        let items = self.items(inn + 1, colon, self.t[at].depth);
        if items.iter().any(|r| self.starred(r)) {
            let text = format!("({})", self.concat(&items));
            self.edit(inn + 1..colon, text);
        }
    }

    /// Items as one tuple expression: `(a, b) + tuple(c) + (d,)`.
    fn concat(&self, items: &[Range<usize>]) -> String {
        let mut parts = Vec::new();
        let mut plain = Vec::new();
        for item in items {
            if self.starred(item) {
                if !plain.is_empty() {
                    parts.push(format!("({},)", plain.join(", ")));
                    plain.clear();
                }
                parts.push(format!("tuple({})", self.text(item.start + 1..item.end)));
            } else {
                plain.push(self.text(item.clone()));
            }
        }
        if !plain.is_empty() {
            parts.push(format!("({},)", plain.join(", ")));
        }
        parts.join(" + ")
    }

    fn bracket(&mut self, open: usize) {
        if self.target[open] {
            return;
        }
        let close = self.close(open);
        if close >= self.t.len() || close <= open {
            return;
        }
        let depth = self.t[open].depth + 1;
        // Comprehensions, parameter lists and lambdas are left alone.
        if open >= 2 && self.word(open - 2, "def") {
            return;
        }
        if (open + 1..close).any(|j| self.t[j].depth == depth && (self.word(j, "for") || self.word(j, "lambda"))) {
            return;
        }
        let items = self.items(open + 1, close, depth);
        let kind = &self.src[self.t[open].span.clone()];
        let call = kind == "(" && open > 0 && {
            let p = self.t[open - 1];
            match p.kind {
                Kind::Name => !KEYWORDS.contains(&self.name(open - 1).unwrap_or("")) || self.word(open - 1, "None"),
                Kind::Str(_) => true,
                Kind::Op => matches!(&self.src[p.span.clone()], ")" | "]"),
                _ => false,
            }
        };
        if call {
            self.call(open, close, &items);
            return;
        }
        // A subscript (`x[*a]`, PEP 646) is not a list display.
        let subscript = kind == "[" && open > 0 && {
            let p = self.t[open - 1];
            match p.kind {
                Kind::Name => !KEYWORDS.contains(&self.name(open - 1).unwrap_or("")),
                Kind::Str(_) => true,
                Kind::Op => matches!(&self.src[p.span.clone()], ")" | "]"),
                _ => false,
            }
        };
        if subscript {
            return;
        }
        let has_star = items.iter().any(|r| self.starred(r));
        let has_dstar = items.iter().any(|r| self.double_starred(r));
        if kind == "{" && has_dstar {
            // {**a, 'k': v, **b} → {k: v for m in (a, {'k': v}, b) for k, v in m.items()}
            let mut maps = Vec::new();
            let mut pairs = Vec::new();
            for item in &items {
                if self.double_starred(item) {
                    if !pairs.is_empty() {
                        maps.push(format!("{{{}}}", pairs.join(", ")));
                        pairs.clear();
                    }
                    maps.push(self.text(item.start + 1..item.end));
                } else {
                    pairs.push(self.text(item.clone()));
                }
            }
            if !pairs.is_empty() {
                maps.push(format!("{{{}}}", pairs.join(", ")));
            }
            let text = format!("{{_mpk: _mpv for _mpm in ({},) for _mpk, _mpv in dict(_mpm).items()}}", maps.join(", "));
            self.edit(open..close + 1, text);
        } else if has_star {
            let inner = self.concat(&items);
            let text = match kind {
                "[" => format!("list({inner})"),
                "{" => format!("set({inner})"),
                _ => format!("({inner})"),
            };
            self.edit(open..close + 1, text);
        }
    }

    /// `f(*a, *b, x, **c, **d, k=v)` → `f(*((...) + ...), k=v, **{merged})`
    fn call(&mut self, open: usize, close: usize, items: &[Range<usize>]) {
        let stars = items.iter().filter(|r| self.starred(r)).count();
        let dstars = items.iter().filter(|r| self.double_starred(r)).count();
        let keyword = |r: &Range<usize>| r.len() > 1 && self.name(r.start).is_some() && self.op(r.start + 1, "=");
        let first_star = items.iter().position(|r| self.starred(r));
        let positional_after_star =
            first_star.is_some_and(|s| items[s + 1..].iter().any(|r| !self.starred(r) && !self.double_starred(r) && !keyword(r)));
        if stars <= 1 && dstars <= 1 && !positional_after_star {
            return;
        }
        let positional: Vec<Range<usize>> = items.iter().filter(|r| !self.double_starred(r) && !keyword(r)).cloned().collect();
        let mut args = Vec::new();
        if !positional.is_empty() {
            args.push(format!("*({})", self.concat(&positional)));
        }
        for r in items.iter().filter(|r| keyword(r)) {
            args.push(self.text(r.clone()));
        }
        let maps: Vec<String> = items.iter().filter(|r| self.double_starred(r)).map(|r| self.text(r.start + 1..r.end)).collect();
        match maps.len() {
            0 => {}
            1 => args.push(format!("**{}", maps[0])),
            _ => args.push(format!("**{{_mpk: _mpv for _mpm in ({},) for _mpk, _mpv in dict(_mpm).items()}}", maps.join(", "))),
        }
        self.edit(open..close + 1, format!("({})", args.join(", ")));
    }

    // ---- small statements --------------------------------------------------

    /// PEP 614: `@any.expression[0]` → `@next(iter((any.expression[0],)))`
    /// (v1.9.4 takes a dotted name with an optional call).
    fn decorator(&mut self, at: usize) {
        let mut end = at + 1;
        while end < self.t.len() && !matches!(self.t[end].kind, Kind::Newline) {
            end += 1;
        }
        let mut i = at + 1;
        let mut simple = self.name(i).is_some();
        i += 1;
        while simple && self.op(i, ".") && self.name(i + 1).is_some() {
            i += 2;
        }
        if simple && self.op(i, "(") {
            i = self.close(i) + 1;
        }
        let called = self.op(i - 1, ")");
        simple &= i == end;
        if !simple && end > at + 1 {
            let text = format!("next(iter(({},)))", self.text(at + 1..end));
            self.edit(at + 1..end, text);
        } else if simple && !called && i > at + 2 && self.word(end - 1, "register") {
            if let Some(annotation) = self.dispatch_annotation(end + 1) {
                let text = format!("{}({annotation})", self.text(at + 1..end));
                self.edit(at + 1..end, text);
            }
        }
    }

    /// `@f.register` over `def g(x: int, …)`: functools.singledispatch reads
    /// the type from the first parameter's annotation, which v1.9.4 does
    /// not keep, so the decorator becomes `@f.register(int)` (what CPython's
    /// `register` does with the annotation). `at` is the token after the
    /// decorator line; a string annotation is left alone.
    fn dispatch_annotation(&self, at: usize) -> Option<String> {
        if !self.word(at, "def") || self.name(at + 1).is_none() || !self.op(at + 2, "(") {
            return None;
        }
        let (open, close) = (at + 2, self.close(at + 2));
        let depth = self.t[open + 1].depth;
        let mut j = open + 1;
        while j < close {
            if self.t[j].depth == depth && self.op(j, ":") {
                let mut k = j + 1;
                while k < close && !(self.t[k].depth == depth && (self.op(k, ",") || self.op(k, "="))) {
                    k += 1;
                }
                if k == j + 1 || matches!(self.t[j + 1].kind, Kind::Str(_)) {
                    return None;
                }
                return Some(self.text(j + 1..k));
            }
            j += 1;
        }
        None
    }

    /// `with (a as b, c as d,):` → `with a as b, c as d:`
    fn with_parens(&mut self, at: usize) {
        let open = at + 1;
        let close = self.close(open);
        if !self.op(close + 1, ":") {
            return;
        }
        let depth = self.t[open].depth + 1;
        let items = self.items(open + 1, close, depth);
        let has_as = (open + 1..close).any(|j| self.t[j].depth == depth && self.word(j, "as"));
        if !has_as && items.len() < 2 {
            return;
        }
        // The parentheses go; line breaks between the items become
        // continuations, so each item stays on its line.
        let mut last = close;
        if self.op(close - 1, ",") && self.t[close - 1].depth == depth {
            last = close - 1;
        }
        let mut text = String::from(" ");
        for i in open + 1..last {
            let gap = &self.src[self.t[i - 1].span.end..self.t[i].span.start];
            let gap: String = gap
                .split('\n')
                .map(|l| l.split('#').next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join(if self.t[i].depth == depth { " \\\n" } else { "\n" });
            text.push_str(&gap);
            text.push_str(&self.src[self.t[i].span.clone()]);
        }
        text.push(' ');
        self.edit(open..close + 1, text);
    }

    /// `def f(a, /, b): body` → `def f(_mpnode_a, b): a = _mpnode_a; body`:
    /// v1.9.4 has no positional-only parameters, so they get names no call
    /// uses (passing `a=` is then a `TypeError`, or goes to `**kwargs`, as in
    /// CPython) and the body starts by binding the real names. When the
    /// body's first statement is compound (nothing can go before it on its
    /// line), only the `/` is removed: calls CPython accepts still work, but
    /// `a=` is not refused.
    fn positional_only(&mut self, open: usize) {
        if !self.word(open - 2, "def") {
            return;
        }
        let close = self.close(open);
        let depth = self.t[open].depth + 1;
        let Some(slash) = (open + 1..close).find(|&j| self.t[j].depth == depth && self.op(j, "/")) else { return };
        let names: Vec<usize> = self.items(open + 1, slash, depth).iter().filter_map(|r| self.name(r.start).map(|_| r.start)).collect();
        let slash_end = if self.op(slash + 1, ",") { slash + 1 } else { slash };
        // The body's first statement.
        let end = self.line_end(open - 2);
        let Some(colon) = self.header_colon(open - 2, end) else { return };
        let first = if colon + 1 == end { end + 1 } else { colon + 1 };
        let simple = first < self.t.len()
            && !matches!(self.t[first].kind, Kind::Newline)
            && !self.op(first, "@")
            && !self.name(first).is_some_and(|w| super::COMPOUND.contains(&w) || w == "match");
        let base = self.t[open].span.start;
        let mut pieces: Vec<(Range<usize>, String)> = Vec::new();
        pieces.push((self.t[slash].span.start..self.t[slash_end].span.end, String::new()));
        if simple {
            let mut prefix = String::new();
            for &n in &names {
                let name = self.name(n).unwrap_or("");
                pieces.push((self.t[n].span.clone(), format!("_mpnode_{name}")));
                prefix.push_str(&format!("{name} = _mpnode_{name}; "));
            }
            let at = self.t[first].span.start;
            pieces.push((at..at, prefix));
        }
        pieces.sort_by_key(|(r, _)| r.start);
        let last = if simple { first } else { close };
        let mut text = String::new();
        let mut copied = base;
        for (r, with) in pieces {
            text.push_str(&self.src[copied..r.start]);
            text.push_str(&with);
            copied = r.end;
        }
        text.push_str(&self.src[copied..self.t[last].span.end]);
        self.edit(open..last + 1, text);
    }

    /// `lambda a, /, b: …` → `lambda a, b: …` (a lambda has no body to
    /// rebind names in: `a=` is not refused).
    fn lambda_positional_only(&mut self, at: usize) {
        let depth = self.t[at].depth;
        let mut j = at + 1;
        while j < self.t.len() && !(self.t[j].depth == depth && self.op(j, ":")) {
            if self.t[j].depth == depth && self.op(j, "/") && (self.op(j - 1, ",") || j == at + 1) {
                let end = if self.op(j + 1, ",") { j + 1 } else { j };
                self.edit(j..end + 1, String::new());
                return;
            }
            j += 1;
        }
    }

    /// `break`/`continue` that leave a `finally` body run as in CPython
    /// (patch 0053), except from inside a `with`/`try` within that body,
    /// which would have to be unwound before the finally's own state:
    /// refused here, with the column (the compiler refuses it too).
    fn finally_jump(&self, at: usize) -> Result<(), SyntaxError> {
        // The compound headers around the jump, innermost first, up to its
        // loop: a header on the jump's own line (`finally: break`), then each
        // line indented less than the one before.
        let mut start = at;
        while start > 0 && !self.is_line_start(start) {
            start -= 1;
        }
        let mut headers = Vec::new();
        if start < at {
            headers.push(self.name(start).unwrap_or(""));
        }
        let mut col = self.column(start);
        let mut k = start;
        while k > 0 && col > 0 {
            k -= 1;
            if !self.is_line_start(k) || matches!(self.t[k].kind, Kind::Newline) || self.column(k) >= col {
                continue;
            }
            col = self.column(k);
            let w = self.name(k).unwrap_or("");
            if matches!(w, "for" | "while" | "def" | "class" | "async") {
                break;
            }
            headers.push(w);
        }
        let Some(finally) = headers.iter().position(|w| *w == "finally") else { return Ok(()) };
        if headers[..finally].iter().any(|w| matches!(*w, "with" | "try" | "except")) {
            let w = self.name(at).unwrap_or("");
            return Err(self.err(
                at,
                format!(
                    "'{w}' inside a `with` or `try` in a `finally` block is not supported by mpnode \
                     (set a flag there and `{w}` directly in the `finally` block)"
                ),
            ));
        }
        Ok(())
    }

    // ---- match ---------------------------------------------------------------

    /// The end (exclusive) of the logical line starting at `i`.
    fn line_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.t.len() && !matches!(self.t[j].kind, Kind::Newline) {
            j += 1;
        }
        j
    }

    /// The colon ending a compound header that starts at `i` and ends
    /// before `end` (lambdas' colons skipped).
    fn header_colon(&self, i: usize, end: usize) -> Option<usize> {
        let mut lambdas = 0;
        for j in i..end {
            if self.t[j].depth != self.t[i].depth {
                continue;
            }
            if self.word(j, "lambda") {
                lambdas += 1;
            } else if self.op(j, ":") {
                if lambdas == 0 {
                    return Some(j);
                }
                lambdas -= 1;
            }
        }
        None
    }

    /// `match SUBJECT:` → `if [_mpnode_mLINE := (SUBJECT)]:` (a one-item
    /// list: always true, and the subject is evaluated once), and its cases
    /// → an `if`/`elif` chain inside it, each test the pattern as one
    /// expression that binds the captured names with `:=` as it matches
    /// (patch 0052), then the guard. Plain `if`s: `break`/`continue` in a
    /// case body, `return`, and a `match` in a class body mean what they
    /// mean in CPython.
    fn match_statement(&mut self, at: usize) -> Result<(), SyntaxError> {
        let end = self.line_end(at);
        // `match x:` ends with its colon; `match = 1`, `match(x)` do not.
        if end == self.t.len() || end <= at + 2 || !self.op(end - 1, ":") || self.op(at + 1, "=") || self.op(at + 1, ".") {
            return Ok(());
        }
        let colon = end - 1;
        if self.header_colon(at + 1, end) != Some(colon) {
            return Ok(());
        }
        let indent = self.column(at);
        let var = format!("_mpnode_m{}", self.src[..self.t[at].span.start].matches('\n').count() + 1);
        let subject = self.text(at + 1..colon);
        self.edit(at..colon, format!("if [{var} := ({subject})]"));
        // The case lines: logical lines indented more than `match`.
        let mut i = end + 1;
        let mut case_indent = None;
        let mut first = true;
        while i < self.t.len() && self.column(i) > indent {
            let line_end = self.line_end(i);
            let col = self.column(i);
            if case_indent.is_none() {
                case_indent = Some(col);
            }
            if Some(col) == case_indent {
                if !self.word(i, "case") {
                    return Err(self.err(i, "a match statement holds only `case` blocks"));
                }
                self.case(i, line_end, &var, first)?;
                first = false;
            }
            i = line_end + 1;
        }
        Ok(())
    }

    fn case(&mut self, at: usize, line_end: usize, var: &str, first: bool) -> Result<(), SyntaxError> {
        let Some(colon) = self.header_colon(at + 1, line_end) else {
            return Err(self.err(at, "expected ':' after the case pattern"));
        };
        let guard = (at + 1..colon).find(|&j| self.t[j].depth == 0 && self.word(j, "if"));
        let pattern_end = guard.unwrap_or(colon);
        if pattern_end == at + 1 {
            return Err(self.err(at, "expected a pattern after 'case'"));
        }
        let (mut test, _) = self.pattern(at + 1..pattern_end, var)?;
        if let Some(g) = guard {
            test = format!("{test} and ({})", self.text(g + 1..colon));
        }
        let keyword = if first { "if" } else { "elif" };
        self.edit(at..colon, format!("{keyword} {test}"));
        Ok(())
    }

    /// The pattern in tokens `r` against subject expression `s`: one
    /// expression, true when the pattern matches, that binds the captured
    /// names as it goes (a capture is `[x := s]`, a true one-item list),
    /// and the names it binds.
    fn pattern(&self, r: Range<usize>, s: &str) -> Result<(String, Vec<String>), SyntaxError> {
        if r.is_empty() {
            return Err(self.err(r.start, "expected a pattern"));
        }
        let depth = self.t[r.start].depth;
        let top = |j: usize| self.t[j].depth == depth;
        // Open sequence: `case a, *b:`
        if r.clone().any(|j| top(j) && self.op(j, ",")) {
            return self.sequence(self.items(r.start, r.end, depth), s);
        }
        // AS binds loosest: `"q" | "esc" as k` is `("q" | "esc") as k`.
        if r.len() >= 3 && self.word(r.end - 2, "as") && top(r.end - 2) {
            let Some(name) = self.name(r.end - 1) else { return Err(self.err(r.end - 1, "expected a name after 'as'")) };
            let (test, mut names) = self.pattern(r.start..r.end - 2, s)?;
            names.push(name.to_string());
            return Ok((format!("({test} and [{name} := {s}])"), names));
        }
        // OR: the first alternative that matches binds the names.
        let bars: Vec<usize> = r.clone().filter(|&j| top(j) && self.op(j, "|")).collect();
        if !bars.is_empty() {
            let mut tests = Vec::new();
            let mut first_names: Option<Vec<String>> = None;
            let mut start = r.start;
            for b in bars.iter().copied().chain([r.end]) {
                let (test, mut names) = self.pattern(start..b, s)?;
                names.sort_unstable();
                match &first_names {
                    Some(first) if *first != names => {
                        return Err(self.err(
                            start,
                            "alternative patterns binding different names are not supported by mpnode (CPython refuses them too: bind the same names in each)",
                        ));
                    }
                    Some(_) => {}
                    None => first_names = Some(names),
                }
                tests.push(test);
                start = b + 1;
            }
            return Ok((format!("({})", tests.join(" or ")), first_names.unwrap_or_default()));
        }
        let first = r.start;
        let last = r.end - 1;
        if self.op(first, "[") || self.op(first, "(") {
            let close = self.close(first);
            if close == last {
                let inner_depth = depth + 1;
                let items = self.items(first + 1, close, inner_depth);
                let has_comma = (first + 1..close).any(|j| self.t[j].depth == inner_depth && self.op(j, ","));
                if self.op(first, "(") && !has_comma && items.len() == 1 {
                    return self.pattern(items[0].clone(), s); // a group
                }
                return self.sequence(items, s);
            }
        }
        if self.op(first, "{") && self.close(first) == last {
            return self.mapping(first, last, s);
        }
        // Dotted name, maybe a class pattern.
        if self.name(first).is_some() {
            let mut j = first + 1;
            while self.op(j, ".") && self.name(j + 1).is_some() && j + 1 < r.end {
                j += 2;
            }
            let dotted = self.text(first..j);
            if j == r.end {
                return Ok(match dotted.as_str() {
                    "_" => ("1".to_string(), Vec::new()),
                    "None" | "True" | "False" => (format!("{s} is {dotted}"), Vec::new()),
                    _ if j == first + 1 => (format!("[{dotted} := {s}]"), vec![dotted]),
                    _ => (format!("{s} == {dotted}"), Vec::new()),
                });
            }
            if self.op(j, "(") && self.close(j) == last {
                return self.class(&dotted, j, last, s);
            }
        }
        // A literal: numbers (signed, complex sums), strings.
        let literal = r.clone().all(|j| match self.t[j].kind {
            Kind::Number | Kind::Str(_) => true,
            Kind::Op => matches!(&self.src[self.t[j].span.clone()], "-" | "+"),
            _ => false,
        });
        if literal {
            return Ok((format!("{s} == {}", self.text(r).trim()), Vec::new()));
        }
        Err(self.err(first, "this pattern is not supported by mpnode (use literal, capture, sequence, mapping, class, OR or AS patterns)"))
    }

    fn sequence(&self, items: Vec<Range<usize>>, s: &str) -> Result<(String, Vec<String>), SyntaxError> {
        let star = items.iter().position(|r| self.op(r.start, "*"));
        let n = items.len();
        let mut tests = vec![format!("isinstance({s}, (list, tuple, range))")];
        tests.push(match star {
            None => format!("len({s}) == {n}"),
            Some(_) => format!("len({s}) >= {}", n - 1),
        });
        let mut names = Vec::new();
        for (k, item) in items.iter().enumerate() {
            if Some(k) == star {
                let Some(name) = self.name(item.start + 1) else { return Err(self.err(item.start, "expected a name after '*'")) };
                if name != "_" {
                    let after = n - 1 - k;
                    let end = if after == 0 { String::new() } else { format!("len({s}) - {after}") };
                    tests.push(format!("[{name} := list({s}[{k}:{end}])]"));
                    names.push(name.to_string());
                }
                continue;
            }
            let sub = match star {
                Some(st) if k > st => format!("{s}[-{}]", n - k),
                _ => format!("{s}[{k}]"),
            };
            let (test, inner) = self.pattern(item.clone(), &sub)?;
            tests.push(test);
            names.extend(inner);
        }
        Ok((format!("({})", tests.join(" and ")), names))
    }

    /// `**rest` copies the subject and pops the keys the pattern names,
    /// without a comprehension (which would not see a class body's names).
    fn mapping(&self, open: usize, close: usize, s: &str) -> Result<(String, Vec<String>), SyntaxError> {
        let mut tests = vec![format!("isinstance({s}, dict)")];
        let mut names = Vec::new();
        let depth = self.t[open].depth + 1;
        let mut keys = Vec::new();
        for item in self.items(open + 1, close, depth) {
            if self.op(item.start, "**") {
                let Some(name) = self.name(item.start + 1) else { return Err(self.err(item.start, "expected a name after '**'")) };
                let pops: String = keys.iter().map(|k: &String| format!(", {name}.pop({k})")).collect();
                tests.push(format!("[{name} := dict({s}){pops}]"));
                names.push(name.to_string());
                continue;
            }
            let Some(colon) = item.clone().find(|&j| self.t[j].depth == depth && self.op(j, ":")) else {
                return Err(self.err(item.start, "expected 'key: pattern' in a mapping pattern"));
            };
            let key = self.text(item.start..colon).trim().to_string();
            tests.push(format!("{key} in {s}"));
            let (test, inner) = self.pattern(colon + 1..item.end, &format!("{s}[{key}]"))?;
            tests.push(test);
            names.extend(inner);
            keys.push(key);
        }
        Ok((format!("({})", tests.join(" and ")), names))
    }

    fn class(&self, class: &str, open: usize, close: usize, s: &str) -> Result<(String, Vec<String>), SyntaxError> {
        let mut tests = vec![format!("isinstance({s}, {class})")];
        let mut names = Vec::new();
        let depth = self.t[open].depth + 1;
        for (k, item) in self.items(open + 1, close, depth).into_iter().enumerate() {
            let (sub, pat) = if item.len() > 2 && self.name(item.start).is_some() && self.op(item.start + 1, "=") {
                let attr = self.name(item.start).unwrap_or("");
                tests.push(format!("hasattr({s}, '{attr}')"));
                (format!("{s}.{attr}"), item.start + 2..item.end)
            } else if k == 0 && SELF_MATCHING.contains(&class) {
                (s.to_string(), item)
            } else {
                (format!("getattr({s}, {class}.__match_args__[{k}])"), item)
            };
            let (test, inner) = self.pattern(pat, &sub)?;
            tests.push(test);
            names.extend(inner);
        }
        Ok((format!("({})", tests.join(" and ")), names))
    }
}
