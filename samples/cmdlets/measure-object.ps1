# Statistics of numbers, a property of objects, and words of text.
$m = 4, 8, 15, 16, 23, 42 | Measure-Object -Sum -Average -Maximum -Minimum
"count=$($m.Count) sum=$($m.Sum) avg=$($m.Average) max=$($m.Maximum) min=$($m.Minimum)"
$orders = [pscustomobject]@{ Qty = 2 }, [pscustomobject]@{ Qty = 5 }
($orders | Measure-Object -Property Qty -Sum).Sum
('one two', 'three' | Measure-Object -Word).Words
('one two', 'three' | Measure-Object -Line).Lines
