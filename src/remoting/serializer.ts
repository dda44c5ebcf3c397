// Objects crossing a runspace boundary, the way PowerShell's CLIXML serializer treats them but
// in JSON: primitives and known containers round-trip exactly, every other object becomes a
// property bag whose type names start with "Deserialized.", its properties kept to a depth.

import { toStr } from '../runtime/convert.js';
import { PSDateTime, PSTimeSpan, type DateTimeKind } from '../runtime/datetime.js';
import { ErrorRecord, PSException, type ErrorCategory, type ErrorPosition } from '../runtime/error-record.js';
import { getProperty, propertyNames } from '../runtime/properties.js';
import { PSChar } from '../runtime/values/char.js';
import { PSGuid } from '../runtime/values/guid.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock } from '../runtime/values.js';

export type SerializedValue =
  | null
  | string
  | boolean
  /** Int32 or a finite Double (our value model tells them apart by integrality). */
  | number
  | { readonly t: 'dbl'; readonly v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { readonly t: 'i64'; readonly v: string }
  | { readonly t: 'dt'; readonly ms: number; readonly kind: DateTimeKind }
  | { readonly t: 'ts'; readonly ms: number }
  | { readonly t: 'guid'; readonly v: string }
  | { readonly t: 'char'; readonly v: string }
  | { readonly t: 'arr'; readonly v: readonly SerializedValue[] }
  | { readonly t: 'ht'; readonly ordered: boolean; readonly e: readonly (readonly [SerializedValue, SerializedValue])[] }
  | SerializedError
  | SerializedObject
  /** Stream payloads (information and progress records) are plain records. */
  | { readonly t: 'rec'; readonly v: Readonly<Record<string, SerializedValue>> };

export type SerializedObject = {
  readonly t: 'obj';
  /** Type names already prefixed with "Deserialized.". */
  readonly types: readonly string[];
  readonly props: readonly (readonly [string, SerializedValue])[];
  /** The object's ToString(), only for an object without properties or base (it then stands for the object). */
  readonly str?: string;
  /** A wrapped value (a string with note properties). */
  readonly base?: SerializedValue;
}

export type SerializedError = {
  readonly t: 'err';
  readonly exceptionType: string;
  readonly message: string;
  readonly errorId: string;
  readonly category: ErrorCategory;
  readonly target: SerializedValue;
  readonly details: string | null;
  readonly stackTrace: string | null;
  readonly position: ErrorPosition | null;
  readonly originComputer: string | null;
  /** PowerShell keeps WasThrownFromThrowStatement across a job, so the view still says `Exception`. */
  readonly thrown?: boolean;
}

/** Containers nested deeper than this (or cycles) are cut to their ToString(). */
const MAX_CONTAINER_NESTING = 64;

const PREFIX = 'Deserialized.';

function deserializedTypeNames(names: readonly string[]): string[] {
  return names.map((n) => (n.startsWith(PREFIX) ? n : PREFIX + n));
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Serializes `value`; objects keep their properties down to `depth` levels (PowerShell remoting
 * uses 1: a result's properties survive, objects inside them become their ToString()).
 * Arrays and hashtables are containers: they do not use up depth.
 */
export function serialize(value: unknown, depth = 1): SerializedValue {
  return serializeAt(value, depth, []);
}

function serializeAt(value: unknown, depth: number, path: object[]): SerializedValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { t: 'dbl', v: 'NaN' };
      if (value === Infinity) return { t: 'dbl', v: 'Infinity' };
      if (value === -Infinity) return { t: 'dbl', v: '-Infinity' };
      if (Object.is(value, -0)) return { t: 'dbl', v: '-0' };
      return value;
    case 'bigint':
      return { t: 'i64', v: value.toString() };
    case 'undefined':
      return null;
    case 'function':
    case 'symbol':
      return String(value);
  }
  if (value === null || value === undefined) return null;
  const obj: object = value;
  if (value instanceof PSDateTime) return { t: 'dt', ms: value.wallMs, kind: value.kind };
  if (value instanceof PSTimeSpan) return { t: 'ts', ms: value.ms };
  if (value instanceof PSGuid) return { t: 'guid', v: value.Guid };
  if (value instanceof PSChar) return { t: 'char', v: value.value };
  if (value instanceof ScriptBlock) return value.toString();
  if (value instanceof ErrorRecord) return serializeError(value, depth, path);
  if (path.includes(obj) || path.length >= MAX_CONTAINER_NESTING) return toStr(value);
  const inner = [...path, obj];
  if (Array.isArray(value)) return { t: 'arr', v: value.map((v) => serializeAt(v, depth, inner)) };
  if (value instanceof PSHashtable) {
    return { t: 'ht', ordered: value.ordered, e: [...value].map(([k, v]) => [serializeAt(k, depth, inner), serializeAt(v, depth, inner)] as const) };
  }
  if (value instanceof PSObject) return serializePSObject(value, depth, inner);
  if (value instanceof DotNetObject) {
    if (depth <= 0) return toStr(value);
    const props = value.psPropertyNames().map((n) => [n, serializeAt(getProperty(value, n).value, depth - 1, inner)] as const);
    return props.length === 0 ? { t: 'obj', types: deserializedTypeNames(value.psTypeNames), props, str: toStr(value) } : { t: 'obj', types: deserializedTypeNames(value.psTypeNames), props };
  }
  if (isPlainRecord(obj)) {
    const v: Record<string, SerializedValue> = {};
    for (const [k, x] of Object.entries(obj)) if (x !== undefined) v[k] = serializeAt(x, depth, inner);
    return { t: 'rec', v };
  }
  return toStr(value);
}

function serializePSObject(value: PSObject, depth: number, path: object[]): SerializedValue {
  const hasBase = value.baseObject !== null && value.baseObject !== undefined;
  if (hasBase && value.properties.size === 0) return serializeAt(value.baseObject, depth, path);
  if (depth <= 0) return toStr(value);
  const props = propertyNames(value).map((n) => [n, serializeAt(getProperty(value, n).value, depth - 1, path)] as const);
  // ToString() formats the whole object: worth it only when nothing else will stand for it.
  const o: { -readonly [K in keyof SerializedObject]: SerializedObject[K] } = { t: 'obj', types: deserializedTypeNames(value.typeNames), props };
  if (hasBase) o.base = serializeAt(value.baseObject, depth, path);
  else if (props.length === 0) o.str = toStr(value);
  return o;
}

function serializeError(e: ErrorRecord, depth: number, path: object[]): SerializedError {
  return {
    t: 'err',
    exceptionType: e.Exception.typeName,
    message: e.Exception.Message,
    errorId: e.FullyQualifiedErrorId,
    category: e.category,
    target: serializeAt(e.TargetObject, depth - 1, path),
    details: e.ErrorDetails,
    stackTrace: e.ScriptStackTrace,
    position: e.position,
    originComputer: e.originComputer,
    ...(e.Exception.WasThrownFromThrowStatement ? { thrown: true } : {}),
  };
}

export function deserialize(s: SerializedValue): unknown {
  if (s === null || typeof s !== 'object') return s;
  switch (s.t) {
    case 'dbl': return s.v === '-0' ? -0 : Number(s.v);
    case 'i64': return BigInt(s.v);
    case 'dt': return new PSDateTime(s.ms, s.kind);
    case 'ts': return new PSTimeSpan(s.ms);
    case 'guid': return new PSGuid(s.v);
    case 'char': return new PSChar(s.v);
    case 'arr': return s.v.map(deserialize);
    case 'ht': {
      const h = new PSHashtable(s.ordered);
      for (const [k, v] of s.e) h.set(deserialize(k), deserialize(v));
      return h;
    }
    case 'err': return deserializeError(s);
    case 'obj': {
      const base = s.base !== undefined ? deserialize(s.base) : s.props.length === 0 ? s.str ?? '' : null;
      const o = new PSObject(s.types, base);
      for (const [name, v] of s.props) o.setNote(name, deserialize(v));
      return o;
    }
    case 'rec': {
      const r: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.v)) r[k] = deserialize(v);
      return r;
    }
  }
}

function deserializeError(s: SerializedError): ErrorRecord {
  const e = new ErrorRecord(new PSException(s.exceptionType, s.message), s.errorId, s.category, deserialize(s.target));
  e.ErrorDetails = s.details;
  e.ScriptStackTrace = s.stackTrace;
  e.position = s.position;
  e.originComputer = s.originComputer;
  e.Exception.WasThrownFromThrowStatement = s.thrown === true;
  return e;
}

/**
 * About how many bytes a serialized value takes as JSON, without encoding it: enough to keep a
 * batch of records far below the frame limit. Strings count three bytes a character (UTF-8's
 * worst case for UTF-16 text); escapes are rare enough to stay inside the batch limit's margin.
 */
export function serializedSize(s: SerializedValue): number {
  return jsonSize(s);
}

function jsonSize(x: unknown): number {
  switch (typeof x) {
    case 'string': return 2 + 3 * x.length;
    case 'number': return 24;
    case 'boolean': return 5;
  }
  if (x === null || typeof x !== 'object') return 4;
  let size = 2;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) size += 1 + jsonSize(x[i]);
    return size;
  }
  const o = x as Record<string, unknown>;
  for (const k in o) size += k.length + 4 + jsonSize(o[k]);
  return size;
}
