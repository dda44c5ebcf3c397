# about_Remote_Jobs, method 3: a job started on the remote computer keeps its results there;
# it needs a PSSession, and every step runs remotely.
$s = new-pssession -computername Server01
invoke-command -session $s -scriptblock { New-Item -ItemType Directory c:\logs -Force | Out-Null }
invoke-command -session $s -scriptblock {
  start-job -scriptblock {get-eventlog system}}
$null = invoke-command -session $s -scriptblock { wait-job -id 1 }
invoke-command -session $s -scriptblock {get-job}
$results = invoke-command -session $s -scriptblock {
  receive-job -sessionid 2 -keep}
"results: $(@($results).Count -ge 1), from $(@($results)[0].PSComputerName)"
invoke-command -session $s -command {
  receive-job -sessionid 2 > c:\logs\pslog.txt}
invoke-command -session $s -scriptblock { (get-content c:\logs\PsLog.txt).Count -gt 3 }
