# A braced variable inside a bare command argument is part of that one argument.
$name = 'report'
Write-Output ${name}-2026.txt
Write-Output data/${name}.csv
(Write-Output ${name}x y).Count
