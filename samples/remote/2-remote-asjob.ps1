# about_Remote_Jobs, method 2: a remote job whose results come back to the local computer.
# The job object lives here; the local Job cmdlets manage it.
invoke-command -computername Server01 -scriptblock {
  get-eventlog system} -asjob
$null = wait-job -id 1
get-job
$results = receive-job -id 1
"results: $(@($results).Count -ge 1), from $(@($results)[0].PSComputerName)"
