def f(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total
# expect:
graph f(v0_n)
block0(v0_n):
  goto block1(0, 0, v0_n)
block1(v1_i, v2_total, v3_n):
  v4 = lt(v1_i, v3_n)
  switch v4:
    False: return(v2_total)
    True: block2(v3_n, v2_total, v1_i)
block2(v5_n, v6_total, v7_i):
  v8_total = inplace_add(v6_total, v7_i)
  v9_i = inplace_add(v7_i, 1)
  goto block1(v9_i, v8_total, v5_n)
