# FileInfo and DirectoryInfo properties.
Set-Content report.final.csv 'a,b'
$f = Get-Item report.final.csv
$f.Name
$f.BaseName
$f.Extension
$f.Length
$f.PSIsContainer
$f.GetType().FullName
(Get-Item .).PSIsContainer
(Get-Item .).GetType().FullName
$f.Directory.Name -eq (Split-Path (Get-Location).Path -Leaf)
