# (Get-Command X).Parameters: a dictionary of ParameterMetadata in declaration order, common
# parameters after the declared ones for cmdlets and advanced functions, none for simple ones.
function Simple { param([int]$Count, [switch]$Force, $Any) }
function Advanced { [CmdletBinding()] param([Parameter(Mandatory)][string[]]$Name) }

(Get-Command Simple).Parameters.Keys -join ','
(Get-Command Advanced).Parameters.Keys -join ','
$p = (Get-Command Simple).Parameters
$p['force'].SwitchParameter
$p['Count'].ParameterType.FullName
$p['any'].ParameterType.FullName
(Get-Command Advanced).Parameters['Name'].ParameterType.Name
(Get-Command Get-Content).Parameters.ContainsKey('TotalCount')
(Get-Command gc).Parameters['Tail'].Aliases -join ','
(Get-Command Get-Content).Parameters['ErrorAction'].Aliases
(Get-Command Get-Content).Parameters['ErrorAction'].ParameterType.Name
(Get-Command Get-ChildItem).Parameters.Values | Where-Object SwitchParameter | Select-Object -First 2 -ExpandProperty Name
