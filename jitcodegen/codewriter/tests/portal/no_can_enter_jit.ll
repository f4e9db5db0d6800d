# driver: greens=pc reds=n,acc
# No can_enter_jit (the RPython tutorial's style): the merge point is the
# loop header, so the portal gets a can_enter_jit just before it, as
# RPython's warmspot puts one first in the portal.
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, v0, 0)
block1(v1:Signed, v2:Signed, v3:Signed):
  v4:Bool = int_gt(v2, 0)
  switch v4:
    false: return(v3)
    true: block2(v1, v2, v3)
block2(v5:Signed, v6:Signed, v7:Signed):
  v8:Void = jit_merge_point(0, v5, v6, v7)
  v9:Signed = int_add(v7, v6)
  v10:Signed = int_sub(v6, 1)
  goto block1(v5, v10, v9)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, v0, 0)
block1(v1:Signed, v2:Signed, v3:Signed):
  v4:Bool = int_gt(v2, 0)
  switch v4:
    false: return(v3)
    true: block2(v1, v2, v3)
block2(v5:Signed, v6:Signed, v7:Signed):
  v8:Signed = direct_call(func1, v5, v6, v7)
  goto return(v8)

graph f__portal(v0:Signed, v1:Signed, v2:Signed) -> Signed ! Address
block0(v0, v1, v2):
  goto block1(v0, v1, v2)
block1(v3:Signed, v4:Signed, v5:Signed):
  v6:Void = can_enter_jit(0, v3, v4, v5)
  v7:Void = jit_merge_point(0, v3, v4, v5)
  v8:Signed = int_add(v5, v4)
  v9:Signed = int_sub(v4, 1)
  goto block2(v3, v9, v8)
block2(v10:Signed, v11:Signed, v12:Signed):
  v13:Bool = int_gt(v11, 0)
  switch v13:
    false: return(v12)
    true: block3(v10, v11, v12)
block3(v14:Signed, v15:Signed, v16:Signed):
  goto block1(v14, v15, v16)
