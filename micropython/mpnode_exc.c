// mpnode: exceptions as CPython 3.11 prints them.
//
// - mpn_format_exception: the error string a failing node reports, with
//   the chain of causes and contexts first (patch 0034 records them), each
//   traceback and each last line as CPython's (a bare name when str(e) is
//   empty; str() used, so a class's own __str__ shows);
// - RecursionError, a RuntimeError, raised for deep recursion (patch 0036);
// - CPython's texts for common errors (patch 0037);
// - the class hooks __set_name__ and __init_subclass__ (patch 0038);
// - __slots__, __mro__, int | str and list[int] (patch 0050).
#include "py/objexcept.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/objfun.h"
#include "py/objlist.h"
#include "py/objtuple.h"
#include "py/bc.h"
#include "py/bc0.h"
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
                // the last part of the function's __qualname__ (patch 0050)
                mp_printf(print, ", in %s\n", mpn_short_name(values[i + 2]));
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
    if (str == mpn_num_alias.copy) {
        // the ASCII copy of a str with Unicode digits (mpnode_str.c)
        str = mpn_num_alias.orig;
        len = mpn_num_alias.len;
        mpn_num_alias.copy = NULL;
    }
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
void mpn_class_created(mp_obj_t cls, size_t n_bases, const mp_obj_t *bases, mp_obj_t kw) {
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
            // with the class statement's keyword arguments (a dict, or
            // NULL; patch 0050)
            mp_obj_t call[4] = { dest[0], dest[1] != MP_OBJ_NULL ? cls : MP_OBJ_NULL, MP_OBJ_NULL, kw };
            mp_call_method_n_kw_var(true, 0, call); // bound to the base: called on the new class
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

// ---- the class model (patch 0050) -----------------------------------------------

// The last part of a function's __qualname__ ("m" of "A.m"): its __name__.
const char *mpn_short_name(qstr qualname) {
    const char *s = qstr_str(qualname), *name = s;
    for (; *s; s++) {
        if (*s == '.') {
            name = s + 1;
        }
    }
    return name;
}

static void mro_walk(mp_obj_t list, const mp_obj_type_t *type) {
    const mp_obj_tuple_t *bases = type->parent;
    mp_obj_list_append(list, MP_OBJ_FROM_PTR(type));
    if (bases == NULL) {
        mp_obj_list_append(list, MP_OBJ_FROM_PTR(&mp_type_object));
    } else if (bases->base.type != &mp_type_tuple) {
        mro_walk(list, (const mp_obj_type_t *)bases);
    } else {
        for (size_t i = 0; i < bases->len; i++) {
            mro_walk(list, MP_OBJ_TO_PTR(bases->items[i]));
        }
    }
}

// CPython's MRO of `type`, as a tuple: the classes depth first, left to
// right, each kept at its last place. This is C3's order for every
// hierarchy C3 accepts with diamonds of ordinary depth (`class D(B, C)`
// over a common base, mixins); a class with several bases stores its own
// when made (mp_obj_new_type).
mp_obj_t mpn_mro(const mp_obj_type_t *type) {
    if (type->parent != NULL && ((mp_obj_base_t *)type->parent)->type == &mp_type_tuple) {
        mp_map_elem_t *own = mp_map_lookup(&type->locals_dict->map, MP_OBJ_NEW_QSTR(MP_QSTR___mro__), MP_MAP_LOOKUP);
        if (own != NULL) {
            return own->value;
        }
    }
    mp_obj_t all = mp_obj_new_list(0, NULL);
    mro_walk(all, type);
    mp_obj_list_t *l = MP_OBJ_TO_PTR(all);
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        size_t j = i + 1;
        while (j < l->len && l->items[j] != l->items[i]) {
            j++;
        }
        if (j == l->len) {
            l->items[n++] = l->items[i]; // n <= i: in place
        }
    }
    return mp_obj_new_tuple(n, l->items);
}

// True when an instance of `type` may have an attribute `name`: some class
// of it has no __slots__ (so a __dict__), or names it or '__dict__' there.
static bool slots_allow(const mp_obj_type_t *type, mp_obj_t name) {
    if (!mp_obj_is_instance_type(type)) {
        return false; // object and built-in bases add no dict
    }
    mp_map_elem_t *slots = mp_map_lookup(&type->locals_dict->map, MP_OBJ_NEW_QSTR(MP_QSTR___slots__), MP_MAP_LOOKUP);
    if (slots == NULL) {
        return true;
    }
    mp_obj_t names = slots->value;
    if (MP_OBJ_IS_STR(names)) {
        names = mp_obj_new_tuple(1, &names);
    }
    if (mp_binary_op(MP_BINARY_OP_CONTAINS, names, name) == mp_const_true
        || mp_binary_op(MP_BINARY_OP_CONTAINS, names, MP_OBJ_NEW_QSTR(MP_QSTR___dict__)) == mp_const_true) {
        return true;
    }
    const mp_obj_tuple_t *bases = type->parent;
    if (bases != NULL && bases->base.type != &mp_type_tuple) {
        return slots_allow((const mp_obj_type_t *)bases, name);
    }
    for (size_t i = 0; bases != NULL && i < bases->len; i++) {
        if (slots_allow(MP_OBJ_TO_PTR(bases->items[i]), name)) {
            return true;
        }
    }
    return false;
}

// Before an instance gets a new attribute: AttributeError as CPython when
// __slots__ leaves no room for it.
void mpn_slots_check(mp_obj_t self, qstr attr) {
    if (!slots_allow(mp_obj_get_type(self), MP_OBJ_NEW_QSTR(attr))) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError, "'%s' object has no attribute '%q'",
            mp_obj_get_type_str(self), attr));
    }
}

// `int | str` (types.UnionType) and `list[int]` (types.GenericAlias): both
// laid out as tuples, a union of its distinct arguments in order, an alias
// of its class then its arguments.
const mp_obj_type_t mpn_type_union;
const mp_obj_type_t mpn_type_alias;

// An argument of a union or an alias, as CPython's repr shows it.
static void arg_print(const mp_print_t *print, mp_obj_t o) {
    if (o == MP_OBJ_FROM_PTR(&mp_type_NoneType) || o == MP_OBJ_FROM_PTR(&mp_const_ellipsis_obj)) {
        mp_print_str(print, o == MP_OBJ_FROM_PTR(&mp_type_NoneType) ? "None" : "...");
    } else if (MP_OBJ_IS_TYPE(o, &mp_type_type)) {
        // a class of the node's code as module.qualname
        const mp_obj_type_t *t = MP_OBJ_TO_PTR(o);
        mp_obj_t module[2], qualname[2];
        mp_load_method_maybe(o, MP_QSTR___module__, module);
        mp_load_method_maybe(o, MP_QSTR___qualname__, qualname);
        if (mp_obj_is_instance_type(t) && module[0] != MP_OBJ_NULL && qualname[0] != MP_OBJ_NULL) {
            mp_printf(print, "%s.%s", mp_obj_str_get_str(module[0]), mp_obj_str_get_str(qualname[0]));
        } else {
            mp_print_str(print, qstr_str(t->name));
        }
    } else {
        mp_obj_print_helper(print, o, PRINT_REPR);
    }
}

static void union_add(mp_obj_t list, mp_obj_t o) {
    if (MP_OBJ_IS_TYPE(o, &mpn_type_union)) {
        mp_obj_tuple_t *u = MP_OBJ_TO_PTR(o);
        for (size_t i = 0; i < u->len; i++) {
            union_add(list, u->items[i]);
        }
    } else if (mp_binary_op(MP_BINARY_OP_CONTAINS, list, o) == mp_const_false) {
        mp_obj_list_append(list, o);
    }
}

// X | Y for classes, None, unions and aliases (type's binary_op too).
mp_obj_t mpn_union_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op != MP_BINARY_OP_OR && op != MP_BINARY_OP_REVERSE_OR) {
        return MP_OBJ_NULL;
    }
    mp_obj_t list = mp_obj_new_list(0, NULL);
    for (int i = 0; i < 2; i++) {
        mp_obj_t o = (i == (op == MP_BINARY_OP_OR)) ? rhs : lhs;
        if (o == mp_const_none) {
            o = MP_OBJ_FROM_PTR(&mp_type_NoneType);
        }
        if (!MP_OBJ_IS_TYPE(o, &mp_type_type) && !MP_OBJ_IS_TYPE(o, &mpn_type_union) && !MP_OBJ_IS_TYPE(o, &mpn_type_alias)) {
            return MP_OBJ_NULL;
        }
        union_add(list, o);
    }
    mp_obj_list_t *l = MP_OBJ_TO_PTR(list);
    if (l->len == 1) {
        return l->items[0];
    }
    mp_obj_tuple_t *u = MP_OBJ_TO_PTR(mp_obj_new_tuple(l->len, l->items));
    u->base.type = &mpn_type_union;
    return MP_OBJ_FROM_PTR(u);
}

static void generic_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(self_in);
    bool alias = MP_OBJ_IS_TYPE(self_in, &mpn_type_alias);
    for (size_t i = 0; i < t->len; i++) {
        mp_print_str(print, i == 0 ? "" : !alias ? " | " : i == 1 ? "[" : ", ");
        arg_print(print, t->items[i]);
    }
    if (alias) {
        mp_print_str(print, "]");
    }
}

static mp_obj_t generic_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mp_obj_tuple_t *a = MP_OBJ_TO_PTR(lhs), *b = MP_OBJ_TO_PTR(rhs);
    if (op != MP_BINARY_OP_EQUAL) {
        return mpn_union_op(op, lhs, rhs);
    }
    if (mp_obj_get_type(lhs) != mp_obj_get_type(rhs) || a->len != b->len) {
        return mp_const_false;
    }
    if (MP_OBJ_IS_TYPE(lhs, &mpn_type_union)) {
        // the same arguments in any order: their union is no longer
        return mp_obj_new_bool(((mp_obj_tuple_t *)MP_OBJ_TO_PTR(mpn_union_op(MP_BINARY_OP_OR, lhs, rhs)))->len == a->len);
    }
    return mp_obj_new_bool(mp_seq_cmp_objs(MP_BINARY_OP_EQUAL, a->items, a->len, b->items, b->len));
}

static void generic_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(self_in);
    size_t alias = MP_OBJ_IS_TYPE(self_in, &mpn_type_alias);
    if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR___args__) {
        dest[0] = mp_obj_new_tuple(t->len - alias, t->items + alias);
    }
    if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR___origin__ && alias) {
        dest[0] = t->items[0];
    }
}

static mp_obj_t alias_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return mp_call_function_n_kw(((mp_obj_tuple_t *)MP_OBJ_TO_PTR(self_in))->items[0], n_args, n_kw, args);
}

const mp_obj_type_t mpn_type_union = {
    { &mp_type_type },
    .name = MP_QSTR_UnionType,
    .print = generic_print,
    .binary_op = generic_binary_op,
    .attr = generic_attr,
};

const mp_obj_type_t mpn_type_alias = {
    { &mp_type_type },
    .name = MP_QSTR_GenericAlias,
    .print = generic_print,
    .call = alias_call,
    .binary_op = generic_binary_op,
    .attr = generic_attr,
};

// C[x] for a class (type's subscr): the class's own __class_getitem__, else
// an alias for the built-in containers and their subclasses.
mp_obj_t mpn_type_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    static const mp_obj_type_t *const generic[] = {
        &mp_type_list, &mp_type_dict, &mp_type_tuple, &mp_type_set, &mp_type_frozenset, &mp_type_type,
    };
    mp_obj_t dest[3];
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL;
    }
    mp_load_method_maybe(self_in, MP_QSTR___class_getitem__, dest);
    if (dest[0] != MP_OBJ_NULL) {
        dest[2] = index;
        return mp_call_method_n_kw(1, 0, dest);
    }
    for (size_t i = 0; i < MP_ARRAY_SIZE(generic); i++) {
        if (mp_obj_is_subclass_fast(self_in, MP_OBJ_FROM_PTR(generic[i]))) {
            if (!MP_OBJ_IS_TYPE(index, &mp_type_tuple)) {
                index = mp_obj_new_tuple(1, &index);
            }
            mp_obj_t a = mp_binary_op(MP_BINARY_OP_ADD, mp_obj_new_tuple(1, &self_in), index);
            ((mp_obj_base_t *)MP_OBJ_TO_PTR(a))->type = &mpn_type_alias;
            return a;
        }
    }
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError, "type '%q' is not subscriptable",
        ((mp_obj_type_t *)MP_OBJ_TO_PTR(self_in))->name));
}

// vars(obj): obj.__dict__; vars(): the local names.
static mp_obj_t mpn_vars(size_t n_args, const mp_obj_t *args) {
    return n_args == 0 ? MP_OBJ_FROM_PTR(mp_locals_get()) : mp_load_attr(args[0], MP_QSTR___dict__);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpn_builtin_vars_obj, 0, 1, mpn_vars);

// function.__doc__: a docstring is loaded and dropped first thing in the
// body (the compiler puts it there, patch 0051), else None.
mp_obj_t mpn_fun_doc(const mp_obj_fun_bc_t *f) {
    const byte *ip = mp_decode_uint_skip(mp_decode_uint_skip(f->bytecode)) + 4;
    ip += mp_decode_uint_value(ip); // code info
    while (*ip++ != 255) { // closed-over cells
    }
    mp_obj_t doc = mp_const_none;
    if (*ip == MP_BC_LOAD_CONST_STRING) {
        doc = MP_OBJ_NEW_QSTR(ip[1] | ip[2] << 8);
        ip += 3;
    } else if (*ip++ == MP_BC_LOAD_CONST_OBJ) {
        doc = (mp_obj_t)f->const_table[mp_decode_uint(&ip)];
    }
    return *ip == MP_BC_POP_TOP ? doc : mp_const_none;
}

// `_mpn_exc.format(e)`: the text a failing node reports for e (its chain of
// causes and contexts, each traceback, each last line), for pylib's
// traceback module, which has no C io stream to print into.
STATIC mp_obj_t mpn_exc_format(mp_obj_t e) {
    vstr_t v;
    vstr_init(&v, 64);
    mpn_format_exception(e, &v);
    return mp_obj_new_str_from_vstr(&mp_type_str, &v);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(mpn_exc_format_obj, mpn_exc_format);

STATIC const mp_rom_map_elem_t mpn_exc_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__mpn_exc) },
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&mpn_exc_format_obj) },
};
STATIC MP_DEFINE_CONST_DICT(mpn_exc_globals, mpn_exc_globals_table);

const mp_obj_module_t mpn_module_exc = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mpn_exc_globals,
};
