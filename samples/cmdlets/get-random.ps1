# Get-Random: a number in [Minimum, Maximum), items from a list, a shuffle.
$r = Get-Random -Minimum 10 -Maximum 20
$r -ge 10 -and $r -lt 20
$picked = 'a', 'b', 'c', 'd' | Get-Random -Count 2
$picked.Count
(1..5 | Get-Random -Shuffle | Sort-Object) -join ','
