Write-Output "first" && Write-Output "second"
Get-Variable nosuchvariable -ErrorAction SilentlyContinue || Write-Output "fallback"
