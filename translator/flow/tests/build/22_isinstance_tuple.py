class A(Exception):
    pass


class B(Exception):
    pass


def f(x):
    return isinstance(x, (A, B))


def g(x):
    if isinstance(x, (A,)) or x is None:
        return 1
    return 0
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = simple_call(<isinstance>, v0_x, <A>)
  v2 = bool(v1)
  switch v2:
    False: block1(v0_x)
    True: return(True)
block1(v3_x):
  v4 = simple_call(<isinstance>, v3_x, <B>)
  goto return(v4)
graph g(v0_x)
block0(v0_x):
  v1 = simple_call(<isinstance>, v0_x, <A>)
  v2 = bool(v1)
  switch v2:
    False: block1(v0_x)
    True: block2(True)
block1(v3_x):
  v4 = is_(v3_x, None)
  goto block2(v4)
block2(v5_cond):
  switch v5_cond:
    False: return(0)
    True: return(1)
