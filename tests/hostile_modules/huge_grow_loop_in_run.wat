;; A memory.grow of 2^31-1 pages loop in `run` (issue 16 item 1: overflowed wasmi's native stack and aborted the host).
;; expect-run: deadline
(module
  (memory (export "memory") 1 1)
  (table 0 funcref)
  (data (i32.const 16) "{\"name\":\"hostile\"}")
  (func (export "get_node") (result i64) (i64.const 0x1000000012))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (loop (drop (memory.grow (i32.const 0x7fffffff))) (br 0)) (i64.const 0))
)
