// int, float and bytes methods as CPython 3.11 has them (patch 0023):
// int.bit_length/bit_count/to_bytes/from_bytes (byteorder= and signed=
// keywords, CPython's defaults), float.is_integer/as_integer_ratio,
// bytes.hex/bytes.fromhex, pow(a, b, m) with a negative exponent, and '_'
// between the digits of int(str).
#include <string.h>
#include <math.h>
#include "py/runtime.h"
#include "py/objint.h"
#include "py/binary.h"
#include "py/objstr.h"
#include "py/parsenum.h"
#include "mpnode_port.h"

#define OP(op, a, b) mp_binary_op(MP_BINARY_OP_##op, (a), (b))
#define SMALL(v) MP_OBJ_NEW_SMALL_INT(v)

static bool int_neg(mp_obj_t x) {
    return mp_obj_int_sign(x) < 0;
}

static mp_obj_t int_abs(mp_obj_t x) {
    return int_neg(x) ? mp_unary_op(MP_UNARY_OP_NEGATIVE, x) : x;
}

// bits of |x|
mp_uint_t mpn_bit_length(mp_obj_t x) {
    x = int_abs(x);
    if (MP_OBJ_IS_SMALL_INT(x)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(x);
        return v ? 32 - __builtin_clz((uint32_t)v) : 0;
    }
    const mpz_t *z = &((mp_obj_int_t *)MP_OBJ_TO_PTR(x))->mpz;
    if (z->len == 0) {
        return 0;
    }
    return (z->len - 1) * MPZ_DIG_SIZE + 32 - __builtin_clz((uint32_t)z->dig[z->len - 1]);
}

STATIC mp_obj_t int_bit_length(mp_obj_t self) {
    return mp_obj_new_int_from_uint(mpn_bit_length(self));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(int_bit_length_obj, int_bit_length);

STATIC mp_obj_t int_bit_count(mp_obj_t self) {
    mp_obj_t x = int_abs(self);
    mp_uint_t n = 0;
    if (MP_OBJ_IS_SMALL_INT(x)) {
        n = __builtin_popcount((uint32_t)MP_OBJ_SMALL_INT_VALUE(x));
    } else {
        const mpz_t *z = &((mp_obj_int_t *)MP_OBJ_TO_PTR(x))->mpz;
        for (size_t i = 0; i < z->len; i++) {
            n += __builtin_popcount(z->dig[i]);
        }
    }
    return mp_obj_new_int_from_uint(n);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(int_bit_count_obj, int_bit_count);

static bool big_endian(mp_obj_t order) {
    if (order == MP_OBJ_NEW_QSTR(MP_QSTR_big)) {
        return true;
    }
    if (order != MP_OBJ_NEW_QSTR(MP_QSTR_little)) {
        const char *s = mp_obj_str_get_str(order);
        if (strcmp(s, "big") == 0) {
            return true;
        }
        if (strcmp(s, "little") != 0) {
            mp_raise_ValueError("byteorder must be either 'little' or 'big'");
        }
    }
    return false;
}

// 2^bits as an int
static mp_obj_t pow2(mp_uint_t bits) {
    return OP(LSHIFT, SMALL(1), mp_obj_new_int_from_uint(bits));
}

STATIC mp_obj_t int_to_bytes(size_t n_args, const mp_obj_t *pos, mp_map_t *kw) {
    enum { ARG_length, ARG_byteorder, ARG_signed };
    static const mp_arg_t allowed[] = {
        { MP_QSTR_length, MP_ARG_INT, {.u_int = 1} },
        { MP_QSTR_byteorder, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_big)} },
        { MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
    };
    mp_arg_val_t a[3];
    mp_arg_parse_all(n_args - 1, pos + 1, kw, 3, allowed, a);
    mp_obj_t x = pos[0];
    mp_int_t len = a[ARG_length].u_int;
    bool be = big_endian(a[ARG_byteorder].u_obj);
    if (len < 0) {
        mp_raise_ValueError("length argument must be non-negative");
    }
    bool neg = int_neg(x);
    if (neg && !a[ARG_signed].u_bool) {
        mp_raise_msg(&mp_type_OverflowError, "can't convert negative int to unsigned");
    }
    mp_uint_t bits = mpn_bit_length(neg ? OP(ADD, x, SMALL(1)) : x) + a[ARG_signed].u_bool;
    if (bits > (mp_uint_t)len * 8) {
        mp_raise_msg(&mp_type_OverflowError, "int too big to convert");
    }
    if (neg) {
        x = OP(ADD, x, pow2(len * 8));
    }
    vstr_t vstr;
    vstr_init_len(&vstr, len);
    byte *data = (byte *)vstr.buf;
    memset(data, 0, len);
    if (!MP_OBJ_IS_SMALL_INT(x)) {
        mp_obj_int_to_bytes_impl(x, be, len, data);
    } else if (len) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(x);
        size_t l = (size_t)len < sizeof(v) ? (size_t)len : sizeof(v);
        mp_binary_set_int(l, be, data + (be ? len - l : 0), v);
    }
    return mp_obj_new_str_from_vstr(&mp_type_bytes, &vstr);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(int_to_bytes_obj, 1, int_to_bytes);

STATIC mp_obj_t int_from_bytes(size_t n_args, const mp_obj_t *pos, mp_map_t *kw) {
    enum { ARG_bytes, ARG_byteorder, ARG_signed };
    static const mp_arg_t allowed[] = {
        { MP_QSTR_bytes, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_PTR(&mp_const_none_obj)} },
        { MP_QSTR_byteorder, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_big)} },
        { MP_QSTR_signed, MP_ARG_KW_ONLY | MP_ARG_BOOL, {.u_bool = false} },
    };
    mp_arg_val_t a[3];
    mp_arg_parse_all(n_args - 1, pos + 1, kw, 3, allowed, a);
    bool be = big_endian(a[ARG_byteorder].u_obj);
    mp_obj_t src = a[ARG_bytes].u_obj;
    mp_buffer_info_t buf;
    if (!mp_get_buffer(src, &buf, MP_BUFFER_READ)) {
        // an iterable of ints, as CPython accepts
        src = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytes), src);
        mp_get_buffer_raise(src, &buf, MP_BUFFER_READ);
    }
    mp_obj_t x = buf.len ? mp_obj_int_from_bytes_impl(be, buf.len, buf.buf) : SMALL(0);
    if (a[ARG_signed].u_bool && buf.len && (((byte *)buf.buf)[be ? 0 : buf.len - 1] & 0x80)) {
        x = OP(SUBTRACT, x, pow2(buf.len * 8));
    }
    return x;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(int_from_bytes_fun_obj, 2, int_from_bytes);
STATIC MP_DEFINE_CONST_CLASSMETHOD_OBJ(int_from_bytes_obj, MP_ROM_PTR(&int_from_bytes_fun_obj));

STATIC const mp_rom_map_elem_t mpn_int_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_from_bytes), MP_ROM_PTR(&int_from_bytes_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_bytes), MP_ROM_PTR(&int_to_bytes_obj) },
    { MP_ROM_QSTR(MP_QSTR_bit_length), MP_ROM_PTR(&int_bit_length_obj) },
    { MP_ROM_QSTR(MP_QSTR_bit_count), MP_ROM_PTR(&int_bit_count_obj) },
};
MP_DEFINE_CONST_DICT(mpn_int_locals_dict, mpn_int_locals_dict_table);

// ---- float ---------------------------------------------------------------------------
STATIC mp_obj_t float_is_integer(mp_obj_t self) {
    mp_float_t v = mp_obj_get_float(self);
    return mp_obj_new_bool(isfinite(v) && v == floor(v));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(float_is_integer_obj, float_is_integer);

STATIC mp_obj_t float_as_integer_ratio(mp_obj_t self) {
    mp_float_t v = mp_obj_get_float(self);
    if (isinf(v)) {
        mp_raise_msg(&mp_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(v)) {
        mp_raise_ValueError("cannot convert NaN to integer ratio");
    }
    int e;
    mp_float_t m = frexp(v, &e);
    while (m != floor(m)) {
        m *= 2;
        e--;
    }
    mp_obj_t t[2] = {mp_obj_new_int_from_float(m), SMALL(1)};
    if (e > 0) {
        t[0] = OP(LSHIFT, t[0], SMALL(e));
    } else {
        t[1] = pow2(-e);
    }
    return mp_obj_new_tuple(2, t);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(float_as_integer_ratio_obj, float_as_integer_ratio);

STATIC const mp_rom_map_elem_t mpn_float_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_is_integer), MP_ROM_PTR(&float_is_integer_obj) },
    { MP_ROM_QSTR(MP_QSTR_as_integer_ratio), MP_ROM_PTR(&float_as_integer_ratio_obj) },
};
MP_DEFINE_CONST_DICT(mpn_float_locals_dict, mpn_float_locals_dict_table);

// ---- bytes ---------------------------------------------------------------------------
STATIC mp_obj_t bytes_hex(mp_obj_t self) {
    mp_buffer_info_t buf;
    mp_get_buffer_raise(self, &buf, MP_BUFFER_READ);
    vstr_t vstr;
    vstr_init_len(&vstr, buf.len * 2);
    for (size_t i = 0; i < buf.len; i++) {
        byte b = ((byte *)buf.buf)[i];
        vstr.buf[2 * i] = "0123456789abcdef"[b >> 4];
        vstr.buf[2 * i + 1] = "0123456789abcdef"[b & 15];
    }
    return mp_obj_new_str_from_vstr(&mp_type_str, &vstr);
}
MP_DEFINE_CONST_FUN_OBJ_1(mpn_bytes_hex_obj, bytes_hex);

static int hexval(byte c) {
    return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

STATIC mp_obj_t bytes_fromhex(mp_obj_t type, mp_obj_t s) {
    (void)type;
    size_t len;
    const byte *p = (const byte *)mp_obj_str_get_data(s, &len);
    vstr_t vstr;
    vstr_init(&vstr, len / 2);
    for (size_t i = 0; i < len;) {
        if (unichar_isspace(p[i])) {
            i++;
            continue;
        }
        int hi = hexval(p[i]);
        int lo = i + 1 < len ? hexval(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_ValueError, "non-hexadecimal number found in fromhex() arg at position %d", (int)(hi < 0 ? i : i + 1)));
        }
        vstr_add_byte(&vstr, hi * 16 + lo);
        i += 2;
    }
    return mp_obj_new_str_from_vstr(&mp_type_bytes, &vstr);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(bytes_fromhex_fun_obj, bytes_fromhex);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpn_bytes_fromhex_obj, MP_ROM_PTR(&bytes_fromhex_fun_obj));

// ---- pow(a, b, m) --------------------------------------------------------------------
mp_obj_t mpn_pow3(mp_obj_t a, mp_obj_t b, mp_obj_t m) {
    if (!MP_OBJ_IS_INT(a) || !MP_OBJ_IS_INT(b) || !MP_OBJ_IS_INT(m)) {
        mp_raise_TypeError("pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (mp_obj_int_sign(m) == 0) {
        mp_raise_ValueError("pow() 3rd argument cannot be 0");
    }
    a = OP(MODULO, a, m);
    if (int_neg(b)) {
        // the inverse of a modulo |m|, by the extended Euclidean algorithm
        mp_obj_t r0 = int_abs(m), r1 = OP(MODULO, a, r0), s0 = SMALL(0), s1 = SMALL(1);
        while (mp_obj_int_sign(r1) != 0) {
            mp_obj_t q = OP(FLOOR_DIVIDE, r0, r1);
            mp_obj_t t = OP(SUBTRACT, r0, OP(MULTIPLY, q, r1));
            r0 = r1;
            r1 = t;
            t = OP(SUBTRACT, s0, OP(MULTIPLY, q, s1));
            s0 = s1;
            s1 = t;
        }
        if (!mp_obj_equal(r0, SMALL(1))) {
            mp_raise_ValueError("base is not invertible for the given modulus");
        }
        a = OP(MODULO, s0, m);
        b = mp_unary_op(MP_UNARY_OP_NEGATIVE, b);
    }
    if (mp_obj_int_sign(m) > 0 && mp_obj_int_sign(b) > 0) {
        // 0 <= a < m, b > 0: mpz's in-place modular power
        return mp_obj_int_pow3(a, b, m);
    }
    mp_obj_t r = OP(MODULO, SMALL(1), m);
    while (mp_obj_int_sign(b) != 0) {
        if (mp_obj_is_true(OP(AND, b, SMALL(1)))) {
            r = OP(MODULO, OP(MULTIPLY, r, a), m);
        }
        b = OP(RSHIFT, b, SMALL(1));
        if (mp_obj_int_sign(b) != 0) {
            a = OP(MODULO, OP(MULTIPLY, a, a), m);
        }
    }
    return r;
}

// ---- int(str): '_' between digits ------------------------------------------------------
// A copy of str without its underscores, when each one sits between two
// digits (or after a base prefix), as CPython allows; false otherwise.
bool mpn_without_underscores(const char *s, size_t len, vstr_t *out) {
    vstr_init(out, len);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 == len || !(unichar_isdigit(s[i + 1]) || unichar_isalpha(s[i + 1]))) {
                return false;
            }
            byte p = s[i - 1];
            if (!(unichar_isdigit(p) || unichar_isalpha(p))) {
                return false;
            }
            continue;
        }
        vstr_add_byte(out, s[i]);
    }
    return true;
}

// ---- format(), and str.format's {0.attr} / {0[key]} (patch 0025) -------------------------
// format(value, spec=''): the builtin, through str.format's spec handling.
STATIC mp_obj_t builtin_format(size_t n_args, const mp_obj_t *args) {
    vstr_t v;
    vstr_init(&v, 16);
    vstr_add_str(&v, "{:");
    if (n_args > 1) {
        size_t len;
        const char *s = mp_obj_str_get_data(args[1], &len);
        vstr_add_strn(&v, s, len);
    }
    vstr_add_byte(&v, '}');
    mp_obj_t a[2] = {mp_obj_new_str_from_vstr(&mp_type_str, &v), args[0]};
    mp_map_t kw;
    mp_map_init(&kw, 0);
    return mp_obj_str_format(2, a, &kw);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_builtin_format_obj, 1, 2, builtin_format);

// What follows a replacement field's first part: .attr and [key] (an int
// when all digits, else a str), as CPython's str.format reads them.
mp_obj_t mpn_format_field(mp_obj_t arg, const char *s, const char *top) {
    while (s < top) {
        const char *b = s + 1;
        if (*s == '.') {
            for (s = b; s < top && *s != '.' && *s != '['; s++) {
            }
            if (s == b) {
                mp_raise_ValueError("Empty attribute in format string");
            }
            arg = mp_load_attr(arg, qstr_from_strn(b, s - b));
        } else if (*s == '[') {
            bool digits = true;
            for (s = b; s < top && *s != ']'; s++) {
                digits &= unichar_isdigit(*s);
            }
            if (s == top) {
                mp_raise_ValueError("Missing ']' in format string");
            }
            if (s == b) {
                mp_raise_ValueError("Empty attribute in format string");
            }
            mp_obj_t key = digits ? mp_parse_num_integer(b, s - b, 10, NULL) : mp_obj_new_str(b, s - b);
            arg = mp_obj_subscr(arg, key, MP_OBJ_SENTINEL);
            s++;
        } else {
            mp_raise_ValueError("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return arg;
}
