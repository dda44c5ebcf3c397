$h = @{ Name = "psh"; Version = 1 }
$h.Name
$h["Version"]
$h.Count
$h.Extra = "x"
$h.Count
$h.ContainsKey("name")
$o = [ordered]@{ b = 2; a = 1 }
$o.Keys -join ","
$p = [pscustomobject]@{ X = 1; Y = 2 }
$p.X + $p.Y
"$($p.Y)"
