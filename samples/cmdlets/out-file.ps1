# Out-File writes what the console would show.
[pscustomobject]@{ A = 1; B = 'x' } | Out-File table.txt
Get-Content table.txt
'plain' | Out-File table.txt -Append
(Get-Content table.txt)[-1]
