# Jobs through the formatter: Get-Job's default table.
$job = Start-Job -ScriptBlock { 'x' }
$null = Wait-Job $job
Get-Job
$thread = Start-ThreadJob -Name T { 'y' }
$null = Wait-Job $thread
Get-Job -Name T
