# Receive-Job -Wait -WriteEvents -WriteJobInResults: the job first, then results and state changes as they happen.
$j = Start-Job { Start-Sleep -Milliseconds 300; 'r' }
Receive-Job $j -Wait -WriteEvents -WriteJobInResults | ForEach-Object {
    if ($_ -is [System.Management.Automation.JobStateEventArgs]) { "event: $($_.PreviousJobStateInfo.State) -> $($_.JobStateInfo.State)" } else { "$($_.GetType().Name) $_" }
}
