# A GC pointer stored into an array item gets gc_write_barrier_item(arr,
# index): the runtime marks the index's card when the array is a large
# old one with a card table.
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]
graph f(v0:Ptr(T6), v1:Signed, v2:Ptr(T5)) -> Void ! Address
block0(v0, v1, v2):
  v3:Void = setarrayitem(v0, v1, v2)
  v4:Signed = int_add(v1, 1)
  v5:Void = setarrayitem(v0, v4, null(T5))
  goto return(void)
# expect:
type T5 NODE { value: Signed, next: Ptr(T5) }
type T6 NODE_ARRAY {  } [Ptr(T5)]

graph f(v0:Ptr(T6), v1:Signed, v2:Ptr(T5)) -> Void ! Address
block0(v0, v1, v2):
  v3:Void = gc_write_barrier_item(v0, v1)
  v4:Void = setarrayitem(v0, v1, v2)
  v5:Signed = int_add(v1, 1)
  v6:Void = setarrayitem(v0, v5, null(T5))
  goto return(void)
