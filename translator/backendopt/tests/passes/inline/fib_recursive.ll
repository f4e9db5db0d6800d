# A recursive call is inlined one level into itself.
graph fib(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 2)
  switch v1:
    false: block1(v0)
    true: return(v0)
block1(v2:Signed):
  v3:Signed = int_sub(v2, 1)
  v4:Signed = direct_call(func0, v3)
  v5:Signed = int_sub(v2, 2)
  v6:Signed = direct_call(func0, v5)
  v7:Signed = int_add(v4, v6)
  goto return(v7)
# expect:
graph fib(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 2)
  switch v1:
    false: block1(v0)
    true: return(v0)
block1(v2:Signed):
  v3:Signed = int_sub(v2, 1)
  goto block2(v3, v2)
block2(v4:Signed, v5:Signed):
  v6:Bool = int_lt(v4, 2)
  switch v6:
    false: block3(v4, v5)
    true: block4(v5, v4)
block3(v7:Signed, v8:Signed):
  v9:Signed = int_sub(v7, 1)
  v10:Signed = direct_call(func0, v9)
  v11:Signed = int_sub(v7, 2)
  v12:Signed = direct_call(func0, v11)
  v13:Signed = int_add(v10, v12)
  goto block4(v8, v13)
block4(v14:Signed, v15:Signed):
  v16:Signed = int_sub(v14, 2)
  goto block5(v16, v15)
block5(v17:Signed, v18:Signed):
  v19:Bool = int_lt(v17, 2)
  switch v19:
    false: block6(v17, v18)
    true: block7(v18, v17)
block6(v20:Signed, v21:Signed):
  v22:Signed = int_sub(v20, 1)
  v23:Signed = direct_call(func0, v22)
  v24:Signed = int_sub(v20, 2)
  v25:Signed = direct_call(func0, v24)
  v26:Signed = int_add(v23, v25)
  goto block7(v21, v26)
block7(v27:Signed, v28:Signed):
  v29:Signed = int_add(v27, v28)
  goto return(v29)
