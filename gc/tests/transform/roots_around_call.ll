# Pointers live across a collecting call are pushed before it and
# reloaded after it; later uses (ops, link arguments) see the reloaded
# variables. The integer and the pointer dead after the call are not roots.
type T5 NODE { value: Signed, next: Ptr(T5) }
graph f(v0:Ptr(T5), v1:Ptr(T5), v2:Signed) -> Ptr(T5) ! Address
block0(v0, v1, v2):
  v3:Signed = getfield(v1, .value)
  v4:Ptr(T5) = direct_call(func1, v2)
  v5:Void = setfield(v4, .next, v0)
  v6:Signed = int_add(v3, v2)
  v7:Void = setfield(v0, .value, v6)
  goto return(v0)
graph make(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Ptr(T5) = malloc(T5)
  v2:Void = setfield(v1, .value, v0)
  goto return(v1)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }

graph f(v0:Ptr(T5), v1:Ptr(T5), v2:Signed) -> Ptr(T5) ! Address
block0(v0, v1, v2):
  v3:Signed = getfield(v1, .value)
  v4:Void = gc_push_roots(v0)
  v5:Ptr(T5) = direct_call(func1, v2)
  v6:Ptr(T5) = gc_reload_root(0)
  v7:Void = gc_write_barrier(v5)
  v8:Void = setfield(v5, .next, v6)
  v9:Signed = int_add(v3, v2)
  v10:Void = setfield(v6, .value, v9)
  goto return(v6)

graph make(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Void = gc_push_roots()
  v2:Ptr(T5) = malloc(T5)
  v3:Void = setfield(v2, .value, v0)
  goto return(v2)
