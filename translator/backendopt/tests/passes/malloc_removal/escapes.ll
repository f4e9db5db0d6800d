# Objects returned, passed to calls or stored elsewhere stay allocated.
type T5 PAIR { a: Signed, b: Ptr(T5) }
graph f(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Ptr(T5) = malloc(T5)
  v2:Ptr(T5) = malloc(T5)
  v3:Void = setfield(v2, .b, v1)
  v4:Ptr(T5) = malloc(T5)
  v5:Void = direct_call(extern rpy_use, v4)
  v6:Ptr(T5) = malloc(T5)
  v7:Void = setfield(v6, .a, v0)
  v8:Signed = getfield(v6, .a)
  v9:Void = setfield(v2, .a, v8)
  goto return(v2)
# expect:
type T5 PAIR { a: Signed, b: Ptr(T5) }

graph f(v0:Signed) -> Ptr(T5) ! Address
block0(v0):
  v1:Ptr(T5) = malloc(T5)
  v2:Ptr(T5) = malloc(T5)
  v3:Void = setfield(v2, .b, v1)
  v4:Ptr(T5) = malloc(T5)
  v5:Void = direct_call(extern rpy_use, v4)
  v6:Signed = same_as(v0)
  v7:Void = setfield(v2, .a, v6)
  goto return(v2)
