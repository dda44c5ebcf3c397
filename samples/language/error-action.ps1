$ErrorActionPreference = "SilentlyContinue"
Write-Error "hidden"
"still running"
$Error.Count
$ErrorActionPreference = "Continue"
try {
    Write-Error "promoted" -ErrorAction Stop
} catch {
    "caught: $($_.Exception.Message)"
}
