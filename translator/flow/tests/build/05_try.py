def f(l, i):
    try:
        x = l[i]
    except (IndexError, KeyError):
        x = 0
    except ValueError as e:
        raise
    return x
# expect:
graph f(v0_l, v1_i)
block0(v0_l, v1_i):
  v2_x = getitem(v0_l, v1_i)
  switch last_exception:
    normal: return(v2_x)
    <IndexError> as (v3_etype, v4_evalue): return(0)
    <KeyError> as (v5_etype, v6_evalue): return(0)
    <ValueError> as (v7_etype, v8_evalue): raise(v7_etype, v8_evalue)
