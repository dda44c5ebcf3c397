# ConvertTo-Json indents by two spaces and writes `"key": value`.
[ordered]@{ name = 'psh'; version = 1; tags = @('jobs', 'ssh'); nested = [ordered]@{ ok = $true; none = $null } } | ConvertTo-Json
[pscustomobject]@{ a = 1; b = 'two' } | ConvertTo-Json -Compress
1, 2, 3 | ConvertTo-Json -Compress
'quote " and \ slash' | ConvertTo-Json
