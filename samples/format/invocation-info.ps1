# $_.InvocationInfo: where the failing command was invoked, as scripts read it to log failures.
function Get-Thing {
    [CmdletBinding()]
    param()
    Get-Item /nonexistent/x -ErrorAction Stop
}
try { Get-Thing } catch {
    $i = $_.InvocationInfo
    $i.GetType().FullName
    $i.MyCommand.Name
    "line $($i.ScriptLineNumber), column $($i.OffsetInLine)"
    $i.ScriptName -eq $PSCommandPath
    $i.Line.Trim()
    $i.Statement
    $i.PositionMessage.Replace($PSScriptRoot, '<dir>')
}
$e = Write-Error 'plain' 2>&1
$e.InvocationInfo.MyCommand.Name
