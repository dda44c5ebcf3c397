# Out-String returns the console text: a blank line, the table, a blank line.
$text = [pscustomobject]@{ a = 1 } | Out-String
$text.Length
($text -split "`n").Count
'x', 'y' | Out-String -Stream | ForEach-Object { "[$_]" }
