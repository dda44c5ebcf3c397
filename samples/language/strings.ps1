$name = "World"
"Hello, $name!"
'Hello, $name!'
"Sum: $(2 + 3)"
"Upper: $($name.ToUpper())"
$name.Length
$name.Substring(1, 3)
"a,b,c".Split(",").Count
"  trim  ".Trim() + "|"
"abc".Replace("b", "B")
"x" + 1 + 2
"tab`tend"
