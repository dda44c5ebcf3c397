# Records merged into the output keep their type; the console shows warning, verbose and debug
# records with their prefix, Out-String shows only the message.
$r = & { Write-Warning w; Write-Verbose v -Verbose; Write-Debug d -Debug; Write-Information i -InformationAction Continue; 'o' } *>&1
$r | ForEach-Object { $_.GetType().Name }
$r[0].Message
$r
$r | Out-String
Write-Host "not shown" 6>$null
$h = Write-Host "captured" 6>&1
"$($h.GetType().Name): $h"
& { Write-Warning "three" } 3>&1
& { [pscustomobject]@{ a = 1 }; Write-Warning "inside a table"; [pscustomobject]@{ a = 2 } } 3>&1
