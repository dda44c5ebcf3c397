# $PWD is a PathInfo, the same type Get-Location returns; it converts to its path as a string.
$PWD.GetType().FullName
(Get-Location).GetType().Name
$PWD.Path -eq (Get-Location).Path
$PWD.ProviderPath -eq $PWD.Path
"$PWD" -eq $PWD.Path
$PWD.Provider
(Join-Path $PWD 'child') -eq ($PWD.Path + '/child')
$ExecutionContext.SessionState.Path.CurrentLocation.GetType().Name
