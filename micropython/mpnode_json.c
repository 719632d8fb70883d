// The native half of pylib/json.py (issue 10, item 10): `_json.loads` runs
// the shim's Rust JSON parser, the one that reads the run envelope, so the
// runtime carries one JSON codec instead of also extmod/modujson.c. It
// returns `_json.FAIL` for a document that parser refuses; json.py then
// parses it itself, to raise CPython's JSONDecodeError (or to accept what
// CPython accepts beyond strict JSON: NaN, Infinity, lone surrogates).
#include "py/runtime.h"

mp_obj_t mpn_json_loads(const char *text, size_t len); // shim/src/json.rs

STATIC mp_obj_t json_loads(mp_obj_t s);
STATIC MP_DEFINE_CONST_FUN_OBJ_1(json_loads_obj, json_loads);

STATIC mp_obj_t json_loads(mp_obj_t s) {
    size_t len;
    const char *p = mp_obj_str_get_data(s, &len);
    mp_obj_t v = mpn_json_loads(p, len);
    return v != MP_OBJ_NULL ? v : MP_OBJ_FROM_PTR(&json_loads_obj);
}

STATIC const mp_rom_map_elem_t json_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__json) },
    { MP_ROM_QSTR(MP_QSTR_loads), MP_ROM_PTR(&json_loads_obj) },
    { MP_ROM_QSTR(MP_QSTR_FAIL), MP_ROM_PTR(&json_loads_obj) },
};
STATIC MP_DEFINE_CONST_DICT(json_globals, json_globals_table);

const mp_obj_module_t mpn_module_json = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&json_globals,
};
