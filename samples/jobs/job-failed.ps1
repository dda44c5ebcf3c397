# A job whose script throws ends Failed; the reason is on JobStateInfo and in its error stream.
$job = Start-Job { 'before'; throw 'boom' }
$null = Wait-Job $job
"state: $($job.State) child: $($job.ChildJobs[0].State)"
"reason: $($job.ChildJobs[0].JobStateInfo.Reason.Message)"
$out = Receive-Job $job -ErrorVariable errs -ErrorAction SilentlyContinue
"output: $out"
"errors: $($errs.Count) $($errs[0].Exception.Message)"
"failed jobs: $((Get-Job -State Failed).Name)"
try {
    $bad = Start-Job -FilePath ./no-such-script.ps1 -ErrorAction Stop
} catch {
    "no job for a missing file: $($null -eq $bad)"
}
