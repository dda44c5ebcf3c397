# Import-Csv reads objects with string properties; Export-Csv writes them back.
@'
id,name,qty
1,bolt,100
2,"nut, hex",250
'@ | Set-Content stock.csv
$stock = Import-Csv stock.csv
$stock.Count
$stock[1].name
($stock | Measure-Object -Property qty -Sum).Sum
$stock | Where-Object { [int]$_.qty -gt 150 } | Export-Csv big.csv
Get-Content big.csv
