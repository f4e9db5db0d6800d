import os


def entry_point(argv):
    try:
        os.open("/nonexistent_dir_rpy/file.txt", os.O_RDONLY, 0)
        print("opened?")
    except OSError as e:
        print("OSError", str(e))
    try:
        os.close(9999)
    except OSError as e:
        print("OSError", str(e))
    try:
        os.read(9999, 10)
    except OSError as e:
        print("OSError", str(e))
    try:
        os.lseek(9999, 0, 0)
    except OSError as e:
        print("OSError", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
