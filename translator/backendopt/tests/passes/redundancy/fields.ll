# Loads after a store or a load of the same field reuse the value; a store
# of the known value is dropped; a runtime call given a pointer forgets
# everything.
type T5 BOX { x: Signed, y: Signed }
graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Signed ! Address
block0(v0, v1):
  v2:Void = setfield(v0, .x, 5)
  v3:Signed = getfield(v0, .x)
  v4:Signed = getfield(v1, .y)
  v5:Signed = getfield(v1, .y)
  v6:Void = setfield(v1, .y, v5)
  v7:Void = setfield(v1, .x, 7)
  v8:Signed = getfield(v0, .x)
  v9:Signed = getfield(v0, .y)
  v10:Void = direct_call(extern rpy_f, v1)
  v11:Signed = getfield(v0, .y)
  v12:Signed = int_add(v3, v4)
  v13:Signed = int_add(v12, v5)
  v14:Signed = int_add(v13, v8)
  v15:Signed = int_add(v14, v9)
  v16:Signed = int_add(v15, v11)
  goto return(v16)
# expect:
type T5 BOX { x: Signed, y: Signed }

graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Signed ! Address
block0(v0, v1):
  v2:Void = setfield(v0, .x, 5)
  v3:Signed = same_as(5)
  v4:Signed = getfield(v1, .y)
  v5:Signed = same_as(v4)
  v6:Void = setfield(v1, .x, 7)
  v7:Signed = getfield(v0, .x)
  v8:Signed = getfield(v0, .y)
  v9:Void = direct_call(extern rpy_f, v1)
  v10:Signed = getfield(v0, .y)
  v11:Signed = int_add(v3, v4)
  v12:Signed = int_add(v11, v5)
  v13:Signed = int_add(v12, v7)
  v14:Signed = int_add(v13, v8)
  v15:Signed = int_add(v14, v10)
  goto return(v15)
