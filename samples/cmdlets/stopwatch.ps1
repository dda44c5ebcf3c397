# Stopwatch and Measure-Command; only facts that do not depend on the machine's speed.
$t = Measure-Command { $inside = 'set'; 1..10 }
$t.GetType().Name
$inside
$t.TotalMilliseconds -ge 0
$n = 0; 1..3 | Measure-Command { $n += $_ } | Out-Null; $n
$sw = [System.Diagnostics.Stopwatch]::StartNew()
$sw.GetType().FullName
$sw.IsRunning
Start-Sleep -Milliseconds 30
$sw.Stop()
$sw.IsRunning
$sw.ElapsedMilliseconds -ge 25
$sw.ElapsedMilliseconds.GetType().Name
$sw.Elapsed.GetType().Name
$e = $sw.ElapsedMilliseconds; Start-Sleep -Milliseconds 10; $sw.ElapsedMilliseconds -eq $e
$sw.Reset(); $sw.ElapsedMilliseconds; $sw.IsRunning
$sw.Restart(); $sw.IsRunning
$w = [Diagnostics.Stopwatch]::new(); $w.IsRunning; $w.Start(); $w.IsRunning
[System.Diagnostics.Stopwatch]::Frequency
