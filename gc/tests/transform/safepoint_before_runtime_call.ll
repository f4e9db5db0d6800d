# A call to a runtime function that may allocate gets a safepoint first;
# both collect, so the live string is pushed and reloaded around each.
graph f(v0:Ptr(T1), v1:Signed) -> Ptr(T1) ! Address
block0(v0, v1):
  v2:Ptr(T1) = direct_call(extern rpy_str_from_int, v1)
  v3:Ptr(T1) = direct_call(extern rpy_str_concat, v0, v2)
  v4:Ptr(T1) = direct_call(extern rpy_str_concat, v3, v0)
  goto return(v4)
# expect:
graph f(v0:Ptr(T1), v1:Signed) -> Ptr(T1) ! Address
block0(v0, v1):
  v2:Void = gc_push_roots(v0)
  v3:Void = gc_safepoint()
  v4:Ptr(T1) = gc_reload_root(0)
  v5:Ptr(T1) = direct_call(extern rpy_str_from_int, v1)
  v6:Void = gc_push_roots(v4, v5)
  v7:Void = gc_safepoint()
  v8:Ptr(T1) = gc_reload_root(0)
  v9:Ptr(T1) = gc_reload_root(1)
  v10:Ptr(T1) = direct_call(extern rpy_str_concat, v8, v9)
  v11:Void = gc_push_roots(v8, v10)
  v12:Void = gc_safepoint()
  v13:Ptr(T1) = gc_reload_root(0)
  v14:Ptr(T1) = gc_reload_root(1)
  v15:Ptr(T1) = direct_call(extern rpy_str_concat, v14, v13)
  goto return(v15)
