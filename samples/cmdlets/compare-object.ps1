# Difference-only items first (=>), then reference-only ones (<=).
Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd' | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object 'a', 'b' 'b', 'c' -IncludeEqual | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
Compare-Object 1, 2 1, 2 -ExcludeDifferent -IncludeEqual | ForEach-Object SideIndicator
