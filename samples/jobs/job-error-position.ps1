# Errors from a job name the line of the job's own script block, input or not.
Start-Job -InputObject 5 { Write-Error "from line one" } | Receive-Job -Wait
$e = Start-Job -InputObject 5 {
  'first'
  Write-Error "from line three"
} | Receive-Job -Wait 2>&1
$e[0]
$e[1].InvocationInfo.ScriptLineNumber
$e[1].InvocationInfo.Line.Trim()
