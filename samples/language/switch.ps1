switch (3) {
    1 { "one" }
    3 { "three" }
    default { "other" }
}
switch ("apple", "banana", "cherry") {
    "banana" { "yellow" }
    default { "fruit: $_" }
}
switch -Wildcard ("report.txt") {
    "*.csv" { "csv" }
    "*.txt" { "text" }
}
switch -Regex ("id-42") {
    "id-(\d+)" { "number $($Matches[1])" }
}
switch (1, 2, 3) {
    2 { "two"; break }
    default { "saw $_" }
}
