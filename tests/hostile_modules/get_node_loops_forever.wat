;; get_node never returns (issue 16 item 4: the run skipped the output checks and reported success).
;; expect-definition: deadline
;; expect-run: deadline
(module
  (memory (export "memory") 1 1)
  (table 0 funcref)
  (func (export "get_node") (result i64) (loop (br 0)) (i64.const 0))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
)
