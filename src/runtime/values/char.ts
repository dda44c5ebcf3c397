// System.Char. Strings are JS strings, so a char needs its own box to stay a char through
// `[char]65`, `[char[]]'abc'` and `$s.ToCharArray()` (it converts to its code in arithmetic,
// which a one-letter string would not).

import { DotNetObject } from '../values.js';

export class PSChar extends DotNetObject {
  constructor(readonly value: string) {
    super();
  }

  get code(): number {
    return this.value.charCodeAt(0);
  }

  get psTypeNames(): readonly string[] {
    return ['System.Char', 'System.ValueType', 'System.Object'];
  }

  psPropertyNames(): readonly string[] {
    return [];
  }

  toString(): string {
    return this.value;
  }

  static fromCode(code: number): PSChar {
    return new PSChar(String.fromCharCode(code));
  }
}
