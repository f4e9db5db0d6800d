def show(b):
    out = ""
    for i in range(len(b)):
        out += "%02x" % b[i]
    return out


def entry_point(argv):
    texts = "hello|héllo wörld|naïve café|日本語テキスト|emoji 😀!|Ελληνικά".split("|")
    for i in range(len(texts)):
        t = texts[i]
        b = t.encode("utf-8")
        back = b.decode("utf-8")
        print(len(t), len(b), show(b[:6]), back == t, back)
    lat = "café".encode("latin-1")
    print(len(lat), show(lat), lat.decode("latin-1"), "abc".encode("ascii"), "abc".encode())
    try:
        b"\xff\xfe".decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", str(e))
    try:
        b"ok \xc3".decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", str(e))
    try:
        "price: 5€".encode("latin-1")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", str(e))
    try:
        "naïve".encode("ascii")
    except UnicodeError as e:
        print("UnicodeError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
