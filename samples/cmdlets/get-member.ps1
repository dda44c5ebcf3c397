# Get-Member lists members sorted by name; note properties show their value.
[pscustomobject]@{ Name = 'x'; Count = 3 } | Get-Member -MemberType NoteProperty | ForEach-Object { "$($_.Name) | $($_.Definition)" }
'text' | Get-Member -Name Length | ForEach-Object { "$($_.MemberType) $($_.Definition)" }
(1, 'a', 2 | Get-Member -Name ToString).Count
