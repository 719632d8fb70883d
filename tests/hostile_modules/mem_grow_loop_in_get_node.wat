;; A failing memory.grow loop in `get_node`: the definition query fails, and a run reports it.
;; expect-definition: deadline
;; expect-run: deadline
(module
  (memory (export "memory") 1 1)
  (table 0 funcref)
  (func (export "get_node") (result i64) (loop (drop (memory.grow (i32.const 1))) (br 0)) (i64.const 0))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
)
