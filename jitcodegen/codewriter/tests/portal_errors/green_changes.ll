# driver: greens=pc reds=n
# error: the green 'pc' of JitDriver #0 changes between can_enter_jit() and jit_merge_point()
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, v0)
block1(v1:Signed, v2:Signed):
  v4:Bool = int_gt(v2, 0)
  switch v4:
    false: return(v2)
    true: block2(v1, v2)
block2(v5:Signed, v6:Signed):
  v8:Void = jit_merge_point(0, v5, v6)
  v10:Signed = int_sub(v6, 1)
  v11:Void = can_enter_jit(0, v5, v10)
  v12:Signed = int_add(v5, 1)
  goto block1(v12, v10)
