$double = { param($v) $v * 2 }
& $double 21
$double.Invoke(5)
$greet = { "hello $args" }
& $greet world
$sb = { $_ * 3 }
1..3 | ForEach-Object $sb
{ "text of block" }.ToString().Trim()
