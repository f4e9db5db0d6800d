# A call forgets only what its callee may write (field names and array
# types, through its own calls too): after `sety`, the known `.x` and the
# known array item survive and `.y` is loaded again; a runtime call with
# no pointer argument writes no object; after `unknown` (an indirect call
# inside) everything is loaded again.
type T5 BOX { x: Signed, y: Signed }
type T6 ARR {  } [Signed]
graph f(v0:Ptr(T5), v1:Ptr(T6)) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .x)
  v3:Signed = getfield(v0, .y)
  v4:Signed = getarrayitem(v1, 0)
  v5:Void = direct_call(func1, v0)
  v6:Signed = getfield(v0, .x)
  v7:Signed = getfield(v0, .y)
  v8:Signed = getarrayitem(v1, 0)
  v9:Signed = direct_call(extern rpy_time, 1)
  v10:Signed = getfield(v0, .x)
  v11:Void = direct_call(func2, v0)
  v12:Signed = getfield(v0, .x)
  v13:Signed = getarrayitem(v1, 0)
  v14:Signed = int_add(v2, v3)
  v15:Signed = int_add(v14, v4)
  v16:Signed = int_add(v15, v6)
  v17:Signed = int_add(v16, v7)
  v18:Signed = int_add(v17, v8)
  v19:Signed = int_add(v18, v10)
  v20:Signed = int_add(v19, v12)
  v21:Signed = int_add(v20, v13)
  goto return(v21)
graph sety(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = direct_call(func3, v0)
  goto return(void)
graph unknown(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = indirect_call(v0)
  goto return(void)
graph sety2(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = setfield(v0, .y, 2)
  goto return(void)
# expect:
type T5 BOX { x: Signed, y: Signed }
type T6 ARR {  } [Signed]

graph f(v0:Ptr(T5), v1:Ptr(T6)) -> Signed ! Address
block0(v0, v1):
  v2:Signed = getfield(v0, .x)
  v3:Signed = getfield(v0, .y)
  v4:Signed = getarrayitem(v1, 0)
  v5:Void = direct_call(func1, v0)
  v6:Signed = same_as(v2)
  v7:Signed = getfield(v0, .y)
  v8:Signed = same_as(v4)
  v9:Signed = direct_call(extern rpy_time, 1)
  v10:Signed = same_as(v2)
  v11:Void = direct_call(func2, v0)
  v12:Signed = getfield(v0, .x)
  v13:Signed = getarrayitem(v1, 0)
  v14:Signed = int_add(v2, v3)
  v15:Signed = int_add(v14, v4)
  v16:Signed = int_add(v15, v6)
  v17:Signed = int_add(v16, v7)
  v18:Signed = int_add(v17, v8)
  v19:Signed = int_add(v18, v10)
  v20:Signed = int_add(v19, v12)
  v21:Signed = int_add(v20, v13)
  goto return(v21)

graph sety(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = direct_call(func3, v0)
  goto return(void)

graph unknown(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = indirect_call(v0)
  goto return(void)

graph sety2(v0:Ptr(T5)) -> Void ! Address
block0(v0):
  v1:Void = setfield(v0, .y, 2)
  goto return(void)
