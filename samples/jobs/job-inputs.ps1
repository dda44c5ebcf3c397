# What a job can see: only what is passed (-ArgumentList, -InputObject, $using:), never the caller's variables.
$secret = 'caller'
$job = Start-Job { "secret is [$secret]"; $secret = 'changed in job' }
Receive-Job $job -Wait
"caller still: $secret"
Receive-Job (Start-Job { "using: $using:secret" }) -Wait
Receive-Job (Start-Job -ArgumentList 3, 4 { param($a, $b) $a * $b }) -Wait
Receive-Job (Start-Job -ArgumentList 'x', 'y' { $args -join '+' }) -Wait
Receive-Job (1, 2, 3 | Start-Job { $input | ForEach-Object { $_ * 10 } }) -Wait
Receive-Job (Start-Job -InputObject 'piped' { "got $input" }) -Wait
Receive-Job (Start-Job -InitializationScript { function Get-Greeting { 'hi from init' } } { Get-Greeting }) -Wait
$here = (Get-Location).Path
Receive-Job (Start-Job { (Get-Location).Path }) -Wait | ForEach-Object { "same location: $($_ -eq $here)" }
New-Item -ItemType Directory -Name sub | Out-Null
Receive-Job (Start-Job -WorkingDirectory ./sub { Split-Path -Leaf (Get-Location).Path }) -Wait
Set-Content -Path ./job-script.ps1 -Value 'param($name) "hello $name from a file"'
Receive-Job (Start-Job -FilePath ./job-script.ps1 -ArgumentList 'psh') -Wait
Receive-Job (Start-Job -PSVersion 5.1 -RunAs32 { 'ignored switches' }) -Wait
$sb = { 'a script block value' }
Receive-Job (Start-Job -ScriptBlock $sb) -Wait
