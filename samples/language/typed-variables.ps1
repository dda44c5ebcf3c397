[int]$n = "5"
$n = "12"
$n + 1
$n.GetType().Name
[string]$s = 42
$s + 1
