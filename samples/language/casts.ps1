[int]"42" + 1
[string]42 + 1
[int]3.7
[int]2.5
[double]"1.25"
[bool]0
[bool]"false"
[char]65
[int[]]("1", "2") -join ","
$x = [int]"10"
$x.GetType().Name
([long]5).GetType().Name
