1..10 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }
$sum = 0
1..100 | ForEach-Object { $sum += $_ }
$sum
"b", "c", "a" | Sort-Object
1..20 | Select-Object -First 3
(1..5 | Measure-Object -Sum).Sum
