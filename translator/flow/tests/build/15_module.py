# mode: module
import os, a.b
from m import x as y
X = 1

@deco
def f(a, b=X):
    return a

class C(Base):
    def m(self):
        pass

try:
    z = compute()
except KeyError:
    z = None

if __name__ == "__main__":
    f(1)
# expect:
graph test()
block0():
  v0 = import_module("os")
  v1 = store_global("os", v0)
  v2 = import_module("a.b")
  v3 = import_module("a")
  v4 = store_global("a", v3)
  v5 = import_module("m")
  v6 = getattr(v5, "x")
  v7 = store_global("y", v6)
  v8 = store_global("X", 1)
  v9 = load_global("deco")
  v10 = load_global("X")
  v11 = make_function(<code f>, v10)
  v12 = simple_call(v9, v11)
  v13 = store_global("f", v12)
  v14 = load_global("Base")
  v15 = make_class(<classcode C>, v14)
  v16 = store_global("C", v15)
  v17 = load_global("compute")
  switch last_exception:
    normal: block1(v17)
    <BaseException> as (v18_etype, v19_evalue): block5(v18_etype, v19_evalue)
block1(v20):
  v21 = simple_call(v20)
  switch last_exception:
    normal: block2(v21)
    <BaseException> as (v22_etype, v23_evalue): block5(v22_etype, v23_evalue)
block2(v24):
  v25 = store_global("z", v24)
  goto block3()
block3():
  v26 = load_global("__name__")
  v27 = eq(v26, "__main__")
  switch v27:
    False: return(None)
    True: block4()
block4():
  v28 = load_global("f")
  v29 = simple_call(v28, 1)
  goto return(None)
block5(v30_etype, v31_evalue):
  v32 = load_global("KeyError")
  v33 = exc_match(v30_etype, v32)
  switch v33:
    False: raise(v30_etype, v31_evalue)
    True: block6()
block6():
  v34 = store_global("z", None)
  goto block3()
