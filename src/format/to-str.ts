// Interim string conversion for the formatter until runtime/convert.ts (toStr) lands; then this
// file re-exports it. Covers what display needs: PowerShell's spelling of booleans and doubles,
// PSCustomObject as `@{a=1; b=2}`, objects through their ToString().

import { DotNetObject, PSHashtable, PSObject, ScriptBlock } from '../runtime/values.js';

/** .NET's round-trip double format as PowerShell prints it: `1E+20`, `1.5E-07`, `0.1`. */
function doubleText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4)) {
    const [mantissa, exp] = n.toExponential().split('e');
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(n);
}

export function toStr(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string': return value;
    case 'boolean': return value ? 'True' : 'False';
    case 'number': return doubleText(value);
    case 'bigint': return value.toString();
  }
  if (Array.isArray(value)) return value.map(toStr).join(' ');
  if (value instanceof PSObject) {
    if (value.properties.size === 0) return value.baseObject !== null ? toStr(value.baseObject) : '';
    const parts = [...value.properties.values()].map((p) => `${p.name}=${toStr(value.readProperty(p))}`);
    return `@{${parts.join('; ')}}`;
  }
  if (value instanceof PSHashtable) return value.typeName;
  if (value instanceof ScriptBlock || value instanceof DotNetObject) return value.toString();
  return String(value);
}
