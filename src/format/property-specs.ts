// The -Property / -GroupBy arguments of Format-*: names, wildcard patterns and calculated
// properties (`@{Name='x'; Expression={...}; Width=10; Alignment='Right'}`), resolved against an
// object to the concrete columns or fields it shows.

import { propertyNames } from '../runtime/properties.js';
import { ErrorRecord } from '../runtime/error-record.js';
import { RuntimeError } from '../runtime/exceptions.js';
import { PSHashtable, ScriptBlock } from '../runtime/values.js';
import { isWildcard, wildcardToRegExp } from '../runtime/wildcard.js';
import { toStr } from '../runtime/convert.js';
import type { Alignment, ValueSource } from './views.js';

/** Runs a calculated property's script block with $_ set to the target. */
export type ScriptEvaluator = (block: ScriptBlock, dollarUnder: unknown) => unknown;

export interface PropertySpec {
  readonly label: string | null;
  /** A property name (maybe a wildcard pattern) or a computed value. */
  readonly source: ValueSource;
  readonly width?: number;
  readonly alignment?: Alignment;
  /** .NET format string applied to the value (`FormatString = 'N2'`). */
  readonly formatString?: string;
}

export interface ResolvedProperty {
  readonly label: string;
  readonly source: ValueSource;
  readonly width?: number;
  readonly alignment?: Alignment;
  readonly formatString?: string;
}

const KEYS = ['name', 'label', 'expression', 'width', 'alignment', 'formatstring'] as const;
type Key = (typeof KEYS)[number];

function illegalKey(key: string): RuntimeError {
  return new RuntimeError(
    ErrorRecord.fromMessage(`The ${key} key is not valid.`, 'IllegalKey', 'InvalidArgument', key, 'System.NotSupportedException'),
  );
}

/** PowerShell accepts any unambiguous prefix of a calculated property's keys (n, l, e, ...). */
function keyOf(key: string): Key {
  const k = key.toLowerCase();
  const matches = KEYS.filter((full) => full.startsWith(k));
  if (matches.length !== 1) throw illegalKey(key);
  return matches[0];
}

function alignmentOf(value: unknown): Alignment {
  const a = toStr(value).toLowerCase();
  if (a === 'left' || a === 'right' || a === 'center') return a;
  throw new RuntimeError(ErrorRecord.fromMessage(`The value of the alignment key is not valid: ${toStr(value)}`, 'IllegalValue', 'InvalidArgument'));
}

/** Turns one -Property argument (string or hashtable) into a spec. */
export function parsePropertySpec(arg: unknown, evaluate: ScriptEvaluator): PropertySpec {
  if (arg instanceof ScriptBlock) return { label: arg.toString(), source: (t) => evaluate(arg, t) };
  if (!(arg instanceof PSHashtable)) return { label: null, source: toStr(arg) };
  let label: string | null = null;
  let source: ValueSource | null = null;
  let sourceText: string | null = null;
  let width: number | undefined;
  let alignment: Alignment | undefined;
  let formatString: string | undefined;
  for (const [k, v] of arg) {
    switch (keyOf(toStr(k))) {
      case 'name':
      case 'label':
        label = toStr(v);
        break;
      case 'expression':
        source = v instanceof ScriptBlock ? (t) => evaluate(v, t) : toStr(v);
        sourceText = v instanceof ScriptBlock ? v.toString() : null;
        break;
      case 'width':
        width = Number(v);
        break;
      case 'alignment':
        alignment = alignmentOf(v);
        break;
      case 'formatstring':
        formatString = toStr(v);
        break;
    }
  }
  if (source === null) {
    throw new RuntimeError(ErrorRecord.fromMessage('The Expression key is missing.', 'DictionaryKeyMissingValue', 'InvalidArgument'));
  }
  return { label: label ?? sourceText, source, width, alignment, formatString };
}

/** The concrete properties `specs` select on `target`: patterns expand to matching names in the object's order. */
export function resolveProperties(specs: readonly PropertySpec[], target: unknown): ResolvedProperty[] {
  const out: ResolvedProperty[] = [];
  for (const spec of specs) {
    if (typeof spec.source === 'string' && isWildcard(spec.source)) {
      const re = wildcardToRegExp(spec.source);
      for (const name of propertyNames(target)) if (re.test(name)) out.push({ ...spec, label: name, source: name });
      continue;
    }
    const label = spec.label ?? (typeof spec.source === 'string' ? spec.source : '');
    out.push({ ...spec, label });
  }
  return out;
}
