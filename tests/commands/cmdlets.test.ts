import { describe, expect, test } from 'vitest';
import { run } from './run.js';

// Each case: a script and every record it writes, as `stream:text` lines in write order.
const cases: readonly { readonly name: string; readonly script: string; readonly want: string }[] = [
  // Write-*
  { name: 'Write-Output enumerates', script: 'Write-Output 1,2', want: 'output:1\noutput:2' },
  { name: 'Write-Output -NoEnumerate', script: '(Write-Output 1,2 -NoEnumerate).Count', want: 'output:2' },
  { name: 'echo alias', script: 'echo a b', want: 'output:a\noutput:b' },
  { name: 'Write-Error id', script: 'Write-Error "x" -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId', want: 'output:Microsoft.PowerShell.Commands.WriteErrorException' },
  { name: 'Write-Error -ErrorId', script: 'Write-Error -Message m -ErrorId MyId -Category InvalidData 2>$null; $Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo -like "InvalidData*"', want: 'output:MyId\noutput:True' },
  { name: 'streams in order', script: 'Write-Warning w; Write-Output o; Write-Information i -InformationAction Continue', want: 'warning:w\noutput:o\ninformation:i' },
  { name: 'Write-Host separator', script: 'Write-Host a b -Separator ","', want: 'information:a,b' },
  // Where-Object / ForEach-Object
  { name: 'where script block', script: '1..5 | Where-Object { $_ % 2 }', want: 'output:1\noutput:3\noutput:5' },
  { name: 'where simplified', script: '"apple","banana" | ? Length -gt 5', want: 'output:banana' },
  { name: 'where -like on property', script: 'Get-ChildItem | where Name -like *.csv | % Name', want: 'output:b.csv' },
  { name: 'where value means -eq', script: '"a","b" | Where-Object Length 1 | Measure-Object | % Count; "a","bb" | where Length 2', want: 'output:2\noutput:bb' },
  { name: 'where -Not', script: '[pscustomobject]@{a=0},[pscustomobject]@{a=1} | Where-Object -Not a | % a', want: 'output:0' },
  { name: 'foreach accumulates in scope', script: '$s = 0; 1..4 | % { $s += $_ }; $s', want: 'output:10' },
  { name: 'foreach begin/process/end', script: '1,2 | ForEach-Object -Begin { "b" } -Process { $_ } -End { "e" }', want: 'output:b\noutput:1\noutput:2\noutput:e' },
  { name: 'foreach three positional blocks', script: '1 | % { "b" } { $_ } { "e" }', want: 'output:b\noutput:1\noutput:e' },
  { name: 'foreach member name', script: '"a","b" | % ToUpper', want: 'output:A\noutput:B' },
  { name: 'foreach property', script: '"ab","c" | ForEach-Object Length', want: 'output:2\noutput:1' },
  // Select-Object
  { name: 'select first/last/skip', script: '1..5 | select -First 2; 1..5 | select -Last 1; 1..5 | select -Skip 4', want: 'output:1\noutput:2\noutput:5\noutput:5' },
  { name: 'select calculated', script: '[pscustomobject]@{a=2} | select a, @{Name="b"; Expression={$_.a * 3}} | % { "$($_.a) $($_.b)" }', want: 'output:2 6' },
  { name: 'select type name', script: '($x = "s" | select Length).PSObject.TypeNames[0]', want: 'output:Selected.System.String' },
  { name: 'select missing property is null', script: '$o = [pscustomobject]@{a=1} | select a, zz; $o.PSObject.Properties.Name', want: 'output:a\noutput:zz' },
  { name: 'select -ExpandProperty', script: '[pscustomobject]@{l=1,2} | select -ExpandProperty l', want: 'output:1\noutput:2' },
  { name: 'select -ExpandProperty missing', script: '[pscustomobject]@{a=1} | select -ExpandProperty b', want: 'error:Property "b" cannot be found.' },
  { name: 'select -Unique -Index', script: '1,1,2 | select -Unique; 5,6,7 | select -Index 0,2', want: 'output:1\noutput:2\noutput:5\noutput:7' },
  { name: 'select wildcard', script: '[pscustomobject]@{ab=1;ac=2;b=3} | select a* | ConvertTo-Json -Compress', want: 'output:{"ab":1,"ac":2}' },
  // Sort / Group / Measure / Compare
  { name: 'sort descending', script: '3,1,2 | Sort-Object -Descending', want: 'output:3\noutput:2\noutput:1' },
  { name: 'sort property stable', script: '[pscustomobject]@{k=1;v="a"},[pscustomobject]@{k=0;v="b"},[pscustomobject]@{k=1;v="c"} | Sort-Object k | % v', want: 'output:b\noutput:a\noutput:c' },
  { name: 'sort hashtable key', script: '"bb","a","ccc" | Sort-Object @{Expression={$_.Length}; Descending=$true}', want: 'output:ccc\noutput:bb\noutput:a' },
  { name: 'sort -Unique', script: '"a","B","A","b" | Sort-Object -Unique', want: 'output:a\noutput:B' },
  { name: 'group sorted by name', script: '"b","a","b" | Group-Object | % { "$($_.Name):$($_.Count)" }', want: 'output:a:1\noutput:b:2' },
  { name: 'group property', script: '1..6 | Group-Object { $_ % 2 } | % { "$($_.Name)=$($_.Group -join ",")" }', want: 'output:0=2,4,6\noutput:1=1,3,5' },
  { name: 'measure sum/avg', script: '$m = 1..4 | Measure-Object -Sum -Average -Maximum -Minimum; $m.Count; $m.Sum; $m.Average; $m.Maximum; $m.Minimum', want: 'output:4\noutput:10\noutput:2.5\noutput:4\noutput:1' },
  { name: 'measure property missing', script: '1 | Measure-Object -Property Nope -Sum', want: 'error:The property "Nope" cannot be found in the input for any objects.' },
  { name: 'measure text', script: '$m = "a b","c" | Measure-Object -Word -Line; $m.Words; $m.Lines', want: 'output:3\noutput:2' },
  { name: 'compare', script: 'Compare-Object 1,2,3 2,3,4 | % { "$($_.InputObject)$($_.SideIndicator)" }', want: 'output:4=>\noutput:1<=' },
  { name: 'compare include equal', script: 'Compare-Object a,b b,c -IncludeEqual | % SideIndicator', want: 'output:==\noutput:=>\noutput:<=' },
  { name: 'tee variable', script: '1,2 | Tee-Object -Variable t | Out-Null; $t -join "+"', want: 'output:1+2' },
  { name: 'get-member note property', script: '[pscustomobject]@{a=1} | Get-Member -MemberType NoteProperty | % Definition', want: 'output:int a=1' },
  { name: 'get-member no input', script: 'Get-Member', want: 'error:You must specify an object for the Get-Member cmdlet.' },
  { name: 'new-object psobject', script: '$o = New-Object psobject -Property @{a=1}; $o.a', want: 'output:1' },
  { name: 'new-object arraylist', script: '$l = New-Object System.Collections.ArrayList; [void]$l.Add(3); $l.Count', want: 'output:1' },
  // Content and files
  { name: 'get-content lines', script: 'Get-Content a.txt', want: 'output:one\noutput:two\noutput:three' },
  { name: 'get-content missing', script: 'Get-Content nope.txt', want: "error:Cannot find path '/home/test/nope.txt' because it does not exist." },
  { name: 'get-content error id', script: 'gc nope 2>$null; $Error[0].FullyQualifiedErrorId', want: 'output:PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand' },
  { name: 'get-content -TotalCount -Tail', script: 'Get-Content a.txt -TotalCount 1; Get-Content a.txt -Tail 1', want: 'output:one\noutput:three' },
  { name: 'get-content -Raw', script: '(Get-Content a.txt -Raw).Length', want: 'output:14' },
  { name: 'get-content wildcard', script: 'Get-Content *.txt | Measure-Object | % Count', want: 'output:3' },
  { name: 'get-content directory', script: 'Get-Content /tmp', want: "error:Unable to get content because it is a directory: '/tmp'. Please use 'Get-ChildItem' instead." },
  { name: 'set/add content', script: 'Set-Content n.txt a; Add-Content n.txt b; Get-Content n.txt', want: 'output:a\noutput:b' },
  { name: 'set-content null', script: 'Set-Content n.txt $null; (Get-Item n.txt).Length', want: 'output:0' },
  { name: 'set-content -NoNewline', script: 'Set-Content n.txt a,b -NoNewline; Get-Content n.txt -Raw', want: 'output:ab' },
  { name: 'piped items to get-content', script: 'Get-ChildItem *.txt | Get-Content -TotalCount 1', want: 'output:one' },
  { name: 'out-file', script: '"x","y" | Out-File o.txt; Get-Content o.txt', want: 'output:x\noutput:y' },
  { name: 'out-null', script: '1 | Out-Null', want: '' },
  { name: 'gci names', script: 'Get-ChildItem -Name', want: 'output:a.txt\noutput:b.csv\noutput:data.json' },
  { name: 'gci filter', script: 'Get-ChildItem -Filter *.json | % Name', want: 'output:data.json' },
  { name: 'gci missing', script: 'Get-ChildItem nope', want: "error:Cannot find path '/home/test/nope' because it does not exist." },
  { name: 'file info', script: '$f = Get-Item a.txt; $f.Name; $f.Length; $f.Extension; $f.BaseName; $f.DirectoryName; $f.PSIsContainer', want: 'output:a.txt\noutput:14\noutput:.txt\noutput:a\noutput:/home/test\noutput:False' },
  { name: 'file type name', script: '(Get-Item a.txt).GetType().FullName; (Get-Item /tmp).GetType().FullName', want: 'output:System.IO.FileInfo\noutput:System.IO.DirectoryInfo' },
  { name: 'test-path', script: 'Test-Path a.txt; Test-Path nope; Test-Path /tmp -PathType Container; Test-Path a.txt -PathType Container; Test-Path *.csv', want: 'output:True\noutput:False\noutput:True\noutput:False\noutput:True' },
  { name: 'new-item file exists', script: 'New-Item a.txt', want: "error:The file '/home/test/a.txt' already exists." },
  { name: 'new-item directory', script: '(New-Item d -ItemType Directory).Name; Test-Path d -PathType Container', want: 'output:d\noutput:True' },
  { name: 'remove-item', script: 'Remove-Item a.txt; Test-Path a.txt; Remove-Item a.txt', want: "output:False\nerror:Cannot find path '/home/test/a.txt' because it does not exist." },
  { name: 'copy/move/rename', script: 'Copy-Item a.txt c.txt; Move-Item c.txt d.txt; Rename-Item d.txt e.txt; Get-Content e.txt -TotalCount 1; Test-Path c.txt, d.txt', want: 'output:one\noutput:False\noutput:False' },
  { name: 'whatif', script: 'Remove-Item a.txt -WhatIf; Test-Path a.txt; Remove-Item a.txt -Confirm:$false; Test-Path a.txt', want: 'information:What if: Performing the operation "Remove File" on target "Item: /home/test/a.txt".\noutput:True\noutput:False' },
  { name: 'gci depth', script: 'New-Item d/e -ItemType Directory -Force | Out-Null; Set-Content d/e/f.txt 1; Get-ChildItem d -Recurse -Depth 0 -Name; Get-ChildItem d -Recurse -File -Name', want: 'output:e\noutput:e/f.txt' },
  { name: 'select-string context', script: '"a","b","c" | Select-String b -Context 1 | % { $_.Context.PreContext; $_.Context.PostContext }', want: 'output:a\noutput:c' },
  // Locations and paths
  { name: 'location', script: 'Set-Location /tmp; (Get-Location).Path; cd -; (Get-Location).Path', want: 'output:/tmp\noutput:/home/test' },
  { name: 'set-location missing', script: 'Set-Location /nope', want: "error:Cannot find path '/nope' because it does not exist." },
  { name: 'push/pop', script: 'Push-Location /tmp; (Get-Location).Path; Pop-Location; (Get-Location).Path', want: 'output:/tmp\noutput:/home/test' },
  { name: 'join-path', script: 'Join-Path a b; Join-Path /a/ /b c', want: 'output:a/b\noutput:/a/b/c' },
  { name: 'split-path', script: 'Split-Path /a/b/c.txt; Split-Path /a/b/c.txt -Leaf; Split-Path c.txt -LeafBase; Split-Path c.txt -Extension; Split-Path /a -IsAbsolute', want: 'output:/a/b\noutput:c.txt\noutput:c\noutput:.txt\noutput:True' },
  { name: 'resolve-path', script: '(Resolve-Path a.txt).Path; Resolve-Path a.txt -Relative; Resolve-Path *.csv | % Path', want: 'output:/home/test/a.txt\noutput:./a.txt\noutput:/home/test/b.csv' },
  // Variables
  { name: 'get-variable', script: '$v = 3; (Get-Variable v).Value; Get-Variable v -ValueOnly', want: 'output:3\noutput:3' },
  { name: 'get-variable missing', script: 'Get-Variable nope', want: "error:Cannot find a variable with the name 'nope'." },
  { name: 'set/new/remove/clear', script: 'Set-Variable x 1; New-Variable y 2; $x + $y; Clear-Variable x; $null -eq $x; Remove-Variable y; Test-Path variable:y; New-Variable x 5', want: "output:3\noutput:True\noutput:False\nerror:A variable with name 'x' already exists." },
  // Utilities
  { name: 'get-date format', script: 'Get-Date -Year 2024 -Month 2 -Day 3 -Hour 4 -Minute 5 -Second 6 -Format "yyyy-MM-dd HH:mm:ss"', want: 'output:2024-02-03 04:05:06' },
  { name: 'get-date uformat', script: 'Get-Date -Date "2024-03-05 14:07:09" -UFormat "%Y%m%d %H:%M:%S %a %j"', want: 'output:20240305 14:07:09 Tue 065' },
  { name: 'get-random seeded', script: '$a = Get-Random -SetSeed 7 -Maximum 100; $b = Get-Random -SetSeed 7 -Maximum 100; $a -eq $b', want: 'output:True' },
  { name: 'get-random min >= max', script: 'Get-Random -Minimum 5 -Maximum 5', want: 'error:The Minimum value (5) cannot be greater than or equal to the Maximum value (5).' },
  { name: 'get-random list', script: '(1..10 | Get-Random -Count 4 | Sort-Object -Unique).Count', want: 'output:4' },
  { name: 'invoke-expression', script: 'iex "1 + 2"', want: 'output:3' },
  { name: 'start-sleep', script: 'Start-Sleep -Milliseconds 1; Start-Sleep 0.001; "done"', want: 'output:done' },
  { name: 'new-guid', script: '(New-Guid).ToString().Length', want: 'output:36' },
  { name: 'get-command', script: 'Get-Command Get-Content | % { "$($_.CommandType) $($_.Name)" }; (Get-Command gci).DisplayName', want: 'output:Cmdlet Get-Content\noutput:gci -> Get-ChildItem' },
  { name: 'get-command missing', script: 'Get-Command nope-nope 2>$null; $Error[0].FullyQualifiedErrorId', want: 'output:CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand' },
  // JSON
  { name: 'to-json', script: '[ordered]@{a=1;b=@(1,"x");c=$null;d=$true} | ConvertTo-Json', want: 'output:{\n  "a": 1,\n  "b": [\n    1,\n    "x"\n  ],\n  "c": null,\n  "d": true\n}' },
  { name: 'to-json compress', script: '[pscustomobject]@{a=1.5;b=@()} | ConvertTo-Json -Compress', want: 'output:{"a":1.5,"b":[]}' },
  { name: 'to-json depth', script: '@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress', want: 'warning:Resulting JSON is truncated as serialization has exceeded the set depth of 2.\noutput:{"a":{"b":{"c":"System.Collections.Hashtable"}}}' },
  { name: 'to-json pipeline array', script: '1,2 | ConvertTo-Json -Compress; 1 | ConvertTo-Json -AsArray -Compress', want: 'output:[1,2]\noutput:[1]' },
  { name: 'to-json escapes', script: '"a`"b\\c`n" | ConvertTo-Json', want: 'output:"a\\"b\\\\c\\n"' },
  { name: 'from-json', script: '$o = Get-Content data.json -Raw | ConvertFrom-Json; $o.name; $o.tags.Count; $o.n.GetType().Name', want: 'output:psh\noutput:2\noutput:Int64' },
  { name: 'from-json array enumerates', script: '("[1,2,3]" | ConvertFrom-Json | Measure-Object).Count', want: 'output:3' },
  { name: 'from-json hashtable', script: '$h = "{`"a`":1}" | ConvertFrom-Json -AsHashtable; $h["a"]', want: 'output:1' },
  { name: 'from-json invalid', script: 'try { "{" | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }', want: 'output:System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand' },
  { name: 'test-json', script: 'Test-Json \'{"a":1}\'; Test-Json "{" -ErrorAction SilentlyContinue', want: 'output:True\noutput:False' },
  // CSV
  { name: 'to-csv quotes all', script: '[pscustomobject]@{a=1;b="x,y"} | ConvertTo-Csv', want: 'output:"a","b"\noutput:"1","x,y"' },
  { name: 'to-csv as needed', script: '[pscustomobject]@{a=1;b="x,y"} | ConvertTo-Csv -UseQuotes AsNeeded', want: 'output:a,b\noutput:1,"x,y"' },
  { name: 'from-csv', script: '"a,b","1,`"q,r`"" | ConvertFrom-Csv | % { $_.b }', want: 'output:q,r' },
  { name: 'import-csv', script: 'Import-Csv b.csv | % { [int]$_.x + [int]$_.y }', want: 'output:3\noutput:7' },
  { name: 'export-csv append', script: '[pscustomobject]@{x=5;y=6} | Export-Csv b.csv -Append; Get-Content b.csv', want: 'output:x,y\noutput:1,2\noutput:3,4\noutput:"5","6"' },
  // Select-String
  { name: 'select-string input', script: '"hello world","bye" | Select-String "o w" | % { "$_|$($_.LineNumber)|$($_.Matches[0].Value)" }', want: 'output:hello world|1|o w' },
  { name: 'select-string files', script: 'Select-String t *.txt | % { "$_" }', want: 'output:a.txt:2:two\noutput:a.txt:3:three' },
  { name: 'select-string notmatch simple', script: '"a.b","ab" | Select-String -SimpleMatch "." -NotMatch | % Line', want: 'output:ab' },
  { name: 'select-string allmatches', script: '("aXbXc" | Select-String X -AllMatches).Matches.Count', want: 'output:2' },
  { name: 'select-string quiet', script: '"abc" | Select-String -Quiet b', want: 'output:True' },
  // Processes
  { name: 'get-process missing id', script: 'Get-Process -Id 99999', want: 'error:Cannot find a process with the process identifier 99999.' },
];

describe('core cmdlets', () => {
  for (const c of cases) {
    test(c.name, () => {
      expect(run(c.script)).toBe(c.want);
    });
  }
});
