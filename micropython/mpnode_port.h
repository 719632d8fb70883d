// Declarations shared by the mpnode glue (mpnode_port.c) and the Rust shim;
// bindgen reads this header together with MicroPython's own.
#ifndef MPNODE_PORT_H
#define MPNODE_PORT_H

#include "py/obj.h"
#include "py/misc.h"

// What a Python value is, as far as JSON cares.
typedef enum {
    MPN_NONE = 0,
    MPN_BOOL = 1,
    MPN_INT = 2,      // small int
    MPN_BIGINT = 3,   // arbitrary precision int (MPZ)
    MPN_FLOAT = 4,
    MPN_STR = 5,
    MPN_LIST = 6,
    MPN_TUPLE = 7,
    MPN_DICT = 8,
    MPN_BYTES = 9,
    MPN_OTHER = 10,
} mpn_kind_t;

void *nlr_protect(mp_protected_body_t body, void *a, void *b);
void mpn_init(void *heap_start, void *heap_end);
void mpn_set_files(const void *table, size_t count);
void **mpn_roots(void);
uint64_t mpn_host_random(void);
void mpn_stdout_flush(void);
void mpn_gc_safe_point(void);
void mpn_snapshot_trim(void);
extern void *mpn_gc_direct_fun;
extern bool mpn_gc_clean;
extern bool mpn_gc_wanted;
size_t mpn_stack_room(void);
mp_obj_t mpn_const_none(void);
mp_obj_t mpn_const_true(void);
mp_obj_t mpn_const_false(void);
mpn_kind_t mpn_kind(mp_obj_t o);
mp_obj_t mpn_native_of(mp_obj_t o);
mp_int_t mpn_small_int_value(mp_obj_t o);
const char *mpn_type_name(mp_obj_t o);
qstr mpn_qstr(const char *str, size_t len);
void mpn_exec_source(mp_obj_t module, const char *src, size_t len, const char *file, size_t file_len);
void mpn_format_exception(mp_obj_t exc, vstr_t *vstr);
void mpn_repr(mp_obj_t o, vstr_t *vstr);
// mpnode_float.c: exact float text (patch 0020)
int mpn_dtoa(double v, int mode, int nd, char *buf, int cap, int *decpt);
const char *mpn_parse_decimal(const char *str, const char *top, double *out);
mp_obj_t mpn_builtin_round(size_t n_args, const mp_obj_t *args);
// mpnode_numbers.c (patch 0023)
mp_obj_t mpn_pow3(mp_obj_t a, mp_obj_t b, mp_obj_t m);
bool mpn_without_underscores(const char *s, size_t len, vstr_t *out);
mp_uint_t mpn_bit_length(mp_obj_t x);
mp_obj_t mpn_format_field(mp_obj_t arg, const char *s, const char *top);
// mpnode_math.c (patch 0024)
bool mpn_math_overflows(void *f, mp_float_t x);

#endif
