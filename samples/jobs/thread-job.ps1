# Start-ThreadJob: ThreadJob shape, ids without children, -ThrottleLimit keeps extra jobs NotStarted.
$t1 = Start-ThreadJob -ThrottleLimit 1 { Start-Sleep -Milliseconds 500; 'first' }
$t2 = Start-ThreadJob { 'second' }
"t2 waits: $($t2.State)"
"$($t1.Id) $($t2.Id) $($t1.Name) $($t1.PSJobTypeName) $($t1.Location) $($t1.ChildJobs.Count)"
$t1.GetType().FullName
$null = Wait-Job $t1, $t2
"both: $($t1.State) $($t2.State)"
Receive-Job $t1, $t2
$t3 = Start-ThreadJob -Name Piped -ArgumentList 2 -ScriptBlock { param($n) $input | ForEach-Object { $_ * $n } } -InputObject 21
Receive-Job $t3 -Wait
$x = 'outer'
$t4 = Start-ThreadJob { "using: $using:x" }
Receive-Job $t4 -Wait
$t5 = Start-ThreadJob { }
$null = Wait-Job $t5
"empty job has data: $($t5.HasMoreData)"
