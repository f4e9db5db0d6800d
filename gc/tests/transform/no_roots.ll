# Ops that cannot collect get no roots: field and array accesses,
# arithmetic, calls to graphs that never allocate and to runtime
# functions that never allocate (no safepoint either).
type T5 NODE { value: Signed, next: Ptr(T5) }
graph f(v0:Ptr(T5), v1:Ptr(T1)) -> Signed ! Address
block0(v0, v1):
  v2:Signed = direct_call(func1, v0)
  v3:Signed = direct_call(extern rpy_str_hash, v1)
  v4:Signed = int_add(v2, v3)
  v5:Void = setfield(v0, .value, v4)
  goto return(v4)
graph get(v0:Ptr(T5)) -> Signed ! Address
block0(v0):
  v1:Ptr(T5) = getfield(v0, .next)
  v2:Signed = getfield(v1, .value)
  goto return(v2)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }

graph f(v0:Ptr(T5), v1:Ptr(T1)) -> Signed ! Address
block0(v0, v1):
  v2:Signed = direct_call(func1, v0)
  v3:Signed = direct_call(extern rpy_str_hash, v1)
  v4:Signed = int_add(v2, v3)
  v5:Void = setfield(v0, .value, v4)
  goto return(v4)

graph get(v0:Ptr(T5)) -> Signed ! Address
block0(v0):
  v1:Ptr(T5) = getfield(v0, .next)
  v2:Signed = getfield(v1, .value)
  goto return(v2)
