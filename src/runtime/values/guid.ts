// System.Guid: a value that prints as its lower-case 8-4-4-4-12 form.

import { DotNetObject } from '../values.js';

const GUID_FORMS = [
  /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i,
  /^\{([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}$/i,
  /^\(([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\)$/i,
  /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i,
];

export class PSGuid extends DotNetObject {
  constructor(readonly Guid: string) {
    super();
  }

  static newGuid(): PSGuid {
    return new PSGuid(globalThis.crypto.randomUUID());
  }

  static readonly empty = new PSGuid('00000000-0000-0000-0000-000000000000');

  /** Null when the text is not one of the forms Guid.Parse accepts. */
  static parse(text: string): PSGuid | null {
    const s = text.trim();
    for (const form of GUID_FORMS) {
      const m = form.exec(s);
      if (m) return new PSGuid(m.slice(1).join('-').toLowerCase());
    }
    return null;
  }

  get psTypeNames(): readonly string[] {
    return ['System.Guid', 'System.ValueType', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return ['Guid'];
  }

  override psMethodNames(): readonly string[] {
    return ['ToString', 'Equals'];
  }

  ToString(format?: string): string {
    const plain = this.Guid.replace(/-/g, '');
    switch (format) {
      case 'N': case 'n': return plain;
      case 'B': case 'b': return '{' + this.Guid + '}';
      case 'P': case 'p': return '(' + this.Guid + ')';
      default: return this.Guid;
    }
  }

  Equals(other: unknown): boolean {
    return other instanceof PSGuid && other.Guid === this.Guid;
  }

  toString(): string {
    return this.Guid;
  }
}
