"PowerShell" -like "power*"
"PowerShell" -clike "power*"
"abc123" -match "\d+"
$Matches[0]
"a-b-c" -replace "-", "+"
"one two" -split " "
5 -gt 3
"b" -lt "a"
1, 2, 3, 4 -ge 3
$true -and $false
$true -xor $false
-not $false
7 -band 3
1 -shl 4
