# Warning, verbose and information records as the console shows them.
Write-Warning 'careful'
Write-Verbose 'hidden'
Write-Verbose 'shown' -Verbose
Write-Debug 'hidden too'
Write-Information 'info shown' -InformationAction Continue
'output'
