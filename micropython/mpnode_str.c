// mpnode: str as CPython 3.11 has it, on top of MicroPython v1.9.4's str.
//
// - Unicode character properties and case mapping for the whole Basic
//   Multilingual Plane, from tables gen_unicase.py generates at build time
//   from Python's own Unicode database (genhdr/unicase.h);
// - the str methods v1.9.4 lacks or does differently (keywords, tuples,
//   fill characters, Unicode whitespace and line breaks);
// - the utf-8, latin-1 and ascii codecs with errors= strict/replace/ignore,
//   and UnicodeDecodeError/UnicodeEncodeError with CPython's messages.
//
// str's method table (mpn_str_locals_dict) lives here; patch 0030 points
// the str type at it, and patch 0031 routes bytes.decode, str(b, enc) and
// bytes(s, enc) to the codecs.
#include <string.h>

#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/parsenum.h"
#include "py/runtime.h"
#include "py/unicode.h"

#include "genhdr/unicase.h"

#define raise_varg(type, ...) nlr_raise(mp_obj_new_exception_msg_varg(type, __VA_ARGS__))

// ---- character properties -----------------------------------------------------

enum { F_ALPHA = 1, F_DECIMAL = 2, F_DIGIT = 4, F_NUMERIC = 8, F_PRINTABLE = 16, F_XID_START = 32, F_XID_CONTINUE = 64, F_IGNORABLE = 128 };
enum { UC_UPPER = 0, UC_LOWER = 1, UC_TITLE = 2, UC_FOLD = 3 };

// Index of the last run starting at or before c, in a sorted table of
// uint16 starts that `stride` uint16s apart.
static int run_find(const uint16_t *table, int n, size_t stride, unichar c) {
    int lo = 0, hi = n - 1, found = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (table[mid * stride] <= c) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

static int uprops(unichar c) {
    if (c >= 0x10000) {
        // Outside the BMP: letters and printable, as most assigned ones are.
        return F_PRINTABLE | F_ALPHA | F_XID_START | F_XID_CONTINUE;
    }
    // The last checkpoint at or before c, then the runs after it
    // (micropython/gen_unicase.py describes the records).
    int j = run_find(&mpn_up_ckpt[0][0], MP_ARRAY_SIZE(mpn_up_ckpt), 2, c);
    unichar start = mpn_up_ckpt[j][0];
    const uint8_t *r = &mpn_up_runs[mpn_up_ckpt[j][1]];
    for (int k = j * MPN_UP_STEP; k + 1 < MPN_UP_N; k++) {
        unichar delta = r[0] & 7;
        size_t len = 1;
        if (delta == 0) {
            delta = r[1];
            len = 2;
            if (delta == 0) {
                delta = r[2] | r[3] << 8;
                len = 4;
            }
        }
        if (start + delta > c) {
            break;
        }
        start += delta;
        r += len;
    }
    return mpn_up_values[r[0] >> 3];
}

// Odd number of toggle points at or before c: the property is set.
static bool toggled(const uint16_t *t, int n, unichar c) {
    int i = run_find(t, n, 1, c);
    return c < 0x10000 && i >= 0 && (i & 1) == 0;
}
#define TOGGLED(t, c) toggled(t, MP_ARRAY_SIZE(t), c)

// Maps c with one case table; writes 1 to 3 code points, returns how many,
// or 0 when c is not in the table.
static size_t map_table(const uint16_t (*t)[3], int n, unichar c, unichar *out) {
    if (c >= 0x10000) {
        return 0;
    }
    int i = run_find(&t[0][0], n, 3, c);
    if (i < 0) {
        return 0;
    }
    unichar start = t[i][0], info = t[i][1], value = t[i][2];
    if (info & 1) {
        // One code point's multi-character mapping: info >> 2 code points.
        if (c != start) {
            return 0;
        }
        for (size_t k = 0; k < (info >> 2); k++) {
            out[k] = mpn_uc_specials[value + k];
        }
        return info >> 2;
    }
    unichar stride = (info & 2) ? 2 : 1, count = (info >> 2) + 1;
    if (c >= start + count * stride || (c - start) % stride) {
        return 0;
    }
    out[0] = (c + value) & 0xffff;
    return 1;
}
#define MAP(t, c, out) map_table(t, MP_ARRAY_SIZE(t), c, out)

static size_t uc_map(unichar c, int which, unichar *out) {
    // ASCII maps by its own rules: title is upper, casefold is lower.
    if (c < 0x80) {
        out[0] = which == UC_UPPER || which == UC_TITLE ? unichar_toupper(c) : unichar_tolower(c);
        return 1;
    }
    size_t n = 0;
    if (which == UC_TITLE) {
        n = MAP(mpn_uc_title, c, out);
        which = UC_UPPER;
    } else if (which == UC_FOLD) {
        n = MAP(mpn_uc_fold, c, out);
        which = UC_LOWER;
    }
    if (n == 0) {
        n = which == UC_UPPER ? MAP(mpn_uc_upper, c, out) : MAP(mpn_uc_lower, c, out);
    }
    if (n == 0) {
        out[0] = c;
        n = 1;
    }
    return n;
}

static bool u_istitle(unichar c) {
    return c >= 0x80 && TOGGLED(mpn_uc_title_x, c);
}

// ASCII without the tables (str methods are mostly called on ASCII).
static bool u_isupper(unichar c) {
    if (c < 0x80) {
        return unichar_isupper(c);
    }
    unichar out[3];
    bool derived = MAP(mpn_uc_lower, c, out) && !u_istitle(c);
    return derived != TOGGLED(mpn_uc_upper_x, c);
}

static bool u_islower(unichar c) {
    if (c < 0x80) {
        return unichar_islower(c);
    }
    unichar out[3];
    bool derived = MAP(mpn_uc_upper, c, out) && !u_istitle(c);
    return derived != TOGGLED(mpn_uc_lower_x, c);
}

static bool u_iscased(unichar c) {
    return u_isupper(c) || u_islower(c) || u_istitle(c);
}

// CPython's whitespace: bidirectional class WS, B or S, or category Zs.
static bool u_isspace(unichar c) {
    if (c < 0x80) {
        return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
           || c == 0x202f || c == 0x205f || c == 0x3000;
}

// Line boundaries of str.splitlines (\r\n is handled by the caller).
static bool u_islinebreak(unichar c) {
    return (c >= 10 && c <= 13) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// ---- int() and float() of str: Unicode digits and spaces ----------------------
// CPython reads every Unicode decimal digit (category Nd) as its digit and
// strips Unicode whitespace; v1.9.4's parsers read ASCII. The digits come
// in runs of ten, from 0 to 9, whose starts (halved) are mpn_uc_nd.
static int u_digit(unichar c) {
    for (int i = MP_ARRAY_SIZE(mpn_uc_nd); i-- > 0;) {
        unichar d = c - ((unichar)mpn_uc_nd[i] << 1);
        if (d < 10) {
            return d;
        }
    }
    return -1;
}

// The copy being parsed and the text it stands for: mpn_number_error
// quotes the text as the user wrote it.
struct mpn_num_alias mpn_num_alias;

// int(s, base) (base >= 0) or float(s) (base < 0) of a str with non-ASCII
// characters, all of them digits or whitespace: the parse of an ASCII copy.
// MP_OBJ_NULL when s is ASCII or has another character (which the parser
// rejects, quoting s).
mp_obj_t mpn_number_unicode(const char *s, size_t len, int base) {
    const byte *p = (const byte *)s, *top = p + len;
    while (p < top && *p < 0x80) {
        p++;
    }
    if (p == top) {
        return MP_OBJ_NULL;
    }
    // each non-ASCII character becomes one byte
    char *copy = m_new(char, len), *q = copy;
    for (p = (const byte *)s; p < top; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (c >= 0x80) {
            int d = u_digit(c);
            c = d >= 0 ? '0' + d : u_isspace(c) ? ' ' : 0;
            if (c == 0) {
                return MP_OBJ_NULL;
            }
        }
        *q++ = c;
    }
    mpn_num_alias = (struct mpn_num_alias){copy, s, len};
    mp_obj_t r = base < 0 ? mp_parse_num_decimal(copy, q - copy, false, false, NULL) : mp_parse_num_integer(copy, q - copy, base, NULL);
    mpn_num_alias.copy = NULL;
    return r;
}

// ---- case mapping --------------------------------------------------------------

static const byte *utf8_prev_char(const byte *p) {
    do {
        p--;
    } while ((*p & 0xc0) == 0x80);
    return p;
}

// The final sigma rule: capital sigma lowers to final sigma when a cased
// letter precedes it and none follows (case-ignorable characters skipped).
static bool final_sigma(const byte *start, const byte *at, const byte *end) {
    const byte *p = at;
    bool before = false;
    while (p > start) {
        p = utf8_prev_char(p);
        unichar c = utf8_get_char(p);
        if (!(uprops(c) & F_IGNORABLE)) {
            before = u_iscased(c);
            break;
        }
    }
    if (!before) {
        return false;
    }
    for (p = utf8_next_char(at); p < end; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (!(uprops(c) & F_IGNORABLE)) {
            return !u_iscased(c);
        }
    }
    return true;
}

// kind: 'u' upper, 'l' lower, 'c' capitalize, 't' title, 's' swapcase, 'f' casefold.
mp_obj_t mpn_str_case(mp_obj_t self_in, int kind) {
    GET_STR_DATA_LEN(self_in, s, len);
    const byte *end = s + len;
    vstr_t vstr;
    vstr_init(&vstr, len + 4);
    bool previous_cased = false;
    for (const byte *p = s; p < end; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        int which;
        switch (kind) {
            case 'u': which = UC_UPPER; break;
            case 'l': which = UC_LOWER; break;
            case 'f': which = UC_FOLD; break;
            case 'c': which = p == s ? UC_TITLE : UC_LOWER; break;
            case 't': which = previous_cased ? UC_LOWER : UC_TITLE; break;
            default:
                which = u_isupper(c) ? UC_LOWER : u_islower(c) ? UC_UPPER : -1;
        }
        previous_cased = u_iscased(c);
        unichar out[3];
        size_t n = 1;
        out[0] = c;
        if (which == UC_LOWER && c == 0x3a3 && final_sigma(s, p, end)) {
            out[0] = 0x3c2;
        } else if (which >= 0) {
            n = uc_map(c, which, out);
        }
        for (size_t k = 0; k < n; k++) {
            vstr_add_char(&vstr, out[k]);
        }
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}

// str.isupper() (upper) / str.islower(): no cased character of the other
// case (or titlecase), and at least one of this case.
mp_obj_t mpn_str_iscase(mp_obj_t self_in, bool upper) {
    GET_STR_DATA_LEN(self_in, s, len);
    bool cased = false;
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if ((upper ? u_islower(c) : u_isupper(c)) || u_istitle(c)) {
            return mp_const_false;
        }
        cased |= upper ? u_isupper(c) : u_islower(c);
    }
    return mp_obj_new_bool(cased);
}

STATIC mp_obj_t str_casefold(mp_obj_t self_in) {
    return mpn_str_case(self_in, 'f');
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(str_casefold_obj, str_casefold);

// ---- predicates ----------------------------------------------------------------

enum { P_SPACE, P_ALPHA, P_DIGIT, P_DECIMAL, P_NUMERIC, P_ALNUM, P_PRINTABLE };

static bool char_is(int what, unichar c) {
    if (what == P_SPACE) {
        return u_isspace(c);
    }
    // ASCII without the tables: letters, and digits that are also decimal
    // and numeric.
    if (c < 0x80) {
        bool digit = unichar_isdigit(c);
        switch (what) {
            case P_ALPHA: return unichar_isalpha(c);
            case P_ALNUM: return digit || unichar_isalpha(c);
            case P_PRINTABLE: return c >= 0x20 && c < 0x7f;
            default: return digit;
        }
    }
    int f = uprops(c);
    switch (what) {
        case P_ALPHA: return f & F_ALPHA;
        case P_DIGIT: return f & F_DIGIT;
        case P_DECIMAL: return f & F_DECIMAL;
        case P_NUMERIC: return f & F_NUMERIC;
        case P_ALNUM: return f & (F_ALPHA | F_NUMERIC | F_DIGIT | F_DECIMAL);
        default: return f & F_PRINTABLE;
    }
}

static mp_obj_t str_all(mp_obj_t self_in, int what) {
    GET_STR_DATA_LEN(self_in, s, len);
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        if (!char_is(what, utf8_get_char(p))) {
            return mp_const_false;
        }
    }
    // '' is printable; every other predicate wants a character.
    return mp_obj_new_bool(len > 0 || what == P_PRINTABLE);
}

#define PREDICATE(name, what) \
    STATIC mp_obj_t str_##name(mp_obj_t self_in) { \
        return str_all(self_in, what); \
    } \
    STATIC MP_DEFINE_CONST_FUN_OBJ_1(mpn_str_##name##_obj, str_##name);
PREDICATE(isspace, P_SPACE)
PREDICATE(isalpha, P_ALPHA)
PREDICATE(isdigit, P_DIGIT)
PREDICATE(isdecimal, P_DECIMAL)
PREDICATE(isnumeric, P_NUMERIC)
PREDICATE(isalnum, P_ALNUM)
PREDICATE(isprintable, P_PRINTABLE)

STATIC mp_obj_t str_isidentifier(mp_obj_t self_in) {
    GET_STR_DATA_LEN(self_in, s, len);
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        int f = uprops(c);
        if (!(p == s ? (f & F_XID_START) || c == '_' : (f & F_XID_CONTINUE))) {
            return mp_const_false;
        }
    }
    return mp_obj_new_bool(len > 0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(str_isidentifier_obj, str_isidentifier);

STATIC mp_obj_t str_istitle(mp_obj_t self_in) {
    GET_STR_DATA_LEN(self_in, s, len);
    bool cased = false, previous_cased = false;
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (u_isupper(c) || u_istitle(c)) {
            if (previous_cased) {
                return mp_const_false;
            }
            previous_cased = cased = true;
        } else if (u_islower(c)) {
            if (!previous_cased) {
                return mp_const_false;
            }
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return mp_obj_new_bool(cased);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(str_istitle_obj, str_istitle);

STATIC mp_obj_t str_isupper(mp_obj_t self_in) {
    return mpn_str_iscase(self_in, true);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(mpn_str_isupper_obj, str_isupper);

STATIC mp_obj_t str_islower(mp_obj_t self_in) {
    return mpn_str_iscase(self_in, false);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(mpn_str_islower_obj, str_islower);

bool mpn_isprintable(unsigned ch) {
    return uprops(ch) & F_PRINTABLE;
}

void mpn_print_char(const mp_print_t *print, unsigned ch) {
    vstr_t vstr;
    char buf[4];
    vstr_init_fixed_buf(&vstr, 4, buf);
    vstr_add_char(&vstr, ch);
    mp_print_strn(print, buf, vstr.len, 0, ' ', 0);
}

// ---- helpers -------------------------------------------------------------------

static mp_obj_t new_str(const byte *data, size_t len) {
    return mp_obj_new_str((const char *)data, len);
}

// TypeError "<what>must be str, not int" unless o is a str.
static void check_str_for(mp_obj_t o, const char *what) {
    if (!MP_OBJ_IS_STR(o)) {
        raise_varg(&mp_type_TypeError, "%smust be str, not %s", what, mp_obj_get_type_str(o));
    }
}
#define check_str(o) check_str_for(o, "")

// Byte offset of code point index i (0 <= i <= number of code points).
static size_t cp_offset(const byte *s, size_t len, mp_int_t i) {
    const byte *p = s;
    while (i-- > 0 && p < s + len) {
        p = utf8_next_char(p);
    }
    return p - s;
}

// ---- padding -------------------------------------------------------------------

static unichar fill_char(size_t n_args, const mp_obj_t *args, size_t i) {
    if (n_args <= i) {
        return ' ';
    }
    mp_obj_t f = args[i];
    if (!MP_OBJ_IS_STR(f)) {
        raise_varg(&mp_type_TypeError, "The fill character must be a unicode character, not %s", mp_obj_get_type_str(f));
    }
    GET_STR_DATA_LEN(f, s, len);
    if (len == 0 || utf8_next_char(s) != s + len) {
        mp_raise_TypeError("The fill character must be exactly one character long");
    }
    return utf8_get_char(s);
}

// Pads self to width code points: `left` fill characters before, the rest after.
static mp_obj_t pad(mp_obj_t self_in, size_t left, size_t right, unichar fill) {
    GET_STR_DATA_LEN(self_in, s, len);
    vstr_t vstr;
    vstr_init(&vstr, len + left + right);
    while (left--) {
        vstr_add_char(&vstr, fill);
    }
    vstr_add_strn(&vstr, (const char *)s, len);
    while (right--) {
        vstr_add_char(&vstr, fill);
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}

// kind: 'l' ljust, 'r' rjust, 'c' center.
static mp_obj_t justify(size_t n_args, const mp_obj_t *args, int kind) {
    mp_int_t width = mp_obj_get_int(args[1]);
    unichar fill = fill_char(n_args, args, 2);
    GET_STR_DATA_LEN(args[0], s, len);
    mp_int_t n = utf8_charlen(s, len);
    if (width <= n) {
        return args[0];
    }
    size_t padding = width - n, left;
    if (kind == 'l') {
        left = 0;
    } else if (kind == 'r') {
        left = padding;
    } else {
        left = padding / 2 + (padding & width & 1);
    }
    return pad(args[0], left, padding - left, fill);
}

STATIC mp_obj_t str_ljust(size_t n_args, const mp_obj_t *args) {
    return justify(n_args, args, 'l');
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_ljust_obj, 2, 3, str_ljust);

STATIC mp_obj_t str_rjust(size_t n_args, const mp_obj_t *args) {
    return justify(n_args, args, 'r');
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_rjust_obj, 2, 3, str_rjust);

STATIC mp_obj_t str_center(size_t n_args, const mp_obj_t *args) {
    return justify(n_args, args, 'c');
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_center_obj, 2, 3, str_center);

STATIC mp_obj_t str_zfill(mp_obj_t self_in, mp_obj_t width_in) {
    mp_int_t width = mp_obj_get_int(width_in);
    GET_STR_DATA_LEN(self_in, s, len);
    mp_int_t n = utf8_charlen(s, len);
    if (width <= n) {
        return self_in;
    }
    size_t zeros = width - n, sign = len > 0 && (s[0] == '+' || s[0] == '-');
    vstr_t vstr;
    vstr_init(&vstr, width);
    vstr_add_strn(&vstr, (const char *)s, sign);
    while (zeros--) {
        vstr_add_byte(&vstr, '0');
    }
    vstr_add_strn(&vstr, (const char *)s + sign, len - sign);
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(str_zfill_obj, str_zfill);

STATIC mp_obj_t str_expandtabs(size_t n_args, const mp_obj_t *args) {
    mp_int_t tabsize = n_args > 1 ? mp_obj_get_int(args[1]) : 8;
    GET_STR_DATA_LEN(args[0], s, len);
    vstr_t vstr;
    vstr_init(&vstr, len);
    mp_int_t column = 0;
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        if (c == '\t') {
            if (tabsize > 0) {
                mp_int_t spaces = tabsize - column % tabsize;
                column += spaces;
                while (spaces--) {
                    vstr_add_byte(&vstr, ' ');
                }
            }
        } else {
            vstr_add_char(&vstr, c);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_expandtabs_obj, 1, 2, str_expandtabs);

// ---- prefixes and suffixes -----------------------------------------------------

STATIC mp_obj_t str_removefix(mp_obj_t self_in, mp_obj_t fix_in, bool suffix) {
    check_str_for(fix_in, suffix ? "removesuffix() argument " : "removeprefix() argument ");
    GET_STR_DATA_LEN(self_in, s, len);
    GET_STR_DATA_LEN(fix_in, f, flen);
    if (flen == 0 || flen > len || memcmp(suffix ? s + len - flen : s, f, flen) != 0) {
        return self_in;
    }
    return new_str(suffix ? s : s + flen, len - flen);
}

STATIC mp_obj_t str_removeprefix(mp_obj_t self_in, mp_obj_t prefix) {
    return str_removefix(self_in, prefix, false);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(str_removeprefix_obj, str_removeprefix);

STATIC mp_obj_t str_removesuffix(mp_obj_t self_in, mp_obj_t suffix) {
    return str_removefix(self_in, suffix, true);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(str_removesuffix_obj, str_removesuffix);

// Normalises a slice bound (None, negative) against n code points.
static mp_int_t slice_bound(size_t n_args, const mp_obj_t *args, size_t i, mp_int_t dflt, mp_int_t n) {
    if (n_args <= i || args[i] == mp_const_none) {
        return dflt;
    }
    mp_int_t v = mp_obj_get_int(args[i]);
    if (v < 0) {
        v += n;
        if (v < 0) {
            v = 0;
        }
    }
    return v > n ? n : v;
}

// startswith/endswith(prefix or tuple of prefixes, start=None, end=None).
static mp_obj_t str_fixwith(size_t n_args, const mp_obj_t *args, bool end_side) {
    GET_STR_DATA_LEN(args[0], s, len);
    mp_int_t n = utf8_charlen(s, len);
    mp_int_t start_cp = slice_bound(n_args, args, 2, 0, n);
    mp_int_t end_cp = slice_bound(n_args, args, 3, n, n);
    if (n_args > 2 && args[2] != mp_const_none && mp_obj_get_int(args[2]) > n) {
        return mp_const_false;
    }
    size_t from = cp_offset(s, len, start_cp);
    size_t to = end_cp < start_cp ? from : from + cp_offset(s + from, len - from, end_cp - start_cp);
    mp_obj_t fixes = args[1];
    size_t count = 1;
    mp_obj_t *items = &fixes;
    if (MP_OBJ_IS_TYPE(fixes, &mp_type_tuple)) {
        mp_obj_tuple_get(fixes, &count, &items);
    } else if (!MP_OBJ_IS_STR(fixes)) {
        raise_varg(&mp_type_TypeError, "%s first arg must be str or a tuple of str, not %s",
            end_side ? "endswith" : "startswith", mp_obj_get_type_str(fixes));
    }
    for (size_t i = 0; i < count; i++) {
        check_str(items[i]);
        GET_STR_DATA_LEN(items[i], f, flen);
        if (end_cp < start_cp) {
            continue;
        }
        if (flen <= to - from && memcmp(end_side ? s + to - flen : s + from, f, flen) == 0) {
            return mp_const_true;
        }
    }
    return mp_const_false;
}

STATIC mp_obj_t str_startswith(size_t n_args, const mp_obj_t *args) {
    return str_fixwith(n_args, args, false);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_startswith_obj, 2, 4, str_startswith);

STATIC mp_obj_t str_endswith(size_t n_args, const mp_obj_t *args) {
    return str_fixwith(n_args, args, true);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_endswith_obj, 2, 4, str_endswith);

// ---- strip, split, splitlines --------------------------------------------------

// c is stripped: whitespace when chars is NULL, else one of chars.
static bool strip_match(unichar c, const byte *chars, size_t chars_len) {
    if (chars == NULL) {
        return u_isspace(c);
    }
    for (const byte *p = chars; p < chars + chars_len; p = utf8_next_char(p)) {
        if (utf8_get_char(p) == c) {
            return true;
        }
    }
    return false;
}

// which: 1 left, 2 right, 3 both.
static mp_obj_t str_strip_any(size_t n_args, const mp_obj_t *args, int which) {
    const byte *chars = NULL;
    size_t chars_len = 0;
    if (n_args > 1 && args[1] != mp_const_none) {
        check_str(args[1]);
        chars = (const byte *)mp_obj_str_get_data(args[1], &chars_len);
    }
    GET_STR_DATA_LEN(args[0], s, len);
    const byte *a = s, *b = s + len;
    if (which & 1) {
        while (a < b && strip_match(utf8_get_char(a), chars, chars_len)) {
            a = utf8_next_char(a);
        }
    }
    if (which & 2) {
        while (b > a) {
            const byte *prev = utf8_prev_char(b);
            if (!strip_match(utf8_get_char(prev), chars, chars_len)) {
                break;
            }
            b = prev;
        }
    }
    if (a == s && b == s + len) {
        return args[0];
    }
    return new_str(a, b - a);
}

STATIC mp_obj_t str_strip(size_t n_args, const mp_obj_t *args) {
    return str_strip_any(n_args, args, 3);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_strip_obj, 1, 2, str_strip);

STATIC mp_obj_t str_lstrip(size_t n_args, const mp_obj_t *args) {
    return str_strip_any(n_args, args, 1);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_lstrip_obj, 1, 2, str_lstrip);

STATIC mp_obj_t str_rstrip(size_t n_args, const mp_obj_t *args) {
    return str_strip_any(n_args, args, 2);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_str_rstrip_obj, 1, 2, str_rstrip);

static bool space_at(const byte *p) {
    return u_isspace(utf8_get_char(p));
}

// Splits on runs of whitespace, from the left (or the right), at most
// maxsplit times (negative: no limit).
static mp_obj_t split_whitespace(mp_obj_t self_in, mp_int_t maxsplit, bool from_right) {
    GET_STR_DATA_LEN(self_in, s, len);
    mp_obj_t res = mp_obj_new_list(0, NULL);
    const byte *a = s, *b = s + len;
    if (!from_right) {
        for (;;) {
            while (a < b && space_at(a)) {
                a = utf8_next_char(a);
            }
            if (a == b) {
                break;
            }
            if (maxsplit == 0) {
                mp_obj_list_append(res, new_str(a, b - a));
                break;
            }
            const byte *start = a;
            while (a < b && !space_at(a)) {
                a = utf8_next_char(a);
            }
            mp_obj_list_append(res, new_str(start, a - start));
            maxsplit--;
        }
        return res;
    }
    for (;;) {
        while (b > a && space_at(utf8_prev_char(b))) {
            b = utf8_prev_char(b);
        }
        if (a == b) {
            break;
        }
        if (maxsplit == 0) {
            mp_obj_list_append(res, new_str(a, b - a));
            break;
        }
        const byte *end = b;
        while (b > a && !space_at(utf8_prev_char(b))) {
            b = utf8_prev_char(b);
        }
        mp_obj_list_append(res, new_str(b, end - b));
        maxsplit--;
    }
    mp_obj_list_t *list = MP_OBJ_TO_PTR(res);
    for (size_t i = 0, j = list->len; i + 1 < j; i++, j--) {
        mp_obj_t t = list->items[i];
        list->items[i] = list->items[j - 1];
        list->items[j - 1] = t;
    }
    return res;
}

static mp_obj_t str_split_kw(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args, bool from_right) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_sep, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_maxsplit, MP_ARG_INT, {.u_int = -1} },
    };
    mp_arg_val_t vals[2];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, vals);
    if (vals[0].u_obj == mp_const_none) {
        return split_whitespace(pos_args[0], vals[1].u_int, from_right);
    }
    mp_obj_t args[3] = { pos_args[0], vals[0].u_obj, MP_OBJ_NEW_SMALL_INT(vals[1].u_int) };
    if (!MP_OBJ_IS_STR(args[1])) {
        raise_varg(&mp_type_TypeError, "must be str or None, not %s", mp_obj_get_type_str(args[1]));
    }
    if (from_right) {
        return ((mp_obj_fun_builtin_var_t *)&str_rsplit_obj)->fun.var(3, args);
    }
    return mp_obj_str_split(3, args);
}

STATIC mp_obj_t str_split(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return str_split_kw(n_args, pos_args, kw_args, false);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(mpn_str_split_obj, 1, str_split);

STATIC mp_obj_t str_rsplit(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return str_split_kw(n_args, pos_args, kw_args, true);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(mpn_str_rsplit_obj, 1, str_rsplit);

STATIC mp_obj_t str_splitlines(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_keepends, MP_ARG_BOOL, {.u_bool = false} },
    };
    mp_arg_val_t keepends;
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, 1, allowed, &keepends);
    GET_STR_DATA_LEN(pos_args[0], s, len);
    mp_obj_t res = mp_obj_new_list(0, NULL);
    const byte *start = s, *p = s, *end = s + len;
    while (p < end) {
        unichar c = utf8_get_char(p);
        const byte *next = utf8_next_char(p);
        if (u_islinebreak(c)) {
            if (c == '\r' && next < end && *next == '\n') {
                next++;
            }
            mp_obj_list_append(res, new_str(start, (keepends.u_bool ? next : p) - start));
            start = next;
        }
        p = next;
    }
    if (start < end) {
        mp_obj_list_append(res, new_str(start, end - start));
    }
    return res;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(mpn_str_splitlines_obj, 1, str_splitlines);

// ---- translate, maketrans, format_map ------------------------------------------

STATIC mp_obj_t str_translate(mp_obj_t self_in, mp_obj_t table) {
    GET_STR_DATA_LEN(self_in, s, len);
    vstr_t vstr;
    vstr_init(&vstr, len);
    for (const byte *p = s; p < s + len; p = utf8_next_char(p)) {
        unichar c = utf8_get_char(p);
        mp_obj_t v = MP_OBJ_NULL;
        if (MP_OBJ_IS_TYPE(table, &mp_type_dict)) {
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(table), MP_OBJ_NEW_SMALL_INT(c), MP_MAP_LOOKUP);
            if (e != NULL) {
                v = e->value;
            }
        } else {
            v = mp_obj_subscr(table, MP_OBJ_NEW_SMALL_INT(c), MP_OBJ_SENTINEL);
        }
        if (v == MP_OBJ_NULL) {
            vstr_add_char(&vstr, c);
        } else if (v == mp_const_none) {
            // deleted
        } else if (MP_OBJ_IS_STR(v)) {
            GET_STR_DATA_LEN(v, vs, vlen);
            vstr_add_strn(&vstr, (const char *)vs, vlen);
        } else if (MP_OBJ_IS_INT(v)) {
            mp_int_t o = mp_obj_get_int(v);
            if (o < 0 || o > 0x10ffff) {
                mp_raise_ValueError("character mapping must be in range(0x110000)");
            }
            vstr_add_char(&vstr, o);
        } else {
            mp_raise_TypeError("character mapping must return integer, None or str");
        }
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(str_translate_obj, str_translate);

static mp_obj_t ord_of(mp_obj_t ch) {
    GET_STR_DATA_LEN(ch, s, len);
    return MP_OBJ_NEW_SMALL_INT(utf8_get_char(s));
}

STATIC mp_obj_t str_maketrans(size_t n_args, const mp_obj_t *args) {
    mp_obj_t d = mp_obj_new_dict(0);
    if (n_args == 1) {
        if (!MP_OBJ_IS_TYPE(args[0], &mp_type_dict)) {
            mp_raise_TypeError("if you give only one argument to maketrans it must be a dict");
        }
        mp_map_t *map = mp_obj_dict_get_map(args[0]);
        for (size_t i = 0; i < map->alloc; i++) {
            if (MP_MAP_SLOT_IS_FILLED(map, i)) {
                mp_obj_t k = map->table[i].key;
                if (MP_OBJ_IS_STR(k)) {
                    GET_STR_DATA_LEN(k, ks, klen);
                    if (utf8_charlen(ks, klen) != 1) {
                        mp_raise_ValueError("string keys in translate table must be of length 1");
                    }
                    k = ord_of(k);
                } else if (!MP_OBJ_IS_INT(k)) {
                    mp_raise_TypeError("keys in translate table must be strings or integers");
                }
                mp_obj_dict_store(d, k, map->table[i].value);
            }
        }
        return d;
    }
    check_str(args[0]);
    check_str(args[1]);
    GET_STR_DATA_LEN(args[0], x, xlen);
    GET_STR_DATA_LEN(args[1], y, ylen);
    if (utf8_charlen(x, xlen) != utf8_charlen(y, ylen)) {
        mp_raise_ValueError("the first two maketrans arguments must have equal length");
    }
    for (const byte *p = x, *q = y; p < x + xlen; p = utf8_next_char(p), q = utf8_next_char(q)) {
        mp_obj_dict_store(d, MP_OBJ_NEW_SMALL_INT(utf8_get_char(p)), MP_OBJ_NEW_SMALL_INT(utf8_get_char(q)));
    }
    if (n_args > 2) {
        check_str(args[2]);
        GET_STR_DATA_LEN(args[2], z, zlen);
        for (const byte *p = z; p < z + zlen; p = utf8_next_char(p)) {
            mp_obj_dict_store(d, MP_OBJ_NEW_SMALL_INT(utf8_get_char(p)), mp_const_none);
        }
    }
    return d;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_maketrans_fun_obj, 1, 3, str_maketrans);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(str_maketrans_obj, MP_ROM_PTR(&str_maketrans_fun_obj));

STATIC mp_obj_t str_format_map(mp_obj_t self_in, mp_obj_t mapping) {
    if (!MP_OBJ_IS_TYPE(mapping, &mp_type_dict)) {
        mp_raise_TypeError("format_map() argument must be a dict");
    }
    return mp_obj_str_format(1, &self_in, mp_obj_dict_get_map(mapping));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(str_format_map_obj, str_format_map);

// ---- codecs --------------------------------------------------------------------

enum { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII };
enum { ERR_STRICT, ERR_REPLACE, ERR_IGNORE, ERR_UNKNOWN };

static const char *const codec_names[] = { "utf-8", "latin-1", "ascii" };

static int codec_of(mp_obj_t name) {
    if (name == MP_OBJ_NULL) {
        return CODEC_UTF8;
    }
    if (!MP_OBJ_IS_STR(name)) {
        raise_varg(&mp_type_TypeError, "encode() argument 'encoding' must be str, not %s", mp_obj_get_type_str(name));
    }
    GET_STR_DATA_LEN(name, s, len);
    char buf[16];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof(buf) - 1; i++) {
        char c = s[i];
        buf[n++] = c == '_' || c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    buf[n] = 0;
    static const char *const names[] = {
        "utf-8", "utf8", "u8", "utf", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "latin", "8859", "cp819",
        "ascii", "us-ascii", "646",
    };
    static const uint8_t codecs[] = { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2 };
    if (len < sizeof(buf)) {
        for (size_t i = 0; i < MP_ARRAY_SIZE(names); i++) {
            if (strcmp(buf, names[i]) == 0) {
                return codecs[i];
            }
        }
    }
    raise_varg(&mp_type_LookupError, "unknown encoding: %s", s);
}

static int errors_of(mp_obj_t errors) {
    if (errors == MP_OBJ_NULL) {
        return ERR_STRICT;
    }
    const char *e = mp_obj_str_get_str(errors);
    return strcmp(e, "strict") == 0 ? ERR_STRICT : strcmp(e, "replace") == 0 ? ERR_REPLACE
           : strcmp(e, "ignore") == 0 ? ERR_IGNORE : ERR_UNKNOWN;
}

// UnicodeDecodeError / UnicodeEncodeError: args are CPython's (encoding,
// object, start, end, reason); str() gives CPython's message.
STATIC void unicode_error_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_exception_t *o = MP_OBJ_TO_PTR(o_in);
    if (o->args->len != 5) {
        mp_obj_exception_print(print, o_in, kind);
        return;
    }
    mp_obj_t *a = o->args->items;
    mp_print_kind_t k = kind & ~PRINT_EXC_SUBCLASS;
    if (!(kind & PRINT_EXC_SUBCLASS) && (k == PRINT_REPR || k == PRINT_EXC)) {
        mp_print_str(print, qstr_str(o->base.type->name));
    }
    if (k == PRINT_REPR) {
        mp_obj_print_helper(print, MP_OBJ_FROM_PTR(o->args), PRINT_REPR);
        return;
    }
    if (k == PRINT_EXC) {
        mp_print_str(print, ": ");
    }
    mp_int_t start = mp_obj_get_int(a[2]), end = mp_obj_get_int(a[3]);
    bool decode = o->base.type == &mp_type_UnicodeDecodeError;
    mp_printf(print, "'%s' codec can't %s ", mp_obj_str_get_str(a[0]), decode ? "decode" : "encode");
    if (decode) {
        mp_buffer_info_t buf;
        mp_get_buffer_raise(a[1], &buf, MP_BUFFER_READ);
        if (end - start == 1) {
            mp_printf(print, "byte 0x%02x in position %d", ((byte *)buf.buf)[start], (int)start);
        } else {
            mp_printf(print, "bytes in position %d-%d", (int)start, (int)end - 1);
        }
    } else if (end - start == 1) {
        GET_STR_DATA_LEN(a[1], s, len);
        unichar c = utf8_get_char(s + cp_offset(s, len, start));
        mp_printf(print, c < 0x100 ? "character '\\x%02x'" : c < 0x10000 ? "character '\\u%04x'" : "character '\\U%08x'", c);
        mp_printf(print, " in position %d", (int)start);
    } else {
        mp_printf(print, "characters in position %d-%d", (int)start, (int)end - 1);
    }
    mp_printf(print, ": %s", mp_obj_str_get_str(a[4]));
}

STATIC void unicode_error_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_exception_t *o = MP_OBJ_TO_PTR(self_in);
    static const qstr names[] = { MP_QSTR_encoding, MP_QSTR_object, MP_QSTR_start, MP_QSTR_end, MP_QSTR_reason };
    if (dest[0] == MP_OBJ_NULL && o->args->len == 5) {
        for (size_t i = 0; i < 5; i++) {
            if (attr == names[i]) {
                dest[0] = o->args->items[i];
                return;
            }
        }
    }
    mp_obj_exception_attr(self_in, attr, dest);
}

const mp_obj_type_t mp_type_UnicodeDecodeError = {
    { &mp_type_type },
    .name = MP_QSTR_UnicodeDecodeError,
    .print = unicode_error_print,
    .make_new = mp_obj_exception_make_new,
    .attr = unicode_error_attr,
    .parent = &mp_type_UnicodeError,
};

const mp_obj_type_t mp_type_UnicodeEncodeError = {
    { &mp_type_type },
    .name = MP_QSTR_UnicodeEncodeError,
    .print = unicode_error_print,
    .make_new = mp_obj_exception_make_new,
    .attr = unicode_error_attr,
    .parent = &mp_type_UnicodeError,
};

NORETURN static void raise_codec_error(const mp_obj_type_t *type, int codec, mp_obj_t object, size_t start, size_t end, const char *reason) {
    mp_obj_t args[5] = {
        MP_OBJ_NEW_QSTR(qstr_from_str(codec_names[codec])), object, MP_OBJ_NEW_SMALL_INT(start), MP_OBJ_NEW_SMALL_INT(end),
        mp_obj_new_str(reason, strlen(reason)),
    };
    nlr_raise(mp_obj_new_exception_args(type, 5, args));
}

NORETURN static void raise_unknown_handler(mp_obj_t errors) {
    raise_varg(&mp_type_LookupError, "unknown error handler name '%s'", mp_obj_str_get_str(errors));
}

// Length of the valid UTF-8 sequence at p (1-4), or 0 with *bad set to
// how many bytes make up the invalid part and *reason why (CPython's rules).
static size_t utf8_valid(const byte *p, const byte *end, size_t *bad, const char **reason) {
    byte b = p[0];
    if (b < 0x80) {
        return 1;
    }
    size_t need;
    byte lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        lo = b == 0xe0 ? 0xa0 : 0x80;
        hi = b == 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        lo = b == 0xf0 ? 0x90 : 0x80;
        hi = b == 0xf4 ? 0x8f : 0xbf;
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (p + i >= end) {
            *bad = i;
            *reason = "unexpected end of data";
            return 0;
        }
        if (p[i] < lo || p[i] > hi) {
            *bad = i;
            *reason = "invalid continuation byte";
            return 0;
        }
        lo = 0x80;
        hi = 0xbf;
    }
    return need + 1;
}

mp_obj_t mpn_decode(mp_obj_t object, mp_obj_t encoding, mp_obj_t errors_in) {
    int codec = codec_of(encoding);
    int errors = errors_of(errors_in);
    mp_buffer_info_t buf;
    mp_get_buffer_raise(object, &buf, MP_BUFFER_READ);
    const byte *s = buf.buf, *end = s + buf.len;
    vstr_t vstr;
    vstr_init(&vstr, buf.len);
    for (const byte *p = s; p < end;) {
        size_t bad = 1;
        const char *reason = "ordinal not in range(128)";
        if (codec == CODEC_LATIN1 || *p < 0x80) {
            vstr_add_char(&vstr, *p++);
            continue;
        }
        if (codec == CODEC_UTF8) {
            size_t n = utf8_valid(p, end, &bad, &reason);
            if (n) {
                vstr_add_strn(&vstr, (const char *)p, n);
                p += n;
                continue;
            }
        }
        if (errors == ERR_STRICT) {
            if (!MP_OBJ_IS_TYPE(object, &mp_type_bytes)) {
                object = mp_obj_new_bytes(s, buf.len);
            }
            raise_codec_error(&mp_type_UnicodeDecodeError, codec, object, p - s, p - s + bad, reason);
        } else if (errors == ERR_REPLACE) {
            vstr_add_char(&vstr, 0xfffd);
        } else if (errors == ERR_UNKNOWN) {
            raise_unknown_handler(errors_in);
        }
        p += bad;
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}

mp_obj_t mpn_encode(mp_obj_t self_in, mp_obj_t encoding, mp_obj_t errors_in) {
    int codec = codec_of(encoding);
    int errors = errors_of(errors_in);
    GET_STR_DATA_LEN(self_in, s, len);
    unichar limit = codec == CODEC_UTF8 ? 0x110000 : codec == CODEC_LATIN1 ? 0x100 : 0x80;
    vstr_t vstr;
    vstr_init(&vstr, len);
    size_t index = 0;
    for (const byte *p = s; p < s + len; index++) {
        unichar c = utf8_get_char(p);
        const byte *next = utf8_next_char(p);
        bool ok = c < limit && (codec != CODEC_UTF8 || c < 0xd800 || c > 0xdfff);
        if (ok) {
            if (codec == CODEC_UTF8) {
                vstr_add_strn(&vstr, (const char *)p, next - p);
            } else {
                vstr_add_byte(&vstr, c);
            }
        } else if (errors == ERR_STRICT) {
            // CPython reports the whole run of characters it cannot encode.
            size_t end = index + 1;
            for (const byte *q = next; q < s + len; q = utf8_next_char(q), end++) {
                unichar d = utf8_get_char(q);
                if (d < limit && (codec != CODEC_UTF8 || d < 0xd800 || d > 0xdfff)) {
                    break;
                }
            }
            raise_codec_error(&mp_type_UnicodeEncodeError, codec, self_in, index, end,
                codec == CODEC_UTF8 ? "surrogates not allowed" : codec == CODEC_LATIN1 ? "ordinal not in range(256)" : "ordinal not in range(128)");
        } else if (errors == ERR_REPLACE) {
            vstr_add_byte(&vstr, '?');
        } else if (errors == ERR_UNKNOWN) {
            raise_unknown_handler(errors_in);
        }
        p = next;
    }
    return mp_obj_new_str_from_vstr(&mp_type_bytes, &vstr);
}

static const mp_arg_t codec_args[] = {
    { MP_QSTR_encoding, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(MP_OBJ_NULL)} },
    { MP_QSTR_errors, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(MP_OBJ_NULL)} },
};

mp_obj_t mpn_bytes_decode(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t vals[2];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, 2, codec_args, vals);
    return mpn_decode(pos_args[0], vals[0].u_obj, vals[1].u_obj);
}

STATIC mp_obj_t str_encode(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t vals[2];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, 2, codec_args, vals);
    return mpn_encode(pos_args[0], vals[0].u_obj, vals[1].u_obj);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(mpn_str_encode_obj, 1, str_encode);

// ---- the method table ----------------------------------------------------------

STATIC const mp_rom_map_elem_t mpn_str_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_encode), MP_ROM_PTR(&mpn_str_encode_obj) },
    { MP_ROM_QSTR(MP_QSTR_find), MP_ROM_PTR(&str_find_obj) },
    { MP_ROM_QSTR(MP_QSTR_rfind), MP_ROM_PTR(&str_rfind_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&str_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_rindex), MP_ROM_PTR(&str_rindex_obj) },
    { MP_ROM_QSTR(MP_QSTR_join), MP_ROM_PTR(&str_join_obj) },
    { MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&mpn_str_split_obj) },
    { MP_ROM_QSTR(MP_QSTR_splitlines), MP_ROM_PTR(&mpn_str_splitlines_obj) },
    { MP_ROM_QSTR(MP_QSTR_rsplit), MP_ROM_PTR(&mpn_str_rsplit_obj) },
    { MP_ROM_QSTR(MP_QSTR_startswith), MP_ROM_PTR(&mpn_str_startswith_obj) },
    { MP_ROM_QSTR(MP_QSTR_endswith), MP_ROM_PTR(&mpn_str_endswith_obj) },
    { MP_ROM_QSTR(MP_QSTR_strip), MP_ROM_PTR(&mpn_str_strip_obj) },
    { MP_ROM_QSTR(MP_QSTR_lstrip), MP_ROM_PTR(&mpn_str_lstrip_obj) },
    { MP_ROM_QSTR(MP_QSTR_rstrip), MP_ROM_PTR(&mpn_str_rstrip_obj) },
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&str_format_obj) },
    { MP_ROM_QSTR(MP_QSTR_format_map), MP_ROM_PTR(&str_format_map_obj) },
    { MP_ROM_QSTR(MP_QSTR_replace), MP_ROM_PTR(&str_replace_obj) },
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&str_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_partition), MP_ROM_PTR(&str_partition_obj) },
    { MP_ROM_QSTR(MP_QSTR_rpartition), MP_ROM_PTR(&str_rpartition_obj) },
    { MP_ROM_QSTR(MP_QSTR_center), MP_ROM_PTR(&mpn_str_center_obj) },
    { MP_ROM_QSTR(MP_QSTR_ljust), MP_ROM_PTR(&str_ljust_obj) },
    { MP_ROM_QSTR(MP_QSTR_rjust), MP_ROM_PTR(&str_rjust_obj) },
    { MP_ROM_QSTR(MP_QSTR_zfill), MP_ROM_PTR(&str_zfill_obj) },
    { MP_ROM_QSTR(MP_QSTR_expandtabs), MP_ROM_PTR(&str_expandtabs_obj) },
    { MP_ROM_QSTR(MP_QSTR_removeprefix), MP_ROM_PTR(&str_removeprefix_obj) },
    { MP_ROM_QSTR(MP_QSTR_removesuffix), MP_ROM_PTR(&str_removesuffix_obj) },
    { MP_ROM_QSTR(MP_QSTR_translate), MP_ROM_PTR(&str_translate_obj) },
    { MP_ROM_QSTR(MP_QSTR_maketrans), MP_ROM_PTR(&str_maketrans_obj) },
    { MP_ROM_QSTR(MP_QSTR_lower), MP_ROM_PTR(&str_lower_obj) },
    { MP_ROM_QSTR(MP_QSTR_upper), MP_ROM_PTR(&str_upper_obj) },
    { MP_ROM_QSTR(MP_QSTR_casefold), MP_ROM_PTR(&str_casefold_obj) },
    { MP_ROM_QSTR(MP_QSTR_capitalize), MP_ROM_PTR(&str_capitalize_obj) },
    { MP_ROM_QSTR(MP_QSTR_title), MP_ROM_PTR(&str_title_obj) },
    { MP_ROM_QSTR(MP_QSTR_swapcase), MP_ROM_PTR(&str_swapcase_obj) },
    { MP_ROM_QSTR(MP_QSTR_isspace), MP_ROM_PTR(&mpn_str_isspace_obj) },
    { MP_ROM_QSTR(MP_QSTR_isalpha), MP_ROM_PTR(&mpn_str_isalpha_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdigit), MP_ROM_PTR(&mpn_str_isdigit_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdecimal), MP_ROM_PTR(&mpn_str_isdecimal_obj) },
    { MP_ROM_QSTR(MP_QSTR_isnumeric), MP_ROM_PTR(&mpn_str_isnumeric_obj) },
    { MP_ROM_QSTR(MP_QSTR_isalnum), MP_ROM_PTR(&mpn_str_isalnum_obj) },
    { MP_ROM_QSTR(MP_QSTR_isprintable), MP_ROM_PTR(&mpn_str_isprintable_obj) },
    { MP_ROM_QSTR(MP_QSTR_isidentifier), MP_ROM_PTR(&str_isidentifier_obj) },
    { MP_ROM_QSTR(MP_QSTR_istitle), MP_ROM_PTR(&str_istitle_obj) },
    { MP_ROM_QSTR(MP_QSTR_isupper), MP_ROM_PTR(&mpn_str_isupper_obj) },
    { MP_ROM_QSTR(MP_QSTR_islower), MP_ROM_PTR(&mpn_str_islower_obj) },
};

MP_DEFINE_CONST_DICT(mpn_str_locals_dict, mpn_str_locals_table);
