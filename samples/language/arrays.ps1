$a = 1, 2, 3
$a.Count
$a[0]
$a[-1]
$a[0..1]
$a += 4
$a.Count
@().Count
@(7).Count
$b = ,5
$b.Count
(1..5) -join ","
$a -contains 2
3 -in $a
