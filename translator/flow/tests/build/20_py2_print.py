# dialect: py2
def f(x):
    print x, 1
    print x,
    print >>sys.stderr, x
    print
def g(a, b, d):
    a /= b
    for i in xrange(a / b):
        print str(i), long(i)
    return d.has_key(a), unicode(a)
# expect:
graph f(v0_x)
block0(v0_x):
  v1 = simple_call(<__py2__.print_item>, 1, v0_x)
  v2 = simple_call(<__py2__.print_item>, 1, 1)
  v3 = simple_call(<__py2__.print_newline>, 1)
  v4 = simple_call(<__py2__.print_item>, 1, v0_x)
  v5 = simple_call(<__py2__.print_item>, 2, v0_x)
  v6 = simple_call(<__py2__.print_newline>, 2)
  v7 = simple_call(<__py2__.print_newline>, 1)
  goto return(None)
graph g(v0_a, v1_b, v2_d)
block0(v0_a, v1_b, v2_d):
  v3_a = inplace_div(v0_a, v1_b)
  v4 = div(v3_a, v1_b)
  v5 = simple_call(<range>, v4)
  v6 = iter(v5)
  goto block1(v6, v2_d, v3_a)
block1(v7, v8_d, v9_a):
  v10_i = next(v7)
  switch last_exception:
    normal: block2(v7, v10_i, v8_d, v9_a)
    <StopIteration>: block3(v8_d, v9_a)
block2(v11, v12_i, v13_d, v14_a):
  v15 = simple_call(<__py2__.str>, v12_i)
  v16 = simple_call(<__py2__.print_item>, 1, v15)
  v17 = simple_call(<int>, v12_i)
  v18 = simple_call(<__py2__.print_item>, 1, v17)
  v19 = simple_call(<__py2__.print_newline>, 1)
  goto block1(v11, v13_d, v14_a)
block3(v20_d, v21_a):
  v22 = getattr(v20_d, "has_key")
  v23 = simple_call(v22, v21_a)
  v24 = simple_call(<__py2__.str>, v21_a)
  v25 = newtuple(v23, v24)
  goto return(v25)
