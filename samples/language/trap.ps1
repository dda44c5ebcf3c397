trap {
    "trapped: $($_.Exception.Message)"
    continue
}
"start"
throw "oops"
"after throw"
