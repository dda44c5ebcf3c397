// Format-Table/List/Wide options rendered as Out-String would. Cases marked (PS test) come from
// PowerShell's own Format-Table/Format-List tests; views with fixed widths stand in for the
// format.ps1xml files those tests load.

import { describe, expect, it } from 'vitest';
import type { FormatOptions } from '../../src/format/format-generator.js';
import { renderLines } from '../../src/format/line-renderer.js';
import { formatRecords } from '../../src/format/out-default.js';
import { parsePropertySpec } from '../../src/format/property-specs.js';
import { registerView, type Alignment } from '../../src/format/views.js';
import { ht, lines, obj } from './helpers.js';

/** A test type with a table view of LongLongHeader/Header2/Header3 at the given widths. */
function spanType(widths: readonly number[], alignments: readonly (Alignment | undefined)[] = []): string {
  const typeName = `Test.Format.${widths.join('.')}.${alignments.join('.')}`;
  const labels = ['LongLongHeader', 'Header2', 'Header3'];
  const props = ['First', 'Second', 'Third'];
  registerView({
    name: 'Default',
    typeNames: [typeName],
    control: {
      kind: 'table',
      columns: widths.map((w, i) => ({ label: labels[i], width: w, alignment: alignments[i], value: props[i] })),
    },
  });
  return typeName;
}

function spanObject(typeName: string, first: unknown = 1, second: unknown = 2, third: unknown = 3) {
  return obj({ First: first, Second: second, Third: third }, [typeName, 'System.Management.Automation.PSCustomObject', 'System.Object']);
}

const noEval = () => null;
const specs = (...args: unknown[]) => args.map((a) => parsePropertySpec(a, noEval));
const LCR: Alignment[] = ['left', 'right', 'center'];

interface Case {
  readonly name: string;
  readonly values: readonly unknown[];
  readonly options: FormatOptions;
  readonly width?: number;
  readonly want: string;
}

const cases: Case[] = [
  // ---- headers wider than their columns (PS test)
  {
    name: 'header spans 2 rows (PS test)',
    values: [spanObject(spanType([7, 7, 7]))],
    options: { shape: 'table' },
    want: lines('', 'LongLon Header2 Header3', 'gHeader', '------- ------- -------', '1       2       3', ''),
  },
  {
    name: 'headers span 4, 1 and 2 rows (PS test)',
    values: [spanObject(spanType([4, 7, 4]))],
    options: { shape: 'table' },
    want: lines('', 'Long Header2 Head', 'Long         er3', 'Head', 'er', '---- ------- ----', '1    2       3', ''),
  },
  {
    name: 'headers span 4, 2 and 1 rows (PS test)',
    values: [spanObject(spanType([4, 4, 7]))],
    options: { shape: 'table' },
    want: lines('', 'Long Head Header3', 'Long er2', 'Head', 'er', '---- ---- -------', '1    2    3', ''),
  },
  {
    name: 'last header spans 3 rows (PS test)',
    values: [spanObject(spanType([14, 7, 3]))],
    options: { shape: 'table' },
    want: lines('', 'LongLongHeader Header2 Hea', '                       der', '                       3', '-------------- ------- ---', '1              2       3', ''),
  },

  // ---- rows with left/right/center columns (PS test)
  {
    name: 'narrow values (PS test)',
    values: [spanObject(spanType([4, 7, 5], LCR))],
    options: { shape: 'table' },
    want: lines('', 'Long Header2 Heade', 'Long          r3', 'Head', 'er', '---- ------- -----', '1          2   3', ''),
  },
  {
    name: 'narrow values with wrap (PS test)',
    values: [spanObject(spanType([4, 7, 5], LCR))],
    options: { shape: 'table', wrap: true },
    want: lines('', 'Long Header2 Heade', 'Long          r3', 'Head', 'er', '---- ------- -----', '1          2   3', ''),
  },
  {
    name: 'wide values are cut (PS test)',
    values: [spanObject(spanType([4, 7, 5], LCR), '12345', '12345678', '123456')],
    options: { shape: 'table' },
    want: lines('', 'Long Header2 Heade', 'Long          r3', 'Head', 'er', '---- ------- -----', '123\u2026 \u2026345678 1234\u2026', ''),
  },
  {
    name: 'wide values wrap in the first column (PS test)',
    values: [spanObject(spanType([4, 8, 6], LCR), '12345', '12345678', '123456')],
    options: { shape: 'table', wrap: true },
    want: lines('', 'Long  Header2 Header', 'Long            3', 'Head', 'er', '----  ------- ------', '1234 12345678 123456', '5', ''),
  },
  {
    name: 'wide values wrap in the second column (PS test)',
    values: [spanObject(spanType([5, 7, 6], LCR), '12345', '12345678', '123456')],
    options: { shape: 'table', wrap: true },
    want: lines('', 'LongL Header2 Header', 'ongHe           3', 'ader', '----- ------- ------', '12345 1234567 123456', '            8', ''),
  },
  {
    name: 'wide values wrap in the third column (PS test)',
    values: [spanObject(spanType([5, 8, 5], LCR), '12345', '12345678', '123456')],
    options: { shape: 'table', wrap: true },
    want: lines('', 'LongL  Header2 Heade', 'ongHe           r3', 'ader', '-----  ------- -----', '12345 12345678 12345', '                 6', ''),
  },
  {
    name: 'wide values wrap in all columns (PS test)',
    values: [spanObject(spanType([4, 7, 5], LCR), '12345', '12345678', '123456')],
    options: { shape: 'table', wrap: true },
    want: lines('', 'Long Header2 Heade', 'Long          r3', 'Head', 'er', '---- ------- -----', '1234 1234567 12345', '5          8   6', ''),
  },

  // ---- -Wrap with line breaks in a value (PS test)
  {
    name: 'wrapped multi-line value on the right (PS test)',
    values: [obj({ A: 1, B: 2, Name: 'This\nIs some random\nmultiline content' })],
    options: { shape: 'table', wrap: true },
    want: lines('', 'A B Name', '- - ----', '1 2 This', '    Is some random', '    multiline content', ''),
  },
  {
    name: 'wrapped multi-line value on the left (PS test)',
    values: [obj({ Name: 'This\nIs some random\nmultiline content', A: 1, B: 2 })],
    options: { shape: 'table', wrap: true },
    want: lines('', 'Name                                  A B', '----                                  - -', 'This                                  1 2', 'Is some random', 'multiline content', ''),
  },
  {
    name: 'wrapped multi-line value in the middle (PS test)',
    values: [obj({ A: 1, Name: 'This\nIs some random\nmultiline content', B: 2 })],
    options: { shape: 'table', wrap: true },
    want: lines('', 'A Name                                  B', '- ----                                  -', '1 This                                  2', '  Is some random', '  multiline content', ''),
  },

  // ---- -Property
  {
    name: 'calculated column with width and center alignment (PS test)',
    values: [obj({ one: 1 })],
    options: { shape: 'table', properties: specs(ht({ l: 'one', e: 'one', width: 10, alignment: 'center' })) },
    want: lines('', '   one', '   ---', '    1', ''),
  },
  {
    name: 'no trailing whitespace after the header with -Force (PS test)',
    values: ['hello'],
    options: { shape: 'table', properties: specs('foo'), force: true },
    want: lines('', 'foo', '---', '', ''),
  },
  {
    name: 'strings are text without -Force',
    values: ['hello'],
    options: { shape: 'table', properties: specs('foo') },
    want: lines('hello'),
  },
  {
    name: 'selected properties in order',
    values: [obj({ a: 1, b: 'x', c: true })],
    options: { shape: 'table', properties: specs('c', 'a') },
    want: lines('', '   c a', '   - -', 'True 1', ''),
  },
  {
    name: 'wildcard properties',
    values: [obj({ Name: 'n', Size: 3, NameLength: 1 })],
    options: { shape: 'table', properties: specs('Name*') },
    want: lines('', 'Name NameLength', '---- ----------', 'n             1', ''),
  },
  {
    name: 'missing property makes an empty column',
    values: [obj({ a: 1 })],
    options: { shape: 'table', properties: specs('a', 'zz') },
    want: lines('', 'a zz', '- --', '1 ', ''),
  },
  {
    name: 'label of a calculated property',
    values: [obj({ n: 'x' })],
    options: { shape: 'table', properties: specs(ht({ Name: 'Upper', Expression: 'n' })) },
    want: lines('', 'Upper', '-----', 'x', ''),
  },
  {
    name: 'computed expression',
    values: [obj({ n: 2 }), obj({ n: 30 })],
    options: { shape: 'table', properties: [{ label: 'Double', source: (t: unknown) => ((t as { properties: Map<string, { value: number }> }).properties.get('n')!.value * 2) }] },
    want: lines('', 'Double', '------', '     4', '    60', ''),
  },
  {
    name: 'FormatString of a calculated column',
    values: [obj({ n: 1234.5 }), obj({ n: 2 })],
    options: { shape: 'table', properties: specs(ht({ Label: 'Amount', Expression: 'n', FormatString: 'N2' })) },
    want: lines('', '  Amount', '  ------', '1,234.50', '    2.00', ''),
  },
  {
    name: 'FormatString in a list',
    values: [obj({ n: 0.5 })],
    options: { shape: 'list', properties: specs(ht({ n: 'Share', e: 'n', f: 'P0' })) },
    want: lines('', 'Share : 50%', ''),
  },
  {
    name: '-HideTableHeaders',
    values: [obj({ a: 1, b: 'x' })],
    options: { shape: 'table', hideTableHeaders: true },
    want: lines('', '1 x', ''),
  },
  {
    name: 'more than 4 properties as a table with Format-Table',
    values: [obj({ a: 1, b: 2, c: 3, d: 4, e: 5 })],
    options: { shape: 'table' },
    want: lines('', 'a b c d e', '- - - - -', '1 2 3 4 5', ''),
  },
  {
    name: 'property tables show at most 10 columns',
    values: [obj(Object.fromEntries('abcdefghijkl'.split('').map((k, i) => [k, i])))],
    options: { shape: 'table' },
    want: lines('', 'a b c d e f g h i j', '- - - - - - - - - -', '0 1 2 3 4 5 6 7 8 9', ''),
  },
  {
    name: '-AutoSize on a fixed-width view',
    values: [ht({ a: 1 })],
    options: { shape: 'table', autoSize: true },
    want: lines('', 'Name Value', '---- -----', 'a    1', ''),
  },

  // ---- -GroupBy
  {
    name: 'groups each sized on their own',
    values: [obj({ g: 1, v: 'a' }), obj({ g: 1, v: 'bb' }), obj({ g: 2, v: 'cccc' })],
    options: { shape: 'table', properties: specs('v'), groupBy: specs('g')[0] },
    want: lines('', '   g: 1', '', 'v', '-', 'a', 'bb', '', '   g: 2', '', 'v', '-', 'cccc', ''),
  },
  {
    name: 'grouped list',
    values: [obj({ g: 'x', v: 1 }), obj({ g: 'y', v: 2 })],
    options: { shape: 'list', groupBy: specs('g')[0] },
    want: lines('', '   g: x', '', 'g : x', 'v : 1', '', '', '   g: y', '', 'g : y', 'v : 2', ''),
  },

  // ---- Format-List
  {
    name: 'list of a small object',
    values: [obj({ a: 1, b: 'x' })],
    options: { shape: 'list' },
    want: lines('', 'a : 1', 'b : x', ''),
  },
  {
    name: 'double-width labels (PS test)',
    values: [obj({ '哇': '62', dbda: 'KM', '消息': '千' })],
    options: { shape: 'list' },
    want: lines('', '哇   : 62', 'dbda : KM', '消息 : 千', ''),
  },
  {
    name: 'list with selected properties',
    values: [obj({ a: 1, b: 2, c: 3 })],
    options: { shape: 'list', properties: specs('c', 'a') },
    want: lines('', 'c : 3', 'a : 1', ''),
  },
  {
    name: 'list with *',
    values: [obj({ a: 1, b: 2 })],
    options: { shape: 'list', properties: specs('*') },
    want: lines('', 'a : 1', 'b : 2', ''),
  },
  {
    name: 'list of a hashtable uses the entry list view',
    values: [ht({ a: 1 })],
    options: { shape: 'list' },
    want: lines('', 'Name  : a', 'Value : 1', ''),
  },
  {
    name: 'list of differently shaped objects',
    values: [obj({ a: 1 }), obj({ bb: 2 })],
    options: { shape: 'list' },
    want: lines('', 'a : 1', '', 'bb : 2', ''),
  },

  // ---- Format-Wide
  {
    name: 'wide: two columns share the width',
    width: 20,
    values: [obj({ Name: 'a' }), obj({ Name: 'b' }), obj({ Name: 'c' })],
    options: { shape: 'wide' },
    want: lines('', 'a          b', 'c          ', ''),
  },
  {
    name: 'wide: -Column 3',
    width: 20,
    values: ['x', 'y', 'z'].map((n) => obj({ Name: n, Other: 1 })),
    options: { shape: 'wide', columns: 3 },
    want: lines('', 'x      y      z', ''),
  },
  {
    name: 'wide: -AutoSize fits as many as the widest allows',
    width: 20,
    values: ['one', 'two', 'three', 'four'].map((n) => obj({ Name: n })),
    options: { shape: 'wide', autoSize: true },
    want: lines('', 'one    two    three', 'four' + ' '.repeat(10), ''),
  },
  {
    name: 'wide: property chosen by -Property',
    width: 20,
    values: [obj({ Name: 'a', Id: 7 }), obj({ Name: 'b', Id: 8 })],
    options: { shape: 'wide', properties: specs('Id') },
    want: lines('', '7          8', ''),
  },
  {
    name: 'wide: Id when there is no Name',
    width: 20,
    values: [obj({ Id: 1, X: 'q' })],
    options: { shape: 'wide' },
    want: lines('', '1          ', ''),
  },

  // ---- empty input (PS test)
  { name: 'empty hashtable with properties (PS test)', values: [ht({})], options: { shape: 'table', properties: specs('foo', 'bar') }, want: '' },
  { name: '$null with properties (PS test)', values: [null], options: { shape: 'table', properties: specs('foo', 'bar') }, want: '' },
  {
    name: 'strings with -Force show the requested columns (PS test)',
    values: ['line1', 'line2'],
    options: { shape: 'table', properties: specs('fox', 'bar'), force: true },
    want: lines('', 'fox bar', '--- ---', '    ', '    ', ''),
  },
];

describe('Format-* options', () => {
  for (const c of cases) {
    it(c.name, () => {
      const width = c.width ?? 120;
      const text = renderLines(formatRecords(c.values, { ...c.options, width }), { width, color: false })
        .map((l) => l + '\n')
        .join('');
      expect(text).toBe(c.want);
    });
  }
});
