def f(l):
    for x in l:
        try:
            if x:
                break
            g(x)
        finally:
            cleanup()
    return 0

def g(x):
    try:
        return h(x)
    finally:
        cleanup()

def h(x):
    return x

def cleanup():
    pass
# expect:
graph f(v0_l)
block0(v0_l):
  v1 = iter(v0_l)
  goto block1(v1)
block1(v2):
  v3_x = next(v2)
  switch last_exception:
    normal: block2(v2, v3_x)
    <StopIteration>: return(0)
block2(v4, v5_x):
  v6 = bool(v5_x)
  switch v6:
    False: block3(v4, v5_x)
    True: block6()
block3(v7, v8_x):
  v9 = simple_call(<function g>, v8_x)
  switch last_exception:
    normal: block4(v7)
    <BaseException> as (v10_etype, v11_evalue): block5(v10_etype, v11_evalue)
block4(v12):
  v13 = simple_call(<function cleanup>)
  goto block1(v12)
block5(v14_etype, v15_evalue):
  v16 = simple_call(<function cleanup>)
  goto raise(v14_etype, v15_evalue)
block6():
  v17 = simple_call(<function cleanup>)
  goto return(0)
graph g(v0_x)
block0(v0_x):
  v1 = simple_call(<function h>, v0_x)
  switch last_exception:
    normal: block1(v1)
    <BaseException> as (v2_etype, v3_evalue): block2(v2_etype, v3_evalue)
block1(v4):
  v5 = simple_call(<function cleanup>)
  goto return(v4)
block2(v6_etype, v7_evalue):
  v8 = simple_call(<function cleanup>)
  goto raise(v6_etype, v7_evalue)
graph h(v0_x)
block0(v0_x):
  goto return(v0_x)
graph cleanup()
block0():
  goto return(None)
