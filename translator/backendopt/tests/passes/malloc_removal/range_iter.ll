# A range iterator built in one block and advanced in a loop disappears.
type T5 RANGE_ITER { next: Signed, step: Signed, remaining: Signed }
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Ptr(T5) = malloc(T5)
  v2:Void = setfield(v1, .next, 0)
  v3:Void = setfield(v1, .step, 1)
  v4:Void = setfield(v1, .remaining, v0)
  goto block1(v1, 0)
block1(v5:Ptr(T5), v6:Signed):
  v7:Signed = getfield(v5, .remaining)
  v8:Bool = int_gt(v7, 0)
  switch v8:
    false: return(v6)
    true: block2(v5, v7, v6)
block2(v9:Ptr(T5), v10:Signed, v11:Signed):
  v12:Signed = getfield(v9, .next)
  v13:Signed = getfield(v9, .step)
  v14:Signed = int_add(v12, v13)
  v15:Void = setfield(v9, .next, v14)
  v16:Signed = int_sub(v10, 1)
  v17:Void = setfield(v9, .remaining, v16)
  v18:Signed = int_add(v11, v12)
  goto block1(v9, v18)
# expect:
type T5 RANGE_ITER { next: Signed, step: Signed, remaining: Signed }

graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(0, 1, v0, 0)
block1(v1:Signed, v2:Signed, v3:Signed, v4:Signed):
  v5:Signed = same_as(v3)
  v6:Bool = int_gt(v5, 0)
  switch v6:
    false: return(v4)
    true: block2(v1, v2, v3, v5, v4)
block2(v7:Signed, v8:Signed, v9:Signed, v10:Signed, v11:Signed):
  v12:Signed = same_as(v7)
  v13:Signed = same_as(v8)
  v14:Signed = int_add(v12, v13)
  v15:Signed = int_sub(v10, 1)
  v16:Signed = int_add(v11, v12)
  goto block1(v14, v8, v15, v16)
