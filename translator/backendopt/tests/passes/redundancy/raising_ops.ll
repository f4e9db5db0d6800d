# An op that computes a value or raises: its repeat on the normal path is
# the same value (it cannot raise there), but along the exception link
# the first one raised, so the handler's repeat stays. A repeated
# index_check with another message is the same check.
graph f(v0:Signed, v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = int_add_ovf(v0, v1)
  switch last_exception:
    normal: block1(v0, v1, v2)
    classes(7..=9) as (v3:Signed, v4:Address): block2(v0, v1)
block1(v5:Signed, v6:Signed, v7:Signed):
  v8:Signed = int_add_ovf(v5, v6)
  v9:Signed = index_check(v5, v6, prebuilt0:T1)
  v10:Signed = index_check(v5, v6, prebuilt1:T1)
  v11:Signed = int_add(v8, v9)
  v12:Signed = int_add(v11, v10)
  goto return(v12)
block2(v13:Signed, v14:Signed):
  v15:Signed = int_add_ovf(v13, v14)
  goto return(v15)
# expect:
graph f(v0:Signed, v1:Signed) -> Signed ! Address
block0(v0, v1):
  v2:Signed = int_add_ovf(v0, v1)
  switch last_exception:
    normal: block1(v0, v1, v2)
    classes(7..=9) as (v3:Signed, v4:Address): block2(v0, v1)
block1(v5:Signed, v6:Signed, v7:Signed):
  v8:Signed = same_as(v7)
  v9:Signed = index_check(v5, v6, prebuilt0:T1)
  v10:Signed = same_as(v9)
  v11:Signed = int_add(v8, v9)
  v12:Signed = int_add(v11, v10)
  goto return(v12)
block2(v13:Signed, v14:Signed):
  v15:Signed = int_add_ovf(v13, v14)
  goto return(v15)
