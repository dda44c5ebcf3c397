# A child job's Warning/Verbose/Debug/Information collections hold records, not bare strings.
$j = Start-Job {
    Write-Verbose 'checking' -Verbose
    Write-Warning 'disk almost full'
    Write-Debug 'x = 1' -Debug
    Write-Information 'progress note' -InformationAction Continue
    'done'
}
$null = Wait-Job $j
$c = $j.ChildJobs[0]
$c.Verbose[0].GetType().Name + ': ' + $c.Verbose[0].Message
$c.Warning[0].GetType().Name + ': ' + $c.Warning[0].Message
$c.Debug[0].GetType().Name + ': ' + $c.Debug[0].Message
$c.Information[0].GetType().Name + ': ' + $c.Information[0].MessageData
$c.Output
Remove-Job $j
