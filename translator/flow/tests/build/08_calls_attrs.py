import os
K = 7

def g(a, b=1):
    return a

def f(o, l):
    os.write(1, b"hi")
    g(l, b=K)
    o.attr = len(l)
    o.meth(1, 2)
    v = l[1:]
    l[0] = v[::2]
    del l[0], o.attr
    return str(o.attr) + repr(v)
# expect:
graph g(v0_a, v1_b)
block0(v0_a, v1_b):
  goto return(v0_a)
graph f(v0_o, v1_l)
block0(v0_o, v1_l):
  v2 = simple_call(<os.write>, 1, b"hi")
  v3 = call_kw(<function g>, ("b",), v1_l, 7)
  v4 = simple_call(<len>, v1_l)
  v5 = setattr(v0_o, "attr", v4)
  v6 = getattr(v0_o, "meth")
  v7 = simple_call(v6, 1, 2)
  v8_v = getslice(v1_l, 1, None, None)
  v9 = getslice(v8_v, None, None, 2)
  v10 = setitem(v1_l, 0, v9)
  v11 = delitem(v1_l, 0)
  v12 = delattr(v0_o, "attr")
  v13 = getattr(v0_o, "attr")
  v14 = simple_call(<str>, v13)
  v15 = simple_call(<repr>, v8_v)
  v16 = add(v14, v15)
  goto return(v16)
