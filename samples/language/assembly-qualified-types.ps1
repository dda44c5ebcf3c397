# Type literals may name their assembly after a comma; the type is found by its name.
[int, mscorlib]::MaxValue
[System.String, System.Private.CoreLib]::Empty -eq ''
5 -is [int, mscorlib]
[System.Collections.Generic.List[string], System.Collections]::new().Count
[string, mscorlib]'text'
