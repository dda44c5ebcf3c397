// Compare-Object: which objects (or which property values) appear in only one of two lists.
// Equal pairs come out as they are matched, then difference-only (`=>`), then reference-only
// (`<=`) items, as PowerShell prints them for lists within its sync window.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { valuesEqual } from '../runtime/operators.js';
import { PSObject } from '../runtime/values.js';
import { flag, items } from './common.js';
import { propertySpecs, type PropertySpec } from './property-spec.js';

interface Entry {
  readonly value: unknown;
  readonly keys: readonly unknown[];
}

function entries(list: readonly unknown[], specs: readonly PropertySpec[]): Entry[] {
  return list.map((value) => ({ value, keys: specs.length === 0 ? [value] : specs.map((s) => s.read(value).value ?? null) }));
}

function result(ctx: CmdletContext, entry: Entry, side: string, specs: readonly PropertySpec[], passThru: boolean): void {
  if (passThru) {
    const wrapped = entry.value instanceof PSObject ? entry.value : new PSObject([], entry.value);
    wrapped.setNote('SideIndicator', side);
    ctx.writeObject(wrapped);
    return;
  }
  const out = new PSObject();
  if (specs.length === 0) out.setNote('InputObject', entry.value);
  else specs.forEach((s, i) => out.setNote(s.name, entry.keys[i]));
  out.setNote('SideIndicator', side);
  ctx.writeObject(out);
}

export const compareObject: CmdletDefinition = {
  name: 'Compare-Object',
  parameters: [
    { name: 'ReferenceObject', type: 'psobject[]', position: 0, mandatory: true },
    { name: 'DifferenceObject', type: 'psobject[]', position: 1, mandatory: true, valueFromPipeline: true },
    { name: 'SyncWindow', type: 'int' },
    { name: 'Property', type: 'object[]' },
    { name: 'ExcludeDifferent', type: 'switch' },
    { name: 'IncludeEqual', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Culture', type: 'string' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  create: (ctx) => {
    const difference: unknown[] = [];
    let reference: unknown[] = [];
    return {
      begin(p) {
        reference = items(p, 'ReferenceObject');
      },
      process(p) {
        if (p.DifferenceObject !== undefined) difference.push(...items(p, 'DifferenceObject'));
      },
      end(p) {
        const specs = propertySpecs(ctx, p.Property);
        const caseSensitive = flag(p, 'CaseSensitive');
        const passThru = flag(p, 'PassThru');
        const showEqual = flag(p, 'IncludeEqual') || flag(p, 'ExcludeDifferent');
        const refs = entries(reference, specs);
        const used = new Array<boolean>(refs.length).fill(false);
        const diffOnly: Entry[] = [];
        for (const d of entries(difference, specs)) {
          const i = refs.findIndex((r, k) => !used[k] && r.keys.every((key, j) => valuesEqual(key, d.keys[j], caseSensitive)));
          if (i < 0) {
            diffOnly.push(d);
            continue;
          }
          used[i] = true;
          if (showEqual) result(ctx, refs[i], '==', specs, passThru);
        }
        if (flag(p, 'ExcludeDifferent')) return;
        for (const d of diffOnly) result(ctx, d, '=>', specs, passThru);
        refs.forEach((r, i) => {
          if (!used[i]) result(ctx, r, '<=', specs, passThru);
        });
      },
    };
  },
};
