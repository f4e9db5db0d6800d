# A GC pointer stored into a field of an object that may be old gets
# gc_write_barrier(obj); storing an integer or null does not.
type T5 NODE { value: Signed, next: Ptr(T5) }
graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Void ! Address
block0(v0, v1):
  v2:Void = setfield(v0, .next, v1)
  v3:Void = setfield(v0, .value, 5)
  v4:Void = setfield(v1, .next, null(T5))
  goto return(void)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }

graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Void ! Address
block0(v0, v1):
  v2:Void = gc_write_barrier(v0)
  v3:Void = setfield(v0, .next, v1)
  v4:Void = setfield(v0, .value, 5)
  v5:Void = setfield(v1, .next, null(T5))
  goto return(void)
