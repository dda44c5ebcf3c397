// Member access as PowerShell's adapters give it: properties (properties.ts) plus `.Count` and
// `.Length` on everything, member enumeration on arrays (`$procs.Name`), hashtable keys as
// properties, .NET methods of strings, arrays, hashtables and adapted objects, the ForEach/Where
// magic methods, indexing and static members (values/static-members.ts).

import { baseValue, convertTo, toBool, toNumber, toStr } from './convert.js';
import { PipelineStoppedError, RuntimeError } from './exceptions.js';
import { formatNumber } from './format-string.js';
import { compareValues, duplicateKeyMessage } from './operators.js';
import { getProperty } from './properties.js';
import { PSType, isInt32, typeNamesOf, typeOfValue } from './types.js';
import { DictionaryEntry, PSMemberSet } from './values/adapters.js';
import { collectionInfo, type CollectionInfo } from './values/collections.js';
import { PSChar } from './values/char.js';
import { memberContext } from './values/member-context.js';
import {
  cannotIndex, indexOutOfRange, invokeMethodOnNull, methodException, methodNotFound, nullArray, propertyNotSettable, readOnlyProperty,
} from './values/method-errors.js';
import { formatDoubleRoundTrip } from './values/number.js';
import { PSGroup } from './values/regex.js';
import { NOT_FOUND, STRING_METHOD_NAMES, compareCulture, invokeStringMethod } from './values/string-methods.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock, foldCase } from './values.js';

export { getStaticMember, invokeStaticMethod } from './values/static-members.js';
export { setMemberContext, type MemberContext } from './values/member-context.js';

/** `$arr.Name`: the member of each element, one level of arrays flattened; one result comes back alone. */
function enumerateMember(items: readonly unknown[], name: string): unknown {
  const out: unknown[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    const v = getMember(item, name);
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) out.push(x);
    else out.push(v);
  }
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/** `$x.Name`; $null when the value has no such member (PowerShell without strict mode). */
export function getMember(target: unknown, name: string): unknown {
  if (target === null || target === undefined) {
    const lower = foldCase(name);
    return lower === 'count' || lower === 'length' ? 0 : null;
  }
  if (target instanceof PSObject) {
    const p = target.getProperty(name);
    if (p) return target.readProperty(p);
  }
  const lookup = getProperty(target, name);
  if (lookup.found) return lookup.value;
  const lower = foldCase(name);
  if (Array.isArray(target)) {
    switch (lower) {
      case 'count': case 'length': case 'longlength': return target.length;
      case 'rank': return 1;
      case 'isfixedsize': return !collectionInfo(target)?.growable;
      case 'capacity': return Math.max(4, target.length);
      case 'isreadonly': case 'issynchronized': return false;
      case 'syncroot': return target;
    }
  }
  switch (lower) {
    case 'count': case 'length': return 1;
    case 'psobject': return new PSMemberSet(target);
    case 'pstypenames': return [...typeNamesOf(target)];
  }
  if (Array.isArray(target)) return enumerateMember(target, name);
  if (target instanceof PSHashtable) {
    switch (lower) {
      case 'isreadonly': case 'isfixedsize': case 'issynchronized': return false;
      case 'syncroot': return target;
    }
  }
  return null;
}

/** A settable JS property of an adapted .NET object (a setter or a plain field). */
function settableName(obj: DotNetObject, name: string): string | null | undefined {
  const wanted = foldCase(name);
  const declared = obj.psPropertyNames().find((n) => foldCase(n) === wanted);
  if (declared === undefined) return undefined;
  for (let proto: object | null = obj; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const d = Object.getOwnPropertyDescriptor(proto, declared);
    if (d) return d.set !== undefined || (d.writable === true && proto === obj) ? declared : null;
  }
  return null;
}

/** `$x.Name = value`. */
export function setMember(target: unknown, name: string, value: unknown): void {
  if (target instanceof PSObject) {
    const p = target.getProperty(name);
    if (p) {
      if (p.setter) p.setter(target, value);
      else if (p.getter) throw readOnlyProperty(p.name);
      else p.value = value;
      return;
    }
    if (target.baseObject !== null && target.baseObject !== undefined) return setMember(target.baseObject, name, value);
    throw propertyNotSettable(name);
  }
  if (target instanceof PSHashtable) {
    target.set(name, value);
    return;
  }
  if (target instanceof DotNetObject) {
    const js = settableName(target, name);
    if (js === null) throw readOnlyProperty(name);
    if (js !== undefined) {
      (target as unknown as Record<string, unknown>)[js] = value;
      return;
    }
  }
  throw propertyNotSettable(name);
}

/** .NET's Object.Equals: same type and value; strings compare ordinally and case-sensitively. */
function dotNetEquals(a: unknown, b: unknown): boolean {
  a = baseValue(a);
  b = baseValue(b);
  if (a === b) return true;
  if (a instanceof PSChar && b instanceof PSChar) return a.value === b.value;
  if (a instanceof DotNetObject && 'Equals' in a && typeof (a as { Equals: unknown }).Equals === 'function') {
    return toBool((a as unknown as { Equals(x: unknown): unknown }).Equals(b));
  }
  return false;
}

function fixedSize(method: string, args: readonly unknown[]): RuntimeError {
  return methodException(method, args.length, 'Collection was of a fixed size.', 'NotSupportedException');
}

/** `.ForEach(...)`: a script block per element, a property or method name, or a type to convert to. */
function magicForEach(items: readonly unknown[], args: readonly unknown[]): unknown[] {
  const [how, ...rest] = args;
  const out: unknown[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) out.push(x);
    else if (v !== undefined) out.push(v);
  };
  for (const item of items) {
    if (how instanceof ScriptBlock) {
      const ctx = memberContext();
      if (!ctx) throw RuntimeError.create('Script blocks cannot run here: no runspace is active.', 'ScriptBlockInvocationUnavailable', 'InvalidOperation');
      push(ctx.invokeScriptBlock(how, item, rest));
    } else if (how instanceof PSType) {
      push(convertTo(item, how.FullName));
    } else {
      const name = toStr(how);
      if (rest.length > 0) push(invokeMethod(item, name, rest));
      else {
        // A name is a property when the element has one, else a method called without arguments.
        const found = getProperty(item, name);
        const member = found.found ? found.value : getMember(item, name);
        push(member === null && item !== null && item !== undefined && hasMethod(item, name) ? invokeMethod(item, name, []) : member);
      }
    }
  }
  return out;
}

/** Whether `$x.name()` would find a method (ForEach('Name') probes before calling). */
function hasMethod(target: unknown, name: string): boolean {
  const lower = foldCase(name);
  if (lower === 'tostring' || lower === 'gettype' || lower === 'gethashcode') return true;
  if (typeof target === 'string') return STRING_METHOD_NAMES.has(lower);
  if (target instanceof DotNetObject) return dotNetMethodName(target, lower) !== undefined;
  return false;
}

/** `.Where({ ... }, 'First', 2)` and the other selection modes. */
function magicWhere(items: readonly unknown[], args: readonly unknown[]): unknown[] {
  const [block, modeArg, countArg] = args;
  if (!(block instanceof ScriptBlock)) throw methodException('Where', args.length, 'The argument must be a script block.', 'ArgumentException');
  const ctx = memberContext();
  if (!ctx) throw RuntimeError.create('Script blocks cannot run here: no runspace is active.', 'ScriptBlockInvocationUnavailable', 'InvalidOperation');
  const mode = modeArg === undefined ? 'default' : foldCase(toStr(modeArg));
  const count = countArg === undefined ? 0 : Number(toNumber(countArg));
  const test = (item: unknown): boolean => toBool(ctx.invokeScriptBlock(block, item, []));
  const out: unknown[] = [];
  switch (mode) {
    case 'first': for (const item of items) { if (test(item)) { out.push(item); if (out.length >= Math.max(count, 1)) break; } } return out;
    case 'last': { for (const item of items) if (test(item)) out.push(item); return out.slice(-Math.max(count, 1)); }
    case 'skipuntil': { let on = false; for (const item of items) { if (!on && test(item)) on = true; if (on) out.push(item); } return count > 0 ? out.slice(0, count) : out; }
    case 'until': { for (const item of items) { if (test(item)) break; out.push(item); } return count > 0 ? out.slice(0, count) : out; }
    case 'split': {
      const no: unknown[] = [];
      for (const item of items) (test(item) && (count === 0 || out.length < count) ? out : no).push(item);
      return [out, no];
    }
    default: for (const item of items) if (test(item)) out.push(item); return count > 0 ? out.slice(0, count) : out;
  }
}

/** ArrayList and List[T]: the methods that change the collection's size. */
function listMethod(target: unknown[], info: CollectionInfo, name: string, args: readonly unknown[]): unknown {
  const element = (v: unknown): unknown => (info.elementType === null ? v : convertTo(v, info.elementType));
  const position = (i: number, limit: number, method: string): number => {
    const n = Number(toNumber(args[i]));
    if (n < 0 || n > limit) throw methodException(method, args.length, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", 'ArgumentOutOfRangeException');
    return n;
  };
  switch (name) {
    case 'add': target.push(element(args[0] ?? null)); return info.addReturnsIndex ? target.length - 1 : undefined;
    case 'addrange': for (const x of Array.isArray(args[0]) ? args[0] : [args[0]]) target.push(element(x)); return undefined;
    case 'insert': target.splice(position(0, target.length, 'Insert'), 0, element(args[1] ?? null)); return undefined;
    case 'remove': {
      const i = target.findIndex((x) => dotNetEquals(x, args[0]));
      if (i >= 0) target.splice(i, 1);
      return info.addReturnsIndex ? undefined : i >= 0;
    }
    case 'removeat': target.splice(position(0, target.length - 1, 'RemoveAt'), 1); return undefined;
    case 'removerange': target.splice(Number(toNumber(args[0])), Number(toNumber(args[1]))); return undefined;
    case 'clear': target.length = 0; return undefined;
    case 'sort': target.sort((a, b) => compareValues(a, b, false)); return undefined;
    case 'reverse': target.reverse(); return undefined;
    case 'toarray': return [...target];
    case 'getrange': return target.slice(Number(toNumber(args[0])), Number(toNumber(args[0])) + Number(toNumber(args[1])));
  }
  return NOT_FOUND;
}

function arrayMethod(target: unknown[], name: string, args: readonly unknown[]): unknown {
  const info = collectionInfo(target);
  if (info?.growable) {
    const result = listMethod(target, info, name, args);
    if (result !== NOT_FOUND) return result;
  }
  switch (name) {
    case 'contains': return target.some((x) => dotNetEquals(x, args[0]));
    case 'indexof': return target.findIndex((x) => dotNetEquals(x, args[0]));
    case 'lastindexof': { for (let i = target.length - 1; i >= 0; i--) if (dotNetEquals(target[i], args[0])) return i; return -1; }
    case 'clone': return [...target];
    case 'getvalue': return getIndex(target, args[0]);
    case 'setvalue': setIndex(target, args[1], args[0]); return undefined;
    case 'add': case 'remove': case 'removeat': case 'insert': case 'clear': throw fixedSize(name === 'removeat' ? 'RemoveAt' : name[0].toUpperCase() + name.slice(1), args);
    case 'getenumerator': return target;
  }
  return NOT_FOUND;
}

function hashtableMethod(target: PSHashtable, name: string, args: readonly unknown[]): unknown {
  switch (name) {
    case 'add': {
      const key = baseValue(args[0]);
      if (key === null || key === undefined) throw methodException('Add', args.length, "Key cannot be null. (Parameter 'key')", 'ArgumentNullException');
      if (target.has(key)) {
        throw methodException('Add', args.length, duplicateKeyMessage(target, key), 'ArgumentException');
      }
      target.set(key, args[1] ?? null);
      return undefined;
    }
    case 'remove': target.delete(baseValue(args[0])); return undefined;
    case 'containskey': case 'contains': return target.has(baseValue(args[0]));
    case 'containsvalue': return target.values().some((v) => dotNetEquals(v, args[0]));
    case 'clear': target.clear(); return undefined;
    case 'clone': { const h = new PSHashtable(target.ordered); for (const [k, v] of target) h.set(k, v); return h; }
    case 'getenumerator': return [...target].map(([k, v]) => new DictionaryEntry(k, v));
    case 'get_item': return target.get(baseValue(args[0]));
    case 'set_item': target.set(baseValue(args[0]), args[1]); return undefined;
    case 'insert':
      if (!target.ordered) return NOT_FOUND;
      return insertOrdered(target, Number(toNumber(args[0])), args[1], args[2]);
  }
  return NOT_FOUND;
}

function insertOrdered(target: PSHashtable, index: number, key: unknown, value: unknown): undefined {
  const entries = [...target];
  entries.splice(index, 0, [key, value]);
  target.clear();
  for (const [k, v] of entries) target.set(k, v);
  return undefined;
}

const methodMaps = new WeakMap<object, Map<string, string>>();

function dotNetMethodName(obj: DotNetObject, name: string): string | undefined {
  const proto = Object.getPrototypeOf(obj) as object;
  let map = methodMaps.get(proto);
  if (!map) {
    map = new Map(obj.psMethodNames().map((n) => [foldCase(n), n]));
    methodMaps.set(proto, map);
  }
  return map.get(name);
}

function callDotNet(target: DotNetObject, jsName: string, args: readonly unknown[]): unknown {
  const fn = (target as unknown as Record<string, unknown>)[jsName];
  if (typeof fn !== 'function') return NOT_FOUND;
  try {
    return (fn as (...a: unknown[]) => unknown).apply(target, args.map((a) => (typeof a === 'bigint' ? Number(a) : a)));
  } catch (e) {
    // A stop unwinds through script blocks a method runs (ForEach, Where); it is no method failure.
    if (e instanceof RuntimeError || e instanceof PipelineStoppedError || !(e instanceof Error)) throw e;
    throw methodException(jsName, args.length, e.message, e.name === 'Error' ? 'MethodInvocationException' : e.name);
  }
}

/** Object's own ToString() (not PowerShell's string conversion: arrays give their type name). */
function dotNetToString(target: unknown, args: readonly unknown[]): string {
  if (typeof target === 'number') {
    if (args.length > 0 && typeof args[0] === 'string') return formatNumber(target, args[0]);
    return isInt32(target) ? String(target) : formatDoubleRoundTrip(target);
  }
  if (typeof target === 'bigint') return args.length > 0 && typeof args[0] === 'string' ? formatNumber(target, args[0]) : target.toString();
  if (Array.isArray(target)) return 'System.Object[]';
  if (target instanceof PSType) return target.FullName;
  return toStr(target);
}

function hashCode(target: unknown): number {
  const s = typeof target === 'object' ? typeNamesOf(target)[0] ?? '' : toStr(target);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function commonMethod(target: unknown, name: string, args: readonly unknown[]): unknown {
  switch (name) {
    case 'tostring': return dotNetToString(target, args);
    case 'gettype': return typeOfValue(target);
    case 'equals': return dotNetEquals(target, args[0]);
    case 'gethashcode': return hashCode(target);
    case 'compareto': {
      const other = args[0];
      if (typeof target === 'number' || typeof target === 'bigint') {
        const o = other === null || other === undefined ? null : toNumber(other);
        return o === null ? 1 : target < o ? -1 : target > o ? 1 : 0;
      }
      if (target instanceof PSChar) return compareCulture(target.value, toStr(other), false);
      return NOT_FOUND;
    }
    case 'foreach': return magicForEach(Array.isArray(target) ? target : [target], args);
    case 'where': return magicWhere(Array.isArray(target) ? target : [target], args);
  }
  return NOT_FOUND;
}

/** `$x.Method(args)`: .NET methods of the value's type, then the members every object has. */
export function invokeMethod(target: unknown, name: string, args: readonly unknown[]): unknown {
  if (target === null || target === undefined) throw invokeMethodOnNull();
  const lower = foldCase(name);
  let result: unknown = NOT_FOUND;
  if (typeof target === 'string') result = invokeStringMethod(target, lower, args);
  else if (Array.isArray(target)) result = arrayMethod(target, lower, args);
  else if (target instanceof PSHashtable) result = hashtableMethod(target, lower, args);
  else if (target instanceof PSObject) {
    if (target.baseObject !== null && target.baseObject !== undefined) return invokeMethod(target.baseObject, name, args);
  } else if (target instanceof DotNetObject) {
    const js = dotNetMethodName(target, lower);
    if (js !== undefined) result = callDotNet(target, js, args);
  }
  if (result === NOT_FOUND) result = commonMethod(target, lower, args);
  if (result === NOT_FOUND) throw methodNotFound(target, name);
  return result === undefined ? null : result;
}

function arrayPosition(length: number, index: unknown): number {
  const n = typeof index === 'number' ? index : Number(toNumber(index));
  const i = Number.isInteger(n) ? n : Math.round(n);
  return i < 0 ? length + i : i;
}

/** `$x[i]`: negative indexes count from the end, arrays of indexes slice, out of range gives $null. */
export function getIndex(target: unknown, index: unknown): unknown {
  if (Array.isArray(target)) {
    if (typeof index === 'number' && (index | 0) === index) {
      const i = index < 0 ? target.length + index : index;
      return i >= 0 && i < target.length ? target[i] : null;
    }
    if (Array.isArray(index)) return slice(target, index);
    if (typeof index === 'string' && target.length > 0 && target[0] instanceof PSGroup) {
      const wanted = foldCase(index);
      return (target as PSGroup[]).find((g) => foldCase(g.Name) === wanted) ?? null;
    }
    const i = arrayPosition(target.length, baseValue(index));
    return i >= 0 && i < target.length ? target[i] : null;
  }
  if (target instanceof PSHashtable) {
    if (Array.isArray(index)) return slice(target, index);
    return target.get(baseValue(index));
  }
  if (typeof target === 'string') {
    if (Array.isArray(index)) return slice(target, index);
    const i = arrayPosition(target.length, baseValue(index));
    return i >= 0 && i < target.length ? new PSChar(target[i]) : null;
  }
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof PSObject && target.baseObject !== null && target.baseObject !== undefined) return getIndex(target.baseObject, index);
  // A scalar indexes like a one-element collection.
  if (Array.isArray(index)) return slice(target, index);
  const i = arrayPosition(1, baseValue(index));
  return i === 0 ? target : null;
}

function slice(target: unknown, indexes: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const ix of indexes) {
    const v = getIndex(target, ix);
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** `$x[i] = value`. */
export function setIndex(target: unknown, index: unknown, value: unknown): void {
  if (Array.isArray(target)) {
    const i = arrayPosition(target.length, baseValue(index));
    if (i < 0 || i >= target.length) throw indexOutOfRange();
    target[i] = value;
    return;
  }
  if (target instanceof PSHashtable) {
    const key = baseValue(index);
    if (key === null || key === undefined) throw RuntimeError.create('Index operation failed; the array index evaluated to null.', 'NullArrayIndex', 'InvalidOperation');
    target.set(key, value);
    return;
  }
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof PSObject && target.baseObject !== null && target.baseObject !== undefined) return setIndex(target.baseObject, index, value);
  throw cannotIndex(target);
}
