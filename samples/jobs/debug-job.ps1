# Debug-Job: psh has no debugger to attach, and says so.
$job = Start-Job { 'x' }
try {
    Debug-Job $job -ErrorAction Stop
} catch {
    $_.FullyQualifiedErrorId
}
$null = Wait-Job $job
