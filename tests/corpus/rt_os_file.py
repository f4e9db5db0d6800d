# args: osfile
import os


def entry_point(argv):
    path = "/tmp/rpy_rt_os_file_" + str(len(argv)) + "_" + argv[1] + ".txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    n = os.write(fd, b"hello file\nsecond line\n")
    os.close(fd)
    print("wrote", n)
    fd = os.open(path, os.O_RDONLY, 0)
    data = os.read(fd, 5)
    print(data.decode("utf-8") if False else len(data))
    rest = os.read(fd, 100)
    print(len(rest))
    pos = os.lseek(fd, 0, 0)
    again = os.read(fd, 10)
    print(pos, len(again), again == b"hello file")
    end = os.read(fd, 1000)
    end2 = os.read(fd, 1000)
    print(len(end), len(end2))
    os.close(fd)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"more\n")
    os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    print(len(os.read(fd, 1000)))
    os.close(fd)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
