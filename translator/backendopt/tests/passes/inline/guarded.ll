# A call inside try: the callee's raise and its implicitly raising call
# reach the caller's handler through the dispatch chain.
graph caller(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Signed = direct_call(func1, v0)
  switch last_exception:
    normal: return(v1)
    classes(7..=9) as (v2:Signed, v3:Address): return(-1)
graph callee(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 0)
  switch v1:
    false: block1(v0)
    true: raise(8, null(T1))
block1(v2:Signed):
  v3:Signed = direct_call(extern rpy_something, v2)
  v4:Signed = int_add(v3, 1)
  goto return(v4)
# expect:
graph caller(v0:Signed) -> Signed ! Address
block0(v0):
  goto block1(v0)
block1(v1:Signed):
  v2:Bool = int_lt(v1, 0)
  switch v2:
    false: block2(v1)
    true: block4(8, null(T1))
block2(v3:Signed):
  v4:Signed = direct_call(extern rpy_something, v3)
  switch last_exception:
    normal: block3(v4)
    classes(0..=4294967295) as (v5:Signed, v6:Address): block4(v5, v6)
block3(v7:Signed):
  v8:Signed = int_add(v7, 1)
  goto return(v8)
block4(v9:Signed, v10:Address):
  v11:Bool = int_ge(v9, 7)
  switch v11:
    false: block5(v9, v10)
    true: block6(v9, v10)
block5(v12:Signed, v13:Address):
  goto raise(v12, v13)
block6(v14:Signed, v15:Address):
  v16:Bool = int_le(v14, 9)
  switch v16:
    false: block5(v14, v15)
    true: return(-1)

graph callee(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_lt(v0, 0)
  switch v1:
    false: block1(v0)
    true: raise(8, null(T1))
block1(v2:Signed):
  v3:Signed = direct_call(extern rpy_something, v2)
  v4:Signed = int_add(v3, 1)
  goto return(v4)
