// PowerShell's operators over values: the left operand decides the conversion, collections on
// the left filter for comparisons, Int32 arithmetic widens to Double on overflow, comparisons
// are case-insensitive unless the `c` form is used. Number/number and string/string come first
// because the evaluator calls these in its hottest loops.

import { baseValue, castError, convertTo, roundHalfEven, toBool, toNumber, toStr } from './convert.js';
import { PSDateTime, PSTimeSpan } from './datetime.js';
import { RuntimeError } from './exceptions.js';
import { formatOperator } from './format-string.js';
import { PSType, isInstanceOf, isInt32, resolveTypeName, typeNamesOf } from './types.js';
import { PSChar } from './values/char.js';
import { memberContext } from './values/member-context.js';
import { fromInt64 } from './values/number.js';
import { PSMatch, compileRegex, regexEscape, regexReplace, type CompiledRegex } from './values/regex.js';
import { compareCulture } from './values/string-methods.js';
import { wildcardToRegExp } from './wildcard.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock } from './values.js';

type Num = number | bigint;

function opNotDefined(op: string, left: unknown): RuntimeError {
  const names: Record<string, string> = { '+': 'op_Addition', '-': 'op_Subtraction', '*': 'op_Multiply', '/': 'op_Division', '%': 'op_Modulus' };
  return RuntimeError.create(`Method invocation failed because [${typeNamesOf(left)[0] ?? 'System.Object'}] does not contain a method named '${names[op] ?? op}'.`,
    'MethodNotFound', 'InvalidOperation', 'System.Management.Automation.RuntimeException', left);
}

function divideByZero(): RuntimeError {
  return RuntimeError.create('Attempted to divide by zero.', 'RuntimeException', 'NotSpecified', 'System.DivideByZeroException');
}

/** An arithmetic operand: numbers as they are, anything else converted (throws PowerShell's error). */
function arithmeticOperand(v: unknown, op: string, left: unknown): Num {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined || v instanceof PSChar) return toNumber(v);
  const b = baseValue(v);
  if (b !== v) return arithmeticOperand(b, op, left);
  if (Array.isArray(v) || v instanceof PSHashtable || v instanceof PSObject || v instanceof DotNetObject || v instanceof ScriptBlock) {
    throw v === left ? opNotDefined(op, left) : castError(v, 'System.Int32');
  }
  return toNumber(v);
}

/** Int64 arithmetic when either side is Int64 and neither is fractional; results leaving Int64 become Double. */
function bigArithmetic(op: string, a: Num, b: Num): Num {
  if ((typeof a === 'number' && !Number.isInteger(a)) || (typeof b === 'number' && !Number.isInteger(b))) return numberArithmetic(op, Number(a), Number(b));
  const x = BigInt(a);
  const y = BigInt(b);
  switch (op) {
    case '+': return fromInt64(x + y);
    case '-': return fromInt64(x - y);
    case '*': return fromInt64(x * y);
    case '/':
      if (y === 0n) throw divideByZero();
      return x % y === 0n ? fromInt64(x / y) : Number(x) / Number(y);
    case '%':
      if (y === 0n) throw divideByZero();
      return x % y;
  }
  throw opNotDefined(op, a);
}

function numberArithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0 && Number.isInteger(a)) throw divideByZero();
      return a / b;
    case '%':
      if (b === 0 && Number.isInteger(a)) throw divideByZero();
      return a % b;
  }
  return NaN;
}

function arithmetic(op: string, left: unknown, right: unknown): Num {
  const a = arithmeticOperand(left, op, left);
  const b = arithmeticOperand(right, op, left);
  if (typeof a === 'number' && typeof b === 'number') return numberArithmetic(op, a, b);
  return bigArithmetic(op, a, b);
}

function spanOf(v: unknown): PSTimeSpan {
  return v instanceof PSTimeSpan ? v : (convertTo(v, 'timespan') as PSTimeSpan);
}

/** .NET's duplicate key message, naming the key as stored and as given. */
export function duplicateKeyMessage(table: PSHashtable, key: unknown): string {
  const probe = new PSHashtable();
  probe.set(key, true);
  const stored = table.keys().find((k) => probe.has(k)) ?? key;
  return `Item has already been added. Key in dictionary: '${toStr(stored)}'  Key being added: '${toStr(key)}'`;
}

function add(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  if (typeof left === 'string') return left + (typeof right === 'string' ? right : toStr(right));
  if (left === null || left === undefined) return right === undefined ? null : right;
  if (Array.isArray(left)) return Array.isArray(right) ? left.concat(right) : [...left, right];
  if (left instanceof PSHashtable) {
    if (!(right instanceof PSHashtable)) throw RuntimeError.create('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable', 'InvalidOperation');
    const merged = new PSHashtable(left.ordered);
    for (const [k, v] of left) merged.set(k, v);
    for (const [k, v] of right) {
      if (merged.has(k)) throw RuntimeError.create(duplicateKeyMessage(merged, k), 'System.ArgumentException', 'NotSpecified', 'System.ArgumentException');
      merged.set(k, v);
    }
    return merged;
  }
  if (left instanceof PSDateTime) return left.Add(spanOf(right));
  if (left instanceof PSTimeSpan) return right instanceof PSDateTime ? right.Add(left) : left.Add(spanOf(right));
  if (left instanceof PSChar && typeof right === 'string') return left.value + right;
  if (left instanceof PSObject && left.baseObject !== null && left.baseObject !== undefined) return add(left.baseObject, right);
  return arithmetic('+', left, right);
}

function subtract(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (left instanceof PSDateTime) {
    if (right instanceof PSDateTime) return new PSTimeSpan(left.utcMs - right.utcMs);
    return left.Add(spanOf(right).Negate());
  }
  if (left instanceof PSTimeSpan) return left.Subtract(spanOf(right));
  return arithmetic('-', left, right);
}

/** `'ab' * 3`, `@(1,2) * 2`, numbers. */
function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left * right;
  if (typeof left === 'string') return left.repeat(repeatCount(right));
  if (Array.isArray(left)) {
    const n = repeatCount(right);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) for (const x of left) out.push(x);
    return out;
  }
  if (left === null || left === undefined) return null;
  return arithmetic('*', left, right);
}

function repeatCount(v: unknown): number {
  const n = convertTo(v, 'int') as number;
  if (n < 0) throw RuntimeError.create(`Cannot convert value "${toStr(v)}" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."`, 'InvalidCastIConvertible', 'InvalidArgument');
  return n;
}

/** int/int gives Int32 when exact, Double otherwise; that falls out of JS division with our number representation. */
function divide(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') {
    if (right === 0 && Number.isInteger(left)) throw divideByZero();
    return left / right;
  }
  if (left instanceof PSTimeSpan && (typeof right === 'number' || typeof right === 'bigint')) return new PSTimeSpan(left.ms / Number(right));
  if (left === null || left === undefined) return arithmetic('/', 0, right);
  return arithmetic('/', left, right);
}

function modulo(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') {
    if (right === 0 && Number.isInteger(left)) throw divideByZero();
    return left % right + 0;
  }
  return arithmetic('%', left, right);
}

/* ---------- comparison ---------- */

function tryNumber(v: unknown): Num | null {
  try {
    return toNumber(v);
  } catch {
    return null;
  }
}

/**
 * A string on the right converts to the left's type, so an integer left rounds it
 * (`2 -eq '1.5'` is true, as LanguagePrimitives converts '1.5' to Int32).
 */
function asLeftType(left: Num, right: Num): Num {
  const integral = typeof left === 'bigint' || isInt32(left);
  return integral && typeof right === 'number' && !Number.isInteger(right) && Number.isFinite(right) ? roundHalfEven(right) : right;
}

function numbersEqual(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  const n = typeof a === 'number' ? a : b as number;
  const big = typeof a === 'bigint' ? a : b as bigint;
  return Number.isInteger(n) ? BigInt(n) === big : n === Number(big);
}

/** Case-insensitive string equality without allocating for ASCII text. */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    if ((x | 0x20) !== (y | 0x20) || (x | 0x20) < 97 || (x | 0x20) > 122) return false;
  }
  return true;
}

/** PowerShell's -eq for two scalars: the right operand converted to the left's type; a failed conversion is "not equal". */
export function valuesEqual(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string') {
    if (typeof b !== 'string') {
      if (b === null || b === undefined) return false;
      b = toStr(b);
    }
    return a === b || (!caseSensitive && equalsIgnoreCase(a, b as string));
  }
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' || typeof a === 'bigint') {
    if (typeof b === 'string' && b.trim() === '') return false;
    const n = tryNumber(b instanceof PSChar ? b.code : b);
    return n !== null && numbersEqual(a, typeof b === 'string' ? asLeftType(a, n) : n);
  }
  if (typeof a === 'boolean') return a === toBool(b);
  if (a instanceof PSChar) {
    if (b instanceof PSChar || typeof b === 'string') return valuesEqual(a.value, toStr(b), caseSensitive);
    const n = tryNumber(b);
    return n !== null && numbersEqual(a.code, n);
  }
  if (a instanceof PSDateTime) {
    const d = b instanceof PSDateTime ? b : tryConvert(b, 'datetime');
    return d instanceof PSDateTime && d.wallMs === a.wallMs;
  }
  if (a instanceof PSTimeSpan) {
    const t = b instanceof PSTimeSpan ? b : tryConvert(b, 'timespan');
    return t instanceof PSTimeSpan && t.ms === a.ms;
  }
  const base = baseValue(a);
  if (base !== a) return valuesEqual(base, b, caseSensitive);
  if (a === b || a === baseValue(b)) return true;
  if (a instanceof DotNetObject && 'Equals' in a && typeof (a as { Equals: unknown }).Equals === 'function') {
    return toBool((a as unknown as { Equals(x: unknown): unknown }).Equals(baseValue(b)));
  }
  return false;
}

function tryConvert(v: unknown, typeName: string): unknown {
  try {
    return convertTo(v, typeName);
  } catch {
    return null;
  }
}

function notComparable(a: unknown): RuntimeError {
  return RuntimeError.create(`Cannot compare "${toStr(a)}" because it is not IComparable.`, 'NotIcomparable', 'InvalidOperation');
}

function comparisonFailure(a: unknown, b: unknown, e: unknown): RuntimeError {
  const reason = e instanceof RuntimeError ? e.message : String(e);
  return RuntimeError.create(`Could not compare "${toStr(a)}" to "${toStr(b)}". Error: "${reason}"`, 'ComparisonFailure', 'InvalidOperation');
}

function compareNumbers(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && !Number.isInteger(a)) return compareNumbers(a, Number(b));
  if (typeof b === 'number' && !Number.isInteger(b)) return compareNumbers(Number(a), b);
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** $null sorts below everything except negative numbers. */
function compareToNull(v: unknown): number {
  const n = baseValue(v);
  return (typeof n === 'number' || typeof n === 'bigint') && n < 0 ? -1 : 1;
}

/**
 * Ordering for -lt/-gt and sorting: negative, zero or positive. The right operand is converted to
 * the left's type.
 */
export function compareValues(a: unknown, b: unknown, caseSensitive: boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareCulture(a, b, !caseSensitive);
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -compareToNull(b);
  if (b === null || b === undefined) return compareToNull(a);
  if (typeof a === 'string') return compareCulture(a, toStr(b), !caseSensitive);
  if (typeof a === 'number' || typeof a === 'bigint') {
    try {
      const n = toNumber(b instanceof PSChar ? b.code : b);
      return compareNumbers(a, typeof b === 'string' ? asLeftType(a, n) : n);
    } catch (e) {
      throw comparisonFailure(a, b, e);
    }
  }
  if (typeof a === 'boolean') return Number(a) - Number(toBool(b));
  if (a instanceof PSChar) {
    if (typeof b === 'string' || b instanceof PSChar) return compareCulture(a.value, toStr(b), !caseSensitive);
    return compareNumbers(a.code, toNumber(b));
  }
  if (a instanceof PSDateTime) {
    try {
      const d = b instanceof PSDateTime ? b : (convertTo(b, 'datetime') as PSDateTime);
      return Math.sign(a.wallMs - d.wallMs);
    } catch (e) {
      throw comparisonFailure(a, b, e);
    }
  }
  if (a instanceof PSTimeSpan) return Math.sign(a.ms - spanOf(b).ms);
  const base = baseValue(a);
  if (base !== a) return compareValues(base, b, caseSensitive);
  if (a instanceof DotNetObject && 'CompareTo' in a && typeof (a as { CompareTo: unknown }).CompareTo === 'function') {
    return Number((a as unknown as { CompareTo(x: unknown): unknown }).CompareTo(baseValue(b)));
  }
  throw notComparable(a);
}

/* ---------- -like, -match, -replace, -split ---------- */

function regexFor(pattern: unknown, flags: string): CompiledRegex {
  const text = toStr(pattern);
  try {
    return compileRegex(text, flags);
  } catch {
    throw RuntimeError.create(`The regular expression pattern ${text} is not valid.`, 'InvalidRegularExpression', 'InvalidOperation',
      'System.Management.Automation.RuntimeException', text);
  }
}

/** $Matches for a successful -match: named groups, then numbered groups from the highest down to 0. */
function matchesTable(m: RegExpExecArray, compiled: CompiledRegex): PSHashtable {
  const h = new PSHashtable();
  for (let i = 1; i < m.length; i++) {
    const name = compiled.groupNames[i];
    if (name && m[i] !== undefined) h.set(name, m[i]);
  }
  for (let i = m.length - 1; i >= 0; i--) {
    if (compiled.groupNames[i] || m[i] === undefined) continue;
    h.set(i, m[i]);
  }
  return h;
}

function match(op: string, left: unknown, right: unknown, caseSensitive: boolean, setMatches?: (m: PSHashtable | null) => void): unknown {
  const negate = op === 'notmatch';
  const compiled = regexFor(right, caseSensitive ? '' : 'i');
  if (Array.isArray(left)) {
    const out: unknown[] = [];
    for (const item of left) if (compiled.regex.test(toStr(item)) !== negate) out.push(item);
    return out;
  }
  const m = compiled.regex.exec(toStr(left));
  if (m !== null && setMatches) setMatches(matchesTable(m, compiled));
  return (m !== null) !== negate;
}

function like(op: string, left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const negate = op === 'notlike';
  const re = wildcardToRegExp(toStr(right), caseSensitive);
  if (Array.isArray(left)) {
    const out: unknown[] = [];
    for (const item of left) if (re.test(toStr(item)) !== negate) out.push(item);
    return out;
  }
  return re.test(toStr(left)) !== negate;
}

function replace(left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const [pattern, replacement] = Array.isArray(right) ? [right[0], right.length > 1 ? right[1] : ''] : [right, ''];
  if (Array.isArray(right) && right.length > 2) {
    throw RuntimeError.create(`The -replace operator allows only two elements to follow it, not ${right.length}.`, 'BadReplaceArgument', 'InvalidOperation');
  }
  const compiled = regexFor(pattern, caseSensitive ? 'g' : 'gi');
  let with_: string | ((m: RegExpExecArray) => string);
  if (replacement instanceof ScriptBlock) {
    const ctx = memberContext();
    if (!ctx) throw RuntimeError.create('Script blocks cannot run here: no runspace is active.', 'ScriptBlockInvocationUnavailable', 'InvalidOperation');
    with_ = (m) => {
      const matched = PSMatch.fromExec(m, compiled);
      return toStr(ctx.invokeScriptBlock(replacement, matched, [matched]));
    };
  } else with_ = toStr(replacement);
  const one = (v: unknown): string => regexReplace(toStr(v), compiled, with_);
  return Array.isArray(left) ? left.map(one) : one(left);
}

interface Delimiter {
  readonly start: number;
  readonly end: number;
  /** Captured groups, which -split keeps in its output. */
  readonly captures: readonly string[];
}

function regexDelimiters(s: string, compiled: CompiledRegex): Delimiter[] {
  const re = compiled.regex;
  re.lastIndex = 0;
  const out: Delimiter[] = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) re.lastIndex++;
    const captures: string[] = [];
    for (let g = 1; g < m.length; g++) if (m[g] !== undefined) captures.push(m[g]);
    out.push({ start: m.index, end: m.index + m[0].length, captures });
  }
  return out;
}

function scriptBlockDelimiters(s: string, block: ScriptBlock): Delimiter[] {
  const ctx = memberContext();
  if (!ctx) throw RuntimeError.create('Script blocks cannot run here: no runspace is active.', 'ScriptBlockInvocationUnavailable', 'InvalidOperation');
  const out: Delimiter[] = [];
  for (let i = 0; i < s.length; i++) {
    if (toBool(ctx.invokeScriptBlock(block, new PSChar(s[i]), [new PSChar(s[i]), i]))) out.push({ start: i, end: i + 1, captures: [] });
  }
  return out;
}

/** Cuts a string at its delimiters; a positive maximum keeps the first ones, a negative one the last ones. */
function cut(s: string, delimiters: readonly Delimiter[], max: number): string[] {
  let used = delimiters;
  if (max > 0 && delimiters.length > max - 1) used = delimiters.slice(0, max - 1);
  else if (max < 0 && delimiters.length > -max - 1) used = delimiters.slice(delimiters.length - (-max - 1));
  const out: string[] = [];
  let last = 0;
  for (const d of used) {
    out.push(s.slice(last, d.start), ...d.captures);
    last = d.end;
  }
  out.push(s.slice(last));
  return out;
}

const SPLIT_OPTIONS = ['simplematch', 'regexmatch', 'cultureinvariant', 'ignorepatternwhitespace', 'multiline', 'singleline', 'ignorecase', 'explicitcapture'];

/** .NET's IgnorePatternWhitespace and ExplicitCapture, which JS lacks, done on the pattern text. */
function applyPatternOptions(pattern: string, ignoreWhitespace: boolean, explicitCapture: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { out += c + (pattern[i + 1] ?? ''); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    if (ignoreWhitespace && /\s/.test(c)) continue;
    if (ignoreWhitespace && c === '#') { while (i < pattern.length && pattern[i] !== '\n') i++; continue; }
    if (explicitCapture && c === '(' && pattern[i + 1] !== '?') { out += '(?:'; continue; }
    out += c;
  }
  return out;
}

function split(left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const args = Array.isArray(right) ? right : [right];
  const delimiter = args[0];
  const max = args.length > 1 && args[1] !== null ? (convertTo(args[1], 'int') as number) : 0;
  const options = args.length > 2 ? toStr(args[2]).split(',').map((o) => o.trim().toLowerCase()).filter((o) => o !== '') : [];
  for (const o of options) {
    if (!SPLIT_OPTIONS.includes(o)) {
      throw RuntimeError.create(`Cannot convert value "${o}" to type "System.Management.Automation.SplitOptions".`, 'InvalidCastFromStringToEnum', 'InvalidArgument');
    }
  }
  const simple = options.includes('simplematch');
  if (simple && options.some((o) => o !== 'simplematch' && o !== 'ignorecase')) {
    throw RuntimeError.create('The combination of options with the -split operator is not valid.', 'InvalidSplitOptionCombination', 'InvalidOperation');
  }
  const items = Array.isArray(left) ? left : [left];
  let delimitersOf: (s: string) => Delimiter[];
  if (delimiter instanceof ScriptBlock) delimitersOf = (s) => scriptBlockDelimiters(s, delimiter);
  else {
    let flags = 'g' + (caseSensitive && !options.includes('ignorecase') ? '' : 'i');
    if (options.includes('multiline')) flags += 'm';
    if (options.includes('singleline')) flags += 's';
    const text = toStr(delimiter);
    const source = simple ? regexEscape(text) : applyPatternOptions(text, options.includes('ignorepatternwhitespace'), options.includes('explicitcapture'));
    const compiled = regexFor(source, flags);
    delimitersOf = (s) => regexDelimiters(s, compiled);
  }
  const out: string[] = [];
  for (const item of items) {
    const s = toStr(item);
    out.push(...cut(s, delimitersOf(s), max));
  }
  return out;
}

/* ---------- bitwise, type, range ---------- */

function toIntegerBits(v: unknown): { value: bigint; wide: boolean } {
  const n = toNumber(v);
  if (typeof n === 'bigint') return { value: n, wide: true };
  if (!Number.isFinite(n)) throw castError(v, 'System.Int64');
  return { value: BigInt(roundHalfEven(n)), wide: !isInt32(roundHalfEven(n)) };
}

function bitwise(op: string, left: unknown, right: unknown): Num {
  if (typeof left === 'number' && typeof right === 'number' && isInt32(left) && isInt32(right)) {
    switch (op) {
      case 'band': return left & right;
      case 'bor': return left | right;
      case 'bxor': return left ^ right;
      case 'shl': return left << (right & 31);
      case 'shr': return left >> (right & 31);
    }
  }
  const a = toIntegerBits(left);
  const b = toIntegerBits(right);
  const wide = a.wide || b.wide;
  let r: bigint;
  switch (op) {
    case 'band': r = a.value & b.value; break;
    case 'bor': r = a.value | b.value; break;
    case 'bxor': r = a.value ^ b.value; break;
    case 'shl': r = a.value << (b.value & (a.wide ? 63n : 31n)); break;
    default: r = a.value >> (b.value & (a.wide ? 63n : 31n)); break;
  }
  if (op === 'shl' || op === 'shr') return a.wide ? BigInt.asIntN(64, r) : Number(BigInt.asIntN(32, r));
  return wide ? BigInt.asIntN(64, r) : Number(BigInt.asIntN(32, r));
}

function typeNameOf(right: unknown): string {
  if (right instanceof PSType) return right.FullName;
  const name = toStr(right);
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

/** `-is`: the right side is a type literal, or a string naming a type. */
function isOperator(left: unknown, right: unknown): boolean {
  const name = typeNameOf(right);
  const value = name.toLowerCase() === 'psobject' || name.toLowerCase() === 'system.management.automation.psobject' ? left : baseValue(left);
  if (isInstanceOf(value, name)) return true;
  if (!(right instanceof PSType) && resolveTypeName(name) === null) {
    throw RuntimeError.create("The right operand of '-is' must be a type.", 'RuntimeException', 'InvalidOperation', 'System.Management.Automation.RuntimeException', right);
  }
  return false;
}

/** `1..5`, `5..1`, `'a'..'e'`. */
export function range(left: unknown, right: unknown): unknown[] {
  const lc = charBound(left);
  const rc = charBound(right);
  if (lc !== null && rc !== null) {
    const out: PSChar[] = [];
    const step = lc <= rc ? 1 : -1;
    for (let c = lc; ; c += step) { out.push(PSChar.fromCode(c)); if (c === rc) break; }
    return out;
  }
  const [a, b] = integerBounds(left, right) ?? [0, 0];
  const out: number[] = new Array(Math.abs(b - a) + 1);
  const step = a <= b ? 1 : -1;
  for (let i = 0, v = a; i < out.length; i++, v += step) out[i] = v;
  return out;
}

/** A range's bounds as Int32s; null for a range of characters. */
export function integerBounds(left: unknown, right: unknown): readonly [number, number] | null {
  if (charBound(left) !== null && charBound(right) !== null) return null;
  return [convertTo(left, 'int') as number, convertTo(right, 'int') as number];
}

function charBound(v: unknown): number | null {
  if (v instanceof PSChar) return v.code;
  if (typeof v === 'string' && v.length === 1 && !/\d/.test(v)) return v.charCodeAt(0);
  return null;
}

/* ---------- entry points ---------- */

function comparison(name: string, left: unknown, right: unknown, cs: boolean): boolean {
  switch (name) {
    case 'eq': return valuesEqual(left, right, cs);
    case 'ne': return !valuesEqual(left, right, cs);
    case 'gt': return compareValues(left, right, cs) > 0;
    case 'ge': return compareValues(left, right, cs) >= 0;
    case 'lt': return compareValues(left, right, cs) < 0;
    default: return compareValues(left, right, cs) <= 0;
  }
}

/** A collection on the left of a comparison gives the elements for which it holds. */
function filterComparison(name: string, left: readonly unknown[], right: unknown, cs: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of left) if (comparison(name, item, right, cs)) out.push(item);
  return out;
}

function contains(collection: unknown, item: unknown, caseSensitive: boolean): boolean {
  if (Array.isArray(collection)) {
    for (const x of collection) if (valuesEqual(x, item, caseSensitive)) return true;
    return false;
  }
  return valuesEqual(collection, item, caseSensitive);
}

/** Strips the `i`/`c` case prefix: '-ceq' → ['eq', true]. */
const opCache = new Map<string, readonly [string, boolean]>();
function parseOperator(op: string): readonly [string, boolean] {
  let parsed = opCache.get(op);
  if (parsed === undefined) {
    const lower = op.toLowerCase();
    const name = lower.startsWith('-') ? lower.slice(1) : lower;
    const caseForms = /^[ic](eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|replace|split|contains|notcontains|in|notin)$/;
    parsed = caseForms.test(name) ? [name.slice(1), name[0] === 'c'] : [name, false];
    opCache.set(op, parsed);
  }
  return parsed;
}

/** Every binary operator except the lazy ones the evaluator runs itself (`??`, and short-circuiting `-and`/`-or`). */
export function binaryOperator(op: string, left: unknown, right: unknown, setMatches?: (m: PSHashtable | null) => void): unknown {
  switch (op) {
    case '+': return add(left, right);
    case '-': return subtract(left, right);
    case '*': return multiply(left, right);
    case '/': return divide(left, right);
    case '%': return modulo(left, right);
    case '-eq':
      if (typeof left === 'number' && typeof right === 'number') return left === right;
      if (typeof left === 'string' && typeof right === 'string') return left === right || equalsIgnoreCase(left, right);
      break;
    case '-lt': if (typeof left === 'number' && typeof right === 'number') return left < right; break;
    case '-le': if (typeof left === 'number' && typeof right === 'number') return left <= right; break;
    case '-gt': if (typeof left === 'number' && typeof right === 'number') return left > right; break;
    case '-ge': if (typeof left === 'number' && typeof right === 'number') return left >= right; break;
    case '-ne': if (typeof left === 'number' && typeof right === 'number') return left !== right; break;
    case '..': return range(left, right);
  }
  const [name, cs] = parseOperator(op);
  switch (name) {
    case 'eq': case 'ne': case 'gt': case 'ge': case 'lt': case 'le':
      return Array.isArray(left) ? filterComparison(name, left, right, cs) : comparison(name, left, right, cs);
    case 'like': case 'notlike': return like(name, left, right, cs);
    case 'match': case 'notmatch': return match(name, left, right, cs, setMatches);
    case 'replace': return replace(left, right, cs);
    case 'split': return split(left, right, cs);
    case 'join': return Array.isArray(left) ? left.map(toStr).join(toStr(right)) : toStr(left);
    case 'f': return formatOperator(toStr(left), Array.isArray(right) ? right : [right]);
    case 'contains': return contains(left, right, cs);
    case 'notcontains': return !contains(left, right, cs);
    case 'in': return contains(right, left, cs);
    case 'notin': return !contains(right, left, cs);
    case 'is': return isOperator(left, right);
    case 'isnot': return !isOperator(left, right);
    case 'as': return tryConvert(left, typeNameOf(right));
    case 'band': case 'bor': case 'bxor': case 'shl': case 'shr': return bitwise(name, left, right);
    case 'and': return toBool(left) && toBool(right);
    case 'or': return toBool(left) || toBool(right);
    case 'xor': return toBool(left) !== toBool(right);
  }
  throw RuntimeError.create(`The operator '${op}' is not supported.`, 'OperatorNotSupported', 'NotImplemented');
}

function negate(v: unknown): unknown {
  if (typeof v === 'number') return v === 0 ? 0 : -v;
  if (typeof v === 'bigint') return fromInt64(-v);
  const n = toNumber(v);
  return typeof n === 'bigint' ? fromInt64(-n) : n === 0 ? 0 : -n;
}

/** `++`/`--` need a number ($null counts as 0; numeric strings convert). */
function incrementable(op: string, v: unknown): Num {
  const b = baseValue(v);
  if (b === null || b === undefined) return 0;
  if (typeof b === 'number' || typeof b === 'bigint') return b;
  const n = typeof b === 'string' ? tryNumber(b) : b instanceof PSChar ? b.code : null;
  if (n === null) {
    const shown = op.replace('post', '');
    throw RuntimeError.create(`The '${shown}' operator works only on numbers. The operand is a '${typeNamesOf(b)[0] ?? 'System.Object'}'.`,
      'OperatorRequiresNumber', 'InvalidOperation', 'System.Management.Automation.RuntimeException', v);
  }
  return n;
}

/** Unary operators; `++`/`--` return the new value and leave the assignment to the evaluator. */
export function unaryOperator(op: string, operand: unknown): unknown {
  switch (op) {
    case '-not': case '!': return !toBool(operand);
    case '-': return negate(operand);
    case '+': return typeof operand === 'number' || typeof operand === 'bigint' ? operand : toNumber(operand);
    case ',': return [operand];
    case '++': case 'post++': return arithmetic('+', incrementable(op, operand), 1);
    case '--': case 'post--': return arithmetic('-', incrementable(op, operand), 1);
    case '-bnot': {
      const { value, wide } = toIntegerBits(operand);
      return wide ? BigInt.asIntN(64, ~value) : Number(BigInt.asIntN(32, ~value));
    }
    case '-split': case '-isplit': case '-csplit': {
      const items = Array.isArray(operand) ? operand : [operand];
      return items.flatMap((item) => toStr(item).split(/\s+/).filter((s) => s !== ''));
    }
    case '-join': return Array.isArray(operand) ? operand.map(toStr).join('') : toStr(operand);
  }
  throw RuntimeError.create(`The operator '${op}' is not supported.`, 'OperatorNotSupported', 'NotImplemented');
}
