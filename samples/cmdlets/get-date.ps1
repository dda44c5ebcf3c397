# Get-Date with parts set, custom .NET formats and Unix formats.
$d = Get-Date -Year 2021 -Month 7 -Day 4 -Hour 15 -Minute 30 -Second 0
$d.ToString('yyyy-MM-dd HH:mm')
Get-Date -Date $d -Format 'dddd, MMMM d'
Get-Date -Date $d -UFormat '%Y/%m/%d %H:%M'
(Get-Date -Date '2020-02-28').AddDays(1).Day
