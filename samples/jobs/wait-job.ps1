# Wait-Job: returns the jobs when they finish, nothing when -Timeout passes first; -Any.
$slow = Start-Job { Start-Sleep -Seconds 30 }
$fast = Start-Job { 'done' }
$waited = Wait-Job $slow -Timeout 1
"timeout returned nothing: $($null -eq $waited)"
"slow is: $($slow.State)"
$first = Wait-Job -Job $slow, $fast -Any
"any returned: $($first.Name)"
$both = Wait-Job -Id $fast.Id
"by id: $($both.Name) $($both.State)"
Stop-Job $slow
$all = Get-Job | Wait-Job
"all: $(($all | ForEach-Object { "$($_.Name)=$($_.State)" }) -join ' ')"
$named = Wait-Job -Name Job3
"by name: $($named.Id)"
$byState = Wait-Job -State Stopped
"by state: $($byState.Name)"
