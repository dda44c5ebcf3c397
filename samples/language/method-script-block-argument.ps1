# $list.Where{...} and .ForEach{...}: a script block right after a method name is its argument.
$a = 1..6
$a.Where{ $_ -gt 2 }.Count
$a.ForEach{ $_ * 10 } -join ','
$a.Where{ $_ % 2 }.ForEach{ "n$_" } -join ' '
foreach ($x in $a.Where{ $_ -lt 3 }) { $x }
# A statement that starts with a type literal may follow a param block.
$b = {
    param($n)
    [math]::Abs($n)
}
& $b -7
