# Get-ChildItem -Recurse lists a folder's items before descending into its subfolders.
New-Item -ItemType Directory top/inner -Force | Out-Null
Set-Content top/a.txt 1
Set-Content top/inner/b.txt 2
Get-ChildItem top -Recurse -Name
Get-ChildItem top -Recurse -File | ForEach-Object Name
Get-ChildItem top -Directory | ForEach-Object Name
