# ConvertTo-Csv quotes every field unless -UseQuotes says otherwise.
$rows = @(
    [pscustomobject]@{ Name = 'Ann'; City = 'Oslo, Norway'; Score = 9 }
    [pscustomobject]@{ Name = 'Bob'; City = 'Rome'; Score = 7 }
)
$rows | ConvertTo-Csv
$rows | ConvertTo-Csv -UseQuotes AsNeeded
$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes Never
'a,b', '1,"x,y"' | ConvertFrom-Csv | ForEach-Object { $_.b }
