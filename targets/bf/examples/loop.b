A counted loop: print the digits 0 to 9 then a newline
++++++++++           c0 is 10 (the counter)
>++++++++[>++++++<-] c2 is 48 (the digit 0)
<[>>.+<<-]           print c2 and increment it ten times
>>>++++++++++.       newline
