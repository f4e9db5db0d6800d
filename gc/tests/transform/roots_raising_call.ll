# When the collecting op is the raising last op of its block, the reloads
# go into new blocks on the exit links that pass a root.
type T5 NODE { value: Signed, next: Ptr(T5) }
graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Ptr(T5) = direct_call(func1, v1)
  switch last_exception:
    normal: block1(v0, v2)
    classes(7..=9) as (v3:Signed, v4:Address): block2(v0)
block1(v5:Ptr(T5), v6:Ptr(T5)):
  v7:Void = setfield(v6, .next, v5)
  v8:Signed = getfield(v5, .value)
  goto return(v8)
block2(v9:Ptr(T5)):
  v10:Signed = getfield(v9, .value)
  goto return(v10)
graph make(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Ptr(T5) = malloc(T5)
  v2:Void = setfield(v1, .value, v0)
  goto return(v1)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }

graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Void = gc_push_roots(v0)
  v3:Ptr(T5) = direct_call(func1, v1)
  switch last_exception:
    normal: block1(v3)
    classes(7..=9) as (v4:Signed, v5:Address): block3()
block1(v6:Ptr(T5)):
  v7:Ptr(T5) = gc_reload_root(0)
  goto block2(v7, v6)
block2(v8:Ptr(T5), v9:Ptr(T5)):
  v10:Void = gc_write_barrier(v9)
  v11:Void = setfield(v9, .next, v8)
  v12:Signed = getfield(v8, .value)
  goto return(v12)
block3():
  v13:Ptr(T5) = gc_reload_root(0)
  goto block4(v13)
block4(v14:Ptr(T5)):
  v15:Signed = getfield(v14, .value)
  goto return(v15)

graph make(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Void = gc_push_roots()
  v2:Ptr(T5) = malloc(T5)
  v3:Void = setfield(v2, .value, v0)
  goto return(v2)
