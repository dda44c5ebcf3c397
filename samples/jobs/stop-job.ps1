# Stop-Job: a job stuck in a loop is Stopped within a second; -PassThru; by name and state.
$stuck = Start-Job { while ($true) {} }
$other = Start-Job { while ($true) { Start-Sleep -Milliseconds 10 } }
# A busy machine may take a while to give a job its worker: wait until both run.
while ($stuck.State -ne 'Running' -or $other.State -ne 'Running') { Start-Sleep -Milliseconds 20 }
"before: $($stuck.State)"
$t = [datetime]::Now
Stop-Job $stuck
"stopped in time: $((([datetime]::Now) - $t).TotalMilliseconds -lt 5000)"
"after: $($stuck.State) $($stuck.ChildJobs[0].State)"
$passed = Stop-Job -Name $other.Name -PassThru
"passthru: $($passed.Name) $($passed.State)"
$done = Start-Job { 'x' }
$null = Wait-Job $done
Stop-Job -State Completed
"completed job stays: $($done.State)"
(Get-Job | ForEach-Object State) -join ','
