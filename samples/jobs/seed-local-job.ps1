# The seed's job payloads run as written: the "Windows PowerShell" log holds the engine events.
$job = start-job -scriptblock {
  get-eventlog "Windows PowerShell"
}
$null = wait-job $job
(get-job $job).State
receive-job $job > PsLog.txt
(Get-Content PsLog.txt | Select-String 'Engine state is changed').Count -ge 1
$job.HasMoreData
$job2 = start-job -scriptblock {get-eventlog system}
$results = receive-job -id $job2.Id -wait -keep
@($results).Count -ge 1
@(receive-job -sessionid $job2.Id -keep).Count -eq @($results).Count
$engine = Receive-Job (Start-Job { Get-EventLog 'Windows PowerShell' -InstanceId 400 -Newest 1 }) -Wait
$engine.Message.Split("`n")[0]
$engine.Source
