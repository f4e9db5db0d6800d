# Repeated tests, int_is_true of a Bool, double negation, a switch on a
# negation, forwarding blocks and single-predecessor chains.
type T5 BOX { x: Signed }
graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Bool = ptr_nonzero(v0)
  v3:Bool = ptr_nonzero(v0)
  v4:Bool = int_is_true(v3)
  v5:Bool = bool_not(v4)
  v6:Bool = bool_not(v5)
  v7:Bool = bool_not(v6)
  switch v7:
    false: block1(v1, v2)
    true: block2(v1)
block1(v8:Signed, v9:Bool):
  goto block3(v8)
block2(v10:Signed):
  goto return(0)
block3(v11:Signed):
  v12:Signed = int_add(v11, 1)
  goto block4(v12)
block4(v13:Signed):
  v14:Signed = int_mul(v13, 2)
  goto return(v14)
# expect:
type T5 BOX { x: Signed }

graph f(v0:Ptr(T5), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Bool = ptr_nonzero(v0)
  v3:Bool = same_as(v2)
  v4:Bool = same_as(v3)
  v5:Bool = bool_not(v4)
  v6:Bool = same_as(v4)
  v7:Bool = bool_not(v6)
  switch v6:
    false: return(0)
    true: block1(v1)
block1(v8:Signed):
  v9:Signed = int_add(v8, 1)
  v10:Signed = int_mul(v9, 2)
  goto return(v10)
