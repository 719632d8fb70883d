;; A table of 100 million elements (1.6 GB of host memory) declared by the
;; module (issue 16 item 9: was reported as "ran out of fuel"; tables now
;; count against the memory limit).
;; expect-load: memory limit
(module
  (memory (export "memory") 1 1)
  (table 100000000 funcref)
  (data (i32.const 16) "{\"name\":\"hostile\"}")
  (func (export "get_node") (result i64) (i64.const 0x1000000012))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
)
