// .NET type names as PowerShell shows them: the type chain of any value, type accelerators
// (`[int]`, `[pscustomobject]`), `-is` tests and the RuntimeType objects `[int]` and
// `$x.GetType()` evaluate to.

import { collectionInfo, genericListElement, genericListName } from './values/collections.js';
import { memberContext } from './values/member-context.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock, foldCase } from './values.js';

const OBJECT = 'System.Object';
const VALUE_TYPE = 'System.ValueType';

const INT32_NAMES: readonly string[] = ['System.Int32', VALUE_TYPE, OBJECT];
const DOUBLE_NAMES: readonly string[] = ['System.Double', VALUE_TYPE, OBJECT];
const INT64_NAMES: readonly string[] = ['System.Int64', VALUE_TYPE, OBJECT];
const STRING_NAMES: readonly string[] = ['System.String', OBJECT];
const BOOLEAN_NAMES: readonly string[] = ['System.Boolean', VALUE_TYPE, OBJECT];
const ARRAY_NAMES: readonly string[] = ['System.Object[]', 'System.Array', OBJECT];
const HASHTABLE_NAMES: readonly string[] = ['System.Collections.Hashtable', OBJECT];
const ORDERED_NAMES: readonly string[] = ['System.Collections.Specialized.OrderedDictionary', OBJECT];
const SCRIPTBLOCK_NAMES: readonly string[] = ['System.Management.Automation.ScriptBlock', OBJECT];
const NO_NAMES: readonly string[] = [];

export function isInt32(n: number): boolean {
  return (n | 0) === n;
}

/** Full .NET type names of a value, most derived first; $null has none. */
export function typeNamesOf(value: unknown): readonly string[] {
  switch (typeof value) {
    case 'number': return isInt32(value) ? INT32_NAMES : DOUBLE_NAMES;
    case 'string': return STRING_NAMES;
    case 'boolean': return BOOLEAN_NAMES;
    case 'bigint': return INT64_NAMES;
  }
  if (value === null || value === undefined) return NO_NAMES;
  if (Array.isArray(value)) {
    const info = collectionInfo(value);
    return info === undefined ? ARRAY_NAMES : collectionNames(info.typeName);
  }
  if (value instanceof PSObject) {
    return value.typeNames.length === 0 && value.baseObject !== null ? typeNamesOf(value.baseObject) : value.typeNames;
  }
  if (value instanceof DotNetObject) return value.psTypeNames;
  if (value instanceof PSHashtable) return value.ordered ? ORDERED_NAMES : HASHTABLE_NAMES;
  if (value instanceof ScriptBlock) return SCRIPTBLOCK_NAMES;
  return [OBJECT];
}

const collectionNameCache = new Map<string, readonly string[]>();
function collectionNames(typeName: string): readonly string[] {
  let names = collectionNameCache.get(typeName);
  if (names === undefined) {
    names = typeName.endsWith('[]') ? [typeName, 'System.Array', OBJECT] : [typeName, OBJECT];
    collectionNameCache.set(typeName, names);
  }
  return names;
}

/** Known types: full name → base type and whether .NET marks it serializable (for the type table view). */
interface TypeInfo {
  readonly fullName: string;
  readonly baseType: string | null;
  readonly isSerial: boolean;
}

const TYPES = new Map<string, TypeInfo>();
function defineTypes(baseType: string | null, isSerial: boolean, names: readonly string[]): void {
  for (const n of names) TYPES.set(foldCase(n), { fullName: n, baseType, isSerial });
}
defineTypes(null, true, [OBJECT]);
defineTypes(OBJECT, true, [VALUE_TYPE, 'System.Array', 'System.String', 'System.Exception', 'System.Collections.Hashtable', 'System.Delegate', 'System.Text.RegularExpressions.Regex', 'System.Uri', 'System.Version', 'System.Globalization.CultureInfo']);
defineTypes(OBJECT, false, [
  'System.Collections.Specialized.OrderedDictionary', 'System.Management.Automation.PSObject', 'System.Management.Automation.PSCustomObject',
  'System.Management.Automation.ScriptBlock', 'System.Math', 'System.Environment', 'System.Convert', 'System.IO.Path', 'System.Console',
  'System.Text.Encoding', 'System.Type', 'System.Reflection.TypeInfo', 'System.Management.Automation.ErrorRecord', 'System.Xml.XmlDocument',
  'System.Net.IPAddress', 'System.Management.Automation.PSCredential', 'System.Security.SecureString', 'System.Management.Automation.Job',
  'System.Collections.ArrayList', 'System.Management.Automation.PSReference', 'System.Text.StringBuilder', 'System.IO.File',
  'System.IO.Directory', 'System.Net.Dns', 'System.Threading.Thread', 'System.Void', 'System.Diagnostics.Stopwatch', 'System.Management.Automation.Runspaces.PSSession',
]);
defineTypes(VALUE_TYPE, true, [
  'System.Int32', 'System.Int64', 'System.Int16', 'System.Byte', 'System.SByte', 'System.UInt16', 'System.UInt32', 'System.UInt64',
  'System.Double', 'System.Single', 'System.Decimal', 'System.Char', 'System.Boolean', 'System.DateTime', 'System.TimeSpan', 'System.Guid',
  'System.Numerics.BigInteger', 'System.Management.Automation.SwitchParameter', 'System.DateTimeOffset',
]);
defineTypes('System.Enum', true, [
  'System.StringSplitOptions', 'System.StringComparison', 'System.MidpointRounding', 'System.Text.RegularExpressions.RegexOptions',
  'System.DayOfWeek', 'System.DateTimeKind', 'System.ConsoleColor', 'System.IO.SearchOption', 'System.Management.Automation.ActionPreference',
]);
defineTypes(VALUE_TYPE, true, ['System.Enum']);
defineTypes('System.Array', true, ['System.Object[]', 'System.String[]', 'System.Int32[]', 'System.Int64[]', 'System.Double[]', 'System.Char[]', 'System.Byte[]', 'System.Boolean[]']);

/**
 * Exceptions a script may catch by type, each with its base: `catch [RuntimeException]`
 * catches every subclass. Listed only as far as scripts meet them.
 */
const EXCEPTION_LIST: readonly (readonly [string, string])[] = [
  ['System.SystemException', 'System.Exception'],
  ['System.Management.Automation.RuntimeException', 'System.SystemException'],
  ['System.ArgumentException', 'System.SystemException'],
  ['System.ArgumentNullException', 'System.ArgumentException'],
  ['System.ArgumentOutOfRangeException', 'System.ArgumentException'],
  ['System.InvalidOperationException', 'System.SystemException'],
  ['System.NotSupportedException', 'System.SystemException'],
  ['System.NotImplementedException', 'System.SystemException'],
  ['System.FormatException', 'System.SystemException'],
  ['System.InvalidCastException', 'System.SystemException'],
  ['System.IndexOutOfRangeException', 'System.SystemException'],
  ['System.NullReferenceException', 'System.SystemException'],
  ['System.ArithmeticException', 'System.SystemException'],
  ['System.DivideByZeroException', 'System.ArithmeticException'],
  ['System.OverflowException', 'System.ArithmeticException'],
  ['System.TimeoutException', 'System.SystemException'],
  ['System.UnauthorizedAccessException', 'System.SystemException'],
  ['System.IO.IOException', 'System.SystemException'],
  ['System.IO.FileNotFoundException', 'System.IO.IOException'],
  ['System.IO.DirectoryNotFoundException', 'System.IO.IOException'],
  ['System.Management.Automation.SessionStateException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ItemNotFoundException', 'System.Management.Automation.SessionStateException'],
  ['System.Management.Automation.DriveNotFoundException', 'System.Management.Automation.SessionStateException'],
  ['System.Management.Automation.CommandNotFoundException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ParameterBindingException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.MethodException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.MethodInvocationException', 'System.Management.Automation.MethodException'],
  ['System.Management.Automation.PropertyNotFoundException', 'System.Management.Automation.ExtendedTypeSystemException'],
  ['System.Management.Automation.ExtendedTypeSystemException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.PSInvalidCastException', 'System.InvalidCastException'],
  ['System.Management.Automation.ActionPreferenceStopException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ParseException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.ValidationMetadataException', 'System.Management.Automation.MetadataException'],
  ['System.Management.Automation.MetadataException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.PSArgumentException', 'System.ArgumentException'],
  ['System.Management.Automation.PSInvalidOperationException', 'System.InvalidOperationException'],
  ['System.Management.Automation.PipelineStoppedException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.Remoting.PSRemotingTransportException', 'System.Management.Automation.RuntimeException'],
  ['System.Management.Automation.JobFailedException', 'System.SystemException'],
  ['System.Management.Automation.WildcardPatternException', 'System.Management.Automation.RuntimeException'],
];
const EXCEPTION_BASES = new Map<string, string>(EXCEPTION_LIST.map(([name, base]) => [foldCase(name), base]));
for (const [name, base] of EXCEPTION_LIST) TYPES.set(foldCase(name), { fullName: name, baseType: base, isSerial: true });
/**
 * PowerShell's type accelerators. Other short names (`[math]`, `[object]`, `[Environment]`)
 * resolve by trying `System.` in front, as PowerShell does. `pscustomobject` names the
 * PSCustomObject type here (PowerShell maps it to PSObject and special-cases the cast).
 */
const ACCELERATORS = new Map<string, string>(Object.entries({
  int: 'System.Int32', int32: 'System.Int32', long: 'System.Int64', int64: 'System.Int64', short: 'System.Int16', int16: 'System.Int16',
  byte: 'System.Byte', sbyte: 'System.SByte', ushort: 'System.UInt16', uint16: 'System.UInt16', uint: 'System.UInt32', uint32: 'System.UInt32',
  ulong: 'System.UInt64', uint64: 'System.UInt64', double: 'System.Double', float: 'System.Single', single: 'System.Single',
  decimal: 'System.Decimal', bigint: 'System.Numerics.BigInteger', string: 'System.String', char: 'System.Char', bool: 'System.Boolean',
  array: 'System.Array', hashtable: 'System.Collections.Hashtable',
  ordered: 'System.Collections.Specialized.OrderedDictionary', pscustomobject: 'System.Management.Automation.PSCustomObject',
  psobject: 'System.Management.Automation.PSObject', scriptblock: 'System.Management.Automation.ScriptBlock', datetime: 'System.DateTime',
  timespan: 'System.TimeSpan', regex: 'System.Text.RegularExpressions.Regex', guid: 'System.Guid',
  switch: 'System.Management.Automation.SwitchParameter', void: 'System.Void', xml: 'System.Xml.XmlDocument',
  ipaddress: 'System.Net.IPAddress', type: 'System.Type', version: 'System.Version', uri: 'System.Uri',
  pscredential: 'System.Management.Automation.PSCredential', securestring: 'System.Security.SecureString',
  cultureinfo: 'System.Globalization.CultureInfo', ref: 'System.Management.Automation.PSReference',
}));

/**
 * The full name for a type literal's text, or null when unknown. Accepts accelerators, full
 * names and names without `System.` (`IO.Path`), in any case; `int[]` gives `System.Int32[]`.
 */
export function resolveTypeName(name: string): string | null {
  const trimmed = withoutAssembly(name.trim());
  if (trimmed.endsWith('[]')) {
    const element = resolveTypeName(trimmed.slice(0, -2));
    return element === null ? null : element + '[]';
  }
  if (genericListElement(trimmed) !== null) return trimmed;
  const generic = /^(?:System\.)?(?:Collections\.Generic\.)?List\[(.+)\]$/i.exec(trimmed);
  if (generic) {
    const element = resolveTypeName(generic[1]);
    return element === null ? null : genericListName(element);
  }
  const key = foldCase(trimmed);
  const accelerator = ACCELERATORS.get(key);
  if (accelerator !== undefined) return accelerator;
  if (TYPES.has(key)) return canonicalName(key);
  // Like PowerShell, try `System.` in front; psh also accepts the engine's own namespace.
  for (const prefix of ['system.', 'system.management.automation.']) if (TYPES.has(prefix + key)) return canonicalName(prefix + key);
  for (const ns of memberContext()?.usingNamespaces ?? []) {
    const full = foldCase(`${ns}.${trimmed}`);
    if (TYPES.has(full)) return canonicalName(full);
  }
  return null;
}

/** `Namespace.Type, AssemblyName`: psh has no assemblies, so the type is found by its name alone. */
function withoutAssembly(name: string): string {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) return name.slice(0, i).trim();
  }
  return name;
}

function canonicalName(key: string): string {
  return TYPES.get(key)?.fullName ?? key;
}

function nameMatches(names: readonly string[], fullName: string): boolean {
  for (const n of names) if (n.length === fullName.length && foldCase(n) === fullName) return true;
  return false;
}

/** `$value -is [typeName]` and `catch [typeName]`. Unknown names match a value's own type names. */
export function isInstanceOf(value: unknown, typeName: string): boolean {
  const full = foldCase(resolveTypeName(typeName) ?? typeName);
  if (full === 'system.object') return value !== null && value !== undefined;
  if (full === 'system.management.automation.psobject') return value instanceof PSObject;
  if (full === 'system.valuetype') return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || nameMatches(typeNamesOf(value), 'system.valuetype');
  const names = typeNamesOf(value);
  if (nameMatches(names, full)) return true;
  // Exceptions: walk the known base chain of the value's own exception type.
  for (let t: string | undefined = foldCase(names[0] ?? ''); t !== undefined; t = baseOf(t)) {
    if (t === full) return true;
  }
  return false;
}

function baseOf(lowerName: string): string | undefined {
  const base = EXCEPTION_BASES.get(lowerName);
  return base === undefined ? undefined : foldCase(base);
}

/** PowerShell's own accelerators by type, the first name each is registered under. */
const ACCELERATOR_OF = new Map<string, string>(Object.entries({
  'System.Array': 'array', 'System.Boolean': 'bool', 'System.Byte': 'byte', 'System.Char': 'char', 'System.DateTime': 'datetime',
  'System.Decimal': 'decimal', 'System.Double': 'double', 'System.Single': 'float', 'System.Guid': 'guid', 'System.Collections.Hashtable': 'hashtable',
  'System.Int32': 'int', 'System.Int16': 'short', 'System.Int64': 'long', 'System.Collections.Specialized.OrderedDictionary': 'ordered',
  'System.Management.Automation.PSCredential': 'pscredential', 'System.Management.Automation.PSObject': 'psobject',
  'System.Management.Automation.PSReference': 'ref', 'System.Text.RegularExpressions.Regex': 'regex', 'System.SByte': 'sbyte', 'System.String': 'string',
  'System.Management.Automation.SwitchParameter': 'switch', 'System.Globalization.CultureInfo': 'cultureinfo', 'System.Numerics.BigInteger': 'bigint',
  'System.Security.SecureString': 'securestring', 'System.TimeSpan': 'timespan', 'System.UInt16': 'ushort', 'System.UInt32': 'uint',
  'System.UInt64': 'ulong', 'System.Uri': 'uri', 'System.Version': 'version', 'System.Void': 'void', 'System.Net.IPAddress': 'ipaddress',
  'System.Xml.XmlDocument': 'xml', 'System.Management.Automation.ScriptBlock': 'scriptblock', 'System.Type': 'type',
  'System.Management.Automation.PSCustomObject': 'PSCustomObject',
}));

/** How PowerShell converts a type to a string: its accelerator (`int`, `string[]`), else its full name. */
export function typeDisplayName(fullName: string): string {
  if (fullName.endsWith('[]')) return typeDisplayName(fullName.slice(0, -2)) + '[]';
  const element = genericListElement(fullName);
  if (element !== null) return `System.Collections.Generic.List[${typeDisplayName(element)}]`;
  return ACCELERATOR_OF.get(fullName) ?? fullName;
}

/** A System.RuntimeType as scripts see it: `[int]`, `$x.GetType()`. */
export class PSType extends DotNetObject {
  constructor(readonly FullName: string) {
    super();
  }

  get Name(): string {
    // Generic arguments (`List`1[[System.String]]`) are not part of the name.
    const plain = this.FullName.replace(/\[\[.*\]\]$/, '');
    const dot = plain.lastIndexOf('.', plain.endsWith('[]') ? plain.length - 3 : plain.length);
    return plain.slice(dot + 1);
  }

  get Namespace(): string {
    const plain = this.FullName.replace(/\[\[.*\]\]$/, '');
    const name = this.Name;
    return plain.length > name.length ? plain.slice(0, plain.length - name.length - 1) : '';
  }

  get BaseType(): PSType | null {
    const info = TYPES.get(foldCase(this.FullName));
    if (info) return info.baseType === null ? null : typeObject(info.baseType);
    if (this.FullName.endsWith('[]')) return typeObject('System.Array');
    if (this.FullName.includes('`')) return typeObject(OBJECT);
    return this.FullName === OBJECT ? null : typeObject(OBJECT);
  }

  get IsPublic(): boolean {
    return true;
  }

  get IsSerial(): boolean {
    return TYPES.get(foldCase(this.FullName))?.isSerial ?? false;
  }

  get IsValueType(): boolean {
    return this.BaseType?.FullName === VALUE_TYPE;
  }

  get IsArray(): boolean {
    return this.FullName.endsWith('[]');
  }

  get psTypeNames(): readonly string[] {
    return ['System.RuntimeType', 'System.Reflection.TypeInfo', 'System.Type', 'System.Reflection.MemberInfo', OBJECT];
  }

  psPropertyNames(): readonly string[] {
    return ['IsPublic', 'IsSerial', 'Name', 'BaseType', 'FullName', 'Namespace', 'IsValueType', 'IsArray'];
  }

  toString(): string {
    return this.FullName;
  }
}

const typeObjects = new Map<string, PSType>();

/** The value of a type literal; unknown names keep the spelling given (user classes, PSObject type names). */
export function typeObject(name: string): PSType {
  const full = resolveTypeName(name) ?? name;
  let t = typeObjects.get(full);
  if (!t) {
    t = new PSType(full);
    typeObjects.set(full, t);
  }
  return t;
}

/** What `$x.GetType()` returns. */
export function typeOfValue(value: unknown): PSType {
  if (value instanceof PSObject) {
    if (value.baseObject !== null && value.baseObject !== undefined && !(value.baseObject instanceof PSObject)) return typeOfValue(value.baseObject);
    return typeObject('System.Management.Automation.PSCustomObject');
  }
  return typeObject(typeNamesOf(value)[0] ?? OBJECT);
}
