# Creating, listing, copying, renaming and removing files.
New-Item -ItemType Directory -Path data | Out-Null
New-Item -Path data/one.txt -Value 'first' | Out-Null
'second' | Set-Content data/two.log
Get-ChildItem data | ForEach-Object Name
Get-ChildItem data -Filter *.txt | ForEach-Object { "$($_.Name) $($_.Length)" }
Test-Path data/one.txt
Test-Path data -PathType Leaf
Copy-Item data/one.txt data/three.txt
Rename-Item data/two.log two.txt
Get-ChildItem data -Name
Remove-Item data/*.txt
@(Get-ChildItem data).Count
