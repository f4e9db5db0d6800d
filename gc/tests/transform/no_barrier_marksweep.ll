# gc: marksweep
# Non-generational collectors get no write barriers (roots and
# safepoints as usual).
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]
graph f(v0:Ptr(T5), v1:Ptr(T6)) -> Void ! Address
block0(v0, v1):
  v2:Void = setfield(v0, .next, v0)
  v3:Void = setarrayitem(v1, 0, v0)
  goto return(void)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]

graph f(v0:Ptr(T5), v1:Ptr(T6)) -> Void ! Address
block0(v0, v1):
  v2:Void = setfield(v0, .next, v0)
  v3:Void = setarrayitem(v1, 0, v0)
  goto return(void)
