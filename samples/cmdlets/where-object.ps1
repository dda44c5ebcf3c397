# Where-Object with a script block and with the simplified `Property -op value` syntax.
1..10 | Where-Object { $_ % 3 -eq 0 }
'apple', 'banana', 'cherry' | Where-Object Length -gt 5
'apple', 'banana', 'cherry' | Where-Object { $_ -like '*an*' }
