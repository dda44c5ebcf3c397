# Set-Location, the Push/Pop-Location stack and relative paths.
New-Item -ItemType Directory sub | Out-Null
$start = (Get-Location).Path
Set-Location sub
Split-Path (Get-Location).Path -Leaf
Set-Location ..
(Get-Location).Path -eq $start
Push-Location sub
Split-Path (Get-Location).Path -Leaf
Pop-Location
(Get-Location).Path -eq $start
Resolve-Path sub -Relative
