# An if/elif chain on v1 (with a repeated constant, and a value passed
# along the chain under a new name) becomes one switch; a two-test chain
# on v10 in g stays compare-and-branch.
graph f(v0:Signed, v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Bool = int_eq(v1, 0)
  switch v2:
    false: block1(v1, v0)
    true: return(v0)
block1(v3:Signed, v4:Signed):
  v5:Bool = int_eq(2, v3)
  switch v5:
    false: block2(v4, v3)
    true: block4(v4)
block2(v6:Signed, v7:Signed):
  v8:Bool = int_eq(v7, 0)
  switch v8:
    false: block3(v7, v6)
    true: return(-1)
block3(v9:Signed, v10:Signed):
  v11:Bool = int_eq(v9, 5)
  switch v11:
    false: return(v10)
    true: block4(v9)
block4(v12:Signed):
  v13:Signed = int_add(v12, 1)
  goto return(v13)
graph g(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_eq(v0, 1)
  switch v1:
    false: block1(v0)
    true: return(10)
block1(v2:Signed):
  v3:Bool = int_eq(v2, 2)
  switch v3:
    false: return(0)
    true: return(20)
# expect:
graph f(v0:Signed, v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Bool = int_eq(v1, 0)
  switch v1:
    0: return(v0)
    2: block1(v0)
    5: block1(v1)
    default: return(v0)
block1(v3:Signed):
  v4:Signed = int_add(v3, 1)
  goto return(v4)

graph g(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Bool = int_eq(v0, 1)
  switch v1:
    false: block1(v0)
    true: return(10)
block1(v2:Signed):
  v3:Bool = int_eq(v2, 2)
  switch v3:
    false: return(0)
    true: return(20)
