class MyError(Exception):
    pass

def f(x):
    assert x > 0, "positive"
    if x > 10:
        raise MyError("big")
    try:
        raise ValueError
    except ValueError as e:
        x = 1
    return x
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = gt(v0_x, 0)
  switch v1:
    False: block1()
    True: block2(v0_x)
block1():
  v2 = simple_call(<AssertionError>, "positive")
  v3 = type(v2)
  goto raise(v3, v2)
block2(v4_x):
  v5 = gt(v4_x, 10)
  switch v5:
    False: block3()
    True: block5()
block3():
  v6 = simple_call(<ValueError>)
  switch last_exception:
    normal: block4(v6)
    <ValueError> as (v7_etype, v8_evalue): return(1)
block4(v9):
  v10 = type(v9)
  v11 = exc_match(v10, <ValueError>)
  switch v11:
    False: raise(v10, v9)
    True: return(1)
block5():
  v12 = simple_call(<MyError>, "big")
  v13 = type(v12)
  goto raise(v13, v12)
