# Python floor division/modulo, copies, a folded switch, a constant input.
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Signed = int_floordiv(-7, 2)
  v2:Signed = int_mod(-7, 2)
  v3:Signed = same_as(v1)
  v4:Signed = int_add(v3, v2)
  v5:Bool = int_lt(v4, 0)
  switch v5:
    false: block1(v0, 5)
    true: block2(v0, 5)
block1(v6:Signed, v7:Signed):
  v8:Signed = int_mul(v6, v7)
  goto return(v8)
block2(v9:Signed, v10:Signed):
  v11:Signed = int_floordiv(v9, 0)
  v12:Signed = int_add(v10, v11)
  goto return(v12)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0)
block1(v1:Signed):
  v2:Signed = int_floordiv(v1, 0)
  v3:Signed = int_add(5, v2)
  goto return(v3)
