# Groups come out sorted by their key; each holds its members in input order.
'apple', 'avocado', 'banana', 'blueberry', 'cherry' | Group-Object { $_[0] } | ForEach-Object { "$($_.Name): $($_.Count) ($($_.Group -join ', '))" }
$h = 1..10 | Group-Object { $_ % 2 -eq 0 } -AsHashTable
$h[$true] -join ','
$h[$false] -join ','
