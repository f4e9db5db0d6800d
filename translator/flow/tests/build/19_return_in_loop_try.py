def f(d, keys):
    for k in keys:
        try:
            return d[k]
        except KeyError:
            pass
    raise ValueError("none")
# expect:
graph f(v0_d, v1_keys)
block0(v0_d, v1_keys):
  v2 = iter(v1_keys)
  goto block1(v2, v0_d)
block1(v3, v4_d):
  v5_k = next(v3)
  switch last_exception:
    normal: block2(v3, v4_d, v5_k)
    <StopIteration>: block3()
block2(v6, v7_d, v8_k):
  v9 = getitem(v7_d, v8_k)
  switch last_exception:
    normal: return(v9)
    <KeyError> as (v10_etype, v11_evalue): block1(v6, v7_d)
block3():
  v12 = simple_call(<ValueError>, "none")
  v13 = type(v12)
  goto raise(v13, v12)
