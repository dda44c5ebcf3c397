// Properties of the parser over random input: parse never throws, every error points inside
// the source, and printing a parsed script then parsing it again gives the same tree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../src/language/ast.js';
import { parse, printAst } from '../../src/language/index.js';

/** Valid scripts used as seeds for mutation and as the round-trip corpus. */
export const corpus: readonly string[] = [
  'Get-Job -Name Job1 c:\\logs\\x.txt',
  'get-eventlog "Windows PowerShell"',
  'Get-Item $dir\\file.txt -Force:$$true; echo $$x $^ $?',
  // Mutations fast-check found: a braced variable inside a bare word, and a dynamic member before `?.`.
  'echo $dir\\file.tx$Force:$$true ${di}ile.txt',
  '$a[1..3]. ${b}?.Name, $c?[0]',
  'Receive-Job $job > c:\\logs\\PsLog.txt 2>&1',
  'invoke-command -computername Server01 -scriptblock { get-eventlog system } -asjob',
  '$a -eq 3 + 4',
  '1..10 | % { $_ * 2 }',
  '$x = -1; Write-Output -1',
  'Select-Object Name, Id -First 3',
  '$h = @{ a = 1; b = "x $y"; c = @(1, 2) }',
  '[ordered]@{ Name = "n"; Value = 2 }',
  '[math]::Max(1, 2) + $list.Count',
  '$a[0], $a[1..3], ${b}?.Name, $c?[0]',
  'if ($x -gt 1) { "big" } elseif ($x) { "small" } else { "none" }',
  'switch -regex ($s) { "^a" { 1 } default { 2 } }',
  ':outer foreach ($i in 1..3) { for ($j = 0; $j -lt 2; $j++) { if ($j) { continue outer } } }',
  'while ($true) { break }',
  'do { $i++ } until ($i -ge 3)',
  'function Get-Foo { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [int]$Count = 1) process { "$Name $Count" } }',
  'function f($a, $b) { return $a + $b }',
  'try { throw "x" } catch [System.Exception] { $_ } finally { "done" }',
  'trap { continue }',
  '$r = Start-Job -ScriptBlock { param($n) $n * 2 } -ArgumentList 21 | Wait-Job | Receive-Job',
  'Get-A && Get-B || Get-C',
  'Get-Process &',
  '"a`tb $($x.Count) ${env:PATH}"',
  "'it''s' + 'x'",
  '$x ?? $y ? 1 : 2',
  '-not $a -and !$b -or -split "a b"',
  '$s -replace "a", "b" -join ","',
  '[int]$x = "5"; $y += 1; $z ??= 3',
  '& $sb 1 2; . ./lib.ps1',
  'class Point { [int]$X = 0; [int] Sum() { return $this.X } }',
  'enum Color { Red; Green = 2 }',
  '@"\nhere $x\n"@',
  "@'\nraw\n'@",
  'Get-Item $dir\\file.txt -Force:$true',
];

function checkPositions(source: string, result: ParseResult): void {
  for (const e of result.errors) {
    expect(e.extent.start).toBeGreaterThanOrEqual(0);
    expect(e.extent.end).toBeLessThanOrEqual(source.length);
    expect(e.extent.start).toBeLessThanOrEqual(e.extent.end);
    expect(e.extent.startLine).toBeGreaterThanOrEqual(1);
    expect(e.extent.startColumn).toBeGreaterThanOrEqual(1);
    expect(typeof e.message).toBe('string');
    expect(e.errorId).not.toBe('InternalParserError');
  }
}

/** The tree without extents and script block text, which depend on formatting. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'extent' || k === 'text' ? undefined : v)));
}

const mutation = fc.record({
  seed: fc.constantFrom(...corpus),
  edits: fc.array(
    fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.string({ maxLength: 3, unit: fc.constantFrom(...'{}()[]$@"\'`|&;,.-=+<>#\n x1'.split('')) }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

function mutate(seed: string, edits: readonly { at: number; del: number; ins: string }[]): string {
  let s = seed;
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    s = s.slice(0, at) + e.ins + s.slice(at + e.del);
  }
  return s;
}

describe('parser properties', () => {
  it('never throws on random strings and reports positions inside the source', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => checkPositions(s, parse(s))), { numRuns: 300 });
  });

  it('never throws on mutated scripts and reports positions inside the source', () => {
    fc.assert(fc.property(mutation, ({ seed, edits }) => {
      const s = mutate(seed, edits);
      checkPositions(s, parse(s));
    }), { numRuns: 400 });
  });

  for (const source of corpus) {
    it(`round-trips ${JSON.stringify(source)}`, () => {
      const first = parse(source);
      expect(first.errors).toEqual([]);
      const printed = printAst(first.ast);
      const second = parse(printed);
      expect(second.errors).toEqual([]);
      expect(shape(second.ast)).toEqual(shape(first.ast));
    });
  }

  it('round-trips mutated scripts that still parse', () => {
    fc.assert(fc.property(mutation, ({ seed, edits }) => {
      const s = mutate(seed, edits);
      const first = parse(s);
      if (first.errors.length > 0) return;
      const printed = printAst(first.ast);
      const second = parse(printed);
      expect(second.errors).toEqual([]);
      expect(shape(second.ast)).toEqual(shape(first.ast));
    }), { numRuns: 300 });
  });
});
