// mpnode: exceptions as CPython 3.11 prints them.
//
// - mpn_format_exception: the error string a failing node reports, with
//   the chain of causes and contexts first (patch 0034 records them), each
//   traceback and each last line as CPython's (a bare name when str(e) is
//   empty; str() used, so a class's own __str__ shows);
// - RecursionError, a RuntimeError, raised for deep recursion (patch 0036);
// - CPython's texts for common errors (patch 0037);
// - the class hooks __set_name__ and __init_subclass__ (patch 0038).
#include "py/objexcept.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/objfun.h"
#include "py/bc.h"
#include "py/runtime.h"

const mp_obj_type_t mp_type_RecursionError = {
    { &mp_type_type },
    .name = MP_QSTR_RecursionError,
    .print = mp_obj_exception_print,
    .make_new = mp_obj_exception_make_new,
    .attr = mp_obj_exception_attr,
    .parent = &mp_type_RuntimeError,
};

// str(exc) into the vstr b (a protected body).
static void str_into(void *exc, void *b) {
    mp_print_t to_text = { b, (mp_print_strn_t)vstr_add_strn };
    mp_obj_print_helper(&to_text, exc, PRINT_STR);
}

static void print_one(const mp_print_t *print, mp_obj_t exc, int depth) {
    mp_obj_t cause, context;
    bool suppress = mp_obj_exception_get_chain(exc, &cause, &context);
    // CPython stops at a cycle; a depth bound does the same here.
    if (depth < 32) {
        if (cause != mp_const_none) {
            print_one(print, cause, depth + 1);
            mp_print_str(print, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (context != mp_const_none && !suppress) {
            print_one(print, context, depth + 1);
            mp_print_str(print, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    size_t n, *values;
    mp_obj_exception_get_traceback(exc, &n, &values);
    if (n > 0) {
        mp_print_str(print, "Traceback (most recent call last):\n");
        for (int i = n - 3; i >= 0; i -= 3) {
            mp_printf(print, "  File \"%q\", line %d", values[i], (int)values[i + 1]);
            if (values[i + 2] == MP_QSTR_NULL) {
                mp_print_str(print, "\n");
            } else {
                mp_printf(print, ", in %q\n", values[i + 2]);
            }
        }
    }
    // A class of the node's own code shows its module, as in CPython.
    const mp_obj_type_t *type = mp_obj_get_type(exc);
    if (!mp_obj_is_native_exception_instance(exc) && type->locals_dict != NULL) {
        mp_map_elem_t *m = mp_map_lookup(&type->locals_dict->map, MP_OBJ_NEW_QSTR(MP_QSTR___module__), MP_MAP_LOOKUP);
        if (m != NULL && MP_OBJ_IS_QSTR(m->value) && m->value != MP_OBJ_NEW_QSTR(MP_QSTR___main__)) {
            mp_printf(print, "%q.", MP_OBJ_QSTR_VALUE(m->value));
        }
    }
    mp_print_str(print, qstr_str(type->name));
    vstr_t text;
    vstr_init(&text, 16);
    if (nlr_protect(str_into, exc, &text) != NULL) {
        // a class's own __str__ raised: CPython's placeholder
        text.len = 0;
        vstr_add_str(&text, "<exception str() failed>");
    }
    if (text.len > 0) {
        mp_printf(print, ": %.*s", (int)text.len, text.buf);
    }
    vstr_clear(&text);
    mp_print_str(print, "\n");
}

// Appends the exception's traceback and message, as CPython prints them, to
// `vstr` (which the caller owns). Raises only on out-of-memory (or when a
// class's own __str__ raises).
void mpn_format_exception(mp_obj_t exc, vstr_t *vstr) {
    mp_print_t print = { vstr, (mp_print_strn_t)vstr_add_strn };
    if (!mp_obj_is_exception_instance(exc)) {
        mp_obj_print_exception(&print, exc);
        return;
    }
    print_one(&print, exc, 0);
}

// ---- CPython's messages for common errors (patch 0037) --------------------------

// ValueError of int(s, base) (base >= 0) or float(s) (base < 0).
mp_obj_t mpn_number_error(int base, const char *str, size_t len) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 50, &print);
    if (base < 0) {
        mp_print_str(&print, "could not convert string to float: ");
    } else {
        mp_printf(&print, "invalid literal for int() with base %d: ", base);
    }
    mp_obj_print_helper(&print, mp_obj_new_str(str, len), PRINT_REPR);
    return mp_obj_new_exception_arg1(&mp_type_ValueError, mp_obj_new_str_from_vstr(&mp_type_str, &vstr));
}

// Operator symbols from MP_BINARY_OP_LESS to MP_BINARY_OP_POWER (runtime0.h).
static const char *const op_symbols[] = {
    "<", ">", "==", "<=", ">=", "!=", "in", "is", "",
    "|=", "^=", "&=", "<<=", ">>=", "+=", "-=", "*=", "//=", "/=", "%=", "**=",
    "|", "^", "&", "<<", ">>", "+", "-", "*", "//", "/", "%", "** or pow()",
};

// TypeError for an operator the operands do not support.
mp_obj_t mpn_op_error(int op, mp_obj_t lhs, mp_obj_t rhs) {
    const char *l = mp_obj_get_type_str(lhs), *r = mp_obj_get_type_str(rhs);
    if (op > MP_BINARY_OP_POWER) {
        return mp_obj_new_exception_msg_varg(&mp_type_TypeError, "unsupported operand type(s): '%s' and '%s'", l, r);
    }
    if (op == MP_BINARY_OP_MULTIPLY || op == MP_BINARY_OP_INPLACE_MULTIPLY) {
        for (int i = 0; i < 2; i++) {
            mp_obj_t seq = i ? rhs : lhs, other = i ? lhs : rhs;
            if (MP_OBJ_IS_STR_OR_BYTES(seq) || MP_OBJ_IS_TYPE(seq, &mp_type_list) || MP_OBJ_IS_TYPE(seq, &mp_type_tuple)) {
                return mp_obj_new_exception_msg_varg(&mp_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                    mp_obj_get_type_str(other));
            }
        }
    }
    const char *sym = op_symbols[op - MP_BINARY_OP_LESS];
    if (op <= MP_BINARY_OP_NOT_EQUAL) {
        return mp_obj_new_exception_msg_varg(&mp_type_TypeError, "'%s' not supported between instances of '%s' and '%s'", sym, l, r);
    }
    return mp_obj_new_exception_msg_varg(&mp_type_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, l, r);
}

// str <op> a value of another type: concatenation and containment raise
// CPython's TypeError; other operators are left to the runtime's message.
mp_obj_t mpn_str_op_error(int op, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_ADD || op == MP_BINARY_OP_INPLACE_ADD) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError, "can only concatenate str (not \"%s\") to str", mp_obj_get_type_str(rhs)));
    }
    if (op == MP_BINARY_OP_CONTAINS) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError, "'in <string>' requires string as left operand, not %s", mp_obj_get_type_str(rhs)));
    }
    return MP_OBJ_NULL;
}

// ---- class hooks (patch 0038) ----------------------------------------------------

// Runs when a class statement has made `cls`: each attribute's
// __set_name__(cls, name), then the first base's __init_subclass__ found
// along the bases, called on cls (CPython's order).
void mpn_class_created(mp_obj_t cls, size_t n_bases, const mp_obj_t *bases) {
    mp_obj_type_t *type = MP_OBJ_TO_PTR(cls);
    mp_map_t *map = &type->locals_dict->map;
    for (size_t i = 0; i < map->alloc; i++) {
        if (MP_MAP_SLOT_IS_FILLED(map, i)) {
            // Looked up on the value's class, as CPython does.
            mp_obj_t value = map->table[i].value;
            const mp_obj_type_t *vt = mp_obj_get_type(value);
            if (vt->make_new != mp_obj_instance_make_new) {
                continue;
            }
            mp_obj_t dest[2];
            mp_load_method_maybe(MP_OBJ_FROM_PTR(vt), MP_QSTR___set_name__, dest);
            if (dest[0] != MP_OBJ_NULL) {
                mp_obj_t args[3] = { value, cls, map->table[i].key };
                mp_call_function_n_kw(dest[0], 3, 0, args);
            }
        }
    }
    for (size_t i = 0; i < n_bases; i++) {
        mp_obj_t dest[2];
        mp_load_method_maybe(bases[i], MP_QSTR___init_subclass__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            if (dest[1] != MP_OBJ_NULL) {
                dest[1] = cls; // bound to the base: call it on the new class
            }
            mp_call_method_n_kw(0, 0, dest);
            return;
        }
    }
}

// TypeError for a call of a Python function with too many or too few
// positional arguments, in CPython's words ("f() takes 1 positional
// argument but 2 were given", "f() missing 2 required positional
// arguments: 'a' and 'b'").
mp_obj_t mpn_args_error(const mp_obj_fun_bc_t *f, size_t given) {
    const byte *ip = f->bytecode;
    mp_decode_uint(&ip); // n_state
    mp_decode_uint(&ip); // n_exc_stack
    ip++; // scope_flags
    size_t n_pos = *ip++;
    ip++; // n_kwonly_args
    size_t n_def = *ip++;
    size_t required = n_pos - n_def;
    qstr name = mp_obj_fun_get_name(MP_OBJ_FROM_PTR(f));
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 64, &print);
    if (given > n_pos) {
        if (n_def > 0) {
            mp_printf(&print, "%q() takes from %u to %u positional arguments", name, (unsigned)required, (unsigned)n_pos);
        } else {
            mp_printf(&print, "%q() takes %u positional argument%s", name, (unsigned)n_pos, n_pos == 1 ? "" : "s");
        }
        mp_printf(&print, " but %u %s given", (unsigned)given, given == 1 ? "was" : "were");
    } else {
        size_t missing = required - given;
        const mp_obj_t *arg_names = (const mp_obj_t *)f->const_table;
        mp_printf(&print, "%q() missing %u required positional argument%s: ", name, (unsigned)missing, missing == 1 ? "" : "s");
        for (size_t i = given; i < required; i++) {
            if (i > given) {
                mp_print_str(&print, missing == 2 ? " and " : i + 1 == required ? ", and " : ", ");
            }
            mp_printf(&print, "'%q'", MP_OBJ_QSTR_VALUE(arg_names[i]));
        }
    }
    return mp_obj_new_exception_arg1(&mp_type_TypeError, mp_obj_new_str_from_vstr(&mp_type_str, &vstr));
}
