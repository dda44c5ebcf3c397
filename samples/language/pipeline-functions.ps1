function Measure-Input {
    begin { $count = 0 }
    process { $count++ }
    end { "count: $count" }
}
1..5 | Measure-Input
filter Add-One { $_ + 1 }
1, 2, 3 | Add-One
function Sum-Input { $total = 0; foreach ($n in $input) { $total += $n }; $total }
1..4 | Sum-Input
