def f(x):
    if x < 0:
        y = -1
    elif x == 0:
        y = 0
    else:
        y = 1
    return y
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = lt(v0_x, 0)
  switch v1:
    False: block1(v0_x)
    True: return(-1)
block1(v2_x):
  v3 = eq(v2_x, 0)
  switch v3:
    False: return(1)
    True: return(0)
