def f(l):
    sq = [x * x for x in l if x > 0]
    d = {k: v for k, v in l}
    return sq, d
# expect:
graph f(v0_l)
block0(v0_l):
  v1_sq = newlist()
  v2 = getattr(v1_sq, "append")
  v3 = iter(v0_l)
  goto block1(v3, v2, v0_l, v1_sq)
block1(v4, v5, v6_l, v7_sq):
  v8_x = next(v4)
  switch last_exception:
    normal: block2(v4, v8_x, v5, v6_l, v7_sq)
    <StopIteration>: block4(v6_l, v7_sq)
block2(v9, v10_x, v11, v12_l, v13_sq):
  v14 = gt(v10_x, 0)
  switch v14:
    False: block1(v9, v11, v12_l, v13_sq)
    True: block3(v9, v10_x, v11, v12_l, v13_sq)
block3(v15, v16_x, v17, v18_l, v19_sq):
  v20 = mul(v16_x, v16_x)
  v21 = simple_call(v17, v20)
  goto block1(v15, v17, v18_l, v19_sq)
block4(v22_l, v23_sq):
  v24_d = newdict()
  v25 = iter(v22_l)
  goto block5(v25, v24_d, v23_sq)
block5(v26, v27_d, v28_sq):
  v29 = next(v26)
  switch last_exception:
    normal: block6(v26, v29, v27_d, v28_sq)
    <StopIteration>: block7(v28_sq, v27_d)
block6(v30, v31, v32_d, v33_sq):
  v34_k = getitem(v31, 0)
  v35_v = getitem(v31, 1)
  v36 = setitem(v32_d, v34_k, v35_v)
  goto block5(v30, v32_d, v33_sq)
block7(v37_sq, v38_d):
  v39 = newtuple(v37_sq, v38_d)
  goto return(v39)
