# mode: module
from m import *
X = 1
del X
# expect:
graph test()
block0():
  v0 = import_module("m")
  v1 = import_star(v0)
  v2 = store_global("X", 1)
  v3 = delete_global("X")
  goto return(None)
