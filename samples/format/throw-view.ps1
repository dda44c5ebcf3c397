# An uncaught throw shows as `Exception:`; CategoryInfo is an object with its own ToString.
try { throw "boom" } catch {
    $info = $_.CategoryInfo
    $info.GetType().FullName
    $info.Category
    $info.Reason
    $info.TargetName
    $info.TargetType
    "$info"
}
try { Write-Error -Message m -Category InvalidData -TargetObject 42 -ErrorAction Stop } catch {
    $_.CategoryInfo.Activity
    $_.CategoryInfo.ToString()
}
try { throw "a long message that goes past the forty characters" } catch { $_.CategoryInfo.TargetName; "$($_.CategoryInfo)" }
"before"
try { throw "inner" } catch { throw }
"never"
