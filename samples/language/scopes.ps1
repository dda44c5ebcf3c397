$x = "script"
function Read-X { $x }
function Set-Local { $x = "local"; $x }
function Set-Script { $script:x = "changed" }
Read-X
Set-Local
$x
Set-Script
$x
& { $x = "block"; $x }
$x
. { $x = "dot" }
$x
