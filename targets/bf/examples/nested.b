Nested loops: a triangle of stars six rows high
c0 is rows left; c1 is stars in this row; c2 is a copy; c3 is a star; c4 is a newline
++++++                                  c0 is 6
>>>>++++++[<+++++++>-]                  c3 is 42
++++++++++                              c4 is 10
<<<<                                    back at c0
[                                       for each row
  >+                                    c1 grows by one
  [>+>.<<-]                             print c1 stars (counting c1 down into c2)
  >[<+>-]                               restore c1 from c2
  >>.                                   newline
  <<<<-                                 one row less
]
Then wrapping cells: 0 minus 1 is 255; print 255 minus 200 is 55 (the digit 7) and a newline
>>>>>-                                  c5 is 255
>++++++++++[>++++++++++++++++++++<-]>   c7 is 200
[<<->>-]<<.                             c5 is 55; print it
[-]++++++++++.                          set zero then newline
