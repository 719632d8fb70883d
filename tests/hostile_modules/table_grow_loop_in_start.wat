;; A table.grow loop in the start function: loading fails within one fuel slice (a start function cannot be paused).
;; expect-load: start function did not finish
(module
  (memory (export "memory") 1 1)
  (table 0 funcref)
  (data (i32.const 16) "{\"name\":\"hostile\"}")
  (func (export "get_node") (result i64) (i64.const 0x1000000012))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
  (func $s (loop (drop (table.grow (ref.null func) (i32.const 1))) (br 0)))
  (start $s)
)
