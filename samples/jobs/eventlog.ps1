# The classic event log cmdlets over psh's own store.
New-EventLog -LogName PshSample -Source SampleApp
Write-EventLog -LogName PshSample -Source SampleApp -EventId 10 -Message 'first'
Write-EventLog -LogName PshSample -Source SampleApp -EventId 20 -EntryType Warning -Message 'second' -Category 2
Write-EventLog PshSample SampleApp 30 Error 'third'
Get-EventLog -LogName PshSample | ForEach-Object { "$($_.Index) $($_.EntryType) $($_.Source) $($_.InstanceId) $($_.Message)" }
Get-EventLog PshSample 20 | ForEach-Object { "$($_.EventID) $($_.Category) $($_.CategoryNumber) $($_.ReplacementStrings)" }
(Get-EventLog PshSample -Newest 1).Message
(Get-EventLog PshSample -EntryType Error, Warning).Index -join ','
(Get-EventLog PshSample -Message 'f*').Message
(Get-EventLog PshSample -Source Sample* -Index 2).Message
(Get-EventLog PshSample -After (Get-Date).AddHours(-1) -Before (Get-Date).AddHours(1)).Count
Get-EventLog -List -AsString | Where-Object { $_ -in 'PshSample', 'System', 'Windows PowerShell' }
Limit-EventLog -LogName PshSample -MaximumSize 256KB -OverflowAction OverwriteAsNeeded
Get-EventLog -List | Where-Object Log -eq PshSample | ForEach-Object { "$($_.MaximumKilobytes) $($_.OverflowAction) $($_.Entries)" }
Clear-EventLog -LogName PshSample
Write-EventLog -LogName PshSample -Source SampleApp -EventId 40 -Message 'after clear'
(Get-EventLog PshSample).Index
try { Get-EventLog -LogName NoSuchLog -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Write-EventLog -LogName PshSample -Source Nobody -EventId 1 -Message m -ErrorAction Stop } catch { $_.Exception.Message }
Remove-EventLog -LogName PshSample
try { Get-EventLog PshSample -ErrorAction Stop } catch { $_.Exception.Message }
$job = Start-Job { Get-EventLog system -Newest 1 }
$entries = Receive-Job $job -Wait
"system entries from a job: $(@($entries).Count) $($entries[0].pstypenames[0])"
