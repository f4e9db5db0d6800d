# An input that is a constant on entry and passed unchanged around the loop.
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0, 3, 0)
block1(v1:Signed, v2:Signed, v3:Signed):
  v4:Bool = int_gt(v1, 0)
  switch v4:
    false: return(v3)
    true: block2(v1, v2, v3)
block2(v5:Signed, v6:Signed, v7:Signed):
  v8:Signed = int_add(v7, v6)
  v9:Signed = int_sub(v5, 1)
  goto block1(v9, v6, v8)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0, 0)
block1(v1:Signed, v2:Signed):
  v3:Bool = int_gt(v1, 0)
  switch v3:
    false: return(v2)
    true: block2(v1, v2)
block2(v4:Signed, v5:Signed):
  v6:Signed = int_add(v5, 3)
  v7:Signed = int_sub(v4, 1)
  goto block1(v7, v6)
