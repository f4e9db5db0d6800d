# args: osread
# py2: os.read returns a byte string (str), which concatenates, indexes,
# compares and goes back to os.write like any other str.
import os


def read_all(fd):
    text = ""
    while True:
        chunk = os.read(fd, 7)
        if len(chunk) == 0:
            break
        text += chunk
    return text


def entry_point(argv):
    path = "/tmp/rpy_py2_os_read_str_" + argv[1] + ".txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0644)
    os.write(fd, "+[->+<]\nhello, bytes\n\xe9t\xe9\n")
    os.close(fd)
    fd = os.open(path, os.O_RDONLY, 0777)
    text = read_all(fd)
    os.close(fd)
    print len(text), text[0] == "+", ord(text[-2]), text.count("l")
    lines = text.split("\n")
    print len(lines), lines[1]
    ops = 0
    for c in text:
        if c in "+-<>[]":
            ops += 1
    print "ops", ops
    os.write(1, text[8:14] + "\n")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
