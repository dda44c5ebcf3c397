// .NET composite formatting for `-f` and `[string]::Format` (`{0,-10:N2}`), and .NET's
// standard (N D X C P F E G R) and custom (`0.00`, `#,##0`, `0%`) numeric format strings, for
// the en-US culture. Standard formats round the exact binary value (.NET Core 3.0+); custom
// formats round the 15-digit decimal form half away from zero, as .NET still does for them.

import { PSDateTime, PSTimeSpan } from './datetime.js';
import { RuntimeError } from './exceptions.js';
import { toStr } from './convert.js';
import { isInt32 } from './types.js';
import { PSChar } from './values/char.js';
import { formatDouble, formatDoubleRoundTrip } from './values/number.js';
import { DotNetObject } from './values.js';

function formatError(reason: string): RuntimeError {
  return RuntimeError.create(`Error formatting a string: ${reason}.`, 'FormatError', 'InvalidOperation', 'System.FormatException');
}

const BAD_FORMAT = 'Input string was not in a correct format.';

/** The `-f` operator: `'{0,-5}|{1:N1}' -f 'a', 2.25`. */
export function formatOperator(format: string, args: readonly unknown[]): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '}') {
      if (format[i + 1] !== '}') throw formatError(BAD_FORMAT);
      out += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (format[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    const close = format.indexOf('}', i);
    if (close < 0) throw formatError(BAD_FORMAT);
    const item = /^\{\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([^}]*))?\}$/.exec(format.slice(i, close + 1));
    if (!item) throw formatError(BAD_FORMAT);
    const index = Number(item[1]);
    if (index >= args.length) throw formatError('Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
    const text = formatValue(args[index], item[3] ?? '');
    const width = item[2] === undefined ? 0 : Number(item[2]);
    out += width >= 0 ? text.padStart(width) : text.padEnd(-width);
    i = close + 1;
  }
  return out;
}

/** One argument with an optional format string, as IFormattable.ToString(format) would give it. */
export function formatValue(value: unknown, spec: string): string {
  if (spec === '') {
    // String.Format uses .NET's ToString (culture dates, round-trip doubles), not PowerShell's conversion.
    if (typeof value === 'number' && !isInt32(value)) return formatDoubleRoundTrip(value);
    if (value instanceof PSDateTime) return value.ToString();
    return toStr(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint') return formatNumber(value, spec);
  if (value instanceof PSDateTime || value instanceof PSTimeSpan) return value.ToString(spec);
  if (value instanceof PSChar) return value.value;
  if (value instanceof DotNetObject && 'ToString' in value && typeof (value as { ToString: unknown }).ToString === 'function') {
    return String((value as unknown as { ToString(f: string): unknown }).ToString(spec));
  }
  return toStr(value);
}

/** Digits of |n| and the position of the decimal point, from the 15-significant-digit form .NET formats from. */
function decimalDigits(n: number | bigint): { digits: string; point: number } {
  if (typeof n === 'bigint') {
    const s = (n < 0n ? -n : n).toString();
    return { digits: s, point: s.length };
  }
  const abs = Math.abs(n);
  if (abs === 0) return { digits: '0', point: 1 };
  if (Number.isInteger(abs) && abs < 1e15) {
    const s = String(abs);
    return { digits: s, point: s.length };
  }
  const [mantissa, exp] = abs.toExponential(14).split('e');
  return { digits: mantissa.replace('.', ''), point: Number(exp) + 1 };
}

/** |n| rounded half away from zero to `decimals` places: integer and fraction digit strings. */
function fixedParts(n: number | bigint, decimals: number): { int: string; frac: string } {
  const { digits, point } = decimalDigits(n);
  let all = point <= 0 ? '0'.repeat(-point + 1) + digits : digits;
  let intLength = point <= 0 ? 1 : point;
  if (all.length < intLength + decimals) all = all + '0'.repeat(intLength + decimals - all.length);
  const keep = intLength + decimals;
  let kept = all.slice(0, keep);
  if (all.length > keep && all[keep] >= '5') {
    const bumped = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
    if (bumped.length > kept.length) intLength++;
    kept = bumped;
  }
  const int = kept.slice(0, intLength).replace(/^0+(?=\d)/, '');
  return { int, frac: kept.slice(intLength) };
}

/**
 * |n| rounded on its exact binary value, as .NET Core's standard formats (N F C P) round;
 * `shift` moves the decimal point right first (P's times 100) without floating-point error.
 */
function exactParts(n: number | bigint, decimals: number, shift = 0): { int: string; frac: string } {
  if (typeof n === 'bigint') {
    const abs = (n < 0n ? -n : n) * 10n ** BigInt(shift);
    return { int: abs.toString(), frac: '0'.repeat(decimals) };
  }
  const abs = Math.abs(n);
  if (abs >= 1e21 || decimals + shift > 100) return fixedParts(abs * 10 ** shift, decimals);
  const [int, frac = ''] = abs.toFixed(decimals + shift).split('.');
  const digits = int + frac;
  const point = int.length + shift;
  return { int: digits.slice(0, point).replace(/^0+(?=\d)/, ''), frac: digits.slice(point) };
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function isNegative(n: number | bigint): boolean {
  return typeof n === 'bigint' ? n < 0n : n < 0 || Object.is(n, -0);
}

function isIntegral(n: number | bigint): boolean {
  return typeof n === 'bigint' || isInt32(n);
}

function withSign(n: number | bigint, body: string): string {
  return isNegative(n) && /[1-9]/.test(body) ? '-' + body : body;
}

/** .NET's numeric ToString(format) for en-US. */
export function formatNumber(value: number | bigint, spec: string): string {
  const standard = /^([A-Za-z])(\d{0,2})$/.exec(spec);
  if (!standard) return formatCustom(value, spec);
  if (typeof value === 'number' && !Number.isFinite(value)) return formatDouble(value);
  const kind = standard[1];
  const precision = standard[2] === '' ? null : Number(standard[2]);
  switch (kind.toUpperCase()) {
    case 'N': { const p = exactParts(value, precision ?? 2); return withSign(value, group(p.int) + (p.frac ? '.' + p.frac : '')); }
    case 'F': { const p = exactParts(value, precision ?? 2); return withSign(value, p.int + (p.frac ? '.' + p.frac : '')); }
    case 'C': { const p = exactParts(value, precision ?? 2); const body = '$' + group(p.int) + (p.frac ? '.' + p.frac : ''); return isNegative(value) && /[1-9]/.test(body) ? '-' + body : body; }
    case 'P': { const p = exactParts(value, precision ?? 2, 2); return withSign(value, group(p.int) + (p.frac ? '.' + p.frac : '') + '%'); }
    case 'D': {
      if (!isIntegral(value)) throw formatError('Format specifier was invalid');
      const digits = (typeof value === 'bigint' ? (value < 0n ? -value : value) : Math.abs(value)).toString().padStart(precision ?? 0, '0');
      return isNegative(value) ? '-' + digits : digits;
    }
    case 'X': {
      if (!isIntegral(value)) throw formatError('Format specifier was invalid');
      let big = BigInt(value);
      if (big < 0n) big += typeof value === 'bigint' ? 1n << 64n : 1n << 32n;
      const hex = big.toString(16).padStart(precision ?? 0, '0');
      return kind === 'X' ? hex.toUpperCase() : hex;
    }
    case 'E': {
      const n = Number(value);
      const [mantissa, exp] = Math.abs(n).toExponential(precision ?? 6).split('e');
      const e = Number(exp);
      const text = mantissa + (kind === 'E' ? 'E' : 'e') + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(3, '0');
      return n < 0 ? '-' + text : text;
    }
    case 'G': {
      if (typeof value === 'bigint' || (isInt32(value) && precision === null)) return value.toString();
      const text = formatDouble(value, precision ?? 15);
      return kind === 'g' ? text.replace('E', 'e') : text;
    }
    case 'R': return typeof value === 'bigint' || isInt32(value) ? value.toString() : formatDoubleRoundTrip(value);
  }
  return formatCustom(value, spec);
}

/** Splits a custom format into its `pos;neg;zero` sections, keeping quoted text intact. */
function sections(spec: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (quote) { if (c === quote) quote = null; current += c; continue; }
    if (c === "'" || c === '"') { quote = c; current += c; continue; }
    if (c === '\\') { current += c + (spec[i + 1] ?? ''); i++; continue; }
    if (c === ';') { out.push(current); current = ''; continue; }
    current += c;
  }
  out.push(current);
  return out;
}

/** Custom numeric formats: `0` and `#` placeholders, `.`, `,` grouping, `%`, quoted and escaped literals. */
function formatCustom(value: number | bigint, spec: string): string {
  const parts = sections(spec);
  let section = parts[0];
  let n = value;
  let signHandled = false;
  if (parts.length > 1 && isNegative(value)) {
    section = parts[1];
    n = typeof value === 'bigint' ? -value : -value;
    signHandled = true;
  }
  if (parts.length > 2 && Number(value) === 0) section = parts[2];

  // Read the placeholders of the section.
  let firstPlaceholder = -1;
  let lastPlaceholder = -1;
  let point = -1;
  let intZeros = 0;
  let fracZeros = 0;
  let fracDigits = 0;
  let grouping = false;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === "'" || c === '"') { const end = section.indexOf(c, i + 1); i = end < 0 ? section.length : end; continue; }
    if (c === '\\') { i++; continue; }
    if (c === '0' || c === '#') {
      if (firstPlaceholder < 0) firstPlaceholder = i;
      lastPlaceholder = i;
      if (point < 0) { if (c === '0') intZeros++; }
      else { fracDigits++; if (c === '0') fracZeros = fracDigits; }
    } else if (c === '.' && point < 0) point = i;
    else if (c === ',' && point < 0 && firstPlaceholder >= 0) grouping = true;
    else if (c === '%') percent = true;
  }
  if (percent) n = typeof n === 'bigint' ? n * 100n : n * 100;
  const p = fixedParts(n, fracDigits);
  let int = p.int === '0' && intZeros === 0 ? '' : p.int.padStart(intZeros, '0');
  if (grouping) int = group(int);
  const frac = p.frac.replace(/0+$/, '').padEnd(fracZeros, '0');
  const number = int + (frac.length > 0 ? '.' + frac : '');

  let out = '';
  let numberWritten = false;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === "'" || c === '"') {
      const end = section.indexOf(c, i + 1);
      out += section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end;
      continue;
    }
    if (c === '\\') { out += section[i + 1] ?? ''; i++; continue; }
    if (firstPlaceholder >= 0 && i >= firstPlaceholder && i <= lastPlaceholder) {
      if (!numberWritten) { out += number; numberWritten = true; }
      if (c === '0' || c === '#' || c === '.' || c === ',') continue;
    }
    out += c;
  }
  if (firstPlaceholder < 0 && !numberWritten) return out;
  return !signHandled && isNegative(value) && /[1-9]/.test(number) ? '-' + out : out;
}
