$name = "psh"
$text = @"
Name: $name
Sum: $(1 + 1)
"@
$text
$literal = @'
No $expansion here
'@
$literal
