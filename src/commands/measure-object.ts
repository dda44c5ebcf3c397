// Measure-Object: counts and numeric statistics (GenericMeasureInfo) or line/word/character
// counts of text (TextMeasureInfo), for the input itself or per property.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { toNumber, toStr } from '../runtime/convert.js';
import { compareValues } from '../runtime/operators.js';
import { DotNetObject } from '../runtime/values.js';
import { cmdletError, flag } from './common.js';
import { expandSpecs, propertySpecs, type PropertySpec } from './property-spec.js';

const NAME = 'Measure-Object';

export class GenericMeasureInfo extends DotNetObject {
  Count = 0;
  Average: number | null = null;
  Sum: number | null = null;
  Maximum: unknown = null;
  Minimum: unknown = null;
  StandardDeviation: number | null = null;
  constructor(readonly Property: string | null) {
    super();
  }
  get psTypeNames(): readonly string[] { return ['Microsoft.PowerShell.Commands.GenericMeasureInfo', 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property']; }
  toString(): string { return 'Microsoft.PowerShell.Commands.GenericMeasureInfo'; }
}

export class TextMeasureInfo extends DotNetObject {
  Lines: number | null = null;
  Words: number | null = null;
  Characters: number | null = null;
  constructor(readonly Property: string | null) {
    super();
  }
  get psTypeNames(): readonly string[] { return ['Microsoft.PowerShell.Commands.TextMeasureInfo', 'Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Lines', 'Words', 'Characters', 'Property']; }
  toString(): string { return 'Microsoft.PowerShell.Commands.TextMeasureInfo'; }
}

interface Stats {
  count: number;
  sum: number;
  sumSquares: number;
  min: unknown;
  max: unknown;
  lines: number;
  words: number;
  chars: number;
}

const emptyStats = (): Stats => ({ count: 0, sum: 0, sumSquares: 0, min: null, max: null, lines: 0, words: 0, chars: 0 });

/** Number() of a value for statistics; strings that are not numbers raise PowerShell's error. */
function numeric(value: unknown): number {
  return Number(toNumber(value));
}

export const measureObject: CmdletDefinition = {
  name: NAME,
  aliases: ['measure'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'Sum', type: 'switch' },
    { name: 'Average', type: 'switch' },
    { name: 'Maximum', type: 'switch' },
    { name: 'Minimum', type: 'switch' },
    { name: 'StandardDeviation', type: 'switch' },
    { name: 'AllStats', type: 'switch' },
    { name: 'Line', type: 'switch' },
    { name: 'Word', type: 'switch' },
    { name: 'Character', type: 'switch' },
    { name: 'IgnoreWhiteSpace', type: 'switch' },
  ],
  create: (ctx) => {
    let specs: PropertySpec[] = [];
    let concrete: PropertySpec[] | null = null;
    const stats = new Map<string, Stats>();
    const text = (p: Record<string, unknown>): boolean => flag(p, 'Line') || flag(p, 'Word') || flag(p, 'Character');

    const add = (key: string, value: unknown, p: Record<string, unknown>): void => {
      let s = stats.get(key);
      if (!s) stats.set(key, (s = emptyStats()));
      if (text(p)) {
        const str = toStr(value);
        s.count++;
        s.lines += str.split('\n').length - (str.endsWith('\n') ? 1 : 0);
        s.words += str.split(/\s+/).filter((w) => w.length > 0).length;
        s.chars += flag(p, 'IgnoreWhiteSpace') ? str.replace(/\s/g, '').length : str.length;
        return;
      }
      s.count++;
      const numbersWanted = flag(p, 'Sum') || flag(p, 'Average') || flag(p, 'StandardDeviation') || flag(p, 'AllStats');
      if (numbersWanted) {
        const n = numeric(value);
        s.sum += n;
        s.sumSquares += n * n;
      }
      if (flag(p, 'Maximum') || flag(p, 'Minimum') || flag(p, 'AllStats')) {
        const v = typeof value === 'string' && !Number.isNaN(Number(value)) ? Number(value) : value;
        if (s.min === null || compareValues(v, s.min, false) < 0) s.min = v;
        if (s.max === null || compareValues(v, s.max, false) > 0) s.max = v;
      }
    };

    return {
      begin(p) {
        specs = propertySpecs(ctx, p.Property);
      },
      process(p) {
        if (p.InputObject === undefined || p.InputObject === null) return;
        const input = p.InputObject;
        if (specs.length === 0) {
          add('', input, p);
          return;
        }
        concrete ??= expandSpecs(specs, input);
        for (const s of concrete) {
          const r = s.read(input);
          if (!r.found || r.value === null) continue;
          add(s.name, r.value, p);
        }
      },
      end(p) {
        const names = specs.length === 0 ? [''] : (concrete ?? specs).map((s) => s.name);
        const all = flag(p, 'AllStats');
        for (const name of names) {
          const s = stats.get(name);
          if (s === undefined && name !== '') {
            ctx.writeError(cmdletError(NAME, `The property "${name}" cannot be found in the input for any objects.`, 'GenericMeasurePropertyNotFound',
              'InvalidArgument', null, 'System.Management.Automation.PSArgumentException'));
            continue;
          }
          const st = s ?? emptyStats();
          const property = name === '' ? null : name;
          if (text(p)) {
            const info = new TextMeasureInfo(property);
            if (flag(p, 'Line')) info.Lines = st.lines;
            if (flag(p, 'Word')) info.Words = st.words;
            if (flag(p, 'Character')) info.Characters = st.chars;
            ctx.writeObject(info);
            continue;
          }
          const info = new GenericMeasureInfo(property);
          info.Count = st.count;
          if (flag(p, 'Sum') || all) info.Sum = st.sum;
          if ((flag(p, 'Average') || all) && st.count > 0) info.Average = st.sum / st.count;
          if (flag(p, 'Maximum') || all) info.Maximum = st.max;
          if (flag(p, 'Minimum') || all) info.Minimum = st.min;
          if ((flag(p, 'StandardDeviation') || all) && st.count > 1) {
            const mean = st.sum / st.count;
            info.StandardDeviation = Math.sqrt((st.sumSquares - st.count * mean * mean) / (st.count - 1));
          }
          ctx.writeObject(info);
        }
      },
    };
  },
};
