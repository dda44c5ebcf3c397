// Small .NET objects member access hands out: hashtable entries (`$h.GetEnumerator()`), the
// `.PSObject` view of any value, System.Text.StringBuilder and System.Text.Encoding.

import { propertyNames, getProperty } from '../properties.js';
import { typeNamesOf } from '../types.js';
import { DotNetObject, PSObject } from '../values.js';

export class DictionaryEntry extends DotNetObject {
  constructor(
    readonly Key: unknown,
    readonly Value: unknown,
  ) {
    super();
  }
  get Name(): unknown { return this.Key; }
  get psTypeNames(): readonly string[] { return ['System.Collections.DictionaryEntry', 'System.ValueType', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Name', 'Key', 'Value']; }
  toString(): string { return 'System.Collections.DictionaryEntry'; }
}

/** One entry of `$x.PSObject.Properties`. */
export class PSPropertyInfo extends DotNetObject {
  constructor(
    private readonly owner: unknown,
    readonly Name: string,
    readonly MemberType: string,
  ) {
    super();
  }
  get Value(): unknown { return getProperty(this.owner, this.Name).value; }
  get TypeNameOfValue(): string { return typeNamesOf(this.Value)[0] ?? 'System.Object'; }
  get IsSettable(): boolean { return this.MemberType === 'NoteProperty'; }
  get IsGettable(): boolean { return true; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.PS' + this.MemberType, 'System.Management.Automation.PSPropertyInfo', 'System.Management.Automation.PSMemberInfo', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Value', 'MemberType', 'IsSettable', 'IsGettable', 'TypeNameOfValue', 'Name']; }
  toString(): string { return `${this.TypeNameOfValue} ${this.Name}=${String(this.Value)}`; }
}

/** `$x.PSObject`: the members and type names of a value. */
export class PSMemberSet extends DotNetObject {
  constructor(readonly value: unknown) {
    super();
  }
  get BaseObject(): unknown {
    return this.value instanceof PSObject && this.value.baseObject !== null ? this.value.baseObject : this.value;
  }
  get TypeNames(): string[] { return [...typeNamesOf(this.value)]; }
  get Properties(): PSPropertyInfo[] {
    const v = this.value;
    if (v instanceof PSObject && v.properties.size > 0) return [...v.properties.values()].map((p) => new PSPropertyInfo(v, p.name, p.kind));
    return propertyNames(v).map((n) => new PSPropertyInfo(v, n, 'Property'));
  }
  get Members(): PSPropertyInfo[] { return this.Properties; }
  get ImmediateBaseObject(): unknown { return this.BaseObject; }
  get psTypeNames(): readonly string[] { return ['System.Management.Automation.PSObject', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['BaseObject', 'Members', 'Properties', 'ImmediateBaseObject', 'TypeNames']; }
  toString(): string { return String(this.value); }
}

export class PSStringBuilder extends DotNetObject {
  private text: string;
  constructor(initial = '') {
    super();
    this.text = initial;
  }
  get Length(): number { return this.text.length; }
  get Capacity(): number { return Math.max(16, this.text.length); }
  get psTypeNames(): readonly string[] { return ['System.Text.StringBuilder', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Capacity', 'MaxCapacity', 'Length']; }
  get MaxCapacity(): number { return 2147483647; }
  override psMethodNames(): readonly string[] { return ['Append', 'AppendLine', 'Insert', 'Clear', 'ToString', 'Replace', 'Remove']; }
  Append(value: unknown): PSStringBuilder { this.text += value === null || value === undefined ? '' : String(value); return this; }
  AppendLine(value?: unknown): PSStringBuilder { this.text += (value === null || value === undefined ? '' : String(value)) + '\n'; return this; }
  Insert(index: number, value: unknown): PSStringBuilder { this.text = this.text.slice(0, index) + String(value ?? '') + this.text.slice(index); return this; }
  Remove(index: number, count: number): PSStringBuilder { this.text = this.text.slice(0, index) + this.text.slice(index + count); return this; }
  Replace(from: unknown, to: unknown): PSStringBuilder { this.text = this.text.split(String(from)).join(String(to ?? '')); return this; }
  Clear(): PSStringBuilder { this.text = ''; return this; }
  ToString(): string { return this.text; }
  toString(): string { return this.text; }
}

export class PSEncoding extends DotNetObject {
  constructor(
    readonly EncodingName: string,
    readonly WebName: string,
    private readonly nodeName: BufferEncoding,
  ) {
    super();
  }
  get psTypeNames(): readonly string[] { return ['System.Text.' + this.WebName.replace(/[^A-Za-z0-9]/g, '').toUpperCase() + 'Encoding', 'System.Text.Encoding', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['EncodingName', 'WebName']; }
  override psMethodNames(): readonly string[] { return ['GetBytes', 'GetString', 'GetByteCount']; }
  GetBytes(text: unknown): number[] { return [...Buffer.from(String(text ?? ''), this.nodeName)]; }
  GetByteCount(text: unknown): number { return Buffer.byteLength(String(text ?? ''), this.nodeName); }
  GetString(bytes: unknown): string {
    const list = Array.isArray(bytes) ? bytes.map((b) => Number(b)) : [];
    return Buffer.from(list).toString(this.nodeName);
  }
  toString(): string { return this.EncodingName; }

  static readonly UTF8 = new PSEncoding('Unicode (UTF-8)', 'utf-8', 'utf8');
  static readonly ASCII = new PSEncoding('US-ASCII', 'us-ascii', 'ascii');
  static readonly Unicode = new PSEncoding('Unicode', 'utf-16', 'utf16le');
}
