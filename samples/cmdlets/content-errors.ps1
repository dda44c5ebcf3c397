# A missing file is a non-terminating PathNotFound error.
Get-Content missing.txt -ErrorAction SilentlyContinue
'still running'
$Error[0].FullyQualifiedErrorId
$Error[0].Exception.Message.Replace((Get-Location).Path + '/', '')
Test-Path missing.txt
