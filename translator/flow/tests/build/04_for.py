def f(l):
    total = 0
    for x in l:
        if x == 3:
            continue
        if x > 10:
            break
        total += x
    else:
        total = -1
    return total
# expect:
graph f(v0_l)
block0(v0_l):
  v1 = iter(v0_l)
  goto block1(0, v1)
block1(v2_total, v3):
  v4_x = next(v3)
  switch last_exception:
    normal: block2(v3, v4_x, v2_total)
    <StopIteration>: return(-1)
block2(v5, v6_x, v7_total):
  v8 = eq(v6_x, 3)
  switch v8:
    False: block3(v5, v6_x, v7_total)
    True: block1(v7_total, v5)
block3(v9, v10_x, v11_total):
  v12 = gt(v10_x, 10)
  switch v12:
    False: block4(v9, v11_total, v10_x)
    True: return(v11_total)
block4(v13, v14_total, v15_x):
  v16_total = inplace_add(v14_total, v15_x)
  goto block1(v16_total, v13)
