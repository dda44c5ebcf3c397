# ForEach-Object blocks run in the caller's scope; `% Name` reads a member of each object.
1..3 | ForEach-Object { $_ * $_ }
'a', 'b' | ForEach-Object -Begin { 'start' } -Process { $_.ToUpper() } -End { 'end' }
$total = 0
1..5 | ForEach-Object { $total += $_ }
"total=$total"
'one', 'three' | ForEach-Object Length
'x', 'y' | ForEach-Object ToUpper
