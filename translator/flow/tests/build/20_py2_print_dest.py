# dialect: py2
def f(x, out):
    print >>out, x
# expect:
3:13: `print >>f, ...` is supported for f = sys.stdout or sys.stderr only; use os.write(fd, ...) for other files
