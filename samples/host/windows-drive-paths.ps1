# Scripts written for Windows use drive-letter paths; psh maps each letter to a directory and,
# like Windows, ignores case in file names on those drives.
New-Item -ItemType Directory c:\logs -Force | Out-Null
"first line" > c:\logs\PsLog.txt
"second line" >> C:\Logs\PSLOG.txt
Get-Content c:\logs\pslog.txt
Test-Path c:\logs\PsLog.txt
Test-Path c:\logs\missing.txt
(Get-ChildItem c:\logs).Name
