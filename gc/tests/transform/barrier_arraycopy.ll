# arraycopy(src, dst, src_start, dst_start, n) of GC pointers gets a
# whole-object barrier on dst (not on src); a copy of plain items (T7)
# gets none, nor does a copy into an array allocated earlier in the block.
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]
type T7 INT_ARRAY {  } [Signed]
graph f(v0:Ptr(T6), v1:Ptr(T6), v2:Signed, v3:Ptr(T7), v4:Ptr(T7)) -> Void ! Address
block0(v0, v1, v2, v3, v4):
  v5:Void = arraycopy(v0, v1, 0, 1, v2)
  v6:Void = arraycopy(v3, v4, 0, 1, v2)
  v7:Ptr(T6) = malloc_varsize(T6, v2)
  v8:Void = arraycopy(v0, v7, 0, 0, v2)
  goto return(void)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]
type T7 INT_ARRAY {  } [Signed]

graph f(v0:Ptr(T6), v1:Ptr(T6), v2:Signed, v3:Ptr(T7), v4:Ptr(T7)) -> Void ! Address
block0(v0, v1, v2, v3, v4):
  v5:Void = gc_write_barrier(v1)
  v6:Void = arraycopy(v0, v1, 0, 1, v2)
  v7:Void = arraycopy(v3, v4, 0, 1, v2)
  v8:Void = gc_push_roots(v0)
  v9:Ptr(T6) = malloc_varsize(T6, v2)
  v10:Ptr(T6) = gc_reload_root(0)
  v11:Void = arraycopy(v10, v9, 0, 0, v2)
  goto return(void)
