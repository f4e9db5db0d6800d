def f(x, y):
    z = x + y * 2
    return -z
# expect:
graph f(v0_x, v1_y)
block0(v0_x, v1_y):
  v2 = mul(v1_y, 2)
  v3_z = add(v0_x, v2)
  v4 = neg(v3_z)
  goto return(v4)
