# Unused pure ops, loads and allocations go; calls and raising ops stay;
# unused block inputs go with their link arguments.
type T5 BOX { x: Signed }
graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = int_add(v1, 1)
  v3:Signed = getfield(v0, .x)
  v4:Ptr(T5) = malloc(T5)
  v5:Signed = int_add_ovf(v1, 1)
  v6:Void = direct_call(extern rpy_f, v3)
  goto block1(v1, v2, 0)
block1(v7:Signed, v8:Signed, v9:Signed):
  v10:Bool = int_gt(v7, 0)
  switch v10:
    false: return(v7)
    true: block1(v7, v8, v9)
# expect:
type T5 BOX { x: Signed }

graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .x)
  v3:Signed = int_add_ovf(v1, 1)
  v4:Void = direct_call(extern rpy_f, v2)
  goto block1(v1)
block1(v5:Signed):
  v6:Bool = int_gt(v5, 0)
  switch v6:
    false: return(v5)
    true: block1(v5)
