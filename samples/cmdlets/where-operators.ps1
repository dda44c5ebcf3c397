# The comparison operators of Where-Object's simplified syntax are switch parameters.
$procs = @(
    [pscustomobject]@{ Name = 'pwsh'; CPU = 12.5; Tags = @('shell') }
    [pscustomobject]@{ Name = 'node'; CPU = 3; Tags = @('js', 'server') }
    [pscustomobject]@{ Name = 'sshd'; CPU = 0; Tags = @('server') }
)
$procs | Where-Object CPU -GT 1 | ForEach-Object Name
$procs | Where-Object Name -Match '^s' | ForEach-Object Name
$procs | Where-Object Tags -Contains 'server' | ForEach-Object Name
$procs | Where-Object Name -In 'node', 'bash' | ForEach-Object Name
$procs | Where-Object -Not CPU | ForEach-Object Name
$procs | Where-Object Name -NotLike 'p*' | ForEach-Object Name
