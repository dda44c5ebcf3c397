# `using namespace` lets type literals drop the namespace.
using namespace System.Text
using namespace System.Diagnostics
$sb = [StringBuilder]::new()
[void]$sb.Append('a').Append('b')
$sb.ToString()
[StringBuilder].FullName
$sb -is [StringBuilder]
([Stopwatch]::StartNew()).GetType().FullName
[System.Text.StringBuilder].Name
