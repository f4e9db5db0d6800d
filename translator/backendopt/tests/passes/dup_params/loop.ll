# A loop carrying one counter under two names (v2 and v3 agree on the
# entry edge and on the back edge) loses the copy; v6/v7 differ on the
# back edge and stay.
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0, v0, 0, 0)
block1(v2:Signed, v3:Signed, v6:Signed, v7:Signed):
  v4:Bool = int_lt(v3, 10)
  switch v4:
    false: return(v2)
    true: block2(v2, v3, v6, v7)
block2(v8:Signed, v9:Signed, v10:Signed, v11:Signed):
  v12:Signed = int_add(v8, 1)
  v13:Signed = int_add(v9, 1)
  v14:Signed = int_add(v11, 2)
  goto block1(v12, v12, v10, v14)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0, 0, 0)
block1(v1:Signed, v2:Signed, v3:Signed):
  v4:Bool = int_lt(v1, 10)
  switch v4:
    false: return(v1)
    true: block2(v1, v2, v3)
block2(v5:Signed, v6:Signed, v7:Signed):
  v8:Signed = int_add(v5, 1)
  v9:Signed = int_add(v5, 1)
  v10:Signed = int_add(v7, 2)
  goto block1(v8, v6, v10)
