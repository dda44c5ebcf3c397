import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

describe('package main export', () => {
  it('parse returns an AST and no errors for a clean script', () => {
    const r = parse('Get-Job -Name Job1 | Receive-Job -Keep', 'x.ps1');
    expect(r.errors).toEqual([]);
    expect(r.ast.kind).toBe('ScriptBlock');
    expect(r.ast.endBlock?.statements[0].kind).toBe('Pipeline');
    expect(r.ast.extent.file).toBe('x.ps1');
  });

  it('parse reports errors with positions and the incomplete flag', () => {
    const r = parse('if ($x) {\n  1', 'y.ps1');
    expect(r.errors.map((e) => [e.errorId, e.extent.startLine, e.extent.startColumn])).toEqual([['MissingEndCurlyBrace', 1, 9]]);
    expect(r.incomplete).toBe(true);
  });
});
