[math]::Max(3, 7)
[math]::Abs(-4)
[math]::Round(2.567, 2)
[int]::MaxValue
[string]::IsNullOrEmpty("")
[string]::Join("-", @("a", "b"))
