def f(x, w):
    return f"x={x!r} y={x:>{w}} done"
# expect:
graph f(v0_x, v1_w)
block0(v0_x, v1_w):
  v2 = repr(v0_x)
  v3 = format(v2, "")
  v4 = format(v1_w, "")
  v5 = add(">", v4)
  v6 = format(v0_x, v5)
  v7 = add("x=", v3)
  v8 = add(v7, " y=")
  v9 = add(v8, v6)
  v10 = add(v9, " done")
  goto return(v10)
