# show: spans
def pick(flag):
    if flag:
        x = 1
        print("int")
    else:
        x = "one"
    return x


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def unchanged(n):
    k = 5
    while n > 0:
        n -= 1
    return k


def params(a, b):
    if a:
        b = 2
    return b


def unpack(p):
    a, b = p
    if a:
        a, b = b, a
    return a + b


def handler(f):
    try:
        r = f()
    except ValueError as e:
        r = e
    return r


def ifexp(c, y):
    z = y if c else "s"
    return z


def early(c):
    if c:
        return 1
    return "two"


def fin(c):
    try:
        if c:
            return 1
        v = "x"
        return v
    finally:
        print("done")
# expect:
graph pick(v0_flag)
block0(v0_flag):
  v1 = bool(v0_flag)
  switch v1:
    False: return("one"@7:9)
    True: block1()
block1():
  v2 = simple_call(<print>, "int")
  goto return(1@4:9)
graph loop(v0_n)
block0(v0_n):
  v1 = simple_call(<range>, v0_n)
  v2 = iter(v1)
  goto block1(0@12:5, v2)
block1(v3_total, v4):
  v5_i = next(v4)
  switch last_exception:
    normal: block2(v4, v3_total, v5_i)
    <StopIteration>: return(v3_total)
block2(v6, v7_total, v8_i):
  v9_total = inplace_add(v7_total, v8_i)
  goto block1(v9_total@14:9, v6)
graph unchanged(v0_n)
block0(v0_n):
  goto block1(v0_n@18:15)
block1(v1_n):
  v2 = gt(v1_n, 0)
  switch v2:
    False: return(5@19:5)
    True: block2(v1_n)
block2(v3_n):
  v4_n = inplace_sub(v3_n, 1)
  goto block1(v4_n@21:9)
graph params(v0_a, v1_b)
block0(v0_a, v1_b):
  v2 = bool(v0_a)
  switch v2:
    False: return(v1_b@25:15)
    True: return(2@27:9)
graph unpack(v0_p)
block0(v0_p):
  v1_a = getitem(v0_p, 0)
  v2_b = getitem(v0_p, 1)
  v3 = bool(v1_a)
  switch v3:
    False: block1(v1_a@32:5, v2_b@32:8)
    True: block1(v2_b@34:9, v1_a@34:12)
block1(v4_a, v5_b):
  v6 = add(v4_a, v5_b)
  goto return(v6@35:12)
graph handler(v0_f)
block0(v0_f):
  v1_r = simple_call(v0_f)
  switch last_exception:
    normal: return(v1_r@40:9)
    <ValueError> as (v2_etype, v3_evalue): return(v3_evalue@42:9)
graph ifexp(v0_c, v1_y)
block0(v0_c, v1_y):
  v2 = bool(v0_c)
  switch v2:
    False: return("s"@47:5)
    True: return(v1_y@47:5)
graph early(v0_c)
block0(v0_c):
  v1 = bool(v0_c)
  switch v1:
    False: return("two"@54:12)
    True: return(1@53:16)
graph fin(v0_c)
block0(v0_c):
  v1 = bool(v0_c)
  switch v1:
    False: block1("x"@61:9)
    True: block1(1@60:20)
block1(v2_result):
  v3 = simple_call(<print>, "done")
  goto return(v2_result)
