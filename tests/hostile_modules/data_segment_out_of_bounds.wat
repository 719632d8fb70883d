;; A data segment past the end of memory, and no start function (issue 16
;; item 9: the trap was reported "in `start`").
;; expect-load: in `instantiate`
(module
  (memory (export "memory") 1 1)
  (data (i32.const 65530) "0123456789")
  (func (export "get_node") (result i64) (i64.const 0))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "run") (param i32 i32) (result i64) (i64.const 0))
)
