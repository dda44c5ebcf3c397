function Show-Pair($Left, $Right) { "$Left|$Right" }
$named = @{ Left = "L"; Right = "R" }
Show-Pair @named
$positional = "a", "b"
Show-Pair @positional
