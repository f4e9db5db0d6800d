# mode: class
class C(Base):
    """doc"""
    _immutable_fields_ = ["x"]
    counter = 0

    def __init__(self, x=counter):
        self.x = x

    @staticmethod
    def make():
        return C(1)
# expect:
graph C()
block0():
  v0 = newlist("x")
  v1 = store_global("_immutable_fields_", v0)
  v2 = store_global("counter", 0)
  v3 = load_global("counter")
  v4 = make_function(<code __init__>, v3)
  v5 = store_global("__init__", v4)
  v6 = load_global("staticmethod")
  v7 = make_function(<code make>)
  v8 = simple_call(v6, v7)
  v9 = store_global("make", v8)
  goto return(None)
