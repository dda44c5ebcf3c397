foreach ($i in 1..10) {
    if ($i -eq 2) { continue }
    if ($i -eq 5) { break }
    $i
}
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        if ($a -eq 3) { break outer }
        "$a-$b"
    }
}
"done"
