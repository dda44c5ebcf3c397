# Write-Output enumerates unless -NoEnumerate; Write-Host joins with -Separator.
Write-Output 'one' 'two'
$arr = Write-Output 1, 2, 3 -NoEnumerate
$arr.Count
echo done
Write-Host 'host' 'text' -Separator '-'
