# Select-String over a file and over piped strings.
Set-Content log.txt 'INFO start', 'WARN disk low', 'INFO running', 'ERROR failed'
Select-String -Path log.txt -Pattern 'WARN|ERROR' | ForEach-Object { "$($_.LineNumber): $($_.Line)" }
(Select-String -Path log.txt -Pattern 'info').Count
(Select-String -Path log.txt -Pattern 'info' -CaseSensitive).Count
'a1b22c333' | Select-String '\d+' -AllMatches | ForEach-Object { $_.Matches.Value }
"$(Select-String -Path log.txt -Pattern 'ERROR')"
'one', 'two' | Select-String 'o$' | ForEach-Object { "$_" }
