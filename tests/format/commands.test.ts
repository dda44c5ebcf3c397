// The Format-* and Out-* cmdlets through a minimal cmdlet context: pipelines like
// `$objs | Format-Table | Out-String` without a parser or runspace.

import { describe, expect, it } from 'vitest';
import { formatCommands, formatForHost, isFormatRecord } from '../../src/format/index.js';
import type { BoundParameters, CmdletContext, CmdletDefinition } from '../../src/runtime/cmdlet.js';
import type { Host } from '../../src/runtime/host.js';
import type { ScriptBlock } from '../../src/runtime/values.js';
import { ht, lines, obj } from './helpers.js';

function command(name: string): CmdletDefinition {
  const c = formatCommands.find((d) => d.name === name);
  if (!c) throw new Error(`no ${name}`);
  return c;
}

interface Console {
  readonly written: string[];
}

/** Runs one cmdlet over `input` as the binder would: begin, process per item (InputObject bound), end. */
function run(name: string, params: BoundParameters, input: readonly unknown[], console: Console = { written: [] }, width = 120): unknown[] {
  const out: unknown[] = [];
  const host = { ui: { width, supportsColor: false, write: (t: string) => console.written.push(t), writeError: () => {} } } as unknown as Host;
  const ctx = {
    host,
    session: {
      hasVariable: () => false,
      getVariable: () => null,
      // Calculated properties in these tests are plain property names; script blocks are not evaluated.
      invoke: (_b: ScriptBlock) => [],
    },
    writeObject: (v: unknown) => out.push(v),
  } as unknown as CmdletContext;
  const instance = command(name).create(ctx);
  instance.begin?.(params);
  for (const item of input) instance.process?.({ ...params, InputObject: item });
  instance.end?.(params);
  return out;
}

/** `input | first | second`. */
function pipe(input: readonly unknown[], ...stages: [string, BoundParameters][]): unknown[] {
  let values = input;
  for (const [name, params] of stages) values = run(name, params, values);
  return values;
}

const people = [obj({ Name: 'Ann', Age: 31 }), obj({ Name: 'Bob', Age: 4 })];
const table = lines('', 'Name Age', '---- ---', 'Ann   31', 'Bob    4', '');

interface Case {
  readonly name: string;
  readonly run: () => unknown[];
  readonly want: readonly unknown[];
}

const cases: Case[] = [
  { name: 'Out-String of objects', run: () => pipe(people, ['Out-String', {}]), want: [table] },
  { name: 'Format-Table | Out-String', run: () => pipe(people, ['Format-Table', {}], ['Out-String', {}]), want: [table] },
  {
    name: 'Format-List | Out-String',
    run: () => pipe(people, ['Format-List', {}], ['Out-String', {}]),
    want: [lines('', 'Name : Ann', 'Age  : 31', '', 'Name : Bob', 'Age  : 4', '')],
  },
  {
    name: 'Format-Table -Property with a calculated column',
    run: () => pipe(people, ['Format-Table', { Property: ['Name', ht({ n: 'Years', e: 'Age' })] }], ['Out-String', {}]),
    want: [lines('', 'Name Years', '---- -----', 'Ann     31', 'Bob      4', '')],
  },
  {
    name: 'Format-Table -AutoSize -HideTableHeaders',
    run: () => pipe(people, ['Format-Table', { AutoSize: true, HideTableHeaders: true }], ['Out-String', {}]),
    // Widths still count the hidden labels, as PowerShell's cached-group sizing does.
    want: [lines('', 'Ann   31', 'Bob    4', '')],
  },
  {
    name: 'Format-Table -GroupBy',
    run: () => pipe(people, ['Format-Table', { Property: 'Age', GroupBy: 'Name' }], ['Out-String', {}]),
    want: [lines('', '   Name: Ann', '', 'Age', '---', ' 31', '', '   Name: Bob', '', 'Age', '---', '  4', '')],
  },
  {
    name: 'Format-Wide -Column 2',
    run: () => pipe(people, ['Format-Wide', { Column: 2 }], ['Out-String', { Width: 20 }]),
    want: [lines('', 'Ann        Bob', '')],
  },
  {
    name: 'Out-String -Stream',
    run: () => pipe(people, ['Out-String', { Stream: true }]),
    want: ['', 'Name Age', '---- ---', 'Ann   31', 'Bob    4', ''],
  },
  { name: 'Out-String of strings (PS test)', run: () => pipe(['a', ' b'], ['Out-String', {}]), want: ['a\n b\n'] },
  { name: 'Out-String -NoNewline (PS test)', run: () => pipe(['a', 'b'], ['Out-String', { NoNewline: true }]), want: ['ab'] },
  { name: 'Out-String -NoNewline keeps embedded newlines (PS test)', run: () => pipe(['a\n', 'b'], ['Out-String', { NoNewline: true }]), want: ['a\nb'] },
  { name: 'Out-String -Stream splits lines', run: () => pipe(['a\nb'], ['Out-String', { Stream: true }]), want: ['a', 'b'] },
  { name: 'Out-String of nothing', run: () => pipe([], ['Out-String', {}]), want: [''] },
  {
    name: 'Out-String -Width cuts the table',
    run: () => pipe([ht({ key: 'a long value here' })], ['Out-String', { Width: 40 }]),
    want: [lines('', 'Name                           Value', '----                           -----', 'key                            a long v\u2026', '')],
  },
  {
    name: 'Out-String without -Width never wraps list values',
    run: () => run('Out-String', {}, [obj({ a: 'one two three four five six', b: 1, c: 2, d: 3, e: 4 })], undefined, 20),
    want: [lines('', 'a : one two three four five six', 'b : 1', 'c : 2', 'd : 3', 'e : 4', '')],
  },
  {
    name: 'Out-String -Width wraps list values',
    run: () => run('Out-String', { Width: 20 }, [obj({ a: 'one two three four five six', b: 1, c: 2, d: 3, e: 4 })]),
    want: [lines('', 'a : one two three ', '    four five six', 'b : 1', 'c : 2', 'd : 3', 'e : 4', '')],
  },
  {
    name: 'Out-String without -Width fits tables to the console',
    run: () => run('Out-String', {}, [ht({ k: 'abcdefghijklmnop' })], undefined, 40),
    want: [lines('', 'Name                           Value', '----                           -----', 'k                              abcdefgh\u2026', '')],
  },
  { name: 'Format-Table passes strings through as text', run: () => pipe(['x'], ['Format-Table', {}], ['Out-String', {}]), want: ['x\n'] },
];

describe('format cmdlets', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(c.run()).toEqual(c.want);
    });
  }

  it('Format-Table writes format records, not text', () => {
    const out = run('Format-Table', {}, people);
    expect(out.length).toBeGreaterThan(0);
    expect(out.every(isFormatRecord)).toBe(true);
  });

  it('format records render at the console like the objects themselves', () => {
    expect(formatForHost(run('Format-Table', {}, people), 120)).toBe(table);
  });

  it('objects then Format-Table output print as two tables', () => {
    const records = run('Format-Table', {}, [obj({ b: 2 })]);
    expect(formatForHost([obj({ a: 1 }), ...records], 120)).toBe(lines('', 'a', '-', '1', '', '', 'b', '-', '2', ''));
  });

  it('Out-Host writes to the console and outputs nothing', () => {
    const console = { written: [] as string[] };
    expect(run('Out-Host', {}, people, console)).toEqual([]);
    expect(console.written.join('')).toBe(table);
  });

  it('Out-Default of nothing writes nothing', () => {
    const console = { written: [] as string[] };
    run('Out-Default', {}, [], console);
    expect(console.written).toEqual([]);
  });
});
