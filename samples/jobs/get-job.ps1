# Get-Job: by id, name (wildcards), instance id, state, command, data, time; child jobs; errors.
$one = Start-Job -Name Alpha { 'a' }
$two = Start-Job -Name Beta { Start-Sleep -Seconds 30 }
$three = Start-Job -Name Alpine { 'c' }
$null = Wait-Job $one, $three
"all: $((Get-Job).Name -join ',')"
"by id: $((Get-Job 3).Name) $((Get-Job -Id 1, 5).Name -join ',')"
"by job: $((Get-Job $two).Name)"
"by name: $((Get-Job -Name Al*).Name -join ',')"
"by instance id: $((Get-Job -InstanceId $three.InstanceId).Name)"
"by state: $((Get-Job -State Running).Name)"
"by command: $((Get-Job -Command '*Sleep*').Name)"
"has more data: $((Get-Job -HasMoreData $true).Count)"
$null = Receive-Job $one
"no more data: $((Get-Job -HasMoreData $false).Name)"
"with children: $((Get-Job -Name Alpha -IncludeChildJob).Id -join ',')"
"child state: $((Get-Job -IncludeChildJob -ChildJobState Running).Id -join ',')"
"newest: $((Get-Job -Newest 1).Name)"
"after: $((Get-Job -After (Get-Date).AddMinutes(-5)).Name -join ',')"
"before: $(@(Get-Job -Before (Get-Date).AddMinutes(-5)).Count)"
Get-Job -Name Nope -ErrorAction SilentlyContinue -ErrorVariable e1
$e1[0].Exception.Message
$e1[0].FullyQualifiedErrorId
Get-Job -Id 42 -ErrorAction SilentlyContinue -ErrorVariable e2
$e2[0].Exception.Message
$e2[0].FullyQualifiedErrorId
"wildcard, no error: $(@(Get-Job -Name Zeta* -ErrorVariable e3).Count) $($e3.Count)"
Stop-Job $two
