// Select-Object: picks objects (-First/-Last/-Skip/-SkipLast/-Index/-Unique) and properties
// (names with wildcards, calculated properties, -ExpandProperty). Selected objects are new
// PSCustomObjects typed `Selected.<original type>`.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { valuesEqual } from '../runtime/operators.js';
import { typeNamesOf } from '../runtime/types.js';
import { PSObject } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, flag, opt, strings } from './common.js';
import { expandSpecs, propertySpecs, type PropertySpec } from './property-spec.js';

const NAME = 'Select-Object';

function selectedObject(input: unknown, specs: readonly PropertySpec[], exclude: readonly RegExp[]): PSObject {
  const first = typeNamesOf(input)[0] ?? 'System.Object';
  const out = new PSObject(['Selected.' + first, ...PSObject.customTypeNames]);
  for (const s of expandSpecs(specs, input)) {
    if (exclude.some((re) => re.test(s.name))) continue;
    out.setNote(s.name, s.read(input).value ?? null);
  }
  return out;
}

/** Objects equal for -Unique: same value, or for PSObjects the same property values (case-sensitive). */
function sameObject(a: unknown, b: unknown): boolean {
  if (a instanceof PSObject && b instanceof PSObject && a.baseObject === null && b.baseObject === null) {
    const pa = [...a.properties.values()];
    const pb = [...b.properties.values()];
    return pa.length === pb.length && pa.every((p, i) => p.name.toLowerCase() === pb[i].name.toLowerCase()
      && sameObject(a.readProperty(p), b.readProperty(pb[i])));
  }
  if (Array.isArray(a) || Array.isArray(b)) return a === b;
  return valuesEqual(a, b, true);
}

export const selectObject: CmdletDefinition = {
  name: NAME,
  aliases: ['select'],
  defaultParameterSet: 'DefaultParameter',
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'ExcludeProperty', type: 'string[]' },
    { name: 'ExpandProperty', type: 'string' },
    { name: 'Unique', type: 'switch' },
    { name: 'CaseInsensitive', type: 'switch' },
    { name: 'Last', type: 'int' },
    { name: 'First', type: 'int' },
    { name: 'Skip', type: 'int' },
    { name: 'SkipLast', type: 'int' },
    { name: 'Wait', type: 'switch' },
    { name: 'Index', type: 'int[]' },
    { name: 'SkipIndex', type: 'int[]' },
  ],
  create: (ctx: CmdletContext) => {
    let specs: PropertySpec[] = [];
    let exclude: RegExp[] = [];
    let seen = 0;
    let emitted = 0;
    const buffered: unknown[] = [];
    const unique: unknown[] = [];
    let first: number | null = null;
    let skip = 0;
    let needsEnd = false;

    const transform = (input: unknown, p: Record<string, unknown>): unknown[] => {
      const expand = opt<string>(p, 'ExpandProperty');
      if (expand !== null) {
        const results: unknown[] = [];
        const matched = expandSpecs(propertySpecs(ctx, expand), input);
        const found = matched.map((s) => s.read(input)).filter((r) => r.found);
        if (found.length === 0) {
          ctx.writeError(cmdletError(NAME, `Property "${expand}" cannot be found.`, 'ExpandPropertyNotFound', 'InvalidArgument', input,
            'System.Management.Automation.PSArgumentException'));
          return [];
        }
        for (const r of found) {
          const values = Array.isArray(r.value) ? r.value : [r.value];
          for (const v of values) {
            if (specs.length > 0 && v instanceof PSObject) for (const s of expandSpecs(specs, input)) v.setNote(s.name, s.read(input).value ?? null);
            results.push(v);
          }
        }
        return results;
      }
      if (specs.length === 0) return [input];
      return [selectedObject(input, specs, exclude)];
    };

    const emit = (value: unknown, p: Record<string, unknown>): void => {
      for (const v of transform(value, p)) {
        if (flag(p, 'Unique')) {
          if (unique.some((u) => sameObject(u, v))) continue;
          unique.push(v);
          if (needsEnd) continue;
        }
        ctx.writeObject(v);
      }
    };

    return {
      begin(p) {
        specs = propertySpecs(ctx, p.Property);
        exclude = strings(p, 'ExcludeProperty').map((n) => (isWildcard(n) ? wildcardToRegExp(n) : wildcardToRegExp(n.replace(/[*?[\]`]/g, '`$&'))));
        first = opt<number>(p, 'First');
        skip = opt<number>(p, 'Skip') ?? 0;
        needsEnd = p.Last !== undefined || p.SkipLast !== undefined || p.Index !== undefined || p.SkipIndex !== undefined;
      },
      process(p) {
        if (p.InputObject === undefined) return;
        const input = p.InputObject;
        if (needsEnd) {
          buffered.push(input);
          return;
        }
        seen++;
        if (seen <= skip) return;
        if (first !== null && emitted >= first) return ctx.stopUpstreamCommands();
        emitted++;
        emit(input, p);
        // Like PowerShell, stop the commands before it as soon as it has all it will keep.
        if (first !== null && emitted >= first) ctx.stopUpstreamCommands();
      },
      end(p) {
        if (!needsEnd) return;
        let list = buffered;
        const index = p.Index;
        if (Array.isArray(index) || typeof index === 'number') {
          const wanted = new Set((Array.isArray(index) ? index : [index]).map(Number));
          list = list.filter((_, i) => wanted.has(i));
        }
        const skipIndex = p.SkipIndex;
        if (Array.isArray(skipIndex) || typeof skipIndex === 'number') {
          const dropped = new Set((Array.isArray(skipIndex) ? skipIndex : [skipIndex]).map(Number));
          list = list.filter((_, i) => !dropped.has(i));
        }
        const skipLast = opt<number>(p, 'SkipLast');
        if (skipLast !== null) list = list.slice(0, Math.max(0, list.length - skipLast));
        list = list.slice(skip);
        const last = opt<number>(p, 'Last');
        if (last !== null) list = last === 0 ? [] : list.slice(-last);
        if (first !== null) list = list.slice(0, first);
        for (const v of list) emit(v, p);
        if (flag(p, 'Unique')) for (const v of unique) ctx.writeObject(v);
      },
    };
  },
};

/** Get-Unique: drops adjacent duplicates (input is expected sorted); strings compare case-sensitively. */
export const getUnique: CmdletDefinition = {
  name: 'Get-Unique',
  aliases: ['gu'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'AsString', type: 'switch' },
    { name: 'OnType', type: 'switch' },
    { name: 'CaseInsensitive', type: 'switch' },
  ],
  create: (ctx) => {
    let previous: { value: unknown } | null = null;
    return {
      process(p) {
        if (p.InputObject === undefined) return;
        const v = p.InputObject;
        const key = flag(p, 'OnType') ? typeNamesOf(v)[0] ?? '' : flag(p, 'AsString') ? toStr(v) : v;
        if (previous !== null && valuesEqual(previous.value, key, !flag(p, 'CaseInsensitive'))) return;
        previous = { value: key };
        ctx.writeObject(v);
      },
    };
  },
};
