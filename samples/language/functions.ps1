function Add-Numbers($a, $b) { $a + $b }
Add-Numbers 2 3
Add-Numbers -b 10 -a 1
function Get-Greeting {
    param([string]$Name = "friend")
    "Hi, $Name"
}
Get-Greeting
Get-Greeting -Name Ada
function Get-Many { 1; 2; 3 }
(Get-Many).Count
function Test-Return { "before"; return "value"; "after" }
Test-Return
function Show-Args { $args.Count; $args -join "+" }
Show-Args a b c
