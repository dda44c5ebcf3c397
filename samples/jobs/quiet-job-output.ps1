# A job that writes and then computes for a long time without writing: what it wrote arrives
# while it is still running, even if the caller was busy (not waiting) when it was written.
$marker = Join-Path $PWD 'written'
$j = Start-Job {
    param($marker)
    'first'
    New-Item $marker | Out-Null
    $end = [DateTime]::Now.AddSeconds(20)
    while ([DateTime]::Now -lt $end) { }
} -ArgumentList $marker
while (-not (Test-Path $marker)) { }
$busy = [DateTime]::Now.AddMilliseconds(300)
while ([DateTime]::Now -lt $busy) { }
$got = Receive-Job $j
"got: $got while $($j.State)"
Stop-Job $j
$j.State
