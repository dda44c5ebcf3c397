# Sort keys given as hashtables carry their own direction.
$files = @(
    [pscustomobject]@{ Name = 'b.txt'; Size = 20 }
    [pscustomobject]@{ Name = 'a.txt'; Size = 20 }
    [pscustomobject]@{ Name = 'c.txt'; Size = 5 }
)
$files | Sort-Object @{ Expression = 'Size'; Descending = $true }, Name | ForEach-Object { "$($_.Size) $($_.Name)" }
$files | Sort-Object Name -Descending | Select-Object -First 1 -ExpandProperty Name
