# A removed allocation ending a block that switches on exceptions takes
# the switch with it.
type T5 BOX { x: Signed }
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Void = direct_call(extern rpy_f, v0)
  v2:Ptr(T5) = malloc(T5)
  switch last_exception:
    normal: block1(v2)
    classes(7..=9) as (v3:Signed, v4:Address): return(-1)
block1(v5:Ptr(T5)):
  v6:Void = setfield(v5, .x, 3)
  v7:Signed = getfield(v5, .x)
  goto return(v7)
# expect:
type T5 BOX { x: Signed }

graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Void = direct_call(extern rpy_f, v0)
  goto block1(0)
block1(v2:Signed):
  v3:Signed = same_as(3)
  goto return(v3)
