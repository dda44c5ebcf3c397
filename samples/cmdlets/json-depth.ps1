# Objects deeper than -Depth (2 by default) are written as strings, with a warning.
$deep = [ordered]@{ level1 = [ordered]@{ level2 = [ordered]@{ level3 = [ordered]@{ level4 = 'bottom' } } } }
$deep | ConvertTo-Json -Compress
$deep | ConvertTo-Json -Depth 5 -Compress
