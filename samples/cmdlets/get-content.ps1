# Writing, appending and reading text files line by line.
Set-Content -Path notes.txt -Value 'alpha', 'beta', 'gamma', 'delta'
Get-Content notes.txt -TotalCount 2
Get-Content notes.txt -Tail 1
(Get-Content notes.txt).Count
(Get-Content notes.txt -Raw).Length
Add-Content notes.txt 'epsilon'
Get-Content notes.txt | Select-Object -Last 1
Get-Content -Path notes.txt -First 1
