// The math functions v1.9.4 lacks, as CPython 3.11 has them (patch 0024):
// isclose fsum factorial comb perm gcd lcm isqrt prod hypot dist and the
// constants inf nan tau; plus CPython's choice between "math domain error"
// (ValueError) and "math range error" (OverflowError).
#include <math.h>
#include "py/runtime.h"
#include "py/objint.h"
#include "mpnode_port.h"

#define OP(op, a, b) mp_binary_op(MP_BINARY_OP_##op, (a), (b))
#define SMALL(v) MP_OBJ_NEW_SMALL_INT(v)

typedef struct {
    mp_obj_base_t base;
    mp_float_t value;
} float_obj_t;
const float_obj_t mpn_math_inf_obj = {{&mp_type_float}, INFINITY};
const float_obj_t mpn_math_nan_obj = {{&mp_type_float}, NAN};
const float_obj_t mpn_math_tau_obj = {{&mp_type_float}, 6.283185307179586};

// A result that is infinite for a finite argument: a pole (ValueError) or
// an overflow (OverflowError), as CPython tells them apart.
bool mpn_math_overflows(void *f, mp_float_t x) {
    if (f == (void *)log2 || f == (void *)log10 || f == (void *)log1p || f == (void *)atanh) {
        return false;
    }
    if ((f == (void *)tgamma || f == (void *)lgamma) && x <= 0) {
        return false;
    }
    return true;
}

static mp_obj_t need_int(mp_obj_t x) {
    if (!MP_OBJ_IS_INT(x)) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError, "'%s' object cannot be interpreted as an integer", mp_obj_get_type_str(x)));
    }
    return x;
}

static bool is_neg(mp_obj_t x) {
    return mp_obj_int_sign(x) < 0;
}

STATIC mp_obj_t math_isclose(size_t n_args, const mp_obj_t *pos, mp_map_t *kw) {
    enum { ARG_a, ARG_b, ARG_rel_tol, ARG_abs_tol };
    static const mp_arg_t allowed[] = {
        { MP_QSTR_a, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_b, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_rel_tol, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_abs_tol, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
    };
    mp_arg_val_t args[4];
    mp_arg_parse_all(n_args, pos, kw, 4, allowed, args);
    mp_float_t a = mp_obj_get_float(args[ARG_a].u_obj);
    mp_float_t b = mp_obj_get_float(args[ARG_b].u_obj);
    mp_float_t rel = args[ARG_rel_tol].u_obj == mp_const_none ? 1e-9 : mp_obj_get_float(args[ARG_rel_tol].u_obj);
    mp_float_t abs_ = args[ARG_abs_tol].u_obj == mp_const_none ? 0.0 : mp_obj_get_float(args[ARG_abs_tol].u_obj);
    if (rel < 0 || abs_ < 0) {
        mp_raise_ValueError("tolerances must be non-negative");
    }
    if (a == b) {
        return mp_const_true;
    }
    if (isinf(a) || isinf(b)) {
        return mp_const_false;
    }
    mp_float_t d = fabs(b - a);
    return mp_obj_new_bool(d <= fabs(rel * b) || d <= fabs(rel * a) || d <= abs_);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mpn_math_isclose_obj, 2, math_isclose);

// Shewchuk's exact partial sums, rounded once at the end (CPython's msum).
STATIC mp_obj_t math_fsum(mp_obj_t iterable) {
    size_t cap = 32, n = 0;
    mp_float_t *p = m_new(mp_float_t, cap);
    mp_float_t special = 0, inf_sum = 0;
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_getiter(iterable, &buf), item;
    while ((item = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        mp_float_t x = mp_obj_get_float(item), xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            mp_float_t y = p[j];
            if (fabs(x) < fabs(y)) {
                mp_float_t t = x;
                x = y;
                y = t;
            }
            mp_float_t hi = x + y, lo = y - (hi - x);
            if (lo != 0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    mp_raise_msg(&mp_type_OverflowError, "intermediate overflow in fsum");
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special += xsave;
                n = 0;
            } else {
                if (n == cap) {
                    p = m_renew(mp_float_t, p, cap, cap * 2);
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special != 0) {
        if (isnan(inf_sum)) {
            mp_raise_ValueError("-inf + inf in fsum");
        }
        return mp_obj_new_float(special);
    }
    mp_float_t hi = 0, lo = 0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            mp_float_t x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            mp_float_t y = lo * 2, x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    m_del(mp_float_t, p, cap);
    return mp_obj_new_float(hi);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpn_math_fsum_obj, math_fsum);

// product of the ints lo..hi (Python ints), by halves so big ones stay balanced
static mp_obj_t range_prod(mp_obj_t lo, mp_obj_t hi) {
    mp_obj_t diff = OP(SUBTRACT, hi, lo);
    if (mp_obj_is_true(OP(LESS, diff, SMALL(8)))) {
        mp_obj_t r = SMALL(1);
        for (; !mp_obj_is_true(OP(MORE, lo, hi)); lo = OP(ADD, lo, SMALL(1))) {
            r = OP(MULTIPLY, r, lo);
        }
        return r;
    }
    mp_obj_t mid = OP(FLOOR_DIVIDE, OP(ADD, lo, hi), SMALL(2));
    return OP(MULTIPLY, range_prod(lo, mid), range_prod(OP(ADD, mid, SMALL(1)), hi));
}

STATIC mp_obj_t math_factorial(mp_obj_t n) {
    if (is_neg(need_int(n))) {
        mp_raise_ValueError("factorial() not defined for negative values");
    }
    return range_prod(SMALL(1), n);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpn_math_factorial_obj, math_factorial);

static void check_nk(mp_obj_t n, mp_obj_t k) {
    need_int(n);
    need_int(k);
    if (is_neg(n)) {
        mp_raise_ValueError("n must be a non-negative integer");
    }
    if (is_neg(k)) {
        mp_raise_ValueError("k must be a non-negative integer");
    }
}

STATIC mp_obj_t math_perm(size_t n_args, const mp_obj_t *args) {
    mp_obj_t n = args[0];
    if (n_args == 1 || args[1] == mp_const_none) {
        return math_factorial(n);
    }
    mp_obj_t k = args[1];
    check_nk(n, k);
    if (mp_obj_is_true(OP(MORE, k, n))) {
        return SMALL(0);
    }
    return range_prod(OP(ADD, OP(SUBTRACT, n, k), SMALL(1)), n);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_math_perm_obj, 1, 2, math_perm);

STATIC mp_obj_t math_comb(mp_obj_t n, mp_obj_t k) {
    check_nk(n, k);
    if (mp_obj_is_true(OP(MORE, k, n))) {
        return SMALL(0);
    }
    mp_obj_t j = OP(SUBTRACT, n, k);
    if (mp_obj_is_true(OP(LESS, j, k))) {
        k = j;
    }
    mp_obj_t r = SMALL(1);
    for (mp_obj_t i = SMALL(1); !mp_obj_is_true(OP(MORE, i, k)); i = OP(ADD, i, SMALL(1))) {
        r = OP(FLOOR_DIVIDE, OP(MULTIPLY, r, OP(ADD, OP(SUBTRACT, n, k), i)), i);
    }
    return r;
}
MP_DEFINE_CONST_FUN_OBJ_2(mpn_math_comb_obj, math_comb);

static mp_obj_t int_abs(mp_obj_t x) {
    return is_neg(x) ? mp_unary_op(MP_UNARY_OP_NEGATIVE, x) : x;
}

static mp_obj_t gcd2(mp_obj_t a, mp_obj_t b) {
    a = int_abs(a);
    b = int_abs(b);
    while (mp_obj_int_sign(b) != 0) {
        mp_obj_t t = OP(MODULO, a, b);
        a = b;
        b = t;
    }
    return a;
}

STATIC mp_obj_t math_gcd(size_t n_args, const mp_obj_t *args) {
    mp_obj_t g = SMALL(0);
    for (size_t i = 0; i < n_args; i++) {
        g = gcd2(g, need_int(args[i]));
    }
    return g;
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mpn_math_gcd_obj, 0, math_gcd);

STATIC mp_obj_t math_lcm(size_t n_args, const mp_obj_t *args) {
    mp_obj_t l = SMALL(1);
    for (size_t i = 0; i < n_args; i++) {
        mp_obj_t x = int_abs(need_int(args[i]));
        if (mp_obj_int_sign(x) == 0 || mp_obj_int_sign(l) == 0) {
            l = SMALL(0);
            continue;
        }
        l = OP(MULTIPLY, OP(FLOOR_DIVIDE, l, gcd2(l, x)), x);
    }
    return l;
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mpn_math_lcm_obj, 0, math_lcm);

STATIC mp_obj_t math_isqrt(mp_obj_t n) {
    if (is_neg(need_int(n))) {
        mp_raise_ValueError("isqrt() argument must be nonnegative");
    }
    if (mp_obj_int_sign(n) == 0) {
        return SMALL(0);
    }
    mp_uint_t bits = mpn_bit_length(n);
    mp_obj_t x = OP(LSHIFT, SMALL(1), mp_obj_new_int_from_uint((bits + 1) / 2));
    for (;;) {
        mp_obj_t y = OP(FLOOR_DIVIDE, OP(ADD, x, OP(FLOOR_DIVIDE, n, x)), SMALL(2));
        if (!mp_obj_is_true(OP(LESS, y, x))) {
            return x;
        }
        x = y;
    }
}
MP_DEFINE_CONST_FUN_OBJ_1(mpn_math_isqrt_obj, math_isqrt);

STATIC mp_obj_t math_prod(size_t n_args, const mp_obj_t *pos, mp_map_t *kw) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_iterable, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_start, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(1)} },
    };
    mp_arg_val_t args[2];
    mp_arg_parse_all(n_args, pos, kw, 2, allowed, args);
    mp_obj_t r = args[1].u_obj, item;
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_getiter(args[0].u_obj, &buf);
    while ((item = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        r = OP(MULTIPLY, r, item);
    }
    return r;
}
MP_DEFINE_CONST_FUN_OBJ_KW(mpn_math_prod_obj, 1, math_prod);

// sqrt of the sum of squares, scaled by the largest magnitude
static mp_obj_t norm(size_t n, const mp_obj_t *a, const mp_obj_t *b) {
    mp_float_t h = 0;
    bool nan = false, inf = false;
    for (size_t i = 0; i < n; i++) {
        mp_float_t x = mp_obj_get_float(a[i]);
        if (b) {
            x -= mp_obj_get_float(b[i]);
        }
        inf |= isinf(x);
        nan |= isnan(x);
        h = hypot(h, x);
    }
    return mp_obj_new_float(inf ? INFINITY : nan ? NAN : h);
}

STATIC mp_obj_t math_hypot(size_t n_args, const mp_obj_t *args) {
    return norm(n_args, args, NULL);
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mpn_math_hypot_obj, 0, math_hypot);

STATIC mp_obj_t math_dist(mp_obj_t p, mp_obj_t q) {
    size_t np, nq;
    mp_obj_t *ap, *aq;
    mp_obj_get_array(p, &np, &ap);
    mp_obj_get_array(q, &nq, &aq);
    if (np != nq) {
        mp_raise_ValueError("both points must have the same number of dimensions");
    }
    return norm(np, ap, aq);
}
MP_DEFINE_CONST_FUN_OBJ_2(mpn_math_dist_obj, math_dist);
