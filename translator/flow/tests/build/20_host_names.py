class len(Exception):
    pass


def f(x):
    try:
        return x(range)
    except len:
        return 0
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = simple_call(v0_x, <range>)
  switch last_exception:
    normal: return(v1)
    <len #22> as (v2_etype, v3_evalue): return(0)
