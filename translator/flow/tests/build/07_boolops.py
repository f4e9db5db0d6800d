def f(a, b, c):
    x = a and b
    y = a or b or c
    z = a < b < c
    w = a if c else b
    return (x, y, z, w)
# expect:
graph f(v0_a, v1_b, v2_c)
block0(v0_a, v1_b, v2_c):
  v3 = bool(v0_a)
  switch v3:
    False: block1(v0_a, v0_a, v1_b, v2_c)
    True: block1(v1_b, v0_a, v1_b, v2_c)
block1(v4_boolop, v5_a, v6_b, v7_c):
  v8 = bool(v5_a)
  switch v8:
    False: block2(v6_b, v7_c, v5_a, v4_boolop)
    True: block3(v5_a, v5_a, v6_b, v7_c, v4_boolop)
block2(v9_b, v10_c, v11_a, v12_boolop):
  v13 = bool(v9_b)
  switch v13:
    False: block3(v10_c, v11_a, v9_b, v10_c, v12_boolop)
    True: block3(v9_b, v11_a, v9_b, v10_c, v12_boolop)
block3(v14_boolop, v15_a, v16_b, v17_c, v18_boolop):
  v19 = lt(v15_a, v16_b)
  switch v19:
    False: block4(v19, v17_c, v16_b, v18_boolop, v14_boolop, v15_a)
    True: block6(v17_c, v16_b, v18_boolop, v14_boolop, v15_a)
block4(v20_cmp, v21_c, v22_b, v23_boolop, v24_boolop, v25_a):
  v26 = bool(v21_c)
  switch v26:
    False: block5(v22_b, v23_boolop, v24_boolop, v20_cmp)
    True: block5(v25_a, v23_boolop, v24_boolop, v20_cmp)
block5(v27_ifexp, v28_boolop, v29_boolop, v30_cmp):
  v31 = newtuple(v28_boolop, v29_boolop, v30_cmp, v27_ifexp)
  goto return(v31)
block6(v32_c, v33_b, v34_boolop, v35_boolop, v36_a):
  v37 = lt(v33_b, v32_c)
  goto block4(v37, v32_c, v33_b, v34_boolop, v35_boolop, v36_a)
