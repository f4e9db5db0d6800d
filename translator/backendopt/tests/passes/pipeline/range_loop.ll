# `for i in range(n): s += i` as the rtyper emits it: after inlining
# ll_newrange and malloc removal, no allocation is left.
type T5 RANGE { start: Signed, step: Signed, length: Signed }
type T6 RANGE_ITER { next: Signed, step: Signed, remaining: Signed }
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Ptr(T5) = direct_call(func1, 0, v0, 1)
  v2:Ptr(T6) = malloc(T6)
  v3:Signed = getfield(v1, .start)
  v4:Signed = getfield(v1, .step)
  v5:Signed = getfield(v1, .length)
  v6:Void = setfield(v2, .next, v3)
  v7:Void = setfield(v2, .step, v4)
  v8:Void = setfield(v2, .remaining, v5)
  goto block1(v2, 0)
block1(v9:Ptr(T6), v10:Signed):
  v11:Signed = getfield(v9, .remaining)
  v12:Bool = int_gt(v11, 0)
  switch v12:
    false: return(v10)
    true: block2(v9, v11, v10)
block2(v13:Ptr(T6), v14:Signed, v15:Signed):
  v16:Signed = getfield(v13, .next)
  v17:Signed = getfield(v13, .step)
  v18:Signed = int_add(v16, v17)
  v19:Void = setfield(v13, .next, v18)
  v20:Signed = int_sub(v14, 1)
  v21:Void = setfield(v13, .remaining, v20)
  v22:Signed = int_add(v15, v16)
  goto block1(v13, v22)
graph ll_newrange(v0:Signed, v1:Signed, v2:Signed) -> Ptr(T5) ! Address
block0(v0, v1, v2):
  v3:Bool = int_eq(v2, 0)
  switch v3:
    false: block1(v0, v1, v2)
    true: block2()
block1(v4:Signed, v5:Signed, v6:Signed):
  v7:Bool = int_gt(v6, 0)
  switch v7:
    false: block3(v4, v5, v6)
    true: block4(v4, v5, v6)
block2():
  v8:Signed = direct_call(extern rpy_make_error)
  goto raise(9, null(T5))
block3(v9:Signed, v10:Signed, v11:Signed):
  v12:Bool = int_gt(v9, v10)
  switch v12:
    false: block5(v9, v11, 0)
    true: block6(v9, v10, v11)
block4(v13:Signed, v14:Signed, v15:Signed):
  v16:Bool = int_lt(v13, v14)
  switch v16:
    false: block5(v13, v15, 0)
    true: block7(v13, v14, v15)
block5(v17:Signed, v18:Signed, v19:Signed):
  v20:Ptr(T5) = malloc(T5)
  v21:Void = setfield(v20, .start, v17)
  v22:Void = setfield(v20, .step, v18)
  v23:Void = setfield(v20, .length, v19)
  goto return(v20)
block6(v24:Signed, v25:Signed, v26:Signed):
  v27:Signed = int_sub(v24, v25)
  v28:Signed = int_sub(v27, 1)
  v29:Signed = int_neg(v26)
  v30:Signed = int_floordiv(v28, v29)
  v31:Signed = int_add(v30, 1)
  goto block5(v24, v26, v31)
block7(v32:Signed, v33:Signed, v34:Signed):
  v35:Signed = int_sub(v33, v32)
  v36:Signed = int_sub(v35, 1)
  v37:Signed = int_floordiv(v36, v34)
  v38:Signed = int_add(v37, 1)
  goto block5(v32, v34, v38)
# expect:
type T5 RANGE { start: Signed, step: Signed, length: Signed }
type T6 RANGE_ITER { next: Signed, step: Signed, remaining: Signed }

graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(0, v0)
  switch v1:
    false: block1(0, 0, 0)
    true: block3(v0)
block1(v2:Signed, v3:Signed, v4:Signed):
  v5:Bool = int_gt(v3, 0)
  switch v5:
    false: return(v4)
    true: block2(v2, v3, v4)
block2(v6:Signed, v7:Signed, v8:Signed):
  v9:Signed = int_add(v6, 1)
  v10:Signed = int_sub(v7, 1)
  v11:Signed = int_add(v8, v6)
  goto block1(v9, v10, v11)
block3(v12:Signed):
  v13:Signed = int_sub(v12, 1)
  v14:Signed = int_add(v13, 1)
  goto block1(0, v14, 0)

graph ll_newrange(v0:Signed, v1:Signed, v2:Signed) -> Ptr(T5) ! Address
block0(v0, v1, v2):
  v3:Bool = int_eq(v2, 0)
  switch v3:
    false: block1(v0, v1, v2)
    true: block7()
block1(v4:Signed, v5:Signed, v6:Signed):
  v7:Bool = int_gt(v6, 0)
  switch v7:
    false: block2(v4, v5, v6)
    true: block5(v4, v5, v6)
block2(v8:Signed, v9:Signed, v10:Signed):
  v11:Bool = int_gt(v8, v9)
  switch v11:
    false: block3(v8, v10, 0)
    true: block4(v8, v9, v10)
block3(v12:Signed, v13:Signed, v14:Signed):
  v15:Ptr(T5) = malloc(T5)
  v16:Void = setfield(v15, .start, v12)
  v17:Void = setfield(v15, .step, v13)
  v18:Void = setfield(v15, .length, v14)
  goto return(v15)
block4(v19:Signed, v20:Signed, v21:Signed):
  v22:Signed = int_sub(v19, v20)
  v23:Signed = int_sub(v22, 1)
  v24:Signed = int_neg(v21)
  v25:Signed = int_floordiv(v23, v24)
  v26:Signed = int_add(v25, 1)
  goto block3(v19, v21, v26)
block5(v27:Signed, v28:Signed, v29:Signed):
  v30:Bool = int_lt(v27, v28)
  switch v30:
    false: block3(v27, v29, 0)
    true: block6(v27, v28, v29)
block6(v31:Signed, v32:Signed, v33:Signed):
  v34:Signed = int_sub(v32, v31)
  v35:Signed = int_sub(v34, 1)
  v36:Signed = int_floordiv(v35, v33)
  v37:Signed = int_add(v36, 1)
  goto block3(v31, v33, v37)
block7():
  v38:Signed = direct_call(extern rpy_make_error)
  goto raise(9, null(T5))
