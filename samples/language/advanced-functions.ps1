function Get-Square {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [int]$Number
    )
    process { $Number * $Number }
}
1..4 | Get-Square
Get-Square -Number 5
function Test-Switch {
    param([switch]$Loud)
    if ($Loud) { "LOUD" } else { "quiet" }
}
Test-Switch
Test-Switch -Loud
function Get-Bound {
    param($First, $Second)
    $PSBoundParameters.Keys -join ","
}
Get-Bound -Second 2
