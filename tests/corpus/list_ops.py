def entry_point(argv):
    a = [1, 2]
    b = [3]
    c = a + b
    print(c, a, b)
    a += b
    a += [7]
    print(a)
    z = [0] * 5
    print(z, [1, 2] * 3, 2 * [9], [5] * 0, [5] * -1)
    z *= 2
    print(z)
    print([1, 2] == [1, 2], [1, 2] == [1, 3], [1] != [1, 2], [] == [])
    print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] <= [1], [0] >= [1])
    print(["a"] == ["a"], [[1], [2]] == [[1], [2]], [[1]] == [[2]])
    grid = [[0] * 3 for i in range(3)]
    grid[1][2] = 5
    print(grid)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
