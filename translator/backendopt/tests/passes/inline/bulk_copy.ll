# A callee that copies array items in bulk (list growth, string
# concatenation) stays a call: its work grows with the data. The small
# callee without a copy is inlined.
type T5 ARR {  } [Signed]
graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Signed ! Address
block0(v0, v1):
  v2:Void = direct_call(func1, v0, v1)
  v3:Signed = direct_call(func2, v0)
  goto return(v3)
graph copy(v0:Ptr(T5), v1:Ptr(T5)) -> Void ! Address
block0(v0, v1):
  v2:Signed = getarraysize(v0)
  v3:Void = arraycopy(v0, v1, 0, 0, v2)
  goto return(void)
graph size(v0:Ptr(T5)) -> Signed ! Address
block0(v0):
  v1:Signed = getarraysize(v0)
  goto return(v1)
# expect:
type T5 ARR {  } [Signed]

graph f(v0:Ptr(T5), v1:Ptr(T5)) -> Signed ! Address
block0(v0, v1):
  v2:Void = direct_call(func1, v0, v1)
  goto block1(v0)
block1(v3:Ptr(T5)):
  v4:Signed = getarraysize(v3)
  goto block2(v4)
block2(v5:Signed):
  goto return(v5)

graph copy(v0:Ptr(T5), v1:Ptr(T5)) -> Void ! Address
block0(v0, v1):
  v2:Signed = getarraysize(v0)
  v3:Void = arraycopy(v0, v1, 0, 0, v2)
  goto return(void)

graph size(v0:Ptr(T5)) -> Signed ! Address
block0(v0):
  v1:Signed = getarraysize(v0)
  goto return(v1)
