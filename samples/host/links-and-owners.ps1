# Symbolic and hard links, and file owners, as PowerShell 7 shows them on Linux: a link's
# UnixMode starts with l, its Name column names the target, and User/Group are the owner's.
New-Item data.txt -Value 'hello' | Out-Null
New-Item -ItemType Directory dir | Out-Null
New-Item -ItemType SymbolicLink -Path to-data -Target data.txt | Out-Null
New-Item -ItemType SymbolicLink -Path to-dir -Value dir | Out-Null
New-Item -ItemType SymbolicLink -Path dangling -Target missing.txt | Out-Null
New-Item -ItemType HardLink -Path hard.txt -Target data.txt | Out-Null

# A file with a second name (a hard link) shows l in Mode, but not in ModeWithoutHardLink.
Get-ChildItem | ForEach-Object { '{0} {1} {2} {3}' -f $_.UnixMode, $_.Mode, $_.ModeWithoutHardLink, $_.NameString }
Get-Content to-data
Get-Content hard.txt
(Get-Item to-dir).PSIsContainer
(Get-Item to-data) | Select-Object Name, LinkType, Target
(Get-Item data.txt).LinkType -eq $null
$me = (id -un)
(Get-ChildItem | Where-Object User -ne $me).Count
(Get-Item data.txt).Group -eq (id -gn)

$here = "$PWD"
try { New-Item -ItemType SymbolicLink -Path to-data -Target dir -ErrorAction Stop } catch { $_.Exception.Message.Replace($here, '.') }
try { New-Item -ItemType HardLink -Path hard2.txt -Target nothing.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($here, '.') }
New-Item -ItemType SymbolicLink -Path to-data -Target dir -Force | ForEach-Object NameString
try { New-Item x/y/z.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($here, '.') }
