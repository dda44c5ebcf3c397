try {
    throw "something failed"
} catch {
    "caught: $($_.Exception.Message)"
} finally {
    "finally ran"
}
try {
    1 / 0
} catch [System.DivideByZeroException] {
    "divide by zero"
}
try {
    try { throw "inner" } finally { "inner finally" }
} catch {
    "outer caught $_"
}
$result = try { "value" } catch { "error" }
$result
