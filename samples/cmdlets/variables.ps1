# The *-Variable cmdlets.
Set-Variable -Name color -Value 'blue'
$color
New-Variable -Name size -Value 42
Get-Variable size -ValueOnly
(Get-Variable color).Value
Clear-Variable color
$null -eq $color
Remove-Variable size
Get-Variable size -ErrorAction SilentlyContinue
'gone'
