# Format-Wide lists one property per item across columns.
'alpha', 'beta', 'gamma' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Format-Wide -Column 3
