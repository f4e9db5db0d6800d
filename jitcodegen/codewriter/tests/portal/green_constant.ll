# driver: greens=pc reds=n
# `pc = 0; can_enter_jit(pc=pc, ...)`: the green is a constant at
# can_enter_jit and reaches the merge point unchanged: no error.
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
  v11:Void = can_enter_jit(0, 0, v10)
  goto block1(0, v10)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, v0)
block1(v1:Signed, v2:Signed):
  v3:Bool = int_gt(v2, 0)
  switch v3:
    false: return(v2)
    true: block2(v1, v2)
block2(v4:Signed, v5:Signed):
  v6:Signed = direct_call(func1, v4, v5)
  goto return(v6)

graph f__portal(v0:Signed, v1:Signed) -> Signed ! Address
block0(v0, v1):
  goto block1(v0, v1)
block1(v2:Signed, v3:Signed):
  v4:Void = jit_merge_point(0, v2, v3)
  v5:Signed = int_sub(v3, 1)
  v6:Void = can_enter_jit(0, 0, v5)
  goto block2(0, v5)
block2(v7:Signed, v8:Signed):
  v9:Bool = int_gt(v8, 0)
  switch v9:
    false: return(v8)
    true: block3(v7, v8)
block3(v10:Signed, v11:Signed):
  goto block1(v10, v11)
