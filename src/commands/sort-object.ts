// Sort-Object: a stable sort on one or more keys (property names, script blocks, or hashtables
// with their own Ascending/Descending), plus -Unique, -Top and -Bottom.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { compareValues } from '../runtime/operators.js';
import { flag, opt } from './common.js';
import { expandSpecs, propertySpecs, type PropertySpec } from './property-spec.js';

export interface SortKey {
  readonly keys: readonly unknown[];
  readonly value: unknown;
}

/** The keys of each input: its own value when no property is given. */
export function sortKeys(ctx: CmdletContext, inputs: readonly unknown[], property: unknown): { specs: PropertySpec[]; rows: SortKey[] } {
  const specs = propertySpecs(ctx, property);
  const concrete = inputs.length > 0 ? expandSpecs(specs, inputs[0]) : specs;
  const rows = inputs.map((value) => ({
    value,
    keys: concrete.length === 0 ? [value] : concrete.map((s) => s.read(value).value ?? null),
  }));
  return { specs: concrete, rows };
}

export function compareKeys(a: readonly unknown[], b: readonly unknown[], descending: readonly boolean[], caseSensitive: boolean): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValues(a[i], b[i], caseSensitive);
    if (c !== 0) return descending[i] ? -c : c;
  }
  return 0;
}

export const sortObject: CmdletDefinition = {
  name: 'Sort-Object',
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'Descending', type: 'switch' },
    { name: 'Unique', type: 'switch' },
    { name: 'CaseSensitive', type: 'switch' },
    { name: 'Culture', type: 'string' },
    { name: 'Stable', type: 'switch' },
    { name: 'Top', type: 'int' },
    { name: 'Bottom', type: 'int' },
  ],
  create: (ctx) => {
    const inputs: unknown[] = [];
    return {
      process(p) {
        if (p.InputObject !== undefined) inputs.push(p.InputObject);
      },
      end(p) {
        const { specs, rows } = sortKeys(ctx, inputs, p.Property);
        const descendingAll = flag(p, 'Descending');
        const caseSensitive = flag(p, 'CaseSensitive');
        const descending = specs.length === 0 ? [descendingAll] : specs.map((s) => s.descending ?? descendingAll);
        const indexed = rows.map((r, i) => ({ r, i }));
        indexed.sort((x, y) => compareKeys(x.r.keys, y.r.keys, descending, caseSensitive) || x.i - y.i);
        let sorted = indexed.map((x) => x.r);
        if (flag(p, 'Unique')) {
          sorted = sorted.filter((r, i) => i === 0 || compareKeys(sorted[i - 1].keys, r.keys, descending, caseSensitive) !== 0);
        }
        const top = opt<number>(p, 'Top');
        const bottom = opt<number>(p, 'Bottom');
        if (top !== null) sorted = sorted.slice(0, top);
        if (bottom !== null) sorted = bottom === 0 ? [] : sorted.slice(-bottom);
        for (const r of sorted) ctx.writeObject(r.value);
      },
    };
  },
};
