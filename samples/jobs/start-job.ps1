# Start-Job: a parent job with one child, ids shared between them, default names and shape.
$job = Start-Job -ScriptBlock { 1 + 1; 'hello' }
$null = Wait-Job $job
"Id=$($job.Id) Name=$($job.Name) State=$($job.State)"
"Child Id=$($job.ChildJobs[0].Id) Name=$($job.ChildJobs[0].Name) Location=$($job.ChildJobs[0].Location)"
"Type=$($job.PSJobTypeName) Location=$($job.Location) Command=$($job.Command)"
$job.GetType().FullName
$job.ChildJobs[0].GetType().FullName
$job.JobStateInfo.State
"$($job.JobStateInfo)"
$job.PSBeginTime -le $job.PSEndTime
$next = Start-Job -Name Second { 'two' }
"Next Id=$($next.Id) Name=$($next.Name)"
Receive-Job $job
Receive-Job $next -Wait
$job.InstanceId -match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
