$items = 1, 2, 3
"items: $items"
$h = @{ key = "val" }
"value: $($h.key)"
"not a member: $h.key" -like "not a member: System.Collections.Hashtable.key"
$obj = [pscustomobject]@{ Name = "n1" }
"name: $($obj.Name)"
"escaped: `$items"
"nested: $("inner $(1 + 1)")"
