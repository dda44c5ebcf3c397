// Static members scripts reach with `[type]::Member`: [math], [string], numeric limits,
// [datetime], [timespan], [guid], [regex], [char], [System.IO.Path], [Environment], [Convert],
// [System.Text.Encoding], [Stopwatch], and `::new()` for the types psh can build.

import path from 'node:path';
import { convertTo, roundHalfEven, toBool, toNumber, toStr } from '../convert.js';
import { PSDateTime, PSTimeSpan, parseDateTime } from '../datetime.js';
import { formatOperator } from '../format-string.js';
import { RuntimeError } from '../exceptions.js';
import type { Host } from '../host.js';
import { resolveTypeName, typeObject } from '../types.js';
import { PSHashtable, PSObject } from '../values.js';
import { PSEncoding, PSStringBuilder } from './adapters.js';
import { PSChar } from './char.js';
import { ARRAY_LIST, collectionInfoFor, genericListElement, tagCollection } from './collections.js';
import { PSGuid } from './guid.js';
import { memberContext } from './member-context.js';
import { methodException, noOverload, staticMethodNotFound } from './method-errors.js';
import { parseNumber } from './number.js';
import { PSStopwatch, STOPWATCH_FREQUENCY } from './stopwatch.js';
import { PSMatch, PSRegex, compileRegex, regexEscape, regexReplace, regexSplit } from './regex.js';

const NOT_FOUND: unique symbol = Symbol('static member not found');

function fullName(typeName: string): string {
  const bare = typeName.startsWith('[') && typeName.endsWith(']') ? typeName.slice(1, -1) : typeName;
  return resolveTypeName(bare) ?? bare;
}

function num(v: unknown): number {
  return Number(toNumber(v));
}

function now(): number {
  return memberContext()?.host?.now() ?? Date.now();
}

function monotonic(): number {
  return memberContext()?.host?.monotonic() ?? performance.now();
}

function environment(name: string): string | null {
  const ctx = memberContext();
  if (ctx) return ctx.getEnvironmentVariable(name);
  return null;
}

const INTEGER_LIMITS: Record<string, readonly [unknown, unknown]> = {
  'System.Int32': [2147483647, -2147483648],
  'System.Int64': [9223372036854775807n, -9223372036854775808n],
  'System.Int16': [32767, -32768],
  'System.Byte': [255, 0],
  'System.SByte': [127, -128],
  'System.UInt16': [65535, 0],
  'System.UInt32': [4294967295, 0],
  'System.UInt64': [18446744073709551615n, 0],
  'System.Double': [Number.MAX_VALUE, -Number.MAX_VALUE],
  'System.Single': [3.4028234663852886e38, -3.4028234663852886e38],
  'System.Decimal': [79228162514264337593543950335, -79228162514264337593543950335],
};

/**
 * Enums scripts pass to .NET methods. Their values are the member names: the methods psh
 * implements read options by name (`RemoveEmptyEntries`, `OrdinalIgnoreCase`).
 */
const ENUMS: Record<string, readonly string[]> = {
  'System.StringSplitOptions': ['None', 'RemoveEmptyEntries', 'TrimEntries'],
  'System.StringComparison': ['CurrentCulture', 'CurrentCultureIgnoreCase', 'InvariantCulture', 'InvariantCultureIgnoreCase', 'Ordinal', 'OrdinalIgnoreCase'],
  'System.MidpointRounding': ['ToEven', 'AwayFromZero', 'ToZero', 'ToNegativeInfinity', 'ToPositiveInfinity'],
  'System.Text.RegularExpressions.RegexOptions': ['None', 'IgnoreCase', 'Multiline', 'ExplicitCapture', 'Compiled', 'Singleline', 'IgnorePatternWhitespace', 'RightToLeft', 'ECMAScript', 'CultureInvariant'],
  'System.DayOfWeek': ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  'System.DateTimeKind': ['Unspecified', 'Utc', 'Local'],
  'System.ConsoleColor': ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'],
  'System.IO.SearchOption': ['TopDirectoryOnly', 'AllDirectories'],
  'System.Management.Automation.ActionPreference': ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break'],
};

function staticProperty(full: string, name: string): unknown {
  const members = ENUMS[full];
  if (members !== undefined) return members.find((m) => m.toLowerCase() === name) ?? NOT_FOUND;
  const limits = INTEGER_LIMITS[full];
  if (limits && name === 'maxvalue') return limits[0];
  if (limits && name === 'minvalue') return limits[1];
  switch (full + '::' + name) {
    case 'System.Math::pi': return Math.PI;
    case 'System.Math::e': return Math.E;
    case 'System.Math::tau': return Math.PI * 2;
    case 'System.String::empty': return '';
    case 'System.Double::positiveinfinity': return Infinity;
    case 'System.Double::negativeinfinity': return -Infinity;
    case 'System.Double::nan': return NaN;
    case 'System.Double::epsilon': return Number.MIN_VALUE;
    case 'System.DateTime::now': return PSDateTime.fromUtcMs(now(), 'Local');
    case 'System.DateTime::utcnow': return new PSDateTime(now(), 'Utc');
    case 'System.DateTime::today': return PSDateTime.fromUtcMs(now(), 'Local').Date;
    case 'System.DateTime::minvalue': return PSDateTime.fromParts(1, 1, 1);
    case 'System.DateTime::maxvalue': return new PSDateTime(Date.UTC(9999, 11, 31, 23, 59, 59, 999), 'Unspecified');
    case 'System.TimeSpan::zero': return new PSTimeSpan(0);
    case 'System.Guid::empty': return PSGuid.empty;
    case 'System.Environment::newline': return '\n';
    case 'System.Environment::machinename': return memberContext()?.host?.computerName ?? 'localhost';
    case 'System.Environment::username': return memberContext()?.host?.userName ?? '';
    case 'System.Environment::processorcount': return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
    case 'System.Environment::currentdirectory': return environment('PWD') ?? '/';
    case 'System.Environment::is64bitprocess': case 'System.Environment::is64bitoperatingsystem': return true;
    case 'System.Environment::osversion': return memberContext()?.host?.process.platform ?? 'linux';
    case 'System.IO.Path::directoryseparatorchar': return new PSChar('/');
    case 'System.IO.Path::altdirectoryseparatorchar': return new PSChar('/');
    case 'System.IO.Path::pathseparator': return new PSChar(':');
    case 'System.Text.Encoding::utf8': case 'System.Text.Encoding::default': return PSEncoding.UTF8;
    case 'System.Text.Encoding::ascii': return PSEncoding.ASCII;
    case 'System.Text.Encoding::unicode': return PSEncoding.Unicode;
    case 'System.Diagnostics.Stopwatch::frequency': return STOPWATCH_FREQUENCY;
    case 'System.Diagnostics.Stopwatch::ishighresolution': return true;
  }
  return NOT_FOUND;
}

/** `[type]::Name` for a property or constant; $null when the type has no such static member (as PowerShell). */
export function getStaticMember(typeName: string, name: string): unknown {
  const value = staticProperty(fullName(typeName), name.toLowerCase());
  return value === NOT_FOUND ? null : value;
}

function mathRound(args: readonly unknown[]): number {
  const x = num(args[0]);
  const digits = args.length > 1 && typeof args[1] !== 'string' ? num(args[1]) : 0;
  const mode = toStr(args[args.length - 1]);
  // .NET scales, rounds and scales back with no decimal correction; psh keeps its results.
  const scale = 10 ** digits;
  const scaled = x * scale;
  const rounded = /AwayFromZero/i.test(mode) ? Math.sign(scaled) * Math.round(Math.abs(scaled)) : roundHalfEven(scaled);
  return rounded / scale;
}

/** Keeps Int64 arguments Int64 in [math]::Abs/Max/Min. */
function sameKind(a: number | bigint, f: (x: number) => number, fb: (x: bigint) => bigint): number | bigint {
  return typeof a === 'bigint' ? fb(a) : f(a);
}

function mathMethod(name: string, args: readonly unknown[]): unknown {
  const a = (i: number): number => num(args[i]);
  switch (name) {
    case 'abs': return sameKind(toNumber(args[0]), Math.abs, (x) => (x < 0n ? -x : x));
    case 'max': case 'min': {
      const x = toNumber(args[0]);
      const y = toNumber(args[1]);
      if (typeof x === 'bigint' || typeof y === 'bigint') {
        const bx = BigInt(x); const by = BigInt(y);
        return name === 'max' ? (bx > by ? bx : by) : (bx < by ? bx : by);
      }
      return name === 'max' ? Math.max(x, y) : Math.min(x, y);
    }
    case 'round': return mathRound(args);
    case 'floor': return Math.floor(a(0));
    case 'ceiling': return Math.ceil(a(0));
    case 'truncate': return Math.trunc(a(0));
    case 'pow': return a(0) ** a(1);
    case 'sqrt': return Math.sqrt(a(0));
    case 'cbrt': return Math.cbrt(a(0));
    case 'log': return args.length > 1 ? Math.log(a(0)) / Math.log(a(1)) : Math.log(a(0));
    case 'log10': return Math.log10(a(0));
    case 'log2': return Math.log2(a(0));
    case 'exp': return Math.exp(a(0));
    case 'sin': return Math.sin(a(0));
    case 'cos': return Math.cos(a(0));
    case 'tan': return Math.tan(a(0));
    case 'asin': return Math.asin(a(0));
    case 'acos': return Math.acos(a(0));
    case 'atan': return Math.atan(a(0));
    case 'atan2': return Math.atan2(a(0), a(1));
    case 'sign': return Math.sign(a(0));
    case 'clamp': return Math.min(Math.max(a(0), a(1)), a(2));
  }
  return NOT_FOUND;
}

function parseOrThrow(text: unknown, typeName: string): unknown {
  const s = toStr(text);
  const n = parseNumber(s);
  if (n === null) throw methodException('Parse', 1, `The input string '${s}' was not in a correct format.`, 'FormatException');
  return convertTo(n, typeName);
}

function construct(full: string, args: readonly unknown[]): unknown {
  switch (full) {
    case 'System.Collections.Hashtable': return new PSHashtable(false);
    case 'System.Collections.Specialized.OrderedDictionary': return new PSHashtable(true);
    case 'System.Management.Automation.PSCustomObject': case 'System.Management.Automation.PSObject': case 'System.Object': return new PSObject();
    case 'System.Diagnostics.Stopwatch': return new PSStopwatch(monotonic);
    case 'System.Text.StringBuilder': return new PSStringBuilder(args.length > 0 && typeof args[0] === 'string' ? args[0] : '');
    case 'System.Text.RegularExpressions.Regex':
      return new PSRegex(toStr(args[0]), args.length > 1 && /IgnoreCase/i.test(toStr(args[1])));
    case 'System.Guid': return args.length === 0 ? PSGuid.empty : convertTo(args[0], 'guid');
    case 'System.String':
      if (args.length === 2) return toStr(args[0]).repeat(num(args[1]));
      return Array.isArray(args[0]) ? args[0].map(toStr).join('') : toStr(args[0]);
    case 'System.DateTime': {
      const n = args.map(num);
      if (n.length === 1) return convertTo(args[0], 'datetime');
      if (n.length < 3) throw noOverload('new', n.length);
      return PSDateTime.fromParts(n[0], n[1], n[2], n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0, 'Unspecified');
    }
    case 'System.TimeSpan': {
      const n = args.map(num);
      if (n.length === 1) return new PSTimeSpan(n[0] / 10_000);
      if (n.length === 3) return PSTimeSpan.fromParts(0, n[0], n[1], n[2]);
      if (n.length >= 4) return PSTimeSpan.fromParts(n[0], n[1], n[2], n[3], n[4] ?? 0);
      return new PSTimeSpan(0);
    }
    case ARRAY_LIST: return tagCollection(Array.isArray(args[0]) ? [...args[0]] : [], collectionInfoFor(ARRAY_LIST)!);
    case 'System.Object[]': return new Array<unknown>(args.length > 0 ? num(args[0]) : 0).fill(null);
  }
  const list = genericListElement(full);
  if (list !== null) return convertTo(Array.isArray(args[0]) ? args[0] : [], full);
  if (full.endsWith('[]')) {
    const element = full.slice(0, -2);
    const empty = element === 'System.String' ? null : convertTo(0, element);
    return tagCollection(new Array<unknown>(args.length > 0 ? num(args[0]) : 0).fill(empty), collectionInfoFor(full)!);
  }
  return NOT_FOUND;
}

function stringMethod(name: string, args: readonly unknown[]): unknown {
  switch (name) {
    case 'join': {
      const items = args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1);
      return items.map(toStr).join(toStr(args[0]));
    }
    case 'isnullorempty': return args[0] === null || args[0] === undefined || toStr(args[0]) === '';
    case 'isnullorwhitespace': return args[0] === null || args[0] === undefined || toStr(args[0]).trim() === '';
    case 'format': return formatOperator(toStr(args[0]), args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1));
    case 'concat': return (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(toStr).join('');
    case 'equals': return toStr(args[0]) === toStr(args[1]);
    case 'compare': {
      const ignore = args.length > 2 && (toBool(args[2]) && typeof args[2] === 'boolean' || /IgnoreCase/i.test(toStr(args[2])));
      const x = toStr(args[0]); const y = toStr(args[1]);
      const cx = ignore ? x.toLowerCase() : x; const cy = ignore ? y.toLowerCase() : y;
      return cx === cy ? 0 : cx < cy ? -1 : 1;
    }
    case 'new': return construct('System.String', args);
  }
  return NOT_FOUND;
}

function charMethod(name: string, args: readonly unknown[]): unknown {
  const c = toStr(args[0])[args.length > 1 ? num(args[1]) : 0] ?? '';
  switch (name) {
    case 'isdigit': return /^\d$/.test(c);
    case 'isletter': return /^\p{L}$/u.test(c);
    case 'isletterordigit': return /^[\p{L}\d]$/u.test(c);
    case 'iswhitespace': return /^\s$/.test(c);
    case 'isupper': return c !== c.toLowerCase();
    case 'islower': return c !== c.toUpperCase();
    case 'ispunctuation': return /^\p{P}$/u.test(c);
    case 'toupper': return new PSChar(c.toUpperCase());
    case 'tolower': return new PSChar(c.toLowerCase());
    case 'convertfromutf32': return String.fromCodePoint(num(args[0]));
  }
  return NOT_FOUND;
}

function regexMethod(name: string, args: readonly unknown[]): unknown {
  const input = toStr(args[0]);
  const ignoreCase = args.length > 2 && /IgnoreCase/i.test(toStr(args[args.length - 1]));
  switch (name) {
    case 'escape': return regexEscape(input);
    case 'unescape': return input.replace(/\\(.)/g, '$1');
    case 'ismatch': return compileRegex(toStr(args[1]), ignoreCase ? 'i' : '').regex.test(input);
    case 'match': { const c = compileRegex(toStr(args[1]), ignoreCase ? 'id' : 'd'); return PSMatch.fromExec(c.regex.exec(input), c); }
    case 'matches': return new PSRegex(toStr(args[1]), ignoreCase).Matches(input);
    case 'replace': return regexReplace(input, compileRegex(toStr(args[1]), ignoreCase && args.length > 3 ? 'gi' : 'g'), toStr(args[2]));
    case 'split': return regexSplit(input, compileRegex(toStr(args[1]), ignoreCase ? 'gi' : 'g'), 0);
  }
  return NOT_FOUND;
}

function pathMethod(name: string, args: readonly unknown[]): unknown {
  const p = toStr(args[0]);
  switch (name) {
    case 'combine': case 'join': {
      const parts = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(toStr);
      return name === 'join' ? parts.filter((x) => x !== '').join('/').replace(/\/{2,}/g, '/') : parts.reduce((acc, part) => (part.startsWith('/') || acc === '' ? part : acc.endsWith('/') ? acc + part : acc + '/' + part), '');
    }
    case 'getfilename': return p.slice(p.lastIndexOf('/') + 1);
    case 'getextension': { const base = p.slice(p.lastIndexOf('/') + 1); const dot = base.lastIndexOf('.'); return dot < 0 ? '' : base.slice(dot); }
    case 'getfilenamewithoutextension': { const base = p.slice(p.lastIndexOf('/') + 1); const dot = base.lastIndexOf('.'); return dot < 0 ? base : base.slice(0, dot); }
    case 'getdirectoryname': { if (p === '' ) return null; const slash = p.lastIndexOf('/'); return slash < 0 ? '' : slash === 0 ? (p === '/' ? null : '/') : p.slice(0, slash); }
    case 'changeextension': { const dot = p.lastIndexOf('.'); const stem = dot > p.lastIndexOf('/') ? p.slice(0, dot) : p; const ext = args[1] === null ? '' : toStr(args[1]); return ext === '' ? stem : stem + (ext.startsWith('.') ? ext : '.' + ext); }
    case 'ispathrooted': return p.startsWith('/');
    case 'gettemppath': { const tmp = environment('TMPDIR') ?? '/tmp/'; return tmp.endsWith('/') ? tmp : tmp + '/'; }
    case 'getfullpath': return path.posix.resolve(environment('PWD') ?? '/', p);
    case 'getrandomfilename': return Math.random().toString(36).slice(2, 10) + '.' + Math.random().toString(36).slice(2, 5);
  }
  return NOT_FOUND;
}

function convertMethod(name: string, args: readonly unknown[]): unknown {
  switch (name) {
    case 'tobase64string': return Buffer.from((Array.isArray(args[0]) ? args[0] : []).map((b) => num(b))).toString('base64');
    case 'frombase64string': return [...Buffer.from(toStr(args[0]), 'base64')];
    case 'toint32': return args.length > 1 ? Number.parseInt(toStr(args[0]), num(args[1])) : convertTo(args[0], 'int');
    case 'toint64': return convertTo(args[0], 'long');
    case 'todouble': return convertTo(args[0], 'double');
    case 'toboolean': return toBool(args[0]);
    case 'tostring': return args.length > 1 ? Number(toNumber(args[0])).toString(num(args[1])) : toStr(args[0]);
    case 'tochar': return convertTo(args[0], 'char');
  }
  return NOT_FOUND;
}

function requireHost(): Host {
  const host = memberContext()?.host;
  if (!host) throw RuntimeError.create('No host is available to this runspace.', 'HostUnavailable', 'InvalidOperation');
  return host;
}

/** .NET resolves relative paths against the process directory, not PowerShell's location. */
function hostPath(p: unknown): string {
  return path.posix.resolve(environment('PWD') ?? '/', toStr(p));
}

function ioFailure(method: string, args: readonly unknown[], e: unknown): RuntimeError {
  if (e instanceof RuntimeError) return e;
  const code = (e as { code?: string }).code;
  const target = toStr(args[0]);
  const [message, id] = code === 'ENOENT' ? [`Could not find file '${hostPath(target)}'.`, 'FileNotFoundException']
    : code === 'EACCES' ? [`Access to the path '${hostPath(target)}' is denied.`, 'UnauthorizedAccessException']
    : [e instanceof Error ? e.message : String(e), 'IOException'];
  return methodException(method, args.length, message, id);
}

/** [System.IO.File] and [System.IO.Directory] through the Host's file system. */
function fileMethod(full: string, name: string, args: readonly unknown[], method: string): unknown {
  const fs = requireHost().fs;
  try {
    if (full === 'System.IO.Directory') {
      switch (name) {
        case 'exists': return fs.exists(hostPath(args[0])) && fs.stat(hostPath(args[0])).isDirectory;
        case 'createdirectory': fs.makeDir(hostPath(args[0]), true); return hostPath(args[0]);
        case 'getfiles': case 'getdirectories': {
          const dir = hostPath(args[0]);
          const wantDirs = name === 'getdirectories';
          return fs.readDir(dir).map((n) => path.posix.join(dir, n)).filter((p) => fs.stat(p).isDirectory === wantDirs);
        }
        case 'getcurrentdirectory': return environment('PWD') ?? '/';
      }
      return NOT_FOUND;
    }
    switch (name) {
      case 'exists': return fs.exists(hostPath(args[0])) && fs.stat(hostPath(args[0])).isFile;
      case 'readalltext': return fs.readText(hostPath(args[0]));
      case 'readalllines': return fs.readText(hostPath(args[0])).split(/\r?\n/).filter((line, i, all) => i < all.length - 1 || line !== '');
      case 'writealltext': fs.writeText(hostPath(args[0]), toStr(args[1]), false); return undefined;
      case 'appendalltext': fs.writeText(hostPath(args[0]), toStr(args[1]), true); return undefined;
      case 'writealllines': fs.writeText(hostPath(args[0]), (Array.isArray(args[1]) ? args[1] : [args[1]]).map((l) => toStr(l) + '\n').join(''), false); return undefined;
      case 'delete': fs.remove(hostPath(args[0]), false); return undefined;
      case 'copy': fs.copy(hostPath(args[0]), hostPath(args[1]), false); return undefined;
      case 'move': fs.rename(hostPath(args[0]), hostPath(args[1])); return undefined;
    }
  } catch (e) {
    throw ioFailure(method, args, e);
  }
  return NOT_FOUND;
}

function staticMethod(full: string, name: string, args: readonly unknown[], method: string): unknown {
  if (name === 'new') {
    const made = construct(full, args);
    if (made !== NOT_FOUND) return made;
  }
  switch (full) {
    case 'System.Math': return mathMethod(name, args);
    case 'System.Diagnostics.Stopwatch':
      if (name === 'startnew') {
        const watch = new PSStopwatch(monotonic);
        watch.Start();
        return watch;
      }
      if (name === 'gettimestamp') return BigInt(Math.trunc(monotonic() * 1_000_000));
      break;
    case 'System.String': return stringMethod(name, args);
    case 'System.Char': return charMethod(name, args);
    case 'System.Text.RegularExpressions.Regex': return regexMethod(name, args);
    case 'System.IO.Path': return pathMethod(name, args);
    case 'System.Convert': return convertMethod(name, args);
    case 'System.Guid':
      if (name === 'newguid') return PSGuid.newGuid();
      if (name === 'parse') return convertTo(args[0], 'guid');
      break;
    case 'System.DateTime':
      if (name === 'parse') {
        const d = parseDateTime(toStr(args[0]));
        if (d === null) throw methodException('Parse', args.length, `String '${toStr(args[0])}' was not recognized as a valid DateTime.`, 'FormatException');
        return d;
      }
      if (name === 'daysinmonth') return new Date(Date.UTC(num(args[0]), num(args[1]), 0)).getUTCDate();
      if (name === 'isleapyear') { const y = num(args[0]); return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
      break;
    case 'System.TimeSpan': {
      const n = num(args[0]);
      switch (name) {
        case 'fromdays': return new PSTimeSpan(n * 86_400_000);
        case 'fromhours': return new PSTimeSpan(n * 3_600_000);
        case 'fromminutes': return new PSTimeSpan(n * 60_000);
        case 'fromseconds': return new PSTimeSpan(n * 1000);
        case 'frommilliseconds': return new PSTimeSpan(n);
        case 'fromticks': return new PSTimeSpan(n / 10_000);
        case 'parse': return convertTo(args[0], 'timespan');
      }
      break;
    }
    case 'System.Environment':
      if (name === 'getenvironmentvariable') return environment(toStr(args[0]));
      if (name === 'getenvironmentvariables') {
        const h = new PSHashtable();
        for (const [k, v] of Object.entries(memberContext()?.host?.environment ?? {})) h.set(k, v);
        return h;
      }
      break;
    case 'System.Array':
      if (name === 'indexof') return Array.isArray(args[0]) ? args[0].findIndex((x) => x === args[1] || toStr(x) === toStr(args[1])) : -1;
      if (name === 'reverse' && Array.isArray(args[0])) { args[0].reverse(); return undefined; }
      if (name === 'sort' && Array.isArray(args[0])) { args[0].sort((x, y) => (toStr(x) < toStr(y) ? -1 : toStr(x) > toStr(y) ? 1 : 0)); return undefined; }
      if (name === 'empty') return [];
      break;
    case 'System.Text.Encoding':
      if (name === 'getencoding') { const n = toStr(args[0]).toLowerCase(); return n.includes('ascii') ? PSEncoding.ASCII : n.includes('16') || n === 'unicode' ? PSEncoding.Unicode : PSEncoding.UTF8; }
      break;
    case 'System.Type':
      if (name === 'gettype') return typeObject(toStr(args[0]));
      break;
    case 'System.IO.File': case 'System.IO.Directory': return fileMethod(full, name, args, method);
    case 'System.Console':
      if (name === 'writeline' || name === 'write') {
        const text = args.length === 0 ? '' : args.length > 1 ? formatOperator(toStr(args[0]), args.slice(1)) : toStr(args[0]);
        requireHost().ui.write(name === 'writeline' ? text + '\n' : text);
        return undefined;
      }
      break;
    case 'System.Net.Dns':
      if (name === 'gethostname') return memberContext()?.host?.computerName ?? 'localhost';
      break;
    case 'System.Threading.Thread':
      if (name === 'sleep') { requireHost().sleep(num(args[0])); return undefined; }
      break;
    case 'System.Boolean':
      if (name === 'parse') {
        const s = toStr(args[0]).trim().toLowerCase();
        if (s === 'true' || s === 'false') return s === 'true';
        throw methodException('Parse', 1, `String '${toStr(args[0])}' was not recognized as a valid Boolean.`, 'FormatException');
      }
      break;
  }
  if (INTEGER_LIMITS[full] !== undefined && name === 'parse') return parseOrThrow(args[0], full);
  return NOT_FOUND;
}

/** `[type]::Method(args)`; throws MethodNotFound when psh does not know the method. */
export function invokeStaticMethod(typeName: string, name: string, args: readonly unknown[]): unknown {
  const full = fullName(typeName);
  const result = staticMethod(full, name.toLowerCase(), args, name);
  if (result === NOT_FOUND) throw staticMethodNotFound(full, name);
  return result === undefined ? null : result;
}
