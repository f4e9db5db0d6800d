def f(n):
    while True:
        n -= 1
        if n < 0:
            break
    return n is not None
# expect:
graph f(v0_n)
block0(v0_n):
  goto block1(v0_n)
block1(v1_n):
  v2_n = inplace_sub(v1_n, 1)
  v3 = lt(v2_n, 0)
  switch v3:
    False: block1(v2_n)
    True: block2(v2_n)
block2(v4_n):
  v5 = is_(v4_n, None)
  v6 = not_(v5)
  goto return(v6)
