// mpnode's regular expressions: the `re` module (builtin `ure`, weak link
// `re`). Written for mpnode: upstream's ure needs lib/re1.5, a submodule the
// crates.io crate does not ship.
//
// A pattern compiles to a byte program; a backtracking matcher runs it with
// an explicit stack on the GC heap (no C recursion while matching, so long
// subjects cannot overflow the wasm shadow stack; only a lookaround recurses,
// as deep as lookarounds nest in the pattern, at most 50) and a step budget,
// so a pattern that backtracks exponentially raises RuntimeError.
//
// Program: an opcode byte, then operands. Jump offsets are int16 relative to
// the end of their instruction, so compiled pieces can be copied: x{2,3}
// is x x (x)? and x+ is x x*. A * loop remembers where each iteration began
// (MARK) and stops when an iteration matched nothing (LOOP), so (a*)* ends.
// str subjects are UTF-8: `.` and classes step whole characters; literals
// compare bytes. Capture slots hold byte offsets; the Match object turns
// them into character indices.
//
// Registered as `ure` and (weak link) `re` in mpconfigport.h; about 11.5 KB
// of the module (lookaround about 0.9 KB of it, lastindex/lastgroup 0.3,
// expand 0.2, VERBOSE 0.16).
#include <string.h>
#include "py/runtime.h"
#include "py/objstr.h"
#include "py/stackctrl.h"

enum {
    OP_MATCH, OP_CHAR, OP_ANY, OP_CLASS, OP_SPLIT, OP_SPLITL, OP_JMP, OP_SAVE, OP_MARK, OP_LOOP, OP_BREF,
    OP_LAST, OP_LOOK, OP_WORDB, OP_NWORDB, OP_BOS, OP_EOS, OP_BOL, OP_EOL,
};
// OP_CHAR byte | OP_CLASS neg n16 n*(kind lo24 hi24) | OP_SPLIT/SPLITL/JMP off16
// (SPLIT tries the next instruction first, SPLITL the target) | OP_SAVE slot
// | OP_MARK reg | OP_LOOP reg off16 | OP_BREF group | OP_LAST group (the
// group that closed last, for Match.lastindex) | OP_LOOK kind w16 len16
// sub-program (kind: 1 negative, 2 behind, w characters back; the
// sub-program of len bytes ends with OP_MATCH and runs as its own match,
// atomically). A class item's kind is 0 for the range lo-hi, else one of
// dwsDWS.

#define F_I 2
#define F_M 8
#define F_S 16
#define F_X 64
#define F_A 256
#define MAX_PROG 30000

typedef struct {
    mp_obj_base_t base;
    mp_obj_t names;         // dict: group name -> number, or MP_OBJ_NULL
    uint16_t flags;
    uint8_t ngroups, nregs;
    bool uni;               // a str pattern (else bytes)
    byte prog[];
} re_obj_t;

typedef struct {
    mp_obj_base_t base;
    re_obj_t *re;
    mp_obj_t str;
    int slots[];            // 2 per group (byte offsets, -1 unset), then registers
} match_obj_t;

STATIC const mp_obj_type_t re_type, match_type;

STATIC int rd16(const byte *p) {
    return (int16_t)(p[0] | p[1] << 8);
}

STATIC unichar rd24(const byte *p) {
    return p[0] | p[1] << 8 | p[2] << 16;
}

STATIC int lc(int c) {
    return (unsigned)(c - 'A') < 26 ? c + 32 : c;
}

STATIC bool isalnum_ascii(unichar c) {
    return (unsigned)((c | 0x20) - 'a') < 26 || c - '0' < 10;
}

STATIC const byte *nextc(const byte *s, bool uni) {
    return uni ? utf8_next_char(s) : s + 1;
}

STATIC const byte *prevc(const byte *s, const byte *beg, bool uni) {
    do {
        s--;
    } while (uni && s > beg && (*s & 0xc0) == 0x80);
    return s;
}

STATIC unichar getc_(const byte *s, bool uni) {
    return uni ? utf8_get_char(s) : *s;
}

// Unicode classes beyond ASCII, as ranges. \w is approximate: every
// non-ASCII character is a word character except these (punctuation,
// symbols, combining marks, emoji); \d adds the common decimal blocks.
STATIC const uint32_t u_digit[] = {0x660, 0x669, 0x6f0, 0x6f9, 0x966, 0x96f, 0xff10, 0xff19};
STATIC const uint32_t u_space[] = {0x1c, 0x1f, 0x85, 0x85, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029,
    0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000};
STATIC const uint32_t u_nonword[] = {0x80, 0xa9, 0xab, 0xb1, 0xb4, 0xb4, 0xb6, 0xb8, 0xbb, 0xbb, 0xbf, 0xbf, 0xd7, 0xd7,
    0xf7, 0xf7, 0x2c2, 0x2c5, 0x2d2, 0x2df, 0x300, 0x36f, 0x37e, 0x37e, 0x384, 0x385, 0x387, 0x387, 0x2000, 0x206f,
    0x20a0, 0x20ff, 0x2190, 0x245f, 0x2500, 0x2775, 0x2794, 0x2bff, 0x2e00, 0x2e7f, 0x3000, 0x3004, 0x3008, 0x3020,
    0xe000, 0xf8ff, 0xfe10, 0xfe6f, 0xff01, 0xff0f, 0xff1a, 0xff20, 0xff3b, 0xff40, 0xff5b, 0xff65, 0xfff0, 0xffff,
    0x1f000, 0x1faff};

STATIC bool in_ranges(unichar c, const uint32_t *t, size_t n) {
    for (; n; n -= 2, t += 2) {
        if (c >= t[0] && c <= t[1]) {
            return true;
        }
    }
    return false;
}

// \d \s \w (k in dsw, either case); uni: str pattern without re.ASCII.
STATIC bool named(int k, unichar c, bool uni) {
    k |= 0x20;
    if (k == 'd') {
        return c - '0' < 10 || (uni && in_ranges(c, u_digit, MP_ARRAY_SIZE(u_digit)));
    }
    if (k == 's') {
        return c - 9 < 5 || c == ' ' || (uni && in_ranges(c, u_space, MP_ARRAY_SIZE(u_space)));
    }
    return c == '_' || isalnum_ascii(c) || (uni && c >= 0x80 && !in_ranges(c, u_nonword, MP_ARRAY_SIZE(u_nonword)));
}

STATIC bool class_has(const byte *pc, unichar c, bool icase, bool uni) {
    unichar c2 = (icase && (unsigned)((c | 0x20) - 'a') < 26) ? c ^ 0x20 : c;
    size_t n = pc[1] | pc[2] << 8;
    bool hit = false;
    for (const byte *q = pc + 3; n--; q += 7) {
        int k = q[0];
        if (k) {
            hit |= named(k, c, uni) != (k < 'a');
        } else {
            unichar lo = rd24(q + 1), hi = rd24(q + 4);
            hit |= (c >= lo && c <= hi) || (c2 >= lo && c2 <= hi);
        }
    }
    return hit != pc[0];
}

// ---- matcher ----------------------------------------------------------------

#define M_ANCHOR 1      // match only at the start position
#define M_FULL 2        // and to the end of the subject
#define M_ADVANCE 4     // no empty match at the start position (after an empty match)

typedef struct {
    int *stk;           // pairs: (pc offset, sp offset) to resume, or (-1 - slot, old value) to undo
    size_t cap, budget;
} rstack_t;

// Runs the program at pc from sp, pushing above `floor` of the stack.
// Returns the stack top (only slot-undo entries kept above floor), or -1.
STATIC int re_run(re_obj_t *re, const byte *pc, const byte *beg, const byte *end, const byte *sp, int mode, int *slots,
    rstack_t *st, size_t floor) {
    const byte *prog = re->prog, *start = sp;
    int base = 2 * (re->ngroups + 1) + 1, fl = re->flags;
    bool icase = fl & F_I, uni = re->uni, wuni = uni && !(fl & F_A);
    size_t top = floor;
    for (;;) {
        if (!st->budget--) {
            mp_raise_msg(&mp_type_RuntimeError, "re: backtracking limit exceeded");
        }
        int op = *pc++, pa, pb;
        switch (op) {
            case OP_MATCH:
                if (((mode & M_FULL) && sp != end) || ((mode & M_ADVANCE) && sp == start)) {
                    goto fail;
                }
                slots[1] = sp - beg;    // harmless in a lookaround: set again at the end
                pa = floor;
                for (size_t i = floor; i < top; i += 2) {
                    if (st->stk[i] < 0) {
                        st->stk[pa++] = st->stk[i];
                        st->stk[pa++] = st->stk[i + 1];
                    }
                }
                return pa;
            case OP_CHAR:
                if (sp < end && (*sp == *pc || (icase && lc(*sp) == lc(*pc)))) {
                    sp++;
                    pc++;
                    continue;
                }
                goto fail;
            case OP_ANY:
            case OP_CLASS:
                if (sp < end && (op == OP_ANY ? (*sp != '\n' || (fl & F_S)) : class_has(pc, getc_(sp, uni), icase, wuni))) {
                    sp = nextc(sp, uni);
                    if (op == OP_CLASS) {
                        pc += 3 + 7 * (pc[1] | pc[2] << 8);
                    }
                    continue;
                }
                goto fail;
            case OP_JMP:
                pc += 2 + rd16(pc);
                continue;
            case OP_SPLIT:
            case OP_SPLITL: {
                const byte *alt = pc + 2 + rd16(pc);
                pc += 2;
                if (op == OP_SPLITL) {
                    const byte *t = pc;
                    pc = alt;
                    alt = t;
                }
                pa = alt - prog;
                pb = sp - beg;
                goto push;
            }
            case OP_SAVE:
            case OP_MARK:
            case OP_LAST: {
                int s = op == OP_LAST ? base - 1 : *pc + (op == OP_MARK ? base : 0);
                pa = -1 - s;
                pb = slots[s];
                slots[s] = op == OP_LAST ? *pc : sp - beg;
                pc++;
                goto push;
            }
            case OP_LOOK: {
                int k = *pc, w = k & 2 ? rd16(pc + 1) : 0;
                const byte *q = sp, *sub = pc + 5;
                pc = sub + rd16(pc + 3);
                for (; w && q > beg; w--) {
                    q = prevc(q, beg, uni);
                }
                int t = w ? -1 : re_run(re, sub, beg, end, q, 0, slots, st, top);
                if (t >= 0) {
                    top = t;    // only undo entries: a failing negative one undoes its captures
                }
                if ((t >= 0) == (k & 1)) {
                    goto fail;
                }
                continue;
            }
            case OP_LOOP: {
                int s = base + *pc, off = rd16(pc + 1);
                pc += 3;
                if (slots[s] != sp - beg) {
                    pc += off;
                }
                continue;
            }
            case OP_BREF: {
                int a = slots[2 * *pc], b = slots[2 * *pc + 1];
                pc++;
                if (a < 0 || b < 0 || end - sp < b - a) {
                    goto fail;
                }
                for (int i = 0; i < b - a; i++) {
                    if (beg[a + i] != sp[i] && !(icase && lc(beg[a + i]) == lc(sp[i]))) {
                        goto fail;
                    }
                }
                sp += b - a;
                continue;
            }
            default: {
                // zero-width assertions
                bool ok;
                if (op == OP_BOL) {
                    ok = sp == beg || ((fl & F_M) && sp[-1] == '\n');
                } else if (op == OP_EOL) {
                    ok = sp == end || (*sp == '\n' && ((fl & F_M) || sp + 1 == end));
                } else if (op == OP_BOS) {
                    ok = sp == beg;
                } else if (op == OP_EOS) {
                    ok = sp == end;
                } else {
                    bool before = sp > beg && named('w', getc_(prevc(sp, beg, uni), uni), wuni);
                    bool after = sp < end && named('w', getc_(sp, uni), wuni);
                    ok = (before != after) == (op == OP_WORDB);
                }
                if (ok) {
                    continue;
                }
                goto fail;
            }
        }
    push:
        if (top + 2 > st->cap) {
            st->stk = m_renew(int, st->stk, st->cap, st->cap * 2);
            st->cap *= 2;
        }
        st->stk[top++] = pa;
        st->stk[top++] = pb;
        continue;
    fail:
        for (;;) {
            if (top == floor) {
                return -1;
            }
            pb = st->stk[--top];
            pa = st->stk[--top];
            if (pa >= 0) {
                break;
            }
            slots[-1 - pa] = pb;
        }
        pc = prog + pa;
        sp = beg + pb;
    }
}

STATIC const byte *subject(re_obj_t *re, mp_obj_t str, size_t *len) {
    if (MP_OBJ_IS_STR(str) != re->uni) {
        mp_raise_TypeError("re: pattern and string must both be str or both bytes");
    }
    return (const byte *)mp_obj_str_get_data(str, len);
}

// The first match at or after byte offset pos (only at pos with M_ANCHOR),
// or NULL.
STATIC match_obj_t *re_exec(re_obj_t *re, mp_obj_t str, size_t pos, int mode) {
    size_t len;
    const byte *s = subject(re, str, &len);
    size_t n = 2 * (re->ngroups + 1) + 1 + re->nregs;
    match_obj_t *m = m_new_obj_var(match_obj_t, int, n);
    m->base.type = &match_type;
    m->re = re;
    m->str = str;
    memset(m->slots, 0xff, n * sizeof(int));
    rstack_t st = {m_new(int, 64), 64, 1000000 + 16 * len};
    bool ok;
    for (;;) {
        m->slots[0] = pos;
        ok = re_run(re, re->prog, s, s + len, s + pos, mode, m->slots, &st, 0) >= 0;
        if (ok || pos >= len || (mode & M_ANCHOR)) {
            break;
        }
        pos = nextc(s + pos, re->uni) - s;
        mode &= ~M_ADVANCE;
    }
    m_del(int, st.stk, st.cap);
    if (!ok) {
        m_del_var(match_obj_t, int, n, m);
        return NULL;
    }
    return m;
}

// ---- compiler -----------------------------------------------------------------

typedef struct {
    const byte *p, *e, *p0;     // pattern: cursor, end, start
    vstr_t v;                   // program
    mp_obj_t names;
    int ngroups, nregs, flags, depth, aw;    // aw: width of the last atom in characters, -1 variable
    bool uni;
} cst_t;

STATIC NORETURN void cerr(cst_t *c, const char *msg) {
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_ValueError, "%s at position %d", msg, (int)(c->p - c->p0)));
}

STATIC int peek(cst_t *c) {
    return c->p < c->e ? *c->p : -1;
}

STATIC unichar pch(cst_t *c) {
    if (c->p >= c->e) {
        cerr(c, "unexpected end of pattern");
    }
    unichar ch = getc_(c->p, c->uni);
    c->p = nextc(c->p, c->uni);
    return ch;
}

STATIC void emit(cst_t *c, int b) {
    vstr_add_byte(&c->v, b);
}

STATIC void emit_jmp(cst_t *c, int op, int off) {
    emit(c, op);
    emit(c, off);
    emit(c, off >> 8);
}

STATIC void emit_lit(cst_t *c, unichar ch) {
    VSTR_FIXED(t, 4);
    if (c->uni) {
        vstr_add_char(&t, ch);
    } else {
        vstr_add_byte(&t, ch);
    }
    for (size_t i = 0; i < t.len; i++) {
        emit(c, OP_CHAR);
        emit(c, t.buf[i]);
    }
}

STATIC void class_item(cst_t *c, int kind, unichar lo, unichar hi) {
    byte *q = (byte *)vstr_add_len(&c->v, 7);
    q[0] = kind;
    for (int i = 0; i < 3; i++) {
        q[1 + i] = lo >> (8 * i);
        q[4 + i] = hi >> (8 * i);
    }
}

// Escapes shared by patterns and replacement templates.
STATIC const char esc_tab[] = "n\nt\tr\rf\fv\va\ab\b\\\\";

STATIC int esc_map(int ch) {
    for (const char *t = esc_tab; *t; t += 2) {
        if (*t == ch) {
            return t[1];
        }
    }
    return -1;
}

// After a backslash: a character, or *kind = one of dwsDWS.
STATIC unichar escape(cst_t *c, int *kind) {
    unichar ch = pch(c);
    *kind = 0;
    if (ch < 128 && strchr("dDwWsS", ch)) {
        *kind = ch;
        return 0;
    }
    int m = esc_map(ch);
    if (m >= 0) {
        return m;
    }
    if (ch == 'x' || ch == 'u' || ch == 'U') {
        int n = ch == 'x' ? 2 : ch == 'u' ? 4 : 8;
        unichar v = 0;
        while (n--) {
            int d = peek(c);
            if (d < 0 || !unichar_isxdigit(d)) {
                cerr(c, "bad escape");
            }
            c->p++;
            v = v * 16 + unichar_xdigit_value(d);
        }
        return v;
    }
    if (ch != '0' && ch < 128 && isalnum_ascii(ch)) {
        cerr(c, "bad escape");
    }
    return ch == '0' ? 0 : ch;
}

STATIC void parse_class(cst_t *c) {
    size_t at = c->v.len;
    emit(c, OP_CLASS);
    emit(c, peek(c) == '^' ? (c->p++, 1) : 0);
    emit(c, 0);     // item count, set below
    emit(c, 0);
    int n = 0;
    for (bool first = true;; first = false) {
        int k = 0;
        unichar lo = pch(c), hi;
        if (lo == ']' && !first) {
            break;
        }
        if (lo == '\\') {
            lo = peek(c) == 'b' ? (c->p++, 8) : escape(c, &k);
        }
        hi = lo;
        if (!k && peek(c) == '-' && c->p + 1 < c->e && c->p[1] != ']') {
            c->p++;
            hi = pch(c);
            if (hi == '\\') {
                hi = escape(c, &k);
            }
            if (k || hi < lo) {
                cerr(c, "bad character range");
            }
        }
        class_item(c, k, lo, hi);
        n++;
    }
    byte *h = (byte *)c->v.buf + at;
    h[2] = n;
    h[3] = n >> 8;
}

STATIC int new_group(cst_t *c) {
    if (++c->ngroups > 99) {
        cerr(c, "too many groups");
    }
    return c->ngroups;
}

STATIC int name_group(mp_obj_t names, mp_obj_t key) {
    if (names != MP_OBJ_NULL) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(names), key, MP_MAP_LOOKUP);
        if (e) {
            return MP_OBJ_SMALL_INT_VALUE(e->value);
        }
    }
    return -1;
}

// A name up to `end` (consumed); returns it as a str.
STATIC mp_obj_t read_name(cst_t *c, int end) {
    const byte *n0 = c->p;
    while (pch(c) != (unichar)end) {
    }
    return mp_obj_new_str((const char *)n0, c->p - 1 - n0);
}

STATIC int parse_alt(cst_t *c);

// Returns whether a quantifier may follow.
STATIC bool parse_group(cst_t *c) {
    int g = 0, look = 0;
    c->aw = 0;
    if (peek(c) == '?') {
        c->p++;
        unichar k = pch(c);
        if (k == '<' && (peek(c) == '=' || peek(c) == '!')) {
            look = 2;
            k = pch(c);
        }
        if (k == '=' || k == '!') {
            look |= 4 | (k == '!');
        } else if (k == 'P' && peek(c) == '<') {
            c->p++;
            mp_obj_t name = read_name(c, '>');
            g = new_group(c);
            if (c->names == MP_OBJ_NULL) {
                c->names = mp_obj_new_dict(0);
            }
            mp_obj_dict_store(c->names, name, MP_OBJ_NEW_SMALL_INT(g));
        } else if (k == 'P' && peek(c) == '=') {
            c->p++;
            g = name_group(c->names, read_name(c, ')'));
            if (g < 0) {
                cerr(c, "unknown group name");
            }
            emit(c, OP_BREF);
            emit(c, g);
            c->aw = -1;
            return true;
        } else if (k == '#') {
            while (pch(c) != ')') {
            }
            return false;
        } else if (k != ':') {
            // global flags: (?aimsux)
            static const uint16_t vals[] = {F_A, F_I, F_M, F_S, 32, F_X};
            for (;;) {
                const char *f = k && k < 128 ? strchr("aimsux", k) : NULL;
                if (!f) {
                    cerr(c, "unsupported group syntax");
                }
                c->flags |= vals[f - "aimsux"];
                if ((k = pch(c)) == ')') {
                    return false;
                }
            }
        }
    } else {
        g = new_group(c);
    }
    size_t at = c->v.len;
    if (look) {
        emit_jmp(c, OP_LOOK, look & 3);
        emit_jmp(c, 0, 0);      // OP_LOOK kind w16 len16, set below
    } else if (g) {
        emit(c, OP_SAVE);
        emit(c, 2 * g);
    }
    int w = parse_alt(c);
    if (peek(c) != ')') {
        cerr(c, "missing ), unterminated subpattern");
    }
    c->p++;
    if (g) {
        emit(c, OP_SAVE);
        emit(c, 2 * g + 1);
        emit(c, OP_LAST);
        emit(c, g);
    }
    if (look) {
        if ((look & 2) && w < 0) {
            cerr(c, "look-behind requires fixed-width pattern");
        }
        emit(c, OP_MATCH);
        byte *h = (byte *)c->v.buf + at;
        size_t L = c->v.len - at - 6;
        h[2] = w;
        h[3] = w >> 8;
        h[4] = L;
        h[5] = L >> 8;
        w = 0;
    }
    c->aw = w;
    return true;
}

STATIC bool parse_atom(cst_t *c) {
    unichar ch = pch(c);
    c->aw = 1;
    switch (ch) {
        case '.':
            emit(c, OP_ANY);
            return true;
        case '^':
            emit(c, OP_BOL);
            return false;
        case '$':
            emit(c, OP_EOL);
            return false;
        case '[':
            parse_class(c);
            return true;
        case '(':
            return parse_group(c);
        case '*':
        case '+':
        case '?':
            cerr(c, "nothing to repeat");
        case '\\': {
            int k = peek(c);
            const char *a = k > 0 ? strchr("bBAZ", k) : NULL;
            if (a) {
                c->p++;
                emit(c, OP_WORDB + (a - "bBAZ"));
                return false;
            }
            if ((unsigned)(k - '1') < 9) {
                int g = 0;
                while ((unsigned)(peek(c) - '0') < 10 && g < 100) {
                    g = g * 10 + *c->p++ - '0';
                }
                if (g > c->ngroups) {
                    cerr(c, "invalid group reference");
                }
                emit(c, OP_BREF);
                emit(c, g);
                c->aw = -1;
                return true;
            }
            ch = escape(c, &k);
            if (k) {
                emit(c, OP_CLASS);
                emit_jmp(c, 0, 1);      // not negated, one item
                class_item(c, k, 0, 0);
                return true;
            }
        }
    }
    emit_lit(c, ch);
    return true;
}

STATIC int parse_num(cst_t *c) {
    int n = -1;
    while ((unsigned)(peek(c) - '0') < 10) {
        n = (n < 0 ? 0 : n * 10) + *c->p++ - '0';
        if (n > 65535) {
            cerr(c, "repeat count too large");
        }
    }
    return n;
}

// In verbose mode: skips whitespace and # comments.
STATIC void skip_x(cst_t *c) {
    while ((c->flags & F_X) && c->p < c->e) {
        if (*c->p == '#') {
            const byte *nl = memchr(c->p, '\n', c->e - c->p);
            c->p = nl ? nl : c->e;
        } else if (named('s', *c->p, false)) {
            c->p++;
        } else {
            break;
        }
    }
}

// A quantifier after the atom compiled at [a, end of program).
STATIC void parse_quant(cst_t *c, size_t a, bool rep) {
    skip_x(c);
    const byte *save = c->p;
    int ch = peek(c), mn = 0, mx = -1;
    c->p++;
    if (ch == '+') {
        mn = 1;
    } else if (ch == '?') {
        mx = 1;
    } else if (ch == '{') {
        int m0 = parse_num(c), m1 = m0;
        bool comma = peek(c) == ',';
        if (comma) {
            c->p++;
            m1 = parse_num(c);
        }
        if (peek(c) != '}' || (m0 < 0 && !comma)) {
            c->p = save;        // not a quantifier: '{' is a literal
            return;
        }
        c->p++;
        mn = m0 < 0 ? 0 : m0;
        mx = m1;
        if (mx >= 0 && mx < mn) {
            cerr(c, "min repeat greater than max repeat");
        }
    } else if (ch != '*') {
        c->p = save;
        return;
    }
    if (!rep) {
        cerr(c, "nothing to repeat");
    }
    c->aw = mn == mx && c->aw >= 0 && c->aw * mn < 0x8000 ? c->aw * mn : -1;    // < 2^31: aw < 2^15, mn < 2^16
    int op = OP_SPLIT;
    if (peek(c) == '?') {
        c->p++;
        op = OP_SPLITL;
    }
    ch = peek(c);
    if (ch == '*' || ch == '+' || ch == '?') {
        cerr(c, "multiple repeat");
    }
    vstr_t *v = &c->v;
    size_t L = v->len - a;
    if ((size_t)(mx < 0 ? mn + 1 : mx) * (L + 9) + v->len > MAX_PROG || c->nregs == 255) {
        cerr(c, "pattern too large");
    }
    byte *body = m_new(byte, L);
    memcpy(body, v->buf + a, L);
    v->len = a;
    for (int i = 0; i < mn; i++) {
        vstr_add_strn(v, (char *)body, L);
    }
    if (mx < 0) {
        // L0: SPLIT exit; MARK r; body; LOOP r L0; exit:
        int r = c->nregs++;
        size_t l0 = v->len;
        emit_jmp(c, op, L + 6);
        emit(c, OP_MARK);
        emit(c, r);
        vstr_add_strn(v, (char *)body, L);
        emit(c, OP_LOOP);
        emit(c, r);
        int off = (int)l0 - (int)(v->len + 2);
        emit(c, off);
        emit(c, off >> 8);
    } else {
        // (SPLIT end; body) for each optional copy
        for (int i = mn; i < mx; i++) {
            emit_jmp(c, op, (mx - i) * (L + 3) - 3);
            vstr_add_strn(v, (char *)body, L);
        }
    }
    m_del(byte, body, L);
}

// Returns the width in characters, -1 if variable.
STATIC int parse_seq(cst_t *c) {
    int ch, w = 0;
    while (skip_x(c), (ch = peek(c)) >= 0 && ch != '|' && ch != ')') {
        size_t a = c->v.len;
        bool rep = parse_atom(c);
        if (!rep) {
            c->aw = 0;
        }
        parse_quant(c, a, rep);
        w = w < 0 || c->aw < 0 || w + c->aw >= 0x8000 ? -1 : w + c->aw;
    }
    return w;
}

// seq1|seq2|seq3 -> SPLIT L2; seq1; JMP end; L2: SPLIT L3; seq2; JMP end; L3: seq3
// The JMPs to patch form a list through their offset fields.
STATIC int parse_alt(cst_t *c) {
    MP_STACK_CHECK();
    if (++c->depth > 50) {
        cerr(c, "too deeply nested");
    }
    size_t a = c->v.len, link = 0;
    int w = -2;
    for (;;) {
        int sw = parse_seq(c);
        w = w == -2 || w == sw ? sw : -1;
        if (peek(c) != '|') {
            break;
        }
        c->p++;
        size_t L = c->v.len - a;
        vstr_add_len(&c->v, 3);
        byte *b = (byte *)c->v.buf + a;
        memmove(b + 3, b, L);
        b[0] = OP_SPLIT;
        b[1] = L + 3;
        b[2] = (L + 3) >> 8;
        emit_jmp(c, OP_JMP, link);
        link = a = c->v.len;
        if (link > MAX_PROG) {
            cerr(c, "pattern too large");
        }
    }
    while (link) {
        byte *j = (byte *)c->v.buf + link - 2;
        size_t prev = j[0] | j[1] << 8, off = c->v.len - link;
        j[0] = off;
        j[1] = off >> 8;
        link = prev;
    }
    c->depth--;
    return w;
}

STATIC re_obj_t *compile_re(mp_obj_t pat, mp_int_t flags) {
    if (MP_OBJ_IS_TYPE(pat, &re_type)) {
        return MP_OBJ_TO_PTR(pat);
    }
    cst_t c;
    memset(&c, 0, sizeof(c));
    size_t len;
    c.p = c.p0 = (const byte *)mp_obj_str_get_data(pat, &len);
    c.e = c.p + len;
    c.uni = MP_OBJ_IS_STR(pat);
    c.flags = flags;
    c.names = MP_OBJ_NULL;
    vstr_init(&c.v, 32);
    parse_alt(&c);
    if (c.p < c.e) {
        cerr(&c, "unbalanced parenthesis");
    }
    emit(&c, OP_MATCH);
    if (c.v.len > MAX_PROG) {
        cerr(&c, "pattern too large");
    }
    re_obj_t *re = m_new_obj_var(re_obj_t, byte, c.v.len);
    re->base.type = &re_type;
    re->names = c.names;
    re->flags = c.flags;
    re->ngroups = c.ngroups;
    re->nregs = c.nregs;
    re->uni = c.uni;
    memcpy(re->prog, c.v.buf, c.v.len);
    vstr_clear(&c.v);
    return re;
}

// ---- Match objects ------------------------------------------------------------

STATIC int m_index(match_obj_t *m, mp_obj_t g) {
    mp_int_t i = MP_OBJ_IS_SMALL_INT(g) ? MP_OBJ_SMALL_INT_VALUE(g) : name_group(m->re->names, g);
    if (i < 0 || i > m->re->ngroups) {
        mp_raise_msg(&mp_type_IndexError, "no such group");
    }
    return i;
}

STATIC mp_obj_t group(match_obj_t *m, int i, mp_obj_t dflt) {
    int a = m->slots[2 * i], b = m->slots[2 * i + 1];
    if (a < 0 || b < 0) {
        return dflt;
    }
    size_t len;
    const byte *s = (const byte *)mp_obj_str_get_data(m->str, &len);
    return mp_obj_new_str_of_type(mp_obj_get_type(m->str), s + a, b - a);
}

STATIC mp_obj_t match_group(size_t n, const mp_obj_t *args) {
    match_obj_t *m = MP_OBJ_TO_PTR(args[0]);
    if (n <= 2) {
        return group(m, n == 1 ? 0 : m_index(m, args[1]), mp_const_none);
    }
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(mp_obj_new_tuple(n - 1, NULL));
    for (size_t i = 1; i < n; i++) {
        t->items[i - 1] = group(m, m_index(m, args[i]), mp_const_none);
    }
    return MP_OBJ_FROM_PTR(t);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR(match_group_obj, 1, match_group);

STATIC mp_obj_t match_groups(size_t n, const mp_obj_t *args) {
    match_obj_t *m = MP_OBJ_TO_PTR(args[0]);
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(mp_obj_new_tuple(m->re->ngroups, NULL));
    for (int i = 0; i < m->re->ngroups; i++) {
        t->items[i] = group(m, i + 1, n > 1 ? args[1] : mp_const_none);
    }
    return MP_OBJ_FROM_PTR(t);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(match_groups_obj, 1, 2, match_groups);

STATIC mp_obj_t match_groupdict(size_t n, const mp_obj_t *args) {
    match_obj_t *m = MP_OBJ_TO_PTR(args[0]);
    mp_obj_t d = mp_obj_new_dict(0);
    if (m->re->names != MP_OBJ_NULL) {
        mp_map_t *map = mp_obj_dict_get_map(m->re->names);
        for (size_t i = 0; i < map->alloc; i++) {
            if (MP_MAP_SLOT_IS_FILLED(map, i)) {
                mp_obj_dict_store(d, map->table[i].key,
                    group(m, MP_OBJ_SMALL_INT_VALUE(map->table[i].value), n > 1 ? args[1] : mp_const_none));
            }
        }
    }
    return d;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(match_groupdict_obj, 1, 2, match_groupdict);

// start (which 0), end (1), span (2), in characters for str.
STATIC mp_obj_t match_pos(size_t n, const mp_obj_t *args, int which) {
    match_obj_t *m = MP_OBJ_TO_PTR(args[0]);
    int g = n > 1 ? m_index(m, args[1]) : 0;
    size_t len;
    const byte *s = (const byte *)mp_obj_str_get_data(m->str, &len);
    mp_obj_t r[2];
    for (int k = 0; k < 2; k++) {
        int o = m->slots[2 * g + k];
        r[k] = MP_OBJ_NEW_SMALL_INT(o < 0 ? -1 : m->re->uni ? (mp_int_t)utf8_charlen(s, o) : o);
    }
    return which < 2 ? r[which] : mp_obj_new_tuple(2, r);
}
STATIC mp_obj_t match_start(size_t n, const mp_obj_t *args) {
    return match_pos(n, args, 0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(match_start_obj, 1, 2, match_start);
STATIC mp_obj_t match_end(size_t n, const mp_obj_t *args) {
    return match_pos(n, args, 1);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(match_end_obj, 1, 2, match_end);
STATIC mp_obj_t match_span(size_t n, const mp_obj_t *args) {
    return match_pos(n, args, 2);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(match_span_obj, 1, 2, match_span);

STATIC mp_obj_t match_subscr(mp_obj_t self, mp_obj_t index, mp_obj_t value) {
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL;
    }
    match_obj_t *m = MP_OBJ_TO_PTR(self);
    return group(m, m_index(m, index), mp_const_none);
}

STATIC void expand(match_obj_t *m, const byte *r, size_t n, vstr_t *out);

STATIC mp_obj_t match_expand(mp_obj_t self, mp_obj_t tmpl) {
    match_obj_t *m = MP_OBJ_TO_PTR(self);
    size_t n;
    const byte *r = (const byte *)mp_obj_str_get_data(tmpl, &n);
    vstr_t out;
    vstr_init(&out, n);
    expand(m, r, n, &out);
    return mp_obj_new_str_from_vstr(mp_obj_get_type(m->str), &out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(match_expand_obj, match_expand);

STATIC const mp_rom_map_elem_t match_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_expand), MP_ROM_PTR(&match_expand_obj) },
    { MP_ROM_QSTR(MP_QSTR_group), MP_ROM_PTR(&match_group_obj) },
    { MP_ROM_QSTR(MP_QSTR_groups), MP_ROM_PTR(&match_groups_obj) },
    { MP_ROM_QSTR(MP_QSTR_groupdict), MP_ROM_PTR(&match_groupdict_obj) },
    { MP_ROM_QSTR(MP_QSTR_start), MP_ROM_PTR(&match_start_obj) },
    { MP_ROM_QSTR(MP_QSTR_end), MP_ROM_PTR(&match_end_obj) },
    { MP_ROM_QSTR(MP_QSTR_span), MP_ROM_PTR(&match_span_obj) },
};
STATIC MP_DEFINE_CONST_DICT(match_locals, match_locals_table);

// lastindex, lastgroup; else the methods.
// (A store finds dest[0] set and fails, as it should.)
STATIC void match_attr(mp_obj_t self, qstr attr, mp_obj_t *dest) {
    match_obj_t *m = MP_OBJ_TO_PTR(self);
    mp_obj_t names = m->re->names;
    int li = m->slots[2 * (m->re->ngroups + 1)];
    mp_obj_t v = li < 0 ? mp_const_none : MP_OBJ_NEW_SMALL_INT(li);
    if (attr == MP_QSTR_lastgroup) {
        mp_obj_t key = mp_const_none;
        if (names != MP_OBJ_NULL) {
            mp_map_t *map = mp_obj_dict_get_map(names);
            for (size_t i = 0; i < map->alloc; i++) {
                if (MP_MAP_SLOT_IS_FILLED(map, i) && map->table[i].value == v) {
                    key = map->table[i].key;
                }
            }
        }
        v = key;
    } else if (attr != MP_QSTR_lastindex) {
        mp_map_elem_t *e = mp_map_lookup((mp_map_t *)&match_locals.map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (!e) {
            return;
        }
        v = e->value;
        dest[1] = self;
    }
    dest[0] = v;
}

STATIC const mp_obj_type_t match_type = {
    { &mp_type_type },
    .name = MP_QSTR_Match,
    .subscr = match_subscr,
    .attr = match_attr,
    .locals_dict = (mp_obj_dict_t *)&match_locals,
};

// ---- operations -----------------------------------------------------------------

enum { K_MATCH, K_SEARCH, K_FULL, K_SUB, K_SUBN, K_SPLIT, K_FINDALL, K_FINDITER, K_COMPILE };

// Appends a replacement template (\1, \g<1>, \g<name>, \n, ...) for m.
STATIC void expand(match_obj_t *m, const byte *r, size_t n, vstr_t *out) {
    const byte *e = r + n;
    while (r < e) {
        int ch = *r++;
        if (ch != '\\' || r == e) {
            vstr_add_byte(out, ch);
            continue;
        }
        ch = *r++;
        mp_obj_t g;
        if ((unsigned)(ch - '1') < 9) {
            int v = ch - '0';
            if (r < e && (unsigned)(*r - '0') < 10) {
                v = v * 10 + *r++ - '0';
            }
            g = MP_OBJ_NEW_SMALL_INT(v);
        } else if (ch == 'g' && r < e && *r == '<') {
            const byte *n0 = ++r;
            mp_int_t v = 0;
            bool digits = true;
            for (; r < e && *r != '>'; r++) {
                digits &= (unsigned)(*r - '0') < 10;
                v = v * 10 + *r - '0';
            }
            if (r == e || r == n0) {
                mp_raise_ValueError("re: bad \\g<...> in replacement");
            }
            g = digits ? MP_OBJ_NEW_SMALL_INT(v) : mp_obj_new_str((const char *)n0, r - n0);
            r++;
        } else {
            int mapped = ch == '0' ? 0 : esc_map(ch);
            if (mapped >= 0) {
                vstr_add_byte(out, mapped);
            } else if (isalnum_ascii(ch)) {
                mp_raise_ValueError("re: bad escape in replacement");
            } else {
                vstr_add_byte(out, '\\');
                vstr_add_byte(out, ch);
            }
            continue;
        }
        if (MP_OBJ_IS_SMALL_INT(g) && MP_OBJ_SMALL_INT_VALUE(g) > m->re->ngroups) {
            mp_raise_ValueError("re: invalid group reference");
        }
        int i = m_index(m, g), a = m->slots[2 * i], b = m->slots[2 * i + 1];
        if (a >= 0 && b >= 0) {
            size_t len;
            vstr_add_strn(out, mp_obj_str_get_data(m->str, &len) + a, b - a);
        }
    }
}

// sub, subn, split, findall, finditer: every match, left to right; after an
// empty match the next one may not be empty at the same place (CPython 3.7+).
STATIC mp_obj_t re_many(int k, re_obj_t *re, mp_obj_t str, mp_obj_t repl, mp_int_t limit) {
    size_t len, rlen = 0;
    const byte *s = subject(re, str, &len), *r = NULL;
    const mp_obj_type_t *ty = mp_obj_get_type(str);
    mp_obj_t list = mp_obj_new_list(0, NULL), empty = mp_obj_new_str_of_type(ty, s, 0);
    vstr_t out;
    vstr_init(&out, k <= K_SUBN ? len : 0);
    bool fn = k <= K_SUBN && !MP_OBJ_IS_STR_OR_BYTES(repl);
    if (k <= K_SUBN && !fn) {
        r = (const byte *)mp_obj_str_get_data(repl, &rlen);
    }
    size_t pos = 0;
    mp_int_t n = 0;
    int mode = 0;
    while (limit == 0 || n < limit) {
        match_obj_t *m = re_exec(re, str, pos, mode);
        if (!m) {
            break;
        }
        size_t a = m->slots[0], b = m->slots[1];
        if (k <= K_SUBN) {
            vstr_add_strn(&out, (const char *)s + pos, a - pos);
            if (fn) {
                size_t tl;
                const char *t = mp_obj_str_get_data(mp_call_function_1(repl, MP_OBJ_FROM_PTR(m)), &tl);
                vstr_add_strn(&out, t, tl);
            } else {
                expand(m, r, rlen, &out);
            }
        } else if (k == K_SPLIT) {
            mp_obj_list_append(list, mp_obj_new_str_of_type(ty, s + pos, a - pos));
            for (int g = 1; g <= re->ngroups; g++) {
                mp_obj_list_append(list, group(m, g, mp_const_none));
            }
        } else if (k == K_FINDALL) {
            mp_obj_t item;
            if (re->ngroups <= 1) {
                item = group(m, re->ngroups, empty);
            } else {
                mp_obj_tuple_t *t = MP_OBJ_TO_PTR(mp_obj_new_tuple(re->ngroups, NULL));
                for (int g = 0; g < re->ngroups; g++) {
                    t->items[g] = group(m, g + 1, empty);
                }
                item = MP_OBJ_FROM_PTR(t);
            }
            mp_obj_list_append(list, item);
        } else {
            mp_obj_list_append(list, MP_OBJ_FROM_PTR(m));
        }
        if (k != K_FINDITER && !fn) {
            m_del_var(match_obj_t, int, 2 * (re->ngroups + 1) + 1 + re->nregs, m);
        }
        pos = b;
        n++;
        mode = a == b ? M_ADVANCE : 0;
    }
    // pos is now the end of the last match
    if (k <= K_SUBN) {
        vstr_add_strn(&out, (const char *)s + pos, len - pos);
        mp_obj_t t[2] = {mp_obj_new_str_from_vstr(ty, &out), MP_OBJ_NEW_SMALL_INT(n)};
        return k == K_SUB ? t[0] : mp_obj_new_tuple(2, t);
    }
    if (k == K_SPLIT) {
        mp_obj_list_append(list, mp_obj_new_str_of_type(ty, s + pos, len - pos));
    }
    return k == K_FINDITER ? mp_getiter(list, NULL) : list;
}

STATIC const mp_arg_t a_str[] = {
    { MP_QSTR_string, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    { MP_QSTR_flags, MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_pos, MP_ARG_INT, {.u_int = 0} },
};
STATIC const mp_arg_t a_sub[] = {
    { MP_QSTR_repl, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    { MP_QSTR_string, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    { MP_QSTR_count, MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_flags, MP_ARG_INT, {.u_int = 0} },
};
STATIC const mp_arg_t a_split[] = {
    { MP_QSTR_string, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    { MP_QSTR_maxsplit, MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_flags, MP_ARG_INT, {.u_int = 0} },
};

// One entry for module functions (args[0] is the pattern) and Pattern
// methods (args[0] is self, already compiled). With a compiled pattern the
// flags position of match/search/fullmatch is `pos`, as in Pattern.search.
STATIC mp_obj_t re_entry(int k, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    mp_arg_val_t v[4];
    const mp_arg_t *t = a_str;
    size_t nt = 3, fi = 1;
    if (k == K_SUB || k == K_SUBN) {
        t = a_sub;
        nt = 4;
        fi = 3;
    } else if (k == K_SPLIT) {
        t = a_split;
        fi = 2;
    } else if (k == K_COMPILE) {
        t = a_str + 1;
        nt = 1;
        fi = 0;
    }
    mp_arg_parse_all(n_args - 1, args + 1, kw, nt, t, v);
    bool compiled = MP_OBJ_IS_TYPE(args[0], &re_type);
    re_obj_t *re = compile_re(args[0], compiled ? 0 : v[fi].u_int);
    if (k == K_COMPILE) {
        return MP_OBJ_FROM_PTR(re);
    }
    if (k <= K_FULL) {
        size_t len;
        const byte *s = subject(re, v[0].u_obj, &len), *q = s;
        for (mp_int_t pos = compiled ? v[1].u_int + v[2].u_int : 0; pos > 0 && q < s + len; pos--) {
            q = nextc(q, re->uni);
        }
        match_obj_t *m = re_exec(re, v[0].u_obj, q - s, k == K_SEARCH ? 0 : k + 1);
        return m ? MP_OBJ_FROM_PTR(m) : mp_const_none;
    }
    if (k <= K_SUBN) {
        return re_many(k, re, v[1].u_obj, v[0].u_obj, v[2].u_int);
    }
    return re_many(k, re, v[0].u_obj, MP_OBJ_NULL, k == K_SPLIT ? v[1].u_int : 0);
}

#define RE_FN(name, k) \
    STATIC mp_obj_t re_##name(size_t n, const mp_obj_t *a, mp_map_t *kw) { \
        return re_entry(k, n, a, kw); \
    } \
    STATIC MP_DEFINE_CONST_FUN_OBJ_KW(re_##name##_obj, 1, re_##name);
RE_FN(match, K_MATCH)
RE_FN(search, K_SEARCH)
RE_FN(fullmatch, K_FULL)
RE_FN(sub, K_SUB)
RE_FN(subn, K_SUBN)
RE_FN(split, K_SPLIT)
RE_FN(findall, K_FINDALL)
RE_FN(finditer, K_FINDITER)
RE_FN(compile, K_COMPILE)

// CPython 3.7+: backslash before the characters special in a pattern.
STATIC mp_obj_t re_escape(mp_obj_t str) {
    size_t len;
    const char *s = mp_obj_str_get_data(str, &len);
    vstr_t v;
    vstr_init(&v, len);
    for (size_t i = 0; i < len; i++) {
        if (s[i] && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", s[i])) {
            vstr_add_byte(&v, '\\');
        }
        vstr_add_byte(&v, s[i]);
    }
    return mp_obj_new_str_from_vstr(mp_obj_get_type(str), &v);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(re_escape_obj, re_escape);

STATIC const mp_rom_map_elem_t re_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_match), MP_ROM_PTR(&re_match_obj) },
    { MP_ROM_QSTR(MP_QSTR_search), MP_ROM_PTR(&re_search_obj) },
    { MP_ROM_QSTR(MP_QSTR_fullmatch), MP_ROM_PTR(&re_fullmatch_obj) },
    { MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&re_sub_obj) },
    { MP_ROM_QSTR(MP_QSTR_subn), MP_ROM_PTR(&re_subn_obj) },
    { MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&re_split_obj) },
    { MP_ROM_QSTR(MP_QSTR_findall), MP_ROM_PTR(&re_findall_obj) },
    { MP_ROM_QSTR(MP_QSTR_finditer), MP_ROM_PTR(&re_finditer_obj) },
};
STATIC MP_DEFINE_CONST_DICT(re_locals, re_locals_table);

STATIC const mp_obj_type_t re_type = {
    { &mp_type_type },
    .name = MP_QSTR_Pattern,
    .locals_dict = (mp_obj_dict_t *)&re_locals,
};

STATIC const mp_rom_map_elem_t re_module_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_re) },
    { MP_ROM_QSTR(MP_QSTR_compile), MP_ROM_PTR(&re_compile_obj) },
    { MP_ROM_QSTR(MP_QSTR_match), MP_ROM_PTR(&re_match_obj) },
    { MP_ROM_QSTR(MP_QSTR_search), MP_ROM_PTR(&re_search_obj) },
    { MP_ROM_QSTR(MP_QSTR_fullmatch), MP_ROM_PTR(&re_fullmatch_obj) },
    { MP_ROM_QSTR(MP_QSTR_sub), MP_ROM_PTR(&re_sub_obj) },
    { MP_ROM_QSTR(MP_QSTR_subn), MP_ROM_PTR(&re_subn_obj) },
    { MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&re_split_obj) },
    { MP_ROM_QSTR(MP_QSTR_findall), MP_ROM_PTR(&re_findall_obj) },
    { MP_ROM_QSTR(MP_QSTR_finditer), MP_ROM_PTR(&re_finditer_obj) },
    { MP_ROM_QSTR(MP_QSTR_escape), MP_ROM_PTR(&re_escape_obj) },
    { MP_ROM_QSTR(MP_QSTR_error), MP_ROM_PTR(&mp_type_ValueError) },
    { MP_ROM_QSTR(MP_QSTR_Pattern), MP_ROM_PTR(&re_type) },
    { MP_ROM_QSTR(MP_QSTR_Match), MP_ROM_PTR(&match_type) },
    { MP_ROM_QSTR(MP_QSTR_NOFLAG), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_X), MP_ROM_INT(F_X) },
    { MP_ROM_QSTR(MP_QSTR_VERBOSE), MP_ROM_INT(F_X) },
    { MP_ROM_QSTR(MP_QSTR_I), MP_ROM_INT(F_I) },
    { MP_ROM_QSTR(MP_QSTR_IGNORECASE), MP_ROM_INT(F_I) },
    { MP_ROM_QSTR(MP_QSTR_M), MP_ROM_INT(F_M) },
    { MP_ROM_QSTR(MP_QSTR_MULTILINE), MP_ROM_INT(F_M) },
    { MP_ROM_QSTR(MP_QSTR_S), MP_ROM_INT(F_S) },
    { MP_ROM_QSTR(MP_QSTR_DOTALL), MP_ROM_INT(F_S) },
    { MP_ROM_QSTR(MP_QSTR_A), MP_ROM_INT(F_A) },
    { MP_ROM_QSTR(MP_QSTR_ASCII), MP_ROM_INT(F_A) },
    { MP_ROM_QSTR(MP_QSTR_U), MP_ROM_INT(32) },
    { MP_ROM_QSTR(MP_QSTR_UNICODE), MP_ROM_INT(32) },
};
STATIC MP_DEFINE_CONST_DICT(re_module_globals, re_module_table);

const mp_obj_module_t mpn_module_re = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&re_module_globals,
};
