// The evaluator end to end: scripts in, output and errors out, one table per area.

import { describe, expect, test } from 'vitest';
import { Runspace } from '../../src/runtime/runspace.js';
import { runScript } from './run-script.js';

interface Case {
  /** The script. */
  readonly s: string;
  /** Output objects as text, in order. */
  readonly out?: readonly string[];
  /** Error stream messages, in order. */
  readonly err?: readonly string[];
  /** Message of the terminating error that ended the script. */
  readonly term?: string;
}

function check(cases: readonly Case[]): void {
  test.each(cases.map((c) => [c.s, c] as const))('%s', (_name, c) => {
    const r = runScript(c.s);
    expect(r.result.parseErrors.map((e) => e.message)).toEqual([]);
    if (c.out !== undefined) expect(r.out).toEqual(c.out);
    expect(r.errors).toEqual(c.err ?? []);
    expect(r.result.terminatingError?.message ?? null).toEqual(c.term ?? null);
  });
}

describe('expressions', () => {
  check([
    { s: '1 + 2', out: ['3'] },
    { s: '2 * 3 + 4', out: ['10'] },
    { s: '7 / 2', out: ['3.5'] },
    { s: '8 / 2', out: ['4'] },
    { s: '7 % 3', out: ['1'] },
    { s: '-5 + 2', out: ['-3'] },
    { s: '"a" + "b"', out: ['ab'] },
    { s: '"ab" * 3', out: ['ababab'] },
    { s: '1, 2, 3', out: ['1', '2', '3'] },
    { s: '(1, 2, 3).Count', out: ['3'] },
    { s: '@().Count', out: ['0'] },
    { s: '@(5).Count', out: ['1'] },
    { s: '@(1, 2) + 3', out: ['1', '2', '3'] },
    { s: ',(1, 2) | ForEach-Object { $_.Count }', out: ['2'] },
    { s: '$a = 1..5; $a[0]; $a[-1]', out: ['1', '5'] },
    { s: '$a = 1..5; $a[1..2]', out: ['2', '3'] },
    { s: '1..3', out: ['1', '2', '3'] },
    { s: '3..1', out: ['3', '2', '1'] },
    { s: '$x = 5; $x -gt 3', out: ['True'] },
    { s: '1 -eq 1 -and 2 -eq 3', out: ['False'] },
    { s: '$false -or $true', out: ['True'] },
    { s: '-not $true', out: ['False'] },
    { s: '!$false', out: ['True'] },
    { s: '$null -eq $null', out: ['True'] },
    { s: '"abc" -like "a*"', out: ['True'] },
    { s: '"abc" -match "b(c)"; $Matches[1]', out: ['True', 'c'] },
    { s: '"a,b,c" -split ","', out: ['a', 'b', 'c'] },
    { s: '(1, 2, 3) -join "-"', out: ['1-2-3'] },
    { s: '"{0}-{1}" -f "x", 5', out: ['x-5'] },
    { s: '"hello" -replace "l", "L"', out: ['heLLo'] },
    { s: '1, 2, 3, 4 -gt 2', out: ['3', '4'] },
    { s: '2 -in 1, 2, 3', out: ['True'] },
    { s: '(1, 2, 3) -contains 4', out: ['False'] },
    { s: '5 -is [int]', out: ['True'] },
    { s: '"5" -as [int]', out: ['5'] },
    { s: '$null ?? "default"', out: ['default'] },
    { s: '0 ?? "default"', out: ['0'] },
    { s: '$x = $null; $x ??= 3; $x', out: ['3'] },
    { s: '$true ? "yes" : "no"', out: ['yes'] },
    { s: '$o = $null; ${o}?.Name; "end"', out: ['', 'end'] },
    { s: '$a = $null; ${a}?[0]; "end"', out: ['', 'end'] },
    { s: '[int]"42" + 1', out: ['43'] },
    { s: '[string]42 + 1', out: ['421'] },
    { s: '[double]"1.5"', out: ['1.5'] },
    { s: '[bool]"x"', out: ['True'] },
    { s: '[int[]]("1", "2") | ForEach-Object { $_ + 1 }', out: ['2', '3'] },
    { s: '[math]::Max(3, 9)', out: ['9'] },
    { s: '[math]::PI -gt 3.14', out: ['True'] },
    { s: '[int]::MaxValue', out: ['2147483647'] },
    { s: '"abc".ToUpper()', out: ['ABC'] },
    { s: '"abc".Length', out: ['3'] },
    { s: '"a-b".Split("-")[1]', out: ['b'] },
    { s: '(5).Count', out: ['1'] },
    { s: '$null.Count', out: ['0'] },
    { s: '$x = 1; $x++; $x', out: ['2'] },
    { s: '$x = 1; $x--; $x', out: ['0'] },
    { s: '$x = 1; ++$x', out: [] },
    { s: '$x = 1; ($x++); $x', out: ['1', '2'] },
    { s: '$x = 1; (++$x)', out: ['2'] },
    { s: '$x = 5; -$x', out: ['-5'] },
    { s: '0x10 + 1', out: ['17'] },
    { s: '1kb', out: ['1024'] },
    { s: '$(1; 2).Count', out: ['2'] },
    { s: '$()', out: [] },
    { s: '$($null)', out: [''] },
    { s: '[void](1 + 1)', out: [] },
    { s: '$null', out: [''] },
    { s: '(1 + 2) * 3', out: ['9'] },
    { s: '{ 1 + 1 }.ToString()', out: [' 1 + 1 '] },
    { s: '$sb = { param($a) $a * 2 }; & $sb 21', out: ['42'] },
    { s: '$sb = { "x" }; $sb.Invoke()', out: ['x'] },
    { s: '(Get-Variable -Name PSVersionTable -ValueOnly).PSEdition', out: ['Core'] },
  ]);
});

describe('strings', () => {
  check([
    { s: '$n = "World"; "Hello $n"', out: ['Hello World'] },
    { s: '$n = "World"; \'Hello $n\'', out: ['Hello $n'] },
    { s: '"sum: $(1 + 2)"', out: ['sum: 3'] },
    { s: 'echo a$(1+1)b c', out: ['a2b', 'c'] },
    { s: '$x = 5; Write-Output pre$($x)post$x.txt', out: ['pre5post5.txt'] },
    { s: 'Write-Output a$(1; 2)b', out: ['a1 2b'] },
    { s: '$a = 1, 2, 3; "a: $a"', out: ['a: 1 2 3'] },
    { s: '$OFS = "-"; $a = 1, 2, 3; "$a"', out: ['1-2-3'] },
    { s: '$h = @{ k = "v" }; "val $($h.k)"', out: ['val v'] },
    { s: '$x = "a"; "${x}b"', out: ['ab'] },
    { s: '"tab`tx"', out: ['tab\tx'] },
    { s: '"It\'s"', out: ["It's"] },
    { s: "'a''b'", out: ["a'b"] },
    { s: '$p = [pscustomobject]@{ Name = "n" }; "$($p.Name)!"', out: ['n!'] },
    { s: '"$null|"', out: ['|'] },
    { s: '@"\nline1\n$(1+1)\n"@', out: ['line1\n2'] },
  ]);
});

describe('variables and scopes', () => {
  check([
    { s: '$x = 1; function f { $x }; f', out: ['1'] },
    { s: '$x = 1; function f { $x = 2 }; f; $x', out: ['1'] },
    { s: '$x = 1; function f { $script:x = 2 }; f; $x', out: ['2'] },
    { s: 'function f { $global:g = 5 }; f; $g', out: ['5'] },
    { s: '$x = 1; function f { $local:x }; f; "|"', out: ['', '|'] },
    { s: '$private:p = 1; function f { $p }; f; "|"', out: ['', '|'] },
    { s: '${a b} = 3; ${a b}', out: ['3'] },
    { s: '$env:PSH_TEST = "v"; $env:PSH_TEST', out: ['v'] },
    { s: '$env:HOME', out: ['/home/test'] },
    { s: '$variable:HOME', out: ['/home/test'] },
    { s: '$a, $b = 1, 2; $b; $a', out: ['2', '1'] },
    { s: '$a, $b = 1, 2, 3; $b.Count', out: ['2'] },
    { s: '$a, $b = 1; $a; $null -eq $b', out: ['1', 'True'] },
    { s: '[int]$i = "5"; $i = "7"; $i + 1', out: ['8'] },
    { s: '[int]$i = 1; $i = "x"', term: undefined, err: ['Cannot convert value "x" to type "System.Int32". Error: "The input string \'x\' was not in a correct format."'] },
    { s: '$x = 10; $x += 5; $x -= 3; $x *= 2; $x /= 4; $x', out: ['6'] },
    { s: '$x = 7; $x %= 4; $x', out: ['3'] },
    { s: '$s = "a"; $s += "b"; $s', out: ['ab'] },
    { s: '$a = @(); $a += 1; $a += 2; $a.Count', out: ['2'] },
    { s: '$h = @{}; $h.k = 1; $h["j"] = 2; $h.k + $h.j', out: ['3'] },
    { s: '$a = 1, 2, 3; $a[1] = 9; $a -join ","', out: ['1,9,3'] },
    { s: '$o = [pscustomobject]@{ a = 1 }; $o.a = 5; $o.a', out: ['5'] },
    { s: '$HOME', out: ['/home/test'] },
    { s: '$PID', out: ['4242'] },
    { s: '$IsLinux; $IsWindows', out: ['True', 'False'] },
    { s: '$PSVersionTable.PSVersion.Major', out: ['7'] },
    { s: '"$($PSVersionTable.PSVersion)"', out: ['7.4.0'] },
    { s: '$PWD.ToString()', out: ['/home/test'] },
    { s: '$true; $false', out: ['True', 'False'] },
    { s: '$ErrorActionPreference', out: ['Continue'] },
    { s: '$PSItem = 3; "ok"', out: ['ok'] },
    { s: '1 | ForEach-Object { $PSItem + 1 }', out: ['2'] },
    { s: '$x = 1; & { $x = 2; $x }; $x', out: ['2', '1'] },
    { s: '$x = 1; . { $x = 2 }; $x', out: ['2'] },
    { s: '$undefined', out: [''] },
    { s: '$x = 3; $function:f = $null; "ok"', out: ['ok'] },
  ]);
});

describe('control flow', () => {
  check([
    { s: 'if ($true) { "a" } else { "b" }', out: ['a'] },
    { s: 'if (0) { "a" } elseif ("x") { "b" } else { "c" }', out: ['b'] },
    { s: 'if ($null) { "a" }', out: [] },
    { s: '$x = if ($false) { 1 } else { 2 }; $x', out: ['2'] },
    { s: 'foreach ($i in 1..3) { $i * 10 }', out: ['10', '20', '30'] },
    { s: 'foreach ($i in $null) { "never" }; "done"', out: ['done'] },
    { s: 'foreach ($i in 5) { $i }', out: ['5'] },
    { s: 'for ($i = 0; $i -lt 3; $i++) { $i }', out: ['0', '1', '2'] },
    { s: '$i = 0; while ($i -lt 3) { $i; $i++ }', out: ['0', '1', '2'] },
    { s: '$i = 0; do { $i; $i++ } while ($i -lt 2)', out: ['0', '1'] },
    { s: '$i = 0; do { $i; $i++ } until ($i -ge 2)', out: ['0', '1'] },
    { s: '$i = 5; do { $i } while ($false)', out: ['5'] },
    { s: 'foreach ($i in 1..5) { if ($i -eq 3) { break }; $i }', out: ['1', '2'] },
    { s: 'foreach ($i in 1..4) { if ($i % 2) { continue }; $i }', out: ['2', '4'] },
    { s: ':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; "$i$j" } }', out: ['11', '21', '31'] },
    { s: ':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($i -eq 2) { break outer }; "$i$j" } }', out: ['11', '12', '13'] },
    { s: 'function stop { break }; foreach ($i in 1..3) { $i; stop }; "after"', out: ['1', 'after'] },
    { s: 'for ($i = 0; ; $i++) { if ($i -gt 2) { break }; $i }', out: ['0', '1', '2'] },
    { s: '$r = foreach ($i in 1..3) { $i }; $r.Count', out: ['3'] },
    { s: 'function f { "a"; return "b"; "c" }; f', out: ['a', 'b'] },
    { s: 'function f { return }; f; "x"', out: ['x'] },
    { s: 'function f { foreach ($i in 1..5) { if ($i -eq 2) { return $i } } }; f', out: ['2'] },
    { s: '1; exit 3; 2', out: ['1'] },
    { s: 'while ($true) { break }; "out"', out: ['out'] },
    { s: '$true && "yes"', out: ['True', 'yes'] },
    { s: 'Write-Error "bad" 2>$null || "fallback"', out: ['fallback'] },
    { s: '"a" && "b" || "c"', out: ['a', 'b'] },
  ]);
});

describe('switch', () => {
  check([
    { s: 'switch (2) { 1 { "one" } 2 { "two" } 3 { "three" } }', out: ['two'] },
    { s: 'switch (5) { 1 { "one" } default { "other" } }', out: ['other'] },
    { s: 'switch ("b") { "A" { "a" } "B" { "b" } }', out: ['b'] },
    { s: 'switch -CaseSensitive ("b") { "B" { "B" } "b" { "b" } }', out: ['b'] },
    { s: 'switch (1, 2, 3) { 2 { "two" } default { "x$_" } }', out: ['x1', 'two', 'x3'] },
    { s: 'switch ("abc") { { $_.Length -eq 3 } { "three" } }', out: ['three'] },
    { s: 'switch -Wildcard ("hello") { "h*" { "h" } "*o" { "o" } }', out: ['h', 'o'] },
    { s: 'switch -Regex ("a1") { "^a(\\d)" { $Matches[1] } }', out: ['1'] },
    { s: 'switch (1, 2, 3) { 2 { "two"; break } default { $_ } }', out: ['1', 'two'] },
    { s: 'switch (1, 2, 3) { 2 { continue } default { $_ } }', out: ['1', '3'] },
    { s: 'switch (1) { 1 { "a" } 1 { "b" } }', out: ['a', 'b'] },
    { s: 'switch -Exact ("a*") { "a*" { "exact" } }', out: ['exact'] },
    { s: '$r = switch (3) { 3 { "three" } }; $r', out: ['three'] },
    { s: 'switch (@()) { default { "never" } }; "done"', out: ['done'] },
  ]);
});

describe('errors', () => {
  check([
    { s: 'try { throw "boom" } catch { $_.Exception.Message }', out: ['boom'] },
    { s: 'try { throw "boom" } catch { "c" } finally { "f" }', out: ['c', 'f'] },
    { s: 'try { "t" } finally { "f" }', out: ['t', 'f'] },
    { s: 'throw "unhandled"; "never"', out: [], term: 'unhandled' },
    { s: 'try { 1 / 0 } catch [System.DivideByZeroException] { "div" }', out: ['div'] },
    { s: 'try { throw "x" } catch [System.DivideByZeroException] { "div" } catch { "other" }', out: ['other'] },
    { s: 'try { 1 / 0 } catch [System.ArithmeticException] { "arith" }', out: ['arith'] },
    { s: 'try { throw "x" } catch [System.Management.Automation.RuntimeException] { "rt" }', out: ['rt'] },
    { s: 'try { try { throw "in" } catch { throw } } catch { "outer $($_.Exception.Message)" }', out: ['outer in'] },
    { s: 'try { try { throw "in" } finally { "f" } } catch { "c" }', out: ['f', 'c'] },
    { s: '1 / 0; "next"', out: ['next'], err: ['Attempted to divide by zero.'] },
    { s: 'function f { 1 / 0; "after" }; f', out: ['after'], err: ['Attempted to divide by zero.'] },
    { s: 'function f { 1 / 0; "after" }; try { f } catch { "caught" }', out: ['caught'] },
    { s: 'Write-Error "oops"; "next"', out: ['next'], err: ['oops'] },
    { s: 'Write-Error "oops" -ErrorAction SilentlyContinue; $Error.Count', out: ['1'] },
    { s: 'Write-Error "oops" -ErrorAction Ignore; $Error.Count', out: ['0'] },
    { s: 'try { Write-Error "oops" -ErrorAction Stop } catch { "caught: " + $_.Exception.Message }', out: ['caught: oops'] },
    { s: '$ErrorActionPreference = "Stop"; Write-Error "halt"; "never"', out: [], term: 'halt' },
    { s: '$ErrorActionPreference = "SilentlyContinue"; Write-Error "quiet"; "next"', out: ['next'] },
    { s: 'Write-Error "a"; Write-Error "b"; $Error[0].Exception.Message', out: ['b'], err: ['a', 'b'] },
    { s: 'Write-Error "e1"; $?', out: ['False'], err: ['e1'] },
    { s: '"ok"; $?', out: ['ok', 'True'] },
    { s: 'Write-Error "x" -ErrorVariable ev -ErrorAction SilentlyContinue; $ev.Count', out: ['1'] },
    { s: 'try { throw [pscustomobject]@{ a = 1 } } catch { $_.TargetObject.a }', out: ['1'] },
    { s: 'try { $null.Foo() } catch { $_.FullyQualifiedErrorId }', out: ['InvokeMethodOnNull'] },
    { s: 'try { "x".NoSuch() } catch { $_.Exception.Message }', out: ["Method invocation failed because [System.String] does not contain a method named 'NoSuch'."] },
    { s: 'trap { "trapped"; continue }; throw "t"; "after"', out: ['trapped', 'after'] },
    { s: 'function f { trap { "trapped"; break }; throw "t"; "after" }; try { f } catch { "outer" }', out: ['trapped', 'outer'] },
    { s: 'trap { "trapped" }; 1 / 0; "after"', out: ['trapped', 'after'], err: ['Attempted to divide by zero.'] },
    { s: 'try { NoSuchCommand-Xyz } catch { $_.FullyQualifiedErrorId }', out: ['CommandNotFoundException'] },
    { s: 'NoSuchCommand-Xyz; "next"', out: ['next'], err: ["The term 'NoSuchCommand-Xyz' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again."] },
    { s: 'try { throw "x" } catch { $_.InvocationInfo.ScriptLineNumber; $_.InvocationInfo.OffsetInLine }', out: ['1', '7'] },
    { s: 'class Foo { }', out: [], err: ["The class definition 'Foo' is not supported yet in psh."] },
    { s: '$e = try { throw "v" } catch { $_ }; $e.Exception.Message', out: ['v'] },
  ]);
});

describe('functions and parameters', () => {
  check([
    { s: 'function f($a, $b) { "$a|$b" }; f 1 2', out: ['1|2'] },
    { s: 'function f($a, $b) { "$a|$b" }; f -b 2 -a 1', out: ['1|2'] },
    { s: 'function f($a, $b) { "$a|$b" }; f -b:2 1', out: ['1|2'] },
    { s: 'function f { $args.Count }; f 1 2 3', out: ['3'] },
    { s: 'function f { $args[1] }; f a b c', out: ['b'] },
    { s: 'function f($a) { $args[0] }; f 1 2', out: ['2'] },
    // Unknown parameter names of a simple function go to $args where they were written.
    { s: 'function f { $args -join "|" }; f 1 -x 2 -Name 3', out: ['1|-x|2|-Name|3'] },
    { s: 'function f { param($x = 5) $x }; f', out: ['5'] },
    { s: 'function f { param([int]$x) $x + 1 }; f "41"', out: ['42'] },
    { s: 'function f { param([int]$x) $x }; f abc; "next"', out: ['next'], err: ['Cannot process argument transformation on parameter \'x\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."'] },
    { s: 'function f { param([switch]$Force) $Force }; f; f -Force; f -Force:$false', out: ['False', 'True', 'False'] },
    { s: 'function f { param([string]$Name) $Name }; f -N "abc"', out: ['abc'] },
    { s: 'function f { [CmdletBinding()] param($Name, $Number) $Name }; f -N x', err: ["Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible matches include: -Name -Number."] },
    { s: 'function f { [CmdletBinding()] param($a) $a }; f -zz 1', err: ["A parameter cannot be found that matches parameter name 'zz'."] },
    { s: 'function f { [CmdletBinding()] param($a) $a }; f 1 2', err: ["A positional parameter cannot be found that accepts argument '2'."] },
    { s: 'function f { param([Parameter(Mandatory)]$a) $a }; f', err: ['Cannot process command because of one or more missing mandatory parameters: a.'] },
    { s: 'function f { param([Parameter(Mandatory)]$a) $a }; f -a $null', err: ["Cannot bind argument to parameter 'a' because it is null."] },
    { s: 'function f { param([ValidateSet("x", "y")]$v) $v }; f y', out: ['y'] },
    { s: 'function f { param([ValidateSet("x", "y")]$v) $v }; f z', err: ['Cannot validate argument on parameter \'v\'. The argument "z" does not belong to the set "x,y" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.'] },
    { s: 'function f { param([Alias("n")]$Name) $Name }; f -n 3', out: ['3'] },
    { s: 'function f { param($a, $b) $PSBoundParameters.Count; $PSBoundParameters["a"] }; f -a 1', out: ['1', '1'] },
    { s: 'function f { param([Parameter(ValueFromRemainingArguments)]$rest) $rest.Count }; f 1 2 3', out: ['3'] },
    { s: 'function f { param([Parameter(Position=1)]$a, [Parameter(Position=0)]$b) "$a|$b" }; f 1 2', out: ['2|1'] },
    { s: 'function f { param([Parameter(ParameterSetName="A")]$x, [Parameter(ParameterSetName="B")]$y) $PSCmdlet; "ok" }; f -x 1 -y 2', err: ['Parameter set cannot be resolved using the specified named parameters.'] },
    { s: '$h = @{ a = 1; b = 2 }; function f($a, $b) { $a + $b }; f @h', out: ['3'] },
    { s: '$arr = 1, 2; function f($a, $b) { $b }; f @arr', out: ['2'] },
    { s: 'function f { param([Parameter(ValueFromPipeline)]$x) process { $x * 2 } }; 1, 2 | f', out: ['2', '4'] },
    { s: 'function f { process { $_ + 1 } }; 1, 2 | f', out: ['2', '3'] },
    { s: 'function f { $input | ForEach-Object { $_ * 3 } }; 1, 2 | f', out: ['3', '6'] },
    { s: 'function f { begin { "b" } process { "p$_" } end { "e" } }; 1, 2 | f', out: ['b', 'p1', 'p2', 'e'] },
    { s: 'filter double { $_ * 2 }; 1..3 | double', out: ['2', '4', '6'] },
    { s: 'function f { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { "n=$Name" } }; [pscustomobject]@{ Name = "z" } | f', out: ['n=z'] },
    { s: 'function F-Case { "hi" }; f-case', out: ['hi'] },
    { s: 'function f { "x" }; function g { f }; g', out: ['x'] },
    { s: 'function outer { function inner { "in" }; inner }; outer; try { inner } catch { "gone" }', out: ['in', 'gone'] },
    { s: 'function f { [CmdletBinding()] param() Write-Verbose "v"; "done" }; f -Verbose', out: ['done'] },
    { s: 'function f { [CmdletBinding()] param() Write-Error "e"; "after" }; try { f -ErrorAction Stop } catch { "stopped" }', out: ['stopped'] },
    { s: 'function f { param($x) $x.GetType().Name }; f 1; f "s"; f 1.5', out: ['Int32', 'String', 'Double'] },
    { s: 'function f { @(1, 2) }; (f).Count', out: ['2'] },
    { s: 'function f { , @(1, 2) }; (f).Count', out: ['2'] },
    { s: 'function f { }; $null -eq (f)', out: ['True'] },
    { s: 'function f($x) { $x }; f -x:5', out: ['5'] },
    { s: 'function f { param([string[]]$s) $s.Count }; f a, b, c', out: ['3'] },
    { s: 'function f { "$($MyInvocation -ne $null)" }; f', out: ['True'] },
  ]);
});

describe('pipelines and cmdlets', () => {
  check([
    { s: '1..5 | Where-Object { $_ -gt 3 }', out: ['4', '5'] },
    { s: '1..3 | ForEach-Object { $_ } | ForEach-Object { $_ * 10 }', out: ['10', '20', '30'] },
    { s: 'Write-Output 1, 2 | ForEach-Object { $_ + 1 }', out: ['2', '3'] },
    { s: 'Write-Output -NoEnumerate 1, 2 | ForEach-Object { $_.Count }', out: ['2'] },
    { s: '1..3 | ForEach-Object -Begin { "b" } -Process { $_ } -End { "e" }', out: ['b', '1', '2', '3', 'e'] },
    { s: '$sum = 0; 1..4 | ForEach-Object { $sum += $_ }; $sum', out: ['10'] },
    { s: '@(3, 1, 2) | Sort-Object', out: ['1', '2', '3'] },
    { s: '"a", "b" | ForEach-Object ToUpper', out: ['A', 'B'] },
    { s: '1..10 | Select-Object -First 2', out: ['1', '2'] },
    { s: 'echo hi', out: ['hi'] },
    { s: '1, 2 | % { $_ * 2 }', out: ['2', '4'] },
    { s: '1..4 | ? { $_ % 2 -eq 0 }', out: ['2', '4'] },
    { s: '$r = 1..3 | ForEach-Object { $_ }; $r.Count', out: ['3'] },
    { s: '$x = Write-Output 5; $x', out: ['5'] },
    { s: '& "Write-Output" 7', out: ['7'] },
    { s: '$c = "Write-Output"; & $c 8', out: ['8'] },
    { s: '& { param($a) $a + 1 } 1', out: ['2'] },
    { s: '1, 2 | & { process { $_ * 5 } }', out: ['5', '10'] },
    { s: 'Write-Output -InputObject 3', out: ['3'] },
    { s: 'write-output CASE', out: ['CASE'] },
    { s: 'Write-Output -Inp 4', out: ['4'] },
    { s: '$a = @{ InputObject = 9 }; Write-Output @a', out: ['9'] },
    { s: 'Write-Output -Foo 1', err: ["A parameter cannot be found that matches parameter name 'Foo'."] },
    { s: 'Invoke-Expression "1 + 2"', out: ['3'] },
    { s: '$x = 1; Invoke-Expression "`$x = 5"; $x', out: ['5'] },
    { s: 'Write-Warning "w"; "out"', out: ['out'] },
    { s: 'Write-Verbose "hidden"; "out"', out: ['out'] },
    { s: '(1..3 | Measure-Object).Count', out: ['3'] },
  ]);
});

describe('hashtables and objects', () => {
  check([
    { s: '$h = @{ a = 1; b = 2 }; $h.Count', out: ['2'] },
    { s: '$h = @{ a = 1 }; $h["A"]', out: ['1'] },
    { s: '$h = [ordered]@{ z = 1; a = 2 }; $h.Keys -join ","', out: ['z,a'] },
    { s: '$o = [pscustomobject]@{ z = 1; a = 2 }; $o.psobject.Properties.Name -join ","', out: ['z,a'] },
    { s: '$o = [pscustomobject]@{ a = 1; b = "x" }; "$o"', out: ['@{a=1; b=x}'] },
    { s: '@{ a = 1; a = 2 }', term: undefined, err: ["Duplicate keys 'a' are not allowed in hash literals."] },
    { s: '$h = @{ list = 1, 2, 3 }; $h.list.Count', out: ['3'] },
    { s: '$h = @{ n = @{ m = 5 } }; $h.n.m', out: ['5'] },
    { s: '$h = @{}; $h.Add("k", 1); $h.ContainsKey("K")', out: ['True'] },
    { s: '$a = @([pscustomobject]@{ n = 1 }, [pscustomobject]@{ n = 2 }); $a.n', out: ['1', '2'] },
    { s: '([pscustomobject]@{ a = 1 }).GetType().FullName', out: ['System.Management.Automation.PSCustomObject'] },
    { s: '@{ a = 1 }.GetType().Name', out: ['Hashtable'] },
  ]);
});

describe('streams and redirection', () => {
  test.each([
    ['Write-Output 1; Write-Warning "w"; Write-Output 2', ['output:1', 'warning:w', 'output:2']],
    ['Write-Verbose "v" -Verbose', ['verbose:v']],
    ['$VerbosePreference = "Continue"; Write-Verbose "v"', ['verbose:v']],
    ['Write-Debug "d"', []],
    ['Write-Information "i"', []],
    ['Write-Information "i" -InformationAction Continue', ['information:i']],
    ['Write-Host "h"', ['information:h']],
    ['Write-Error "e" 2>&1', ['output:e']],
    ['& { Write-Error "e"; "o" } 2>&1', ['output:e', 'output:o']],
    ['& { Write-Warning "w" } 3>&1', ['output:w']],
    ['& { Write-Warning "w"; Write-Error "e"; "o" } *>&1', ['output:w', 'output:e', 'output:o']],
    ['& { Write-Error "e"; "o" } 2>$null', ['output:o']],
    ['"x" > $null', []],
    ['$WarningPreference = "SilentlyContinue"; Write-Warning "w"', []],
    ['Write-Warning "w" -WarningAction SilentlyContinue', []],
  ])('%s', (script, want) => {
    expect(runScript(script).records).toEqual(want);
  });

  test.each([
    ['"a", "b" > out.txt', '/home/test/out.txt', 'a\nb\n'],
    ['"a" > out.txt; "b" >> out.txt', '/home/test/out.txt', 'a\nb\n'],
    ['& { Write-Error "bad"; "good" } 2> err.txt', '/home/test/err.txt', 'bad\n'],
    ['1 > /tmp/n.txt', '/tmp/n.txt', '1\n'],
  ])('%s writes %s', (script, path, want) => {
    const r = runScript(script);
    expect(r.host.files.get(path)).toBe(want);
  });
});

describe('scripts, native programs, invoke results', () => {
  test('script file with param block and exit code', () => {
    const h = runScript('').host;
    h.files.set('/home/test/s.ps1', 'param($n) "got $n"; $PSScriptRoot; exit 4');
    const r = runScript('./s.ps1 5; "after $LASTEXITCODE"', { host: h });
    expect(r.out).toEqual(['got 5', '/home/test', 'after 4']);
  });

  test('dot-sourcing a script defines its functions in the caller', () => {
    const h = runScript('').host;
    h.files.set('/home/test/lib.ps1', 'function Get-Lib { "lib" }; $libVar = 1');
    expect(runScript('. ./lib.ps1; Get-Lib; $libVar', { host: h }).out).toEqual(['lib', '1']);
  });

  test('native programs: args, stdin, stdout, stderr, exit code', () => {
    const h = runScript('').host;
    h.programs.set('tool', (args, input) => ({ stdout: `args=${args.join(',')}\ninput=${input ?? ''}`, stderr: 'warn line\n', exitCode: 2 }));
    const r = runScript('"x", "y" | tool -a b 1,2; $?; $LASTEXITCODE', { host: h });
    expect(r.out).toEqual(['args=-a,b,1,2', 'input=x', 'y', 'False', '2']);
    expect(r.errors).toEqual(['warn line']);
  });

  test('exit code, $args and input of an invoke request', () => {
    const r = runScript('$args[0]; $input | ForEach-Object { $_ * 2 }; exit 7', { request: { args: ['first'], input: [1, 2] } });
    expect(r.out).toEqual(['first', '2', '4']);
    expect(r.result.exitCode).toBe(7);
  });

  test('param() of the script binds request args', () => {
    expect(runScript('param($a, $b) "$b$a"', { request: { args: [1, 2] } }).out).toEqual(['21']);
  });

  test('$using: values come from the request', () => {
    expect(runScript('$using:x + 1', { request: { using: { x: 41 } } }).out).toEqual(['42']);
  });

  test('a stop flag ends a loop with stopped', () => {
    const h = runScript('').host;
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    const rs = new Runspace({ host: h, commands: [], stopFlag: flag });
    const r = rs.invoke({ script: 'while ($true) { }' }, () => {});
    expect(r.stopped).toBe(true);
  });

  test('parse errors are reported, nothing runs', () => {
    const r = runScript('"x"; if (');
    expect(r.out).toEqual([]);
    expect(r.result.parseErrors.length).toBeGreaterThan(0);
  });

  test('global scope persists between invokes', () => {
    const r = runScript('$g = 5; function gf { "gf" }', { request: { scope: 'global' } });
    const out: unknown[] = [];
    r.runspace.invoke({ script: '$g; gf', scope: 'global' }, (rec) => out.push(rec.value));
    expect(out).toEqual([5, 'gf']);
    expect(r.runspace.getVariable('g')).toBe(5);
  });

  test('terminating error position points at the statement', () => {
    const r = runScript('"ok"\nthrow "bad"');
    expect(r.result.terminatingError?.position?.extent.startLine).toBe(2);
    expect(r.result.terminatingError?.position?.lineText).toBe('throw "bad"');
  });

  test('errors written by cmdlets carry the command name', () => {
    const r = runScript('Write-Error "x"');
    expect(r.runspace.getVariable('Error')).toHaveLength(1);
  });
});


describe('merged stream records', () => {
  check([
    { s: '& { Write-Warning "w" } 3>&1 | ForEach-Object { $_.GetType().Name + ": " + $_.Message }', out: ['WarningRecord: w'] },
    { s: '& { Write-Verbose "v" -Verbose } 4>&1 | ForEach-Object { $_.GetType().Name }', out: ['VerboseRecord'] },
    { s: '& { Write-Information "i" -InformationAction Continue } 6>&1 | ForEach-Object { $_.GetType().Name + ": " + $_.MessageData }', out: ['InformationRecord: i'] },
    { s: '& { Write-Host "h" } 6>&1 | ForEach-Object { "$_" }', out: ['h'] },
    { s: '& { Write-Error "e" } 2>&1 | ForEach-Object { $_.GetType().Name }', out: ['ErrorRecord'] },
    { s: 'Write-Warning "w" -WarningVariable wv 3>$null; $wv.Count; "$($wv[0])"', out: ['1', 'w'] },
  ]);
});

describe('Select-Object -First stops the commands upstream', () => {
  check([
    { s: '1..1e9 | Select-Object -First 3', out: ['1', '2', '3'] },
    { s: '$n = 0; & { foreach ($i in 1..10) { $script:n++; $i } } | Select-Object -First 2; "n=$n"', out: ['1', '2', 'n=2'] },
    { s: '$n = 0; 1..10 | ForEach-Object { $script:n++; $_ } | Select-Object -First 2; "n=$n"', out: ['1', '2', 'n=2'] },
    { s: '1..1e8 | ForEach-Object { $_ * 2 } | Select-Object -First 2 | ForEach-Object -Process { "p$_" } -End { "end" }', out: ['p2', 'p4', 'end'] },
    { s: '1..10 | ForEach-Object -Process { $_ } -End { "upstream end" } | Select-Object -First 1', out: ['1'] },
    { s: '1..10 | Sort-Object -Descending | Select-Object -First 2', out: ['10', '9'] },
    { s: '1..10 | Select-Object -First 5 | Select-Object -First 2', out: ['1', '2'] },
    { s: '1..3 | ForEach-Object { 1..100 | Select-Object -First 1 }', out: ['1', '1', '1'] },
    { s: 'try { 1..10 | ForEach-Object { $_ } | Select-Object -First 1 } catch { "caught" }; $?', out: ['1', 'True'] },
    { s: '1..5 | Select-Object -First 0; "next"', out: ['next'] },
    { s: "'a'..'e' | Select-Object -First 2", out: ['a', 'b'] },
    { s: '10..1 | Select-Object -Skip 2 -First 2', out: ['8', '7'] },
    { s: 'function g { begin { "b1"; "b2" } process { "p$_" } end { "e" } }; 1..5 | g | Select-Object -First 1', out: ['b1'] },
    { s: 'function g { begin { "b1" } process { "p$_" } end { "e" } }; 1..5 | g | Select-Object -First 3', out: ['b1', 'p1', 'p2'] },
    { s: '1..3 | ForEach-Object -Begin { "fb" } -Process { $_ } | ForEach-Object -Begin { "second begin" } -Process { "got $_" }', out: ['second begin', 'got fb', 'got 1', 'got 2', 'got 3'] },
  ]);
});

describe('advanced function extras', () => {
  check([
    { s: 'function f { [CmdletBinding(DefaultParameterSetName="A")] param([Parameter(ParameterSetName="A")]$x, [Parameter(ParameterSetName="B")]$y) $PSCmdlet.ParameterSetName }; f; f -y 1', out: ['A', 'B'] },
    { s: 'function f { [CmdletBinding()] param() $PSCmdlet.WriteObject(5) }; f', out: ['5'] },
    { s: 'function f { [CmdletBinding(SupportsShouldProcess)] param($p) if ($PSCmdlet.ShouldProcess($p)) { "did $p" } }; f a; f b -WhatIf', out: ['did a'] },
    { s: 'function f { param([ValidateNotNullOrEmpty()]$s) $s }; f ""', out: [], err: ["Cannot validate argument on parameter 's'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."] },
    { s: 'function f { param([ValidateRange(1, 10)][int]$n) $n }; f 5; f 11', out: ['5'], err: ["Cannot validate argument on parameter 'n'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."] },
    { s: 'function f { param([ValidateRange(-1, 1)]$n) $n }; f -5', out: [], err: ["Cannot validate argument on parameter 'n'. The -5 argument is less than the minimum allowed range of -1. Supply an argument that is greater than or equal to -1 and then try the command again."] },
  ]);
});

describe('switch -File', () => {
  test('reads lines of a file', () => {
    const h = runScript('').host;
    h.files.set('/home/test/lines.txt', 'alpha\nbeta\n');
    expect(runScript('switch -File lines.txt { "beta" { "found $_" } default { "other $_" } }', { host: h }).out).toEqual(['other alpha', 'found beta']);
  });
});

describe('number literals', () => {
  check([
    { s: '(5l).GetType().Name', out: ['Int64'] },
    { s: '(3000000000).GetType().Name', out: ['Int64'] },
    { s: '(5).GetType().Name', out: ['Int32'] },
    { s: '(1.5).GetType().Name', out: ['Double'] },
    { s: '5l + 1', out: ['6'] },
  ]);
});

describe('ErrorAction Stop', () => {
  check([
    { s: 'try { Write-Error "x" -ErrorAction Stop } catch [System.Management.Automation.ActionPreferenceStopException] { "apse" }', out: ['apse'] },
    { s: 'try { Write-Error "x" -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }', out: ['Microsoft.PowerShell.Commands.WriteErrorException'] },
    { s: '$ErrorActionPreference = "Stop"; try { NoSuch-Cmd } catch { "caught" }; "after"', out: ['caught', 'after'] },
    { s: 'function f { [CmdletBinding()] param() Write-Error "inner" }; f -ErrorAction SilentlyContinue; "ok"; $Error.Count', out: ['ok', '1'] },
    { s: '$ErrorActionPreference = "Inquire"; Write-Error "asked"; "next"', out: ['next'], err: ['asked'] },
  ]);
});

describe('$? after commands', () => {
  check([
    { s: 'function f { Write-Error "x"; "ok" }; f 2>$null; $?', out: ['ok', 'False'] },
    { s: 'function f { "ok" }; f; $?', out: ['ok', 'True'] },
    { s: 'Write-Output 1 | ForEach-Object { Write-Error "e" } 2>$null; $?', out: ['False'] },
  ]);
});
