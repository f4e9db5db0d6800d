# A raising call inside `try` whose result is unused (`s.index("cat")`):
# the rtyper ends the block with a `same_as` under the exception switch.
# Folding the `same_as` away leaves nothing in the block that can raise
# into the handler, so the switch becomes a plain exit to `exits[0]`; the
# call before it still propagates to the caller. block1: the last op is a
# raising call and stays, with its switch. block2: a folded op ends the
# block after a call; the call must not inherit the switch. block4: the
# `same_as` is the only op (the verifier's "exception switch on a block
# without ops" before the fix).
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Signed = direct_call(extern rpy_f, v0)
  v2:Signed = same_as(7)
  switch last_exception:
    normal: block4(v2)
    classes(7..=9) as (v3:Signed, v4:Address): block3()
block4(v15:Signed):
  v16:Signed = same_as(v15)
  switch last_exception:
    normal: block1(v16)
    classes(7..=9) as (v17:Signed, v18:Address): block3()
block1(v5:Signed):
  v6:Signed = direct_call(extern rpy_g, v5)
  switch last_exception:
    normal: block2(v6)
    classes(7..=9) as (v7:Signed, v8:Address): block3()
block2(v9:Signed):
  v10:Void = direct_call(extern rpy_h, v9)
  v11:Signed = int_add(2, 3)
  switch last_exception:
    normal: return(v11)
    classes(7..=9) as (v12:Signed, v13:Address): return(-2)
block3():
  v14:Void = direct_call(extern rpy_h, -1)
  goto return(-1)
# expect:
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Signed = direct_call(extern rpy_f, v0)
  goto block1()
block1():
  goto block2()
block2():
  v2:Signed = direct_call(extern rpy_g, 7)
  switch last_exception:
    normal: block3(v2)
    classes(7..=9) as (v3:Signed, v4:Address): block4()
block3(v5:Signed):
  v6:Void = direct_call(extern rpy_h, v5)
  goto return(5)
block4():
  v7:Void = direct_call(extern rpy_h, -1)
  goto return(-1)
