Echo stdin: read a byte; while it is not 0 print it; clear the cell and read the next
(EOF leaves the cleared cell at 0 and ends the loop)
,[.[-],]
