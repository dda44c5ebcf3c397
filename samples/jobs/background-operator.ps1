# The background operator runs the pipeline before it as a job.
$job = Write-Output 'from the background' &
"$($job.PSJobTypeName) $($job.Name)"
Receive-Job $job -Wait
