// PowerShell values as JavaScript sees them. Primitives map onto JS primitives ($null → null,
// Int32/Double → number, Int64 → bigint, String → string, Boolean → boolean, object[] → Array);
// everything with members PowerShell users rely on is one of the classes below.

import type { ScriptBlockAst } from '../language/ast.js';

/** Lower-cases the way PowerShell compares names (ordinal, invariant culture). */
export function foldCase(name: string): string {
  return name.toLowerCase();
}

/**
 * A .NET object as PowerShell adapts it: a class extending this exposes PowerShell-named
 * properties as JS getters (e.g. `get State()`), lists them in display order, and names its
 * .NET type chain so format views and `-is` can find it.
 */
export abstract class DotNetObject {
  /** Most derived first, e.g. ['System.Management.Automation.PSRemotingJob', 'System.Management.Automation.Job', 'System.Object']. */
  abstract get psTypeNames(): readonly string[];
  /** Property names in PowerShell's order, exactly as `Get-Member`/`Format-List *` show them. */
  abstract psPropertyNames(): readonly string[];
  /** Method names callable as `$obj.Name(...)`; each must be a JS method of the same name. */
  psMethodNames(): readonly string[] {
    return [];
  }
  /** What PowerShell's ToString() gives (used by string conversion and Out-String of scalars). */
  abstract toString(): string;
}

export type PSPropertyKind = 'NoteProperty' | 'ScriptProperty' | 'AliasProperty' | 'Property';

export interface PSProperty {
  readonly name: string;
  readonly kind: PSPropertyKind;
  /** Note properties hold a value; script/alias properties compute it. */
  value: unknown;
  readonly getter?: (self: PSObject) => unknown;
  readonly setter?: (self: PSObject, value: unknown) => void;
}

/**
 * PSObject / PSCustomObject: an ordered, case-insensitive bag of properties with type names.
 * `baseObject` is set when a value was wrapped (Add-Member on a string, deserialized primitives).
 */
export class PSObject {
  readonly typeNames: string[];
  readonly properties = new Map<string, PSProperty>();
  baseObject: unknown;

  constructor(typeNames: readonly string[] = PSObject.customTypeNames, baseObject: unknown = null) {
    this.typeNames = [...typeNames];
    this.baseObject = baseObject;
  }

  static readonly customTypeNames: readonly string[] = ['System.Management.Automation.PSCustomObject', 'System.Object'];

  static fromEntries(entries: Iterable<readonly [string, unknown]>, typeNames?: readonly string[]): PSObject {
    const o = new PSObject(typeNames);
    for (const [k, v] of entries) o.setNote(k, v);
    return o;
  }

  getProperty(name: string): PSProperty | undefined {
    return this.properties.get(foldCase(name));
  }

  /** Adds or overwrites a note property, keeping the original position of an existing one. */
  setNote(name: string, value: unknown): void {
    const key = foldCase(name);
    const existing = this.properties.get(key);
    if (existing && existing.kind === 'NoteProperty') existing.value = value;
    else this.properties.set(key, { name, kind: 'NoteProperty', value });
  }

  addProperty(property: PSProperty): void {
    this.properties.set(foldCase(property.name), property);
  }

  readProperty(p: PSProperty): unknown {
    return p.getter ? p.getter(this) : p.value;
  }

  get isDeserialized(): boolean {
    return this.typeNames.length > 0 && this.typeNames[0].startsWith('Deserialized.');
  }
}

/** Hashtable keys: strings fold case, other primitives compare by value, objects by identity. */
function hashKey(key: unknown): unknown {
  if (typeof key === 'string') return 's:' + foldCase(key);
  if (typeof key === 'number' || typeof key === 'bigint') return 'n:' + String(key);
  if (typeof key === 'boolean') return 'b:' + String(key);
  return key;
}

/**
 * `@{}` and `[ordered]@{}`: case-insensitive keys. Both keep insertion order (PowerShell's plain
 * hashtable order is an accident of hashing that scripts must not rely on); `ordered` only
 * changes the type name.
 */
export class PSHashtable {
  private readonly entries = new Map<unknown, { key: unknown; value: unknown }>();

  constructor(readonly ordered = false) {}

  get typeName(): string {
    return this.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  }

  get count(): number {
    return this.entries.size;
  }

  has(key: unknown): boolean {
    return this.entries.has(hashKey(key));
  }

  get(key: unknown): unknown {
    const e = this.entries.get(hashKey(key));
    return e === undefined ? null : e.value;
  }

  set(key: unknown, value: unknown): void {
    const k = hashKey(key);
    const e = this.entries.get(k);
    if (e) e.value = value;
    else this.entries.set(k, { key, value });
  }

  delete(key: unknown): boolean {
    return this.entries.delete(hashKey(key));
  }

  clear(): void {
    this.entries.clear();
  }

  keys(): unknown[] {
    return [...this.entries.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.entries.values()].map((e) => e.value);
  }

  *[Symbol.iterator](): IterableIterator<[unknown, unknown]> {
    for (const e of this.entries.values()) yield [e.key, e.value];
  }
}

/**
 * A script block value. The evaluator compiles `ast` on first use and caches the result in
 * `compiled`; `file` is the script it came from (for $PSScriptRoot and error positions).
 */
export class ScriptBlock {
  compiled: unknown = undefined;
  constructor(
    readonly ast: ScriptBlockAst,
    readonly file: string | null,
  ) {}

  toString(): string {
    return this.ast.text;
  }
}

/** `[switch]` parameter values and `-Force:$false` bind as booleans; this marks a declared switch. */
export const SWITCH_TYPE = 'switch';

/** True for the values PowerShell treats as collections in a pipeline (they unroll). */
export function isEnumerable(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
