def f(a, b, o, l, i):
    a, b = b, a
    x, y = l
    o.count += 1
    l[i] *= 2
    return a - b + x + y
# expect:
graph f(v0_a, v1_b, v2_o, v3_l, v4_i)
block0(v0_a, v1_b, v2_o, v3_l, v4_i):
  v5_x = getitem(v3_l, 0)
  v6_y = getitem(v3_l, 1)
  v7 = getattr(v2_o, "count")
  v8 = inplace_add(v7, 1)
  v9 = setattr(v2_o, "count", v8)
  v10 = getitem(v3_l, v4_i)
  v11 = inplace_mul(v10, 2)
  v12 = setitem(v3_l, v4_i, v11)
  v13 = sub(v1_b, v0_a)
  v14 = add(v13, v5_x)
  v15 = add(v14, v6_y)
  goto return(v15)
