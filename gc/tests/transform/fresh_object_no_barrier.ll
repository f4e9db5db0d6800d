# Stores into an object allocated earlier in the block need no barrier
# until a collecting op runs (which may promote it); then they do.
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]
graph f(v0:Ptr(T5), v1:Signed) -> Ptr(T6) ! Address
block0(v0, v1):
  v2:Ptr(T5) = malloc(T5)
  v3:Void = setfield(v2, .next, v0)
  v4:Ptr(T6) = malloc_varsize(T6, v1)
  v5:Void = setarrayitem(v4, 0, v0)
  v6:Void = setfield(v2, .next, v0)
  v7:Ptr(T5) = malloc(T5)
  v8:Void = setarrayitem(v4, 1, v7)
  v9:Void = setfield(v2, .next, v7)
  goto return(v4)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]

graph f(v0:Ptr(T5), v1:Signed) -> Ptr(T6) ! Address
block0(v0, v1):
  v2:Void = gc_push_roots(v0)
  v3:Ptr(T5) = malloc(T5)
  v4:Ptr(T5) = gc_reload_root(0)
  v5:Void = setfield(v3, .next, v4)
  v6:Void = gc_push_roots(v4, v3)
  v7:Ptr(T6) = malloc_varsize(T6, v1)
  v8:Ptr(T5) = gc_reload_root(0)
  v9:Ptr(T5) = gc_reload_root(1)
  v10:Void = setarrayitem(v7, 0, v8)
  v11:Void = gc_write_barrier(v9)
  v12:Void = setfield(v9, .next, v8)
  v13:Void = gc_push_roots(v9, v7)
  v14:Ptr(T5) = malloc(T5)
  v15:Ptr(T5) = gc_reload_root(0)
  v16:Ptr(T6) = gc_reload_root(1)
  v17:Void = gc_write_barrier_item(v16, 1)
  v18:Void = setarrayitem(v16, 1, v14)
  v19:Void = gc_write_barrier(v15)
  v20:Void = setfield(v15, .next, v14)
  goto return(v16)
