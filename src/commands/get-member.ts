// Get-Member: the properties and methods of each distinct input type, as MemberDefinition
// objects (TypeName, Name, MemberType, Definition) sorted by member type and name.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { typeNamesOf } from '../runtime/types.js';
import { DotNetObject, PSHashtable, PSObject } from '../runtime/values.js';
import { wildcardToRegExp } from '../runtime/wildcard.js';
import { cmdletError, flag, strings } from './common.js';

const NAME = 'Get-Member';

export class MemberDefinition extends DotNetObject {
  constructor(
    readonly TypeName: string,
    readonly Name: string,
    readonly MemberType: string,
    readonly Definition: string,
  ) {
    super();
  }
  get psTypeNames(): readonly string[] { return ['Microsoft.PowerShell.Commands.MemberDefinition', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['TypeName', 'Name', 'MemberType', 'Definition']; }
  toString(): string { return this.Definition; }
}

const SHORT_TYPES: Record<string, string> = {
  'System.Int32': 'int', 'System.String': 'string', 'System.Boolean': 'bool', 'System.Double': 'double', 'System.Int64': 'long',
  'System.Object[]': 'Object[]', 'System.Collections.Hashtable': 'hashtable', 'System.Char': 'char', 'System.Object': 'System.Object',
  'System.Management.Automation.PSCustomObject': 'System.Management.Automation.PSCustomObject', 'System.DateTime': 'datetime',
};

function shortType(value: unknown): string {
  const full = typeNamesOf(value)[0];
  if (full === undefined) return 'object';
  return SHORT_TYPES[full] ?? full;
}

const COMMON_METHODS: readonly [string, string][] = [
  ['Equals', 'bool Equals(System.Object obj)'],
  ['GetHashCode', 'int GetHashCode()'],
  ['GetType', 'type GetType()'],
  ['ToString', 'string ToString()'],
];

const STRING_METHODS = ['Clone', 'CompareTo', 'Contains', 'CopyTo', 'EndsWith', 'EnumerateRunes', 'GetEnumerator', 'GetPinnableReference',
  'GetTypeCode', 'IndexOf', 'IndexOfAny', 'Insert', 'IsNormalized', 'LastIndexOf', 'LastIndexOfAny', 'Normalize', 'PadLeft', 'PadRight',
  'Remove', 'Replace', 'ReplaceLineEndings', 'Split', 'StartsWith', 'Substring', 'ToCharArray', 'ToLower', 'ToLowerInvariant', 'ToUpper',
  'ToUpperInvariant', 'Trim', 'TrimEnd', 'TrimStart'];

function members(value: unknown): MemberDefinition[] {
  const typeName = typeNamesOf(value)[0] ?? 'System.Object';
  const out: MemberDefinition[] = COMMON_METHODS.map(([n, d]) => new MemberDefinition(typeName, n, 'Method', d));
  if (typeof value === 'string') {
    for (const m of STRING_METHODS) out.push(new MemberDefinition(typeName, m, 'Method', `${m}(...)`));
    out.push(new MemberDefinition(typeName, 'Chars', 'ParameterizedProperty', 'char Chars(int index) {get;}'));
    out.push(new MemberDefinition(typeName, 'Length', 'Property', 'int Length {get;}'));
  } else if (value instanceof PSObject) {
    for (const p of value.properties.values()) {
      const v = value.readProperty(p);
      const definition = p.kind === 'NoteProperty'
        ? `${shortType(v)} ${p.name}=${Array.isArray(v) ? 'System.Object[]' : toStr(v)}`
        : `${shortType(v)} ${p.name} {get;${p.setter ? 'set;' : ''}}`;
      out.push(new MemberDefinition(typeName, p.name, p.kind, definition));
    }
    if (value.baseObject !== null && value.properties.size === 0) return members(value.baseObject);
  } else if (value instanceof DotNetObject) {
    for (const n of value.psPropertyNames()) {
      out.push(new MemberDefinition(typeName, n, 'Property', `${shortType((value as unknown as Record<string, unknown>)[n] ?? null)} ${n} {get;}`));
    }
    for (const m of value.psMethodNames()) if (!COMMON_METHODS.some(([c]) => c === m)) out.push(new MemberDefinition(typeName, m, 'Method', `${m}(...)`));
  } else if (value instanceof PSHashtable) {
    for (const m of ['Add', 'Clear', 'Clone', 'Contains', 'ContainsKey', 'ContainsValue', 'CopyTo', 'GetEnumerator', 'Remove']) {
      out.push(new MemberDefinition(typeName, m, 'Method', `${m}(...)`));
    }
    for (const p of ['Count', 'IsFixedSize', 'IsReadOnly', 'IsSynchronized', 'Keys', 'SyncRoot', 'Values']) {
      out.push(new MemberDefinition(typeName, p, 'Property', `${p === 'Count' ? 'int' : 'System.Object'} ${p} {get;}`));
    }
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    out.push(new MemberDefinition(typeName, 'CompareTo', 'Method', 'int CompareTo(System.Object value)'));
    out.push(new MemberDefinition(typeName, 'GetTypeCode', 'Method', 'System.TypeCode GetTypeCode()'));
  }
  return out.sort((a, b) => (a.MemberType < b.MemberType ? -1 : a.MemberType > b.MemberType ? 1 : a.Name.toLowerCase() < b.Name.toLowerCase() ? -1 : 1));
}

/** -MemberType values that stand for several kinds. */
function memberTypeMatches(kind: string, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  return wanted.some((w) => {
    const lower = w.toLowerCase();
    if (lower === 'all') return true;
    if (lower === 'properties') return /Property$/.test(kind) && kind !== 'ParameterizedProperty';
    if (lower === 'methods') return /Method$/.test(kind);
    return lower === kind.toLowerCase();
  });
}

export const getMember: CmdletDefinition = {
  name: NAME,
  aliases: ['gm'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Name', type: 'string[]', position: 0 },
    { name: 'MemberType', aliases: ['Type'], type: 'string[]' },
    { name: 'View', type: 'string' },
    { name: 'Static', type: 'switch' },
    { name: 'Force', type: 'switch' },
  ],
  create: (ctx) => {
    const seen = new Set<string>();
    return {
      process(p) {
        if (p.InputObject === undefined || p.InputObject === null) return;
        const value = p.InputObject;
        const typeName = typeNamesOf(value)[0] ?? 'System.Object';
        if (seen.has(typeName)) return;
        seen.add(typeName);
        if (flag(p, 'Static')) return;
        const names = strings(p, 'Name').map((n) => wildcardToRegExp(n));
        const kinds = strings(p, 'MemberType');
        for (const m of members(value)) {
          if (names.length > 0 && !names.some((re) => re.test(m.Name))) continue;
          if (!memberTypeMatches(m.MemberType, kinds)) continue;
          ctx.writeObject(m);
        }
      },
      end() {
        if (seen.size === 0) {
          ctx.writeError(cmdletError(NAME, 'You must specify an object for the Get-Member cmdlet.', 'NoObjectInGetMember', 'CloseError', null,
            'System.InvalidOperationException'));
        }
      },
    };
  },
};
