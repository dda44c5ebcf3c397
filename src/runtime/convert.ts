// PowerShell's value conversions: truthiness, string conversion, numbers for arithmetic and
// casts (`[int]'12'`, `[string[]]$x`, `[pscustomobject]@{}`). Messages and error ids follow
// LanguagePrimitives so scripts and users see PowerShell's words.

import { PSDateTime, PSTimeSpan, parseDateTime, parseTimeSpan } from './datetime.js';
import { RuntimeError } from './exceptions.js';
import { PSType, isInstanceOf, isInt32, resolveTypeName, typeDisplayName, typeNamesOf, typeObject } from './types.js';
import { PSChar } from './values/char.js';
import { collectionInfo, collectionInfoFor, tagCollection } from './values/collections.js';
import { PSGuid } from './values/guid.js';
import { formatDouble, parseNumber } from './values/number.js';
import { PSRegex } from './values/regex.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock } from './values.js';

export function isNull(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** The value a PSObject wraps (Add-Member on a string, deserialized primitives), else the value itself. */
export function baseValue(v: unknown): unknown {
  while (v instanceof PSObject && v.baseObject !== null && v.baseObject !== undefined) v = v.baseObject;
  return v;
}

/** PowerShell truthiness (LanguagePrimitives.IsTrue). */
export function toBool(v: unknown): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0 && !Number.isNaN(v);
    case 'string': return v.length !== 0;
    case 'bigint': return v !== 0n;
  }
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) {
    if (v.length === 0) return false;
    if (v.length > 1) return true;
    const only: unknown = v[0];
    return Array.isArray(only) ? only.length > 0 : toBool(only);
  }
  if (v instanceof PSObject && v.baseObject !== null && v.baseObject !== undefined) return toBool(v.baseObject);
  return true;
}

/** What a value shows inside a PSCustomObject's `@{a=1; b=System.Object[]}` form: .NET ToString, not PowerShell's conversion. */
function innerToString(v: unknown): string {
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof PSHashtable) return v.typeName;
  return toStr(v);
}

/** PowerShell's string conversion: $null → '', arrays joined with spaces, doubles in invariant round-trip form. */
export function toStr(v: unknown): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return isInt32(v) ? String(v | 0) : formatDouble(v);
    case 'boolean': return v ? 'True' : 'False';
    case 'bigint': return v.toString();
  }
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) {
    let s = '';
    for (let i = 0; i < v.length; i++) s += (i === 0 ? '' : ' ') + toStr(v[i]);
    return s;
  }
  if (v instanceof PSObject) {
    if (v.baseObject !== null && v.baseObject !== undefined) return toStr(v.baseObject);
    if (v.properties.size === 0) return '';
    return '@{' + [...v.properties.values()].map((p) => p.name + '=' + innerToString(v.readProperty(p))).join('; ') + '}';
  }
  if (v instanceof PSHashtable) return v.typeName;
  // Casts and string expansion format dates in the invariant culture, not as ToString() does.
  if (v instanceof PSDateTime) return v.ToString('MM/dd/yyyy HH:mm:ss');
  // PowerShell shows type literals by their accelerator name ("$([int])" is "int").
  if (v instanceof PSType) return typeDisplayName(v.FullName);
  return String(v);
}

function describe(v: unknown): string {
  return typeNamesOf(v)[0] ?? 'null';
}

/** "Cannot convert value "x" to type "T". Error: "reason"" */
export function conversionError(value: unknown, typeName: string, reason: string, errorId: string): RuntimeError {
  return RuntimeError.create(`Cannot convert value "${toStr(value)}" to type "${typeName}". Error: "${reason}"`, errorId, 'InvalidArgument',
    'System.Management.Automation.PSInvalidCastException', value);
}

/** "Cannot convert the "x" value of type "A" to type "B"." */
export function castError(value: unknown, typeName: string): RuntimeError {
  return RuntimeError.create(`Cannot convert the "${toStr(value)}" value of type "${describe(value)}" to type "${typeName}".`,
    'ConvertToFinalInvalidCastException', 'InvalidArgument', 'System.Management.Automation.PSInvalidCastException', value);
}

function badFormat(value: string, typeName: string, errorId: string): RuntimeError {
  return conversionError(value, typeName, `The input string '${value}' was not in a correct format.`, errorId);
}

/** A value as a number for arithmetic: Int32/Double as JS numbers, Int64 as bigint. */
export function toNumber(v: unknown): number | bigint {
  switch (typeof v) {
    case 'number': case 'bigint': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      if (v.trim().length === 0) return 0;
      const n = parseNumber(v);
      if (n === null) throw badFormat(v, 'System.Int32', 'InvalidCastFromStringToInteger');
      return n;
    }
  }
  if (v === null || v === undefined) return 0;
  if (v instanceof PSChar) return v.code;
  if (v instanceof PSObject && v.baseObject !== null && v.baseObject !== undefined) return toNumber(v.baseObject);
  if (Array.isArray(v) && v.length === 1) return toNumber(v[0]);
  throw castError(v, 'System.Int32');
}

/** Banker's rounding, as .NET's Convert.ToInt32(double). */
export function roundHalfEven(n: number): number {
  const r = Math.round(n);
  return Math.abs(n % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

interface IntegerType {
  readonly min: bigint;
  readonly max: bigint;
  /** How .NET's overflow message names the type: 'an Int32', 'an unsigned byte'. */
  readonly spoken: string;
  readonly asBigint: boolean;
}

const INTEGER_TYPES = new Map<string, IntegerType>([
  ['System.Int32', { min: -(2n ** 31n), max: 2n ** 31n - 1n, spoken: 'an Int32', asBigint: false }],
  ['System.Int64', { min: -(2n ** 63n), max: 2n ** 63n - 1n, spoken: 'an Int64', asBigint: true }],
  ['System.Int16', { min: -(2n ** 15n), max: 2n ** 15n - 1n, spoken: 'an Int16', asBigint: false }],
  ['System.Byte', { min: 0n, max: 255n, spoken: 'an unsigned byte', asBigint: false }],
  ['System.SByte', { min: -128n, max: 127n, spoken: 'a signed byte', asBigint: false }],
  ['System.UInt16', { min: 0n, max: 65535n, spoken: 'a UInt16', asBigint: false }],
  ['System.UInt32', { min: 0n, max: 2n ** 32n - 1n, spoken: 'a UInt32', asBigint: false }],
  ['System.UInt64', { min: 0n, max: 2n ** 64n - 1n, spoken: 'a UInt64', asBigint: true }],
  ['System.Numerics.BigInteger', { min: -(2n ** 1024n), max: 2n ** 1024n, spoken: 'a BigInteger', asBigint: true }],
]);

function overflow(value: unknown, full: string, t: IntegerType): RuntimeError {
  return conversionError(value, full, `Value was either too large or too small for ${t.spoken}.`, 'InvalidCastIConvertible');
}

function toInteger(value: unknown, full: string, t: IntegerType): number | bigint {
  let n: number | bigint;
  if (typeof value === 'string') {
    if (value.trim().length === 0) n = 0;
    else {
      const parsed = parseNumber(value);
      if (parsed === null) throw badFormat(value, full, 'InvalidCastFromStringToInteger');
      n = parsed;
    }
  } else if (typeof value === 'number' || typeof value === 'bigint') n = value;
  else if (typeof value === 'boolean') n = value ? 1 : 0;
  else if (value === null || value === undefined) n = 0;
  else if (value instanceof PSChar) n = value.code;
  else if (value instanceof PSDateTime && t.asBigint) n = value.Ticks;
  else throw castError(value, full);
  if (typeof n === 'number') {
    if (!Number.isFinite(n)) throw overflow(value, full, t);
    n = BigInt(roundHalfEven(n));
  }
  if (n < t.min || n > t.max) {
    throw overflow(value, full, t);
  }
  return t.asBigint ? n : Number(n);
}

function toDouble(value: unknown, full: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value.trim().length === 0) return 0;
    const parsed = parseNumber(value);
    if (parsed === null) throw badFormat(value, full, full === 'System.Decimal' ? 'InvalidCastFromStringToDecimal' : 'InvalidCastFromStringToDoubleOrSingle');
    return Number(parsed);
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return 0;
  if (value instanceof PSChar) return value.code;
  throw castError(value, full);
}

function toChar(value: unknown): PSChar {
  if (value instanceof PSChar) return value;
  if (typeof value === 'string') {
    if (value.length === 1) return new PSChar(value);
    throw conversionError(value, 'System.Char', 'String must be exactly one character long.', 'InvalidCastParseTargetInvocation');
  }
  if (value === null || value === undefined) return new PSChar('\0');
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    if (n < 0 || n > 65535) throw conversionError(value, 'System.Char', 'Value was either too large or too small for a character.', 'InvalidCastIConvertible');
    return PSChar.fromCode(roundHalfEven(n));
  }
  throw castError(value, 'System.Char');
}

/** `[object[]]$x` / `[array]$x`: scalars become one-element arrays; $null stays $null. */
function toArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return [value];
}

function toHashtable(value: unknown, ordered: boolean, full: string): PSHashtable {
  if (value instanceof PSHashtable) {
    if (value.ordered === ordered) return value;
    const h = new PSHashtable(ordered);
    for (const [k, v] of value) h.set(k, v);
    return h;
  }
  throw castError(value, full);
}

function toDateTime(value: unknown): PSDateTime {
  if (value instanceof PSDateTime) return value;
  if (typeof value === 'string') {
    const d = parseDateTime(value);
    if (d === null) throw conversionError(value, 'System.DateTime', `String '${value}' was not recognized as a valid DateTime.`, 'InvalidCastParseTargetInvocation');
    return d;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return new PSDateTime(Number(BigInt(Math.trunc(Number(value))) - 621_355_968_000_000_000n) / 10_000, 'Unspecified');
  }
  throw castError(value, 'System.DateTime');
}

function toTimeSpan(value: unknown): PSTimeSpan {
  if (value instanceof PSTimeSpan) return value;
  if (typeof value === 'string') {
    const t = parseTimeSpan(value);
    if (t === null) throw conversionError(value, 'System.TimeSpan', `String '${value}' was not recognized as a valid TimeSpan.`, 'InvalidCastParseTargetInvocation');
    return t;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return new PSTimeSpan(Number(value) / 10_000);
  throw castError(value, 'System.TimeSpan');
}

function typeNotFound(typeName: string): RuntimeError {
  return RuntimeError.create(`Unable to find type [${typeName}].`, 'TypeNotFound', 'InvalidOperation', 'System.Management.Automation.RuntimeException', typeName);
}

const resolvedCache = new Map<string, string | null>();
function resolveCached(typeName: string): string | null {
  let full = resolvedCache.get(typeName);
  if (full === undefined) {
    full = resolveTypeName(typeName);
    resolvedCache.set(typeName, full);
  }
  return full;
}

/**
 * A cast or a parameter-binding conversion: `[int]$x` is `convertTo($x, 'int')`. Accepts
 * accelerators, full names and array types (`string[]`); unknown type names raise TypeNotFound
 * unless the value already is of that type (PSObject type names, user classes).
 */
export function convertTo(value: unknown, typeName: string): unknown {
  const full = resolveCached(typeName);
  if (full === null) {
    if (value === null || value === undefined || isInstanceOf(value, typeName)) return value ?? null;
    // An array of a type psh only knows by name (a cmdlet's own object type): check each element.
    if (typeName.endsWith('[]')) return toArray(baseValue(value)).map((item) => convertTo(item, typeName.slice(0, -2)));
    throw typeNotFound(typeName);
  }
  if (full.endsWith('[]')) {
    if (value === null || value === undefined) return null;
    const element = full.slice(0, -2);
    const base = baseValue(value);
    // A string becomes its characters for [char[]], one element for any other array type.
    const items = element === 'System.Char' && typeof base === 'string' ? [...base] : toArray(base);
    if (element === 'System.Object') return Array.isArray(base) && collectionInfo(base) === undefined ? base : [...items];
    if (Array.isArray(base) && collectionInfo(base)?.typeName === full) return base;
    return tagCollection(items.map((item) => convertTo(item, element)), collectionInfoFor(full)!);
  }
  const collection = collectionInfoFor(full);
  if (collection !== null) {
    if (value === null || value === undefined) return null;
    const items = toArray(baseValue(value));
    return tagCollection(collection.elementType === null ? [...items] : items.map((item) => convertTo(item, collection.elementType!)), collection);
  }
  const integer = INTEGER_TYPES.get(full);
  if (integer !== undefined) return toInteger(baseValue(value), full, integer);
  return convertToNamed(value, full, typeName);
}

function convertToNamed(value: unknown, full: string, typeName: string): unknown {
  const v = baseValue(value);
  switch (full) {
    case 'System.String': return toStr(value);
    case 'System.Boolean': case 'System.Management.Automation.SwitchParameter': return toBool(value);
    case 'System.Double': case 'System.Single': case 'System.Decimal': return toDouble(Array.isArray(v) && v.length === 1 ? v[0] : v, full);
    case 'System.Char': return toChar(v);
    case 'System.Object': case 'System.Management.Automation.PSObject': return value ?? null;
    case 'System.Array': return value === null || value === undefined ? null : toArray(value);
    case 'System.Void': return null;
    case 'System.Collections.Hashtable': return isNull(v) ? null : toHashtable(v, false, full);
    case 'System.Collections.Specialized.OrderedDictionary': return isNull(v) ? null : toHashtable(v, true, full);
    case 'System.Management.Automation.PSCustomObject':
      if (v instanceof PSHashtable) return PSObject.fromEntries([...v].map(([k, x]) => [toStr(k), x] as const));
      return value ?? null;
    case 'System.Management.Automation.ScriptBlock':
      if (v instanceof ScriptBlock || isNull(v)) return v ?? null;
      throw castError(v, full);
    case 'System.DateTime': return isNull(v) ? null : toDateTime(v);
    case 'System.TimeSpan': return isNull(v) ? null : toTimeSpan(v);
    case 'System.Text.RegularExpressions.Regex':
      if (v instanceof PSRegex || isNull(v)) return v ?? null;
      try {
        return new PSRegex(toStr(v));
      } catch (e) {
        throw conversionError(v, full, e instanceof Error ? e.message : String(e), 'InvalidCastParseTargetInvocation');
      }
    case 'System.Guid': {
      if (v instanceof PSGuid || isNull(v)) return v ?? null;
      const g = typeof v === 'string' ? PSGuid.parse(v) : null;
      if (g === null) throw conversionError(v, full, 'Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).', 'InvalidCastParseTargetInvocation');
      return g;
    }
    case 'System.Type':
      if (v instanceof PSType || isNull(v)) return v ?? null;
      if (typeof v === 'string') {
        if (resolveTypeName(v) === null) throw typeNotFound(v);
        return typeObject(v);
      }
      throw castError(v, full);
  }
  if (isNull(value) || isInstanceOf(value, full)) return value ?? null;
  if (v instanceof DotNetObject || v instanceof PSObject || typeof v !== 'object') throw castError(v, full);
  throw typeNotFound(typeName);
}
