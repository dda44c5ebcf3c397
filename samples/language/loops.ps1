for ($i = 0; $i -lt 3; $i++) { "for $i" }
foreach ($n in 1..3) { "foreach $n" }
$j = 0
while ($j -lt 2) { "while $j"; $j++ }
$k = 0
do { "do $k"; $k++ } while ($k -lt 2)
$m = 0
do { "until $m"; $m++ } until ($m -ge 2)
