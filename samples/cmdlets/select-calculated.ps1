# Calculated properties, the Selected.* type name and -ExpandProperty.
$people = @(
    [pscustomobject]@{ Name = 'Ann'; Age = 31 }
    [pscustomobject]@{ Name = 'Bob'; Age = 25 }
)
$people | Select-Object Name, @{ Name = 'NextYear'; Expression = { $_.Age + 1 } } | ForEach-Object { "$($_.Name) will be $($_.NextYear)" }
$people | Select-Object @{ n = 'Initial'; e = { $_.Name[0] } } | ForEach-Object Initial
($people | Select-Object Name)[0].PSObject.TypeNames[0]
$people | Select-Object -ExpandProperty Name
