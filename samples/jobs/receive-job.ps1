# Receive-Job: results in write order across streams; -Keep; HasMoreData before and after.
$job = Start-Job {
    'out1'
    Write-Warning 'warn1'
    Write-Error 'err1'
    Write-Host 'host1'
    Write-Verbose 'verbose1' -Verbose
    'out2'
}
$null = Wait-Job $job
"before: $($job.HasMoreData)"
# Records come back through the caller's preferences, so let verbose ones through here.
$VerbosePreference = 'Continue'
Receive-Job $job -Keep *>&1 | ForEach-Object { '{0}: {1}' -f $_.GetType().Name, $_ }
$VerbosePreference = 'SilentlyContinue'
"after -Keep: $($job.HasMoreData)"
$kept = Receive-Job $job -Keep -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>$null
$kept -join ','
$all = Receive-Job $job -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue 6>$null
$all -join ','
"errors: $($errs.Count) $($errs[0].Exception.Message)"
"warnings: $($warns.Count) $($warns[0])"
"after receive: $($job.HasMoreData) $($job.ChildJobs[0].HasMoreData)"
"again: $(@(Receive-Job $job).Count)"
$job.ChildJobs[0].Output.Count
