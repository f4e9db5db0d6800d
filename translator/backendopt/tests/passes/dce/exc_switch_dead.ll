# An unused pure op ending a block that switches on exceptions goes, and
# the switch with it (the call before it is not caught there); an unused
# allocation ending such a block stays (its MemoryError is caught).
type T5 BOX { x: Signed }
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Void = direct_call(extern rpy_f, v0)
  v2:Signed = int_add(v0, 1)
  switch last_exception:
    normal: block1()
    classes(7..=9) as (v3:Signed, v4:Address): return(-1)
block1():
  v5:Ptr(T5) = malloc(T5)
  switch last_exception:
    normal: return(0)
    classes(7..=9) as (v6:Signed, v7:Address): return(-2)
# expect:
type T5 BOX { x: Signed }

graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Void = direct_call(extern rpy_f, v0)
  goto block1()
block1():
  v2:Ptr(T5) = malloc(T5)
  switch last_exception:
    normal: return(0)
    classes(7..=9) as (v3:Signed, v4:Address): return(-2)
