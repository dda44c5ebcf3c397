# Remove-Job: a running job is refused without -Force; finished ones go; by state and command.
$running = Start-Job { Start-Sleep -Seconds 30 }
try {
    Remove-Job $running -ErrorAction Stop
} catch {
    $_.Exception.Message
    $_.FullyQualifiedErrorId
}
"still there: $(@(Get-Job).Count)"
Remove-Job $running -Force
"forced: $(@(Get-Job).Count) $($running.State)"
$a = Start-Job { 'a' }
$b = Start-Job { 'b' }
$null = Wait-Job $a, $b
Remove-Job -Command "*'a'*"
"by command: $((Get-Job).Name)"
Get-Job | Remove-Job
"by pipeline: $(@(Get-Job).Count)"
$c = Start-Job { 'c' }
$null = Wait-Job $c
Remove-Job -State Completed
"by state: $(@(Get-Job).Count)"
