# The seed's warning for method 3: with -ComputerName the connection is temporary, so a job
# started in it ends with the command. A PSSession keeps it (and variables) alive.
invoke-command -computername Server01 -scriptblock { start-job { 'done' } } | select-object -expandproperty Name
invoke-command -computername Server01 -scriptblock { @(get-job).Count }
$s = new-pssession -computername Server01, Server02
invoke-command -session $s -scriptblock { $where = $env:COMPUTERNAME; $n = 40 }
invoke-command -session $s -scriptblock { [pscustomobject]@{ Answer = $n + 2 } } | sort-object PSComputerName | format-table Answer, PSComputerName
get-pssession | format-table Id, Name, ComputerName, State
remove-pssession $s
(get-pssession).Count
