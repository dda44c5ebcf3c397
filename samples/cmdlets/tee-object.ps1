# Tee-Object passes objects on and keeps a copy in a variable or a file.
$doubled = 1..3 | ForEach-Object { $_ * 2 } | Tee-Object -Variable copy | Measure-Object -Sum
$doubled.Sum
$copy -join ','
'x', 'y' | Tee-Object -FilePath tee.txt | Out-Null
Get-Content tee.txt
