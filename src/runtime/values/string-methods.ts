// System.String's instance methods as scripts call them (`$s.Trim()`, `$s.Split(',')`): .NET
// semantics (ordinal and case-sensitive unless told otherwise), .NET's exception messages.

import { toStr, toNumber } from '../convert.js';
import { PSChar } from './char.js';
import { methodException, noOverload } from './method-errors.js';

export const NOT_FOUND: unique symbol = Symbol('method not found');

function argInt(args: readonly unknown[], i: number): number {
  return Number(toNumber(args[i]));
}

/** A `char[]` argument given as chars, one-char strings, or a string (PowerShell converts it to its chars). */
function argChars(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((c) => toStr(c));
  return [...toStr(value)];
}

function ignoreCaseOption(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return /IgnoreCase$/i.test(toStr(value)) || value === 1 || value === 3 || value === 5;
}

function trimChars(s: string, chars: readonly string[], start: boolean, end: boolean): string {
  let a = 0;
  let b = s.length;
  if (chars.length === 0) {
    if (start) while (a < b && /\s/.test(s[a])) a++;
    if (end) while (b > a && /\s/.test(s[b - 1])) b--;
  } else {
    if (start) while (a < b && chars.includes(s[a])) a++;
    if (end) while (b > a && chars.includes(s[b - 1])) b--;
  }
  return s.slice(a, b);
}

function outOfRange(method: string, args: readonly unknown[], parameter: string, text: string): never {
  throw methodException(method, args.length, `${text} (Parameter '${parameter}')`, 'ArgumentOutOfRangeException');
}

/** String.Split: a string separator splits on that string (PowerShell 7 picks the string overload), an array on any of its chars. */
function split(s: string, args: readonly unknown[]): string[] {
  let separators: string[];
  let count = Infinity;
  let removeEmpty = false;
  let trimEntries = false;
  if (args.length === 0 || args[0] === null) separators = [];
  else if (Array.isArray(args[0]) || args[0] instanceof PSChar) separators = argChars(args[0]);
  else separators = [toStr(args[0])];
  for (const extra of args.slice(1)) {
    if (typeof extra === 'number' || typeof extra === 'bigint') count = Number(extra);
    else {
      const text = toStr(extra);
      if (/RemoveEmptyEntries/i.test(text)) removeEmpty = true;
      if (/TrimEntries/i.test(text)) trimEntries = true;
    }
  }
  const pieces: string[] = [];
  let start = 0;
  let i = 0;
  while (i <= s.length && pieces.length < count - 1) {
    let matched = 0;
    if (separators.length === 0) matched = i < s.length && /\s/.test(s[i]) ? 1 : 0;
    else for (const sep of separators) if (sep.length > 0 && s.startsWith(sep, i)) { matched = sep.length; break; }
    if (matched > 0) {
      const piece = trimEntries ? s.slice(start, i).trim() : s.slice(start, i);
      if (!removeEmpty || piece.length > 0) pieces.push(piece);
      i += matched;
      start = i;
    } else i++;
  }
  const last = trimEntries ? s.slice(start).trim() : s.slice(start);
  if (!removeEmpty || last.length > 0) pieces.push(last);
  return pieces;
}

function indexArgs(s: string, method: string, args: readonly unknown[]): [string, number, number] {
  const needle = toStr(args[0]);
  let start = args.length > 1 && typeof args[1] !== 'string' ? argInt(args, 1) : 0;
  if (start < 0 || start > s.length) outOfRange(method, args, 'startIndex', 'Index was out of range. Must be non-negative and less than the size of the collection.');
  const count = args.length > 2 && typeof args[2] !== 'string' ? argInt(args, 2) : s.length - start;
  if (method === 'LastIndexOf' && args.length <= 1) start = s.length - 1;
  return [needle, start, count];
}

export const STRING_METHOD_NAMES: ReadonlySet<string> = new Set([
  'toupper', 'toupperinvariant', 'tolower', 'tolowerinvariant', 'trim', 'trimstart', 'trimend', 'split', 'replace', 'contains', 'startswith',
  'endswith', 'indexof', 'lastindexof', 'indexofany', 'substring', 'padleft', 'padright', 'insert', 'remove', 'tochararray', 'chars', 'equals',
  'compareto', 'normalize', 'isnormalized', 'tostring', 'clone', 'getenumerator',
]);

/** Calls a string method by lower-cased name; NOT_FOUND when String has no such method. */
export function invokeStringMethod(s: string, name: string, args: readonly unknown[]): unknown {
  switch (name) {
    case 'toupper': case 'toupperinvariant': return s.toUpperCase();
    case 'tolower': case 'tolowerinvariant': return s.toLowerCase();
    case 'trim': return trimChars(s, args.length === 0 ? [] : args.flatMap(argChars), true, true);
    case 'trimstart': return trimChars(s, args.length === 0 ? [] : args.flatMap(argChars), true, false);
    case 'trimend': return trimChars(s, args.length === 0 ? [] : args.flatMap(argChars), false, true);
    case 'split': return split(s, args);
    case 'replace': {
      if (args.length < 2) throw noOverload('Replace', args.length);
      const from = toStr(args[0]);
      if (from.length === 0) throw methodException('Replace', args.length, "String cannot be of zero length. (Parameter 'oldValue')", 'ArgumentException');
      const to = toStr(args[1]);
      if (args.length >= 3 && ignoreCaseOption(args[2])) {
        return s.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), () => to);
      }
      return s.split(from).join(to);
    }
    case 'contains': {
      const needle = toStr(args[0]);
      return args.length > 1 && ignoreCaseOption(args[1]) ? s.toLowerCase().includes(needle.toLowerCase()) : s.includes(needle);
    }
    case 'startswith': case 'endswith': {
      const needle = toStr(args[0]);
      const ignore = args.length > 1 && ignoreCaseOption(args[1]);
      const hay = ignore ? s.toLowerCase() : s;
      const n = ignore ? needle.toLowerCase() : needle;
      return name === 'startswith' ? hay.startsWith(n) : hay.endsWith(n);
    }
    case 'indexof': {
      const [needle, start, count] = indexArgs(s, 'IndexOf', args);
      const ignore = args.length > 1 && typeof args[args.length - 1] === 'string' && ignoreCaseOption(args[args.length - 1]);
      const hay = (ignore ? s.toLowerCase() : s).slice(0, start + count);
      return hay.indexOf(ignore ? needle.toLowerCase() : needle, start);
    }
    case 'lastindexof': {
      const [needle, start] = indexArgs(s, 'LastIndexOf', args);
      return s.lastIndexOf(needle, start);
    }
    case 'indexofany': {
      const chars = argChars(args[0]);
      for (let i = args.length > 1 ? argInt(args, 1) : 0; i < s.length; i++) if (chars.includes(s[i])) return i;
      return -1;
    }
    case 'substring': {
      if (args.length === 0) throw noOverload('Substring', 0);
      const start = argInt(args, 0);
      if (start < 0 || start > s.length) outOfRange('Substring', args, 'startIndex', 'startIndex cannot be larger than length of string.');
      if (args.length === 1) return s.slice(start);
      const length = argInt(args, 1);
      if (length < 0 || start + length > s.length) outOfRange('Substring', args, 'length', 'Index and length must refer to a location within the string.');
      return s.slice(start, start + length);
    }
    case 'padleft': case 'padright': {
      const width = argInt(args, 0);
      const fill = args.length > 1 ? toStr(args[1])[0] ?? ' ' : ' ';
      return name === 'padleft' ? s.padStart(width, fill) : s.padEnd(width, fill);
    }
    case 'insert': {
      const at = argInt(args, 0);
      if (at < 0 || at > s.length) outOfRange('Insert', args, 'startIndex', 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.');
      return s.slice(0, at) + toStr(args[1]) + s.slice(at);
    }
    case 'remove': {
      const start = argInt(args, 0);
      if (start < 0 || start > s.length) outOfRange('Remove', args, 'startIndex', 'startIndex must be less than length of string.');
      const count = args.length > 1 ? argInt(args, 1) : s.length - start;
      if (count < 0 || start + count > s.length) outOfRange('Remove', args, 'count', 'Index and count must refer to a location within the string.');
      return s.slice(0, start) + s.slice(start + count);
    }
    case 'tochararray': return [...s].map((c) => new PSChar(c));
    case 'chars': return new PSChar(s[argInt(args, 0)] ?? '');
    case 'equals': return args.length > 1 && ignoreCaseOption(args[1]) ? s.toLowerCase() === toStr(args[0]).toLowerCase() : typeof args[0] === 'string' && s === args[0];
    case 'compareto': return args[0] === null || args[0] === undefined ? 1 : compareCulture(s, toStr(args[0]), false);
    case 'normalize': return s.normalize();
    case 'isnormalized': return s.normalize() === s;
    case 'tostring': return s;
    case 'clone': return s;
    case 'getenumerator': return [...s].map((c) => new PSChar(c));
  }
  return NOT_FOUND;
}

// Made on first use: a V8 start-up snapshot (psh's launcher) cannot hold ICU objects.
let caseInsensitive: Intl.Collator | undefined;
let caseSensitive: Intl.Collator | undefined;

/** Culture-aware string comparison (en-US), as PowerShell's -lt/-gt and Sort-Object use. */
export function compareCulture(a: string, b: string, ignoreCase: boolean): number {
  if (a === b) return 0;
  const collator = ignoreCase
    ? (caseInsensitive ??= new Intl.Collator('en-US', { sensitivity: 'accent' }))
    : (caseSensitive ??= new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' }));
  return collator.compare(a, b);
}
