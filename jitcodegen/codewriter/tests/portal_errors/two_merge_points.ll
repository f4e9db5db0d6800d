# driver: greens=pc reds=n
# error: a JitDriver has exactly one jit_merge_point(); JitDriver #0 has 2
graph f(v0:Signed) -> Signed ! Address
block0(v0):
  v1:Void = jit_merge_point(0, 0, v0)
  v2:Void = jit_merge_point(0, 0, v0)
  goto return(v0)
