# ConvertFrom-Json makes PSCustomObjects; integers are Int64.
$json = '{"name":"psh","count":3,"ratio":0.5,"items":[{"id":1},{"id":2}],"empty":null}'
$o = $json | ConvertFrom-Json
$o.name
$o.count + 1
$o.count.GetType().Name
$o.ratio * 2
$o.items.id
$o.items.Count
$null -eq $o.empty
$o.GetType().Name
($json | ConvertFrom-Json -AsHashtable)['name']
('[1, 2, 3]' | ConvertFrom-Json | Measure-Object).Count
