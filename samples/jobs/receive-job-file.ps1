# The seed's local steps: start a job, look at it, redirect its results to a file, read them back.
$job = Start-Job -ScriptBlock {
  'line one'
  'line two'
}
$null = Wait-Job $job
Get-Job $job | Select-Object -ExpandProperty State
Receive-Job $job > PsLog.txt
Get-Content PsLog.txt
"HasMoreData: $($job.HasMoreData)"
$second = Start-Job { 1..3 }
$results = Receive-Job -Id $second.Id -Wait -Keep
"$results"
$results = Receive-Job -Id $second.Id -Keep
$results.Count
Receive-Job -Name $second.Name -Wait -AutoRemoveJob | Measure-Object | Select-Object -ExpandProperty Count
@(Get-Job).Count
