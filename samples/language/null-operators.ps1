$missing = $null
$missing ?? "fallback"
$set = "value"
$set ?? "fallback"
$missing ??= "now set"
$missing
$flag = $true
$flag ? "yes" : "no"
$null -eq $missing
