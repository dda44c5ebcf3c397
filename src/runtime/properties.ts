// The property view of any value: what Select-Object, Sort-Object, the formatter and the
// serializer see. Methods and extended members live in members.ts on top of this.

import { DotNetObject, PSHashtable, PSObject, foldCase } from './values.js';

const nameMaps = new WeakMap<object, Map<string, string>>();

/** Case-insensitive lookup of a DotNetObject's declared property, cached per class. */
function dotNetPropertyName(obj: DotNetObject, name: string): string | undefined {
  const proto = Object.getPrototypeOf(obj) as object;
  let map = nameMaps.get(proto);
  if (!map) {
    map = new Map(obj.psPropertyNames().map((n) => [foldCase(n), n]));
    nameMaps.set(proto, map);
  }
  return map.get(foldCase(name));
}

/** Names of the properties a value shows, in display order. */
export function propertyNames(value: unknown): string[] {
  if (value instanceof PSObject) {
    const names = [...value.properties.values()].map((p) => p.name);
    return names.length === 0 && value.baseObject !== null ? propertyNames(value.baseObject) : names;
  }
  if (value instanceof DotNetObject) return [...value.psPropertyNames()];
  if (typeof value === 'string') return ['Length'];
  if (value instanceof PSHashtable) return ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];
  return [];
}

export interface PropertyLookup {
  readonly found: boolean;
  readonly value: unknown;
}

const MISSING: PropertyLookup = { found: false, value: null };

/** Reads a property by case-insensitive name; `found` is false when the value has no such property. */
export function getProperty(value: unknown, name: string): PropertyLookup {
  if (value instanceof PSObject) {
    const p = value.getProperty(name);
    if (p) return { found: true, value: value.readProperty(p) };
    return value.baseObject !== null ? getProperty(value.baseObject, name) : MISSING;
  }
  if (value instanceof DotNetObject) {
    const js = dotNetPropertyName(value, name);
    return js === undefined ? MISSING : { found: true, value: (value as unknown as Record<string, unknown>)[js] ?? null };
  }
  if (value instanceof PSHashtable) {
    if (value.has(name)) return { found: true, value: value.get(name) };
    switch (foldCase(name)) {
      case 'count': return { found: true, value: value.count };
      case 'keys': return { found: true, value: value.keys() };
      case 'values': return { found: true, value: value.values() };
    }
    return MISSING;
  }
  if (typeof value === 'string' && foldCase(name) === 'length') return { found: true, value: value.length };
  return MISSING;
}
