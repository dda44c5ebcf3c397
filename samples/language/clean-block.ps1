# clean {} (PowerShell 7.3) runs after end, and also when the pipeline fails or is stopped, but
# only for commands whose other blocks ran; its output is discarded, its other streams are not.
$log = [System.Collections.Generic.List[string]]::new()
function only-clean { clean { $log.Add('only-clean') } }
only-clean
function with-end { end { 'end' } clean { $log.Add('with-end'); 'discarded' } }
with-end
& { clean { Write-Warning 'clean-warning' }; process { 'PROCESS' }; begin { 'BEGIN' }; end { 'END' } } 3>&1 | ForEach-Object { "$_" }
1..10 | & { process { $_ } clean { $log.Add('stopped by Select-Object') } } | Select-Object -First 1
function bar { process { 'bar_' + $_ } end { 'bar_end' } clean { $log.Add('bar_clean') } }
function zoo { process { 'zoo_' + $_ } end { 'zoo_end' } clean { $log.Add('zoo_clean') } }
1..10 | bar | Select-Object -First 2 | zoo
try { & { process { throw 'failure' } clean { $log.Add('clean on failure') } } } catch { "caught: $_" }
function t1 { param([switch] $Fail) process { if ($Fail) { throw 't1 failed' }; 't1' } clean { $log.Add('t1-clean') } }
function t2 { begin { } process { $_ } clean { $log.Add('t2-clean') } }
function t3 { end { } clean { $log.Add('t3-clean') } }
t1 | t2 | t3
try { t1 -Fail | t2 | t3 } catch { "caught: $_" }
$log
