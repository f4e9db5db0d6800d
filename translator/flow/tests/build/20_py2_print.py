# dialect: py2
def f(x):
    print x, 1
    print x,
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = simple_call(<print>, v0_x, 1)
  v2 = call_kw(<print>, ("end",), v0_x, "")
  goto return(None)
