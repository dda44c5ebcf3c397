// Builders for formatter tests: objects as PowerShell scripts would make them, and expected
// console text written line by line.

import { DotNetObject, PSHashtable, PSObject } from '../../src/runtime/values.js';

/** `[pscustomobject]@{...}` with properties in the given order. */
export function obj(entries: Record<string, unknown>, typeNames?: readonly string[]): PSObject {
  return PSObject.fromEntries(Object.entries(entries), typeNames);
}

/** `@{...}` (insertion-ordered, like [ordered]). */
export function ht(entries: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
}

/** Console text: each line followed by a newline. */
export function lines(...ls: string[]): string {
  return ls.map((l) => l + '\n').join('');
}

/**
 * A .NET-like type as other modules define them (a DotNetObject subclass with getters); each
 * call makes a new class because property lookups are cached per class.
 */
export function dotNetType(typeNames: readonly string[], propertyNames: readonly string[], text?: (o: Record<string, unknown>) => string) {
  class Fake extends DotNetObject {
    constructor(props: Record<string, unknown>) {
      super();
      for (const [k, v] of Object.entries(props)) Object.defineProperty(this, k, { value: v, enumerable: true });
    }
    get psTypeNames(): readonly string[] {
      return typeNames;
    }
    psPropertyNames(): readonly string[] {
      return propertyNames;
    }
    toString(): string {
      return text ? text(this as unknown as Record<string, unknown>) : typeNames[0];
    }
  }
  return (props: Record<string, unknown>): DotNetObject => new Fake(props);
}
