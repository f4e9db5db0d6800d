# error: 4:5: storing int into a list of list
def entry_point(argv):
    grid = [[1, 2], [3]]
    grid.append(4)
    print(grid)
    return 0
