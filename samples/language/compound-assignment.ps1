$n = 10
$n += 5
$n
$n -= 3
$n
$n *= 2
$n
$n /= 4
$n
$n %= 4
$n
$s = "ab"
$s += "cd"
$s
$list = @(1)
$list += 2, 3
$list.Count
$i = 0
$i++
$i++
$i
