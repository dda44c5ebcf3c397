# New-Object builds the same values as the type's constructor.
$list = New-Object System.Collections.ArrayList
$list.Add('a') | Out-Null
$list.Add('b') | Out-Null
$list.Count
$o = New-Object -TypeName PSObject -Property @{ Kind = 'demo' }
$o.Kind
$sb = New-Object System.Text.StringBuilder
[void]$sb.Append('ab').Append('cd')
$sb.ToString()
$h = New-Object hashtable
$h['k'] = 1
$h.Count
