$x = 5
if ($x -gt 3) { "big" } else { "small" }
if ($x -lt 3) { "small" } elseif ($x -eq 5) { "five" } else { "other" }
if ($null) { "null is true" } else { "null is false" }
if (@()) { "empty is true" } else { "empty is false" }
if ("0") { "string 0 is true" }
if (0) { "zero is true" } else { "zero is false" }
$v = if ($x) { "assigned" }
$v
