// Extents: every node knows the source text it came from, with 1-based lines and columns.
import { describe, expect, it } from 'vitest';
import type { Extent, ScriptBlockAst } from '../../src/language/ast.js';
import { parse } from '../../src/language/index.js';

interface Spanned { kind: string; extent: Extent }

function nodes(value: unknown, out: Spanned[] = []): Spanned[] {
  if (value !== null && typeof value === 'object') {
    const node = value as Partial<Spanned>;
    if (typeof node.kind === 'string' && node.extent !== undefined) out.push(node as Spanned);
    for (const [key, child] of Object.entries(value)) if (key !== 'extent') nodes(child, out);
  }
  return out;
}

/** Each case: a node of `kind` spans exactly `text`, starting at line:column. */
const cases: { source: string; kind: string; text: string; at: string }[] = [
  { source: 'Get-A -Name:x $y', kind: 'CommandParameter', text: '-Name:x', at: '1:7' },
  { source: 'Get-A -Name:x $y', kind: 'Command', text: 'Get-A -Name:x $y', at: '1:1' },
  { source: 'Get-A | Get-B > out.txt', kind: 'FileRedirection', text: '> out.txt', at: '1:15' },
  { source: 'Get-A\n  | % { $_ + 1 }', kind: 'Binary', text: '$_ + 1', at: '2:9' },
  { source: 'Get-A\n  | % { $_ + 1 }', kind: 'ScriptBlockExpression', text: '{ $_ + 1 }', at: '2:7' },
  { source: '$h = @{ a = "v $x" }[0]', kind: 'Index', text: '@{ a = "v $x" }[0]', at: '1:6' },
  { source: '$h = @{ a = "v $x" }[0]', kind: 'ExpandableString', text: '"v $x"', at: '1:13' },
  { source: '$h = @{ a = "v $x" }[0]', kind: 'Variable', text: '$x', at: '1:16' },
  { source: 'if ($a) {\n  1\n} else {\n  2\n}', kind: 'If', text: 'if ($a) {\n  1\n} else {\n  2\n}', at: '1:1' },
  { source: 'function f($a) { $a }', kind: 'Parameter', text: '$a', at: '1:12' },
  { source: '[math]::Max(1, 2)', kind: 'InvokeMember', text: '[math]::Max(1, 2)', at: '1:1' },
  { source: 'x\r\ny $z', kind: 'Variable', text: '$z', at: '2:3' },
];

describe('extents', () => {
  for (const c of cases) {
    it(`${c.kind} in ${JSON.stringify(c.source)}`, () => {
      const found = nodes(parse(c.source, 'a.ps1').ast).filter((n) => n.kind === c.kind)
        .map((n) => ({ text: c.source.slice(n.extent.start, n.extent.end), at: `${n.extent.startLine}:${n.extent.startColumn}`, file: n.extent.file }));
      expect(found).toContainEqual({ text: c.text, at: c.at, file: 'a.ps1' });
    });
  }

  it('gives script blocks the text inside their braces, and the root the whole source', () => {
    const source = '$sb = { param($p) $p * 2 }\n$sb';
    const ast = parse(source).ast;
    expect(ast.text).toBe(source);
    const inner = nodes(ast).filter((n): n is ScriptBlockAst & Spanned => n.kind === 'ScriptBlock' && n !== ast);
    expect(inner.map((sb) => sb.text)).toEqual([' param($p) $p * 2 ']);
  });

  it('keeps every extent inside the source with consistent lines and columns', () => {
    const source = 'function f {\n  param([int]$n = 1)\n  foreach ($i in 1..$n) { "item $i" | Out-Host }\n}\nf -n 3 2>&1 > out.txt';
    const lines = source.split('\n');
    for (const n of nodes(parse(source).ast)) {
      expect(n.extent.start).toBeLessThanOrEqual(n.extent.end);
      expect(n.extent.end).toBeLessThanOrEqual(source.length);
      const before = source.slice(0, n.extent.start).split('\n');
      expect([n.extent.startLine, n.extent.startColumn]).toEqual([before.length, before[before.length - 1]!.length + 1]);
      expect(n.extent.startLine).toBeLessThanOrEqual(lines.length);
    }
  });
});
