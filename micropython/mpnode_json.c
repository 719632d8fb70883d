// The native half of pylib/json.py (issue 10, item 10): `_json.loads` runs
// the shim's Rust JSON parser, the one that reads the run envelope, so the
// runtime carries one JSON codec instead of also extmod/modujson.c. It
// returns `_json.FAIL` for a document that parser refuses; json.py then
// parses it itself, to raise CPython's JSONDecodeError (or to accept what
// CPython accepts beyond strict JSON: NaN, Infinity, lone surrogates).
#include "py/runtime.h"
#include "py/unicode.h"

mp_obj_t mpn_json_loads(const char *text, size_t len); // shim/src/json.rs
mp_obj_t mpn_json_dumps(mp_obj_t o, bool ascii, const char *item, size_t item_len, const char *key, size_t key_len);

STATIC mp_obj_t json_loads(mp_obj_t s);
STATIC MP_DEFINE_CONST_FUN_OBJ_1(json_loads_obj, json_loads);

STATIC mp_obj_t json_loads(mp_obj_t s) {
    size_t len;
    const char *p = mp_obj_str_get_data(s, &len);
    mp_obj_t v = mpn_json_loads(p, len);
    return v != MP_OBJ_NULL ? v : MP_OBJ_FROM_PTR(&json_loads_obj);
}

static void add_u(vstr_t *v, unichar u) {
    static const char hex[] = "0123456789abcdef";
    char b[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
    vstr_add_strn(v, b, 6);
}

// `_json.quote(s, ensure_ascii)`: s as a JSON string literal, escaped as
// CPython's encoder escapes it (non-ASCII as \uXXXX, with surrogate pairs,
// when ensure_ascii).
STATIC mp_obj_t json_quote(mp_obj_t s_in, mp_obj_t ascii_in) {
    size_t len;
    const byte *p = (const byte *)mp_obj_str_get_data(s_in, &len);
    const byte *top = p + len;
    bool ascii = mp_obj_is_true(ascii_in);
    vstr_t v;
    vstr_init(&v, len + 2);
    vstr_add_byte(&v, '"');
    while (p < top) {
        byte c = *p;
        if (c >= 0x80 && ascii) {
            unichar u = utf8_get_char(p);
            p = utf8_next_char(p);
            if (u >= 0x10000) {
                u -= 0x10000;
                add_u(&v, 0xd800 | (u >> 10));
                u = 0xdc00 | (u & 0x3ff);
            }
            add_u(&v, u);
            continue;
        }
        p++;
        const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
            : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
        if (e) {
            vstr_add_strn(&v, e, 2);
        } else if (c < 0x20 || (ascii && c == 0x7f)) {
            add_u(&v, c);
        } else {
            vstr_add_byte(&v, c);
        }
    }
    vstr_add_byte(&v, '"');
    return mp_obj_new_str_from_vstr(&mp_type_str, &v);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(json_quote_obj, json_quote);

// `_json.dumps(obj, ensure_ascii, item_separator, key_separator)`: the
// shim's writer (the one that writes a node's outputs) in json.dumps'
// spelling, or `_json.FAIL` for a value it does not write as CPython does
// (NaN, bytes, other objects, a cycle): json.py then encodes it itself.
STATIC mp_obj_t json_dumps(size_t n_args, const mp_obj_t *args) {
    size_t il, kl;
    const char *i = mp_obj_str_get_data(args[2], &il);
    const char *k = mp_obj_str_get_data(args[3], &kl);
    mp_obj_t s = mpn_json_dumps(args[0], mp_obj_is_true(args[1]), i, il, k, kl);
    return s != MP_OBJ_NULL ? s : MP_OBJ_FROM_PTR(&json_loads_obj);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(json_dumps_obj, 4, 4, json_dumps);

STATIC const mp_rom_map_elem_t json_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__json) },
    { MP_ROM_QSTR(MP_QSTR_loads), MP_ROM_PTR(&json_loads_obj) },
    { MP_ROM_QSTR(MP_QSTR_FAIL), MP_ROM_PTR(&json_loads_obj) },
    { MP_ROM_QSTR(MP_QSTR_quote), MP_ROM_PTR(&json_quote_obj) },
    { MP_ROM_QSTR(MP_QSTR_dumps), MP_ROM_PTR(&json_dumps_obj) },
};
STATIC MP_DEFINE_CONST_DICT(json_globals, json_globals_table);

const mp_obj_module_t mpn_module_json = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&json_globals,
};
