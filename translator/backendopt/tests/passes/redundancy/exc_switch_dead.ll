# A store of the known value ending a block that switches on exceptions
# is dropped; the switch goes with it (the call before it is not caught).
type T5 BOX { x: Signed }
graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .x)
  v3:Void = direct_call(extern rpy_f, v2)
  v4:Signed = getfield(v0, .x)
  v5:Void = setfield(v0, .x, v4)
  switch last_exception:
    normal: return(v4)
    classes(7..=9) as (v6:Signed, v7:Address): return(-1)
# expect:
type T5 BOX { x: Signed }

graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .x)
  v3:Void = direct_call(extern rpy_f, v2)
  v4:Signed = same_as(v2)
  goto return(v4)
