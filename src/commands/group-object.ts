// Group-Object: GroupInfo objects (Count, Name, Group, Values), sorted by key as PowerShell 6.1+
// does, or a hashtable of groups with -AsHashTable.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { valuesEqual } from '../runtime/operators.js';
import { DotNetObject, PSHashtable } from '../runtime/values.js';
import { flag } from './common.js';
import { compareKeys, sortKeys } from './sort-object.js';

export class GroupInfo extends DotNetObject {
  constructor(
    readonly Values: unknown[],
    private readonly items: unknown[],
    private readonly noElement: boolean,
  ) {
    super();
  }
  get Group(): unknown[] { return this.noElement ? [] : this.items; }
  get Count(): number { return this.items.length; }
  get Name(): string { return this.Values.map(toStr).join(', '); }
  get psTypeNames(): readonly string[] {
    return this.noElement
      ? ['Microsoft.PowerShell.Commands.GroupInfoNoElement', 'Microsoft.PowerShell.Commands.GroupInfo', 'System.Object']
      : ['Microsoft.PowerShell.Commands.GroupInfo', 'System.Object'];
  }
  psPropertyNames(): readonly string[] { return this.noElement ? ['Count', 'Name', 'Values'] : ['Count', 'Name', 'Group', 'Values']; }
  toString(): string { return 'Microsoft.PowerShell.Commands.GroupInfo'; }
}

export const groupObject: CmdletDefinition = {
  name: 'Group-Object',
  aliases: ['group'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'NoElement', type: 'switch' },
    { name: 'AsHashTable', type: 'switch' },
    { name: 'AsString', type: 'switch' },
    { name: 'CaseSensitive', type: 'switch' },
    { name: 'Culture', type: 'string' },
  ],
  create: (ctx) => {
    const inputs: unknown[] = [];
    return {
      process(p) {
        if (p.InputObject !== undefined) inputs.push(p.InputObject);
      },
      end(p) {
        const caseSensitive = flag(p, 'CaseSensitive');
        const { rows } = sortKeys(ctx, inputs, p.Property);
        const groups: { keys: readonly unknown[]; items: unknown[] }[] = [];
        for (const r of rows) {
          const keys = flag(p, 'AsString') ? r.keys.map(toStr) : r.keys;
          const g = groups.find((x) => x.keys.every((k, i) => valuesEqual(k, keys[i], caseSensitive)));
          if (g) g.items.push(r.value);
          else groups.push({ keys, items: [r.value] });
        }
        const ascending = groups.length > 0 ? groups[0].keys.map(() => false) : [];
        groups.sort((a, b) => compareKeys(a.keys, b.keys, ascending, caseSensitive));
        if (flag(p, 'AsHashTable')) {
          const table = new PSHashtable(false);
          for (const g of groups) {
            const key = g.keys.length === 1 ? g.keys[0] : g.keys.map(toStr).join(', ');
            table.set(flag(p, 'AsString') ? toStr(key) : key, g.items);
          }
          ctx.writeObject(table);
          return;
        }
        for (const g of groups) ctx.writeObject(new GroupInfo([...g.keys], g.items, flag(p, 'NoElement')));
      },
    };
  },
};
