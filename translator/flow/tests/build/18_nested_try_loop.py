def f(l):
    n = 0
    while n < 10:
        try:
            try:
                n = n + l[n]
            except IndexError:
                continue
        finally:
            n += 1
    return n
# expect:
graph f(v0_l)
block0(v0_l):
  goto block1(0, v0_l)
block1(v1_n, v2_l):
  v3 = lt(v1_n, 10)
  switch v3:
    False: return(v1_n)
    True: block2(v2_l, v1_n)
block2(v4_l, v5_n):
  v6 = getitem(v4_l, v5_n)
  switch last_exception:
    normal: block3(v4_l, v5_n, v6)
    <IndexError> as (v7_etype, v8_evalue): block5(v4_l, v5_n)
    <BaseException> as (v9_etype, v10_evalue): block6(v9_etype, v10_evalue, v5_n)
block3(v11_l, v12_n, v13):
  v14_n = add(v12_n, v13)
  switch last_exception:
    normal: block4(v11_l, v14_n)
    <IndexError> as (v15_etype, v16_evalue): block5(v11_l, v12_n)
    <BaseException> as (v17_etype, v18_evalue): block6(v17_etype, v18_evalue, v12_n)
block4(v19_l, v20_n):
  v21_n = inplace_add(v20_n, 1)
  goto block1(v21_n, v19_l)
block5(v22_l, v23_n):
  v24_n = inplace_add(v23_n, 1)
  goto block1(v24_n, v22_l)
block6(v25_etype, v26_evalue, v27_n):
  v28_n = inplace_add(v27_n, 1)
  goto raise(v25_etype, v26_evalue)
