// Exact float <-> text for mpnode (patch 0020), as CPython 3 does it:
// repr/str give the shortest digits that read back as the same double
// (0.1 + 0.2 -> 0.30000000000000004), format()/%-formatting round the exact
// binary value half-to-even at the requested digit (round(2.675, 2) == 2.67),
// and float literals / float(str) are correctly rounded. MicroPython's own
// formatfloat.c and parsenum.c work in floating point and are off in the
// last digits. Everything here is exact arithmetic on a small fixed-size
// big integer (no libc printf/strtod, which would pull in musl's stdio).
#include <string.h>
#include <math.h>
#include "py/runtime.h"
#include "py/mpprint.h"
#include "mpnode_port.h"

// ---- a fixed-size unsigned big integer ---------------------------------------
// 4096 bits: the widest number met is a 780-digit decimal mantissa times a
// power of two, or 10^1130 for the smallest inputs.
#define BN_W 130
typedef struct {
    int n;  // words in use, no leading zero words
    uint32_t w[BN_W];
} bn_t;

static void bn_set(bn_t *a, uint64_t v) {
    a->w[0] = (uint32_t)v;
    a->w[1] = (uint32_t)(v >> 32);
    a->n = v >> 32 ? 2 : v ? 1 : 0;
}

// a = a * m + add
static void bn_muladd(bn_t *a, uint32_t m, uint32_t add) {
    uint64_t c = add;
    for (int i = 0; i < a->n; i++) {
        c += (uint64_t)a->w[i] * m;
        a->w[i] = (uint32_t)c;
        c >>= 32;
    }
    if (c && a->n < BN_W) {
        a->w[a->n++] = (uint32_t)c;
    }
}

static void bn_mul10k(bn_t *a, int k) {
    for (; k >= 9; k -= 9) {
        bn_muladd(a, 1000000000u, 0);
    }
    static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    bn_muladd(a, p10[k], 0);
}

static void bn_shl(bn_t *a, int bits) {
    if (a->n == 0 || bits <= 0) {
        return;
    }
    int ws = bits >> 5, b = bits & 31;
    int n = a->n + ws + 1;
    if (n > BN_W) {
        n = BN_W;
    }
    for (int i = n - 1; i >= 0; i--) {
        int j = i - ws;
        uint32_t hi = j >= 0 && j < a->n ? a->w[j] : 0;
        uint32_t lo = j - 1 >= 0 && j - 1 < a->n ? a->w[j - 1] : 0;
        a->w[i] = b ? (hi << b) | (lo >> (32 - b)) : hi;
    }
    a->n = n;
    while (a->n && a->w[a->n - 1] == 0) {
        a->n--;
    }
}

static void bn_shr1(bn_t *a) {
    for (int i = 0; i < a->n; i++) {
        a->w[i] = (a->w[i] >> 1) | (i + 1 < a->n ? a->w[i + 1] << 31 : 0);
    }
    if (a->n && a->w[a->n - 1] == 0) {
        a->n--;
    }
}

static int bn_cmp(const bn_t *a, const bn_t *b) {
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    for (int i = a->n - 1; i >= 0; i--) {
        if (a->w[i] != b->w[i]) {
            return a->w[i] < b->w[i] ? -1 : 1;
        }
    }
    return 0;
}

// a -= b (a >= b)
static void bn_sub(bn_t *a, const bn_t *b) {
    int64_t c = 0;
    for (int i = 0; i < a->n; i++) {
        c += (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0);
        a->w[i] = (uint32_t)c;
        c >>= 32;
    }
    while (a->n && a->w[a->n - 1] == 0) {
        a->n--;
    }
}

// d = a + b
static void bn_add(bn_t *d, const bn_t *a, const bn_t *b) {
    uint64_t c = 0;
    int n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        c += (uint64_t)(i < a->n ? a->w[i] : 0) + (i < b->n ? b->w[i] : 0);
        d->w[i] = (uint32_t)c;
        c >>= 32;
    }
    d->n = n;
    if (c && n < BN_W) {
        d->w[d->n++] = 1;
    }
}

static void bn_copy(bn_t *d, const bn_t *a) {
    d->n = a->n;
    memcpy(d->w, a->w, a->n * sizeof(uint32_t));
}

static int bn_bits(const bn_t *a) {
    return a->n ? 32 * a->n - __builtin_clz(a->w[a->n - 1]) : 0;
}

// digit = r / s (< 10), r = r % s. s is normalised (its top word in
// [2^27, 2^28), see mpn_dtoa), so the top words give the digit or one less.
static int bn_divdigit(bn_t *r, const bn_t *s) {
    int n = s->n;
    uint32_t d = r->n == n ? r->w[n - 1] / (s->w[n - 1] + 1) : 0;
    if (d) {
        // r -= d * s
        uint64_t mul = 0;
        int64_t borrow = 0;
        for (int i = 0; i < r->n; i++) {
            mul += (uint64_t)(i < n ? s->w[i] : 0) * d;
            borrow += (int64_t)r->w[i] - (uint32_t)mul;
            r->w[i] = (uint32_t)borrow;
            borrow >>= 32;
            mul >>= 32;
        }
        while (r->n && r->w[r->n - 1] == 0) {
            r->n--;
        }
    }
    while (bn_cmp(r, s) >= 0) {
        bn_sub(r, s);
        d++;
    }
    return d;
}

// compare 2*r with s
static int bn_cmp_half(const bn_t *r, const bn_t *s) {
    bn_t t;
    bn_add(&t, r, r);
    return bn_cmp(&t, s);
}

// ---- double -> decimal digits -------------------------------------------------
// v > 0 finite. mode 0: shortest digits that read back as v; mode 1: `nd`
// significant digits; mode 2: digits down to 10^-nd. Writes ASCII digits to
// buf (at most cap), returns their count; v ~= 0.DIGITS x 10^*decpt.
int mpn_dtoa(double v, int mode, int nd, char *buf, int cap, int *decpt) {
    union { double d; uint64_t u; } u = {v};
    int be = (int)(u.u >> 52) & 0x7ff;
    uint64_t f = u.u & ((1ull << 52) - 1);
    int e;
    if (be) {
        f |= 1ull << 52;
        e = be - 1075;
    } else {
        e = -1074;
    }
    bool even = !(f & 1);
    bool uneven_gap = mode == 0 && f == (1ull << 52) && be > 1;
    bn_t r, s, mp, mm;
    bn_set(&r, f);
    bn_set(&s, 1);
    int extra = mode == 0 ? (uneven_gap ? 2 : 1) : 0;
    if (e >= 0) {
        bn_shl(&r, e + extra);
    } else {
        bn_shl(&s, -e);
        bn_shl(&r, extra);
    }
    bn_shl(&s, extra);
    bn_set(&mm, 1);
    bn_shl(&mm, e > 0 ? e : 0);
    bn_copy(&mp, &mm);
    if (uneven_gap) {
        bn_shl(&mp, 1);
    }
    // k: 10^(k-1) <= v < 10^k, estimated from the binary exponent, fixed below
    int e2 = e + 63 - __builtin_clzll(f);
    int k = (int)floor(e2 * 0.30102999566398114) + 1;
    if (k >= 0) {
        bn_mul10k(&s, k);
    } else {
        bn_mul10k(&r, -k);
        bn_mul10k(&mp, -k);
        bn_mul10k(&mm, -k);
    }
    bn_t t;
    if (mode == 0) {
        bn_add(&t, &r, &mp);
    } else {
        bn_copy(&t, &r);
    }
    int c = bn_cmp(&t, &s);
    if (c > 0 || (c == 0 && (mode != 0 || even))) {
        k++;
        bn_mul10k(&s, 1);
    }
    *decpt = k;
    // normalise: s's top word in [2^27, 2^28), so that 10 * s still fits
    // in s's words and bn_divdigit can estimate from the top words
    int norm = __builtin_clz(s.w[s.n - 1]) - 4;
    if (norm < 0) {
        norm += 32;
    }
    bn_shl(&s, norm);
    bn_shl(&r, norm);
    bn_shl(&mp, norm);
    bn_shl(&mm, norm);
    int n = mode == 0 ? cap : mode == 1 ? nd : k + nd;
    if (n > cap) {
        n = cap;
    }
    if (n < 0) {
        return 0;
    }
    int i = 0;
    bool up;
    if (n == 0) {
        up = bn_cmp_half(&r, &s) > 0;
    } else {
        for (;;) {
            bn_mul10k(&r, 1);
            int d = bn_divdigit(&r, &s);
            if (mode == 0) {
                // m- is m+ but for the uneven gap at a power of two
                bn_t *lo = uneven_gap ? &mm : &mp;
                bn_mul10k(&mp, 1);
                if (uneven_gap) {
                    bn_mul10k(&mm, 1);
                }
                c = bn_cmp(&r, lo);
                bool low = c < 0 || (c == 0 && even);
                bn_add(&t, &r, &mp);
                c = bn_cmp(&t, &s);
                bool high = c > 0 || (c == 0 && even);
                if (low || high || i + 1 == n) {
                    buf[i++] = '0' + d;
                    if (high && (!low || (c = bn_cmp_half(&r, &s)) > 0 || (c == 0 && (d & 1)))) {
                        buf[i - 1]++;
                    }
                    return i;
                }
            }
            buf[i++] = '0' + d;
            if (i == n) {
                break;
            }
        }
        c = bn_cmp_half(&r, &s);
        up = c > 0 || (c == 0 && (buf[i - 1] & 1));
    }
    if (up) {
        int j = i;
        while (j > 0 && buf[j - 1] == '9') {
            buf[--j] = '0';
        }
        if (j > 0) {
            buf[j - 1]++;
        } else {
            // 99..9 rounded up: 10..0, one more integer digit
            if (i < cap) {
                buf[i] = '0';
                i += mode == 2 || i == 0;
            }
            buf[0] = '1';
            *decpt = ++k;
        }
    }
    return i;
}

// ---- decimal digits -> double -------------------------------------------------
// Correctly rounded value of 0.DIGITS x 10^exp10 (n digits, the first not '0';
// `sticky`: nonzero digits were dropped after them).
static double mpn_digits_to_double(const char *dig, int n, int exp10, bool sticky) {
    if (n == 0) {
        return 0.0;
    }
    if (exp10 > 310) {
        return INFINITY;
    }
    if (exp10 < -330) {
        return 0.0;
    }
    int k = exp10 - n; // value = D x 10^k
    if (n <= 15 && k >= -22 && k <= 22 && !sticky) {
        // Clinger's fast path: D and 10^|k| are exact doubles, one rounding
        double d = 0, p = 1;
        for (int i = 0; i < n; i++) {
            d = d * 10 + (dig[i] - '0');
        }
        for (int i = 0; i < (k < 0 ? -k : k); i++) {
            p *= 10;
        }
        return k < 0 ? d / p : d * p;
    }
    bn_t num, den;
    bn_set(&num, 0);
    for (int i = 0; i < n; i++) {
        bn_muladd(&num, 10, dig[i] - '0');
    }
    bn_set(&den, 1);
    if (k >= 0) {
        bn_mul10k(&num, k);
    } else {
        bn_mul10k(&den, -k);
    }
    // scale so that q = num / den has 63 or 64 bits
    int sh = 63 - (bn_bits(&num) - bn_bits(&den));
    if (sh > 0) {
        bn_shl(&num, sh);
    } else {
        bn_shl(&den, -sh);
    }
    bn_shl(&den, 64);
    uint64_t q = 0;
    for (int i = 0; i < 64; i++) {
        bn_shr1(&den);
        q <<= 1;
        if (bn_cmp(&num, &den) >= 0) {
            bn_sub(&num, &den);
            q |= 1;
        }
    }
    sticky |= num.n != 0;
    int len = 64 - __builtin_clzll(q);
    int top = len - 1 - sh; // binary exponent of q's leading bit
    int keep = top >= -1022 ? 53 : 53 - (-1022 - top);
    if (keep < 0) {
        return 0.0;
    }
    int drop = len - keep;
    uint64_t m = drop < 64 ? q >> drop : 0;
    uint64_t rem = drop < 64 ? q & ((1ull << drop) - 1) : q;
    uint64_t half = 1ull << (drop - 1);
    if (rem > half || (rem == half && (sticky || (m & 1)))) {
        m++;
    }
    return scalbn((double)m, top - keep + 1);
}

// Parses digits[.digits][(e|E)[+-]digits] (with '_' between digits) from
// str; returns where it stopped and the correctly rounded value, or NULL when
// no digit was found or the exponent has none.
#define MPN_MAX_DIGITS 780
const char *mpn_parse_decimal(const char *str, const char *top, double *out) {
    char dig[MPN_MAX_DIGITS];
    int n = 0, exp10 = 0, seen = 0;
    bool sticky = false, frac = false;
    for (; str < top; str++) {
        char ch = *str;
        if (ch == '_' && seen && str + 1 < top && unichar_isdigit(str[1]) && unichar_isdigit(str[-1])) {
            continue;
        }
        if (ch == '.' && !frac) {
            frac = true;
            continue;
        }
        if (!unichar_isdigit(ch)) {
            break;
        }
        seen++;
        if (ch == '0' && n == 0) {
            exp10 -= frac;  // leading zeros
        } else if (n < MPN_MAX_DIGITS) {
            dig[n++] = ch;
            exp10 += !frac;
        } else {
            sticky |= ch != '0';
            exp10 += !frac;
        }
    }
    if (!seen) {
        return NULL;
    }
    if (str < top && (*str | 0x20) == 'e') {
        const char *p = str + 1;
        bool neg = false;
        if (p < top && (*p == '+' || *p == '-')) {
            neg = *p++ == '-';
        }
        if (p == top || !unichar_isdigit(*p)) {
            return NULL;
        }
        int ev = 0;
        for (; p < top && (unichar_isdigit(*p) || (*p == '_' && p + 1 < top && unichar_isdigit(p[1]))); p++) {
            if (*p != '_' && ev < 100000) {
                ev = ev * 10 + (*p - '0');
            }
        }
        exp10 += neg ? -ev : ev;
        str = p;
    }
    while (n && dig[n - 1] == '0') {
        n--;
    }
    *out = mpn_digits_to_double(dig, n, exp10, sticky);
    return str;
}

// ---- formatting ----------------------------------------------------------------------
// fmt: 'e' 'f' 'g' (and upper case), 'r' repr/str, 'q' a format spec with a
// precision and no type. Writes the text (without sign) to out; returns its
// length. Grouping (sep) applies to the integer digits.
static size_t fmt_digits(vstr_t *out, double v, char fmt, int prec, int flags, char sep) {
    char lower = fmt | 0x20;
    char buf[1100];
    int k = 1, n = 1;
    if (prec < 0) {
        prec = 6;
    }
    if (prec > 1000) {
        prec = 1000;
    }
    if (v == 0) {
        buf[0] = '0';
    } else if (lower == 'r' && v < 9007199254740992.0 && v == floor(v)) {
        // an integer below 2^53: its digits are the shortest exact text
        uint64_t u = (uint64_t)v;
        for (k = 0; u; u /= 10) {
            buf[k++] = '0' + u % 10;
        }
        for (int i = 0; i < k / 2; i++) {
            char t = buf[i];
            buf[i] = buf[k - 1 - i];
            buf[k - 1 - i] = t;
        }
        for (n = k; n > 1 && buf[n - 1] == '0'; n--) {
        }
    } else if (lower == 'r') {
        n = mpn_dtoa(v, 0, 0, buf, 17, &k);
    } else if (lower == 'f') {
        n = mpn_dtoa(v, 2, prec, buf, sizeof(buf), &k);
    } else {
        if (lower != 'e' && prec == 0) {
            prec = 1;
        }
        n = mpn_dtoa(v, 1, lower == 'e' ? prec + 1 : prec, buf, sizeof(buf), &k);
    }
    bool alt = flags & PF_FLAG_SHOW_PREFIX;
    bool use_exp = lower == 'e';
    int frac = prec; // digits after the point
    bool strip = false, dot0 = false;
    if (lower == 'r' || lower == 'q' || lower == 'g') {
        int lim = lower == 'r' ? 16 : lower == 'q' ? prec - 1 : prec;
        use_exp = k <= -4 || k > lim;
        strip = !alt;
        dot0 = lower != 'g';
        if (lower == 'r') {
            frac = n - (use_exp ? 1 : k);
        } else {
            frac = prec - (use_exp ? 1 : k);
        }
        if (frac < 0) {
            frac = 0;
        }
    }
    int ip = use_exp ? 1 : k; // integer digits
    size_t start = out->len;
    // integer part
    if (ip <= 0) {
        vstr_add_byte(out, '0');
    } else {
        for (int i = 0; i < ip; i++) {
            vstr_add_byte(out, i < n ? buf[i] : '0');
            if (sep && ip - 1 - i > 0 && (ip - 1 - i) % 3 == 0) {
                vstr_add_byte(out, sep);
            }
        }
    }
    // fraction
    size_t point = out->len;
    vstr_add_byte(out, '.');
    for (int i = 0; i < frac; i++) {
        int j = ip + i; // digit index
        vstr_add_byte(out, j >= 0 && j < n ? buf[j] : '0');
    }
    if (strip) {
        while (out->len > point + 1 && out->buf[out->len - 1] == '0') {
            out->len--;
        }
    }
    if (out->len == point + 1) {
        if (dot0 && !use_exp) {
            vstr_add_byte(out, '0');
        } else if (!alt) {
            out->len--;
        }
    }
    if (use_exp) {
        int x = v == 0 ? 0 : k - 1;
        vstr_add_byte(out, fmt == 'E' || fmt == 'G' ? 'E' : 'e');
        vstr_add_byte(out, x < 0 ? '-' : '+');
        if (x < 0) {
            x = -x;
        }
        if (x >= 100) {
            vstr_add_byte(out, '0' + x / 100);
        }
        vstr_add_byte(out, '0' + x / 10 % 10);
        vstr_add_byte(out, '0' + x % 10);
    }
    return out->len - start;
}

// Replaces py/mpprint.c's: the number through fmt_digits, then the sign,
// padding and alignment as upstream does them. PF_FLAG_SHOW_COMMA groups
// with ','; PF_FLAG_SHOW_UNDERSCORE with '_'.
int mp_print_float(const mp_print_t *print, mp_float_t f, char fmt, int flags, char fill, int width, int prec) {
    // the text on the stack when it is surely short, else on the heap
    char sbuf[128];
    vstr_t vs;
    if (prec <= 40 && ((fmt | 0x20) != 'f' || fabs(f) < 1e15 || !isfinite(f))) {
        vstr_init_fixed_buf(&vs, sizeof(sbuf), sbuf);
    } else {
        vstr_init(&vs, 40);
    }
    if (!isnan(f) && signbit(f)) {
        vstr_add_byte(&vs, '-');
        f = -f;
    } else if (flags & PF_FLAG_SHOW_SIGN) {
        vstr_add_byte(&vs, '+');
    } else if (flags & PF_FLAG_SPACE_SIGN) {
        vstr_add_byte(&vs, ' ');
    }
    bool upper = fmt == 'E' || fmt == 'F' || fmt == 'G';
    if (isnan(f) || isinf(f)) {
        vstr_add_str(&vs, isnan(f) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        char sep = flags & PF_FLAG_SHOW_COMMA ? ',' : flags & PF_FLAG_SHOW_UNDERSCORE ? '_' : 0;
        fmt_digits(&vs, f, fmt, prec, flags, sep);
    }
    if (flags & PF_FLAG_ADD_PERCENT) {
        vstr_add_byte(&vs, '%');
    }
    char *s = vs.buf;
    size_t len = vs.len;
    int chrs = 0;
    if ((flags & PF_FLAG_PAD_AFTER_SIGN) && len && s[0] < '0') {
        chrs += mp_print_strn(print, s, 1, 0, 0, 1);
        s++;
        len--;
        width--;
    }
    chrs += mp_print_strn(print, s, len, flags, fill, width);
    vstr_clear(&vs);
    return chrs;
}

// ---- round() ---------------------------------------------------------------------
// CPython's: a float rounded half-to-even at 10^-nd on its exact value (the
// decimal digits, then read back), an int rounded half-to-even at 10^-nd
// when nd < 0, and round(x) / round(x, None) an int (patch 0022).
static double mpn_round(double v, mp_int_t nd) {
    if (v == 0 || !isfinite(v) || nd > 330) {
        return v;
    }
    if (nd < -330) {
        return copysign(0.0, v);
    }
    char buf[700];
    int k;
    int n = mpn_dtoa(fabs(v), 2, (int)nd, buf, sizeof(buf), &k);
    double r = mpn_digits_to_double(buf, n, k, false);
    if (isinf(r)) {
        mp_raise_msg(&mp_type_OverflowError, "rounded value too large to represent");
    }
    return copysign(r, v);
}

mp_obj_t mpn_builtin_round(size_t n_args, const mp_obj_t *args) {
    mp_obj_t x = args[0];
    bool has_nd = n_args > 1 && args[1] != mp_const_none;
    // a class's __round__(ndigits), as CPython's round() calls it (patch 0026)
    mp_obj_t dest[3];
    mp_load_method_maybe(x, MP_QSTR___round__, dest);
    if (dest[0] != MP_OBJ_NULL) {
        dest[2] = args[n_args - 1];
        return mp_call_method_n_kw(has_nd, 0, dest);
    }
    if (MP_OBJ_IS_INT(x)) {
        mp_int_t nd = has_nd ? mp_obj_get_int(args[1]) : 0;
        if (nd >= 0) {
            return x;
        }
        mp_obj_t p = mp_binary_op(MP_BINARY_OP_POWER, MP_OBJ_NEW_SMALL_INT(10), mp_obj_new_int(-nd));
        mp_obj_t q = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, x, p);
        mp_obj_t r = mp_binary_op(MP_BINARY_OP_MODULO, x, p);
        r = mp_binary_op(MP_BINARY_OP_ADD, r, r);
        if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, p, r))
            || (mp_obj_equal(p, r) && mp_obj_is_true(mp_binary_op(MP_BINARY_OP_AND, q, MP_OBJ_NEW_SMALL_INT(1))))) {
            q = mp_binary_op(MP_BINARY_OP_ADD, q, MP_OBJ_NEW_SMALL_INT(1));
        }
        return mp_binary_op(MP_BINARY_OP_MULTIPLY, q, p);
    }
    double v = mp_obj_get_float(x);
    if (has_nd) {
        return mp_obj_new_float(mpn_round(v, mp_obj_get_int(args[1])));
    }
    if (isnan(v)) {
        mp_raise_ValueError("cannot convert float NaN to integer");
    }
    if (isinf(v)) {
        mp_raise_msg(&mp_type_OverflowError, "cannot convert float infinity to integer");
    }
    return mp_obj_new_int_from_float(nearbyint(v));
}
