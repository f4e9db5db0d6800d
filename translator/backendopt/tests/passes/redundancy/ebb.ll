# Across an extended block: the second bounds check repeats the first
# (same index, same length load), so its switch folds on the fact the first
# switch gave; the reloaded `items` reuses the first load, threaded down as
# a new parameter; the item store forgets the item but not the fields. The
# block with two incoming links starts knowing nothing.
type T5 ARR {  } [Signed]
type T6 LIST { length: Signed, items: Ptr(T5) }
graph f(v0:Ptr(T6), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .length)
  v3:Bool = int_between(0, v1, v2)
  switch v3:
    false: block4(0)
    true: block1(v0, v1)
block1(v4:Ptr(T6), v5:Signed):
  v6:Ptr(T5) = getfield(v4, .items)
  v7:Signed = getarrayitem(v6, v5)
  v8:Signed = int_add(v7, 1)
  v9:Signed = getfield(v4, .length)
  v10:Bool = int_between(0, v5, v9)
  switch v10:
    false: block4(1)
    true: block2(v4, v5, v8)
block2(v11:Ptr(T6), v12:Signed, v13:Signed):
  v14:Ptr(T5) = getfield(v11, .items)
  v15:Void = setarrayitem(v14, v12, v13)
  v16:Signed = getarrayitem(v14, v12)
  v17:Ptr(T5) = getfield(v11, .items)
  v18:Signed = getarraysize(v17)
  v19:Signed = getarraysize(v14)
  v20:Signed = int_add(v16, v18)
  v21:Signed = int_add(v20, v19)
  goto block4(v21)
block4(v22:Signed):
  v23:Signed = int_add(v22, 0)
  goto return(v22)
# expect:
type T5 ARR {  } [Signed]
type T6 LIST { length: Signed, items: Ptr(T5) }

graph f(v0:Ptr(T6), v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .length)
  v3:Bool = int_between(0, v1, v2)
  switch v3:
    false: block1(0)
    true: block2(v0, v1, v2, v3)
block1(v4:Signed):
  v5:Signed = int_add(v4, 0)
  goto return(v4)
block2(v6:Ptr(T6), v7:Signed, v8:Signed, v9:Bool):
  v10:Ptr(T5) = getfield(v6, .items)
  v11:Signed = getarrayitem(v10, v7)
  v12:Signed = int_add(v11, 1)
  v13:Signed = same_as(v8)
  v14:Bool = same_as(v9)
  goto block3(v6, v7, v12, v10)
block3(v15:Ptr(T6), v16:Signed, v17:Signed, v18:Ptr(T5)):
  v19:Ptr(T5) = same_as(v18)
  v20:Void = setarrayitem(v19, v16, v17)
  v21:Signed = same_as(v17)
  v22:Ptr(T5) = same_as(v18)
  v23:Signed = getarraysize(v22)
  v24:Signed = same_as(v23)
  v25:Signed = int_add(v21, v23)
  v26:Signed = int_add(v25, v24)
  goto block1(v26)
