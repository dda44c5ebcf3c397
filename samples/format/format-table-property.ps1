# Format-Table -Property with names, wildcards and calculated columns.
$items = [pscustomobject]@{ Name = 'a.txt'; Length = 1200; Kind = 'file' },
         [pscustomobject]@{ Name = 'b.log'; Length = 35; Kind = 'file' }
$items | Format-Table -Property Name, @{ Name = 'KB'; Expression = { $_.Length / 1000 } }
$items | Format-Table Name, K* -HideTableHeaders
