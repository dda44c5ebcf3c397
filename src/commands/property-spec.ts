// The `-Property` argument shared by Select-, Sort-, Group-, Measure- and Compare-Object: names
// (with wildcards), script blocks, and calculated-property hashtables (`@{n='X'; e={...}}`).

import type { CmdletContext } from '../runtime/cmdlet.js';
import { toBool, toStr } from '../runtime/convert.js';
import { RuntimeError } from '../runtime/exceptions.js';
import { getProperty, propertyNames } from '../runtime/properties.js';
import { PSHashtable, ScriptBlock, foldCase } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';

export interface PropertySpec {
  /** Display name; for wildcards, the pattern. */
  readonly name: string;
  readonly wildcard: RegExp | null;
  /** Reads the property of one input object; `found` is false when a plain name is missing. */
  readonly read: (input: unknown) => { found: boolean; value: unknown };
  /** Sort-Object's per-key direction from `@{e=...; Descending=$true}`. */
  readonly descending: boolean | null;
}

/** A script block's output as one value: nothing is $null, one item is itself, more is an array. */
export function scriptValue(ctx: CmdletContext, block: ScriptBlock, input: unknown): unknown {
  const out = ctx.session.invoke(block, { dollarUnder: input });
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

function hashValue(h: PSHashtable, keys: readonly string[]): unknown {
  for (const k of h.keys()) {
    const lower = foldCase(toStr(k));
    if (keys.some((key) => key.startsWith(lower) && lower.length > 0)) return h.get(k);
  }
  return undefined;
}

function illegalKey(key: string): RuntimeError {
  return RuntimeError.create(`The ${key} key is not valid.`, 'DictionaryKeyIllegal', 'InvalidArgument', 'System.NotSupportedException');
}

/** Keys a calculated property may use for each cmdlet (PowerShell rejects the others). */
const ALLOWED_KEYS = ['name', 'label', 'expression', 'ascending', 'descending', 'formatstring', 'width', 'alignment', 'depth'];

export function propertySpecs(ctx: CmdletContext, property: unknown): PropertySpec[] {
  if (property === undefined || property === null) return [];
  const list = Array.isArray(property) ? property : [property];
  return list.map((p) => propertySpec(ctx, p));
}

function propertySpec(ctx: CmdletContext, p: unknown): PropertySpec {
  if (p instanceof ScriptBlock) {
    return { name: p.toString(), wildcard: null, read: (input) => ({ found: true, value: scriptValue(ctx, p, input) }), descending: null };
  }
  if (p instanceof PSHashtable) {
    for (const k of p.keys()) {
      const lower = foldCase(toStr(k));
      if (!ALLOWED_KEYS.some((a) => a.startsWith(lower))) throw illegalKey(toStr(k));
    }
    const expression = hashValue(p, ['expression']);
    const label = hashValue(p, ['name', 'label']);
    const descending = hashValue(p, ['descending']);
    const ascending = hashValue(p, ['ascending']);
    const dir = descending !== undefined ? toBool(descending) : ascending !== undefined ? !toBool(ascending) : null;
    if (expression === undefined) {
      if (dir !== null && label === undefined) throw RuntimeError.create('The Expression key is missing.', 'DictionaryKeyMissing', 'InvalidArgument');
      return { ...propertySpec(ctx, label), descending: dir };
    }
    const inner = propertySpec(ctx, expression);
    const name = label !== undefined ? toStr(label) : inner.name;
    return { name, wildcard: null, read: inner.read, descending: dir };
  }
  const name = toStr(p);
  if (isWildcard(name)) {
    return { name, wildcard: wildcardToRegExp(name), read: (input) => getProperty(input, name), descending: null };
  }
  return { name, wildcard: null, read: (input) => getProperty(input, name), descending: null };
}

/** Expands wildcard specs against one object's property names, keeping plain and calculated ones. */
export function expandSpecs(specs: readonly PropertySpec[], input: unknown): PropertySpec[] {
  const out: PropertySpec[] = [];
  for (const s of specs) {
    if (s.wildcard === null) {
      out.push(s);
      continue;
    }
    const re = s.wildcard;
    for (const n of propertyNames(input)) {
      if (re.test(n)) out.push({ name: n, wildcard: null, read: (x) => getProperty(x, n), descending: s.descending });
    }
  }
  return out;
}
