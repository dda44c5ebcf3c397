# Get-Command resolves names and aliases to CommandInfo objects.
Get-Command Get-ChildItem | ForEach-Object { "$($_.CommandType) $($_.Name)" }
(Get-Command gci).Definition
(Get-Alias gci).Definition
(Get-Command Where-Object).Source
