// What the shim sees of MicroPython: bindgen reads this with the port's
// flags (see build.rs).
#include "py/runtime.h"
#include "py/gc.h"
#include "py/objstr.h"
#include "py/objint.h"
#include "py/objlist.h"
#include "py/objfun.h"
#include "py/parsenum.h"
#include "py/stackctrl.h"
#include "mpnode_port.h"
