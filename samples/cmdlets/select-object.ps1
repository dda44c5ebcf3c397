# Picking objects out of a pipeline.
$items = 1..10
$items | Select-Object -First 3
$items | Select-Object -Last 2
$items | Select-Object -Skip 8
$items | Select-Object -Index 0, 4
1, 2, 2, 3, 3, 3 | Select-Object -Unique
