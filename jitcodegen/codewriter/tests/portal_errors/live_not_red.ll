# driver: greens=pc reds=n
# error: is live across jit_merge_point() but is neither a green nor a red
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, v0, 0)
block1(v1:Signed, v2:Signed, v3:Signed):
  v4:Bool = int_gt(v2, 0)
  switch v4:
    false: return(v3)
    true: block2(v1, v2, v3)
block2(v5:Signed, v6:Signed, v7:Signed):
  v8:Void = jit_merge_point(0, v5, v6)
  v9:Signed = int_add(v7, v6)
  v10:Signed = int_sub(v6, 1)
  goto block1(v5, v10, v9)
