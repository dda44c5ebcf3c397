// How one value reads inside a table cell, a list field or a wide entry (PowerShell's
// SmartToString): collections as `{1, 2, 3, 4…}` up to $FormatEnumerationLimit items (a
// hashtable as its keys), everything else through its string conversion.

import { DotNetObject, PSHashtable, PSObject } from '../runtime/values.js';
import { DictionaryEntry } from '../runtime/values/adapters.js';
import { typeNamesOf } from '../runtime/types.js';
import { ELLIPSIS } from './display-cells.js';
import { toStr } from '../runtime/convert.js';

/** PowerShell's default $FormatEnumerationLimit. */
export const DEFAULT_ENUMERATION_LIMIT = 4;

/** Types PowerShell prints with ToString() and never formats as objects (DefaultScalarTypes). */
const SCALAR_TYPES = new Set([
  'system.string', 'system.sbyte', 'system.byte', 'system.int16', 'system.uint16', 'system.int32', 'system.uint32',
  'system.int64', 'system.uint64', 'system.char', 'system.single', 'system.double', 'system.boolean', 'system.decimal',
  'system.intptr', 'system.security.securestring', 'system.numerics.biginteger',
]);

/** The type name formatting keys on: a deserialized value is matched by its original type. */
function primaryTypeName(value: unknown): string {
  const first = typeNamesOf(value)[0] ?? '';
  return first.startsWith('Deserialized.') ? first.slice('Deserialized.'.length) : first;
}

/** True for values shown with ToString() rather than as a table or list (strings, numbers, bools, enums). */
export function isScalar(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean') return true;
  if (value instanceof PSObject && value.properties.size === 0 && value.baseObject !== null) return isScalar(value.baseObject);
  if (value instanceof DotNetObject && typeNamesOf(value).includes('System.Enum')) return true;
  return SCALAR_TYPES.has(primaryTypeName(value).toLowerCase());
}

/**
 * What a value's ToString() shows (PowerShell's formatter uses the current culture, so a date
 * reads `11/25/2026 5:30:00 AM`, where string conversion gives the invariant `11/25/2026 05:30:00`).
 */
export function displayString(value: unknown): string {
  return value instanceof DotNetObject ? value.toString() : toStr(value);
}

/** Values the formatter enumerates (arrays; hashtables enumerate their entries). */
function enumerate(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value instanceof PSHashtable) return [...value].map(([k, v]) => new DictionaryEntry(k, v));
  return null;
}

/** Key names PowerShell tries when an element has no ToString of its own (its display name). */
const DISPLAY_KEYS = [/^name$/i, /^id$/i, /^key$/i, /key$/i, /name$/i, /id$/i];

/**
 * One element inside `{...}` (PowerShell's GetObjectName): $null is spelled out; a hashtable
 * entry shows its key and a hashtable its name-like key, because neither has a ToString of its own.
 */
function elementText(value: unknown): string {
  if (value === null || value === undefined) return '$null';
  if (value instanceof DictionaryEntry) return displayString(value.Key);
  if (value instanceof PSHashtable) {
    const keys = value.keys().map((k) => toStr(k));
    for (const re of DISPLAY_KEYS) {
      const key = keys.find((k) => re.test(k));
      if (key !== undefined) return displayString(value.get(key));
    }
  }
  return displayString(value);
}

/** The text of a value in a table cell or list field. */
export function cellText(value: unknown, enumerationLimit = DEFAULT_ENUMERATION_LIMIT): string {
  if (value === null || value === undefined) return '';
  const items = enumerate(value);
  if (items === null) return displayString(value);
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (enumerationLimit >= 0 && i === enumerationLimit) return `{${parts.join(', ')}${ELLIPSIS}}`;
    parts.push(elementText(items[i]));
  }
  return `{${parts.join(', ')}}`;
}

/** Column alignment PowerShell infers from a value: numbers and booleans right, the rest left. */
export function inferredAlignment(value: unknown): 'left' | 'right' {
  if (value === null || value === undefined || typeof value === 'string') return 'left';
  return isScalar(value) ? 'right' : 'left';
}
