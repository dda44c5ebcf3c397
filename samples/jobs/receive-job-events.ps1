# Receive-Job -Wait -WriteEvents -WriteJobInResults: the job first, then results and state changes as they happen.
$j = Start-Job { Start-Sleep -Milliseconds 1500; 'r' }
# A busy machine may take a while to give the job its worker; the events below start from Running.
# The job sleeps long enough that even a loaded machine reaches Receive-Job before it ends.
while ($j.State -eq 'NotStarted') { Start-Sleep -Milliseconds 10 }
Receive-Job $j -Wait -WriteEvents -WriteJobInResults | ForEach-Object {
    if ($_ -is [System.Management.Automation.JobStateEventArgs]) { "event: $($_.PreviousJobStateInfo.State) -> $($_.JobStateInfo.State)" } else { "$($_.GetType().Name) $_" }
}
