def f(items, c):
    if items and items[-1] == c:
        return 1
    return 0


def g(a, b):
    while not (a or b):
        a = a + 1
    return a
# expect:
graph f(v0_items, v1_c)
block0(v0_items, v1_c):
  v2 = bool(v0_items)
  switch v2:
    False: block1(False)
    True: block2(v0_items, v1_c)
block1(v3_cond):
  switch v3_cond:
    False: return(0)
    True: return(1)
block2(v4_items, v5_c):
  v6 = getitem(v4_items, -1)
  v7 = eq(v6, v5_c)
  goto block1(v7)
graph g(v0_a, v1_b)
block0(v0_a, v1_b):
  goto block1(v0_a, v1_b)
block1(v2_a, v3_b):
  v4 = bool(v2_a)
  switch v4:
    False: block2(v3_b, v2_a)
    True: block3(True, v3_b, v2_a)
block2(v5_b, v6_a):
  v7 = bool(v5_b)
  goto block3(v7, v5_b, v6_a)
block3(v8_cond, v9_b, v10_a):
  v11 = not_(v8_cond)
  switch v11:
    False: return(v10_a)
    True: block4(v9_b, v10_a)
block4(v12_b, v13_a):
  v14_a = add(v13_a, 1)
  goto block1(v14_a, v12_b)
