// .NET regular expressions on top of JS RegExp: pattern translation (inline options, \A \z),
// a compile cache for hot `-match` loops, .NET replacement syntax (`$1`, `${name}`, `$0`), and
// the Regex / Match / Group objects `[regex]` and `[regex]::Match` give scripts.

import { DotNetObject } from '../values.js';

export interface CompiledRegex {
  readonly regex: RegExp;
  /** Name of each capture group by number (index 0 is the whole match); null for unnamed groups. */
  readonly groupNames: readonly (string | null)[];
}

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 500;

/** Translates a .NET pattern to JS; `flags` are JS flags ('i', 'g', 'd', 'm', 's'). Throws SyntaxError when invalid. */
export function compileRegex(pattern: string, flags: string): CompiledRegex {
  const key = flags + '\u0000' + pattern;
  let c = cache.get(key);
  if (c === undefined) {
    let source = pattern;
    let allFlags = flags;
    const inline = /^\(\?([imsxn]+)\)/.exec(source);
    if (inline) {
      source = source.slice(inline[0].length);
      for (const f of inline[1]) if ((f === 'i' || f === 'm' || f === 's') && !allFlags.includes(f)) allFlags += f;
    }
    const translated = translate(source);
    // Unicode categories (`\p{L}`) need JS's unicode mode, which is stricter, so only then.
    if (/\\[pP]\{/.test(source) && !allFlags.includes('u')) allFlags += 'u';
    c = { regex: new RegExp(translated.source, allFlags), groupNames: translated.groupNames };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, c);
  }
  if (c.regex.global || c.regex.sticky) c.regex.lastIndex = 0;
  return c;
}

/** Rewrites .NET-only syntax and records capture group names in order. */
function translate(pattern: string): { source: string; groupNames: (string | null)[] } {
  const groupNames: (string | null)[] = [null];
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && (next === 'z' || next === 'Z')) out += '$';
      else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') { out += '^'; i++; }
      if (pattern[i + 1] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') groupNames.push(null);
      else {
        const named = /^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(i));
        if (named) {
          const name = named[1] ?? named[2];
          groupNames.push(name);
          out += '(?<' + name + '>';
          i += named[0].length - 1;
          continue;
        }
      }
    }
    out += c;
  }
  return { source: out, groupNames };
}

type ReplacementPart = string | { readonly group: number | string } | { readonly special: '&' | '`' | "'" | '_' };
const replacementCache = new Map<string, readonly ReplacementPart[]>();

/** Parses .NET replacement text: `$1`, `${name}`, `$0`/`$&` whole match, `$$`, `` $` `` and `$'` around it, `$_` whole input. */
function parseReplacement(text: string): readonly ReplacementPart[] {
  const cached = replacementCache.get(text);
  if (cached) return cached;
  const parts: ReplacementPart[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$' || i + 1 >= text.length) { literal += c; continue; }
    const next = text[i + 1];
    let part: ReplacementPart | null = null;
    let length = 2;
    const digits = /^\d+/.exec(text.slice(i + 1));
    const braced = /^\{(\w+)\}/.exec(text.slice(i + 1));
    if (next === '$') { literal += '$'; i++; continue; }
    if (digits) { part = { group: Number(digits[0]) }; length = 1 + digits[0].length; }
    else if (braced) { part = { group: /^\d+$/.test(braced[1]) ? Number(braced[1]) : braced[1] }; length = 1 + braced[0].length; }
    else if (next === '&' || next === '`' || next === "'" || next === '_') part = { special: next };
    if (part === null) { literal += c; continue; }
    if (literal) parts.push(literal);
    literal = '';
    parts.push(part);
    i += length - 1;
  }
  if (literal) parts.push(literal);
  if (replacementCache.size > CACHE_LIMIT) replacementCache.clear();
  replacementCache.set(text, parts);
  return parts;
}

function groupText(m: RegExpExecArray, compiled: CompiledRegex, group: number | string): string | null {
  if (typeof group === 'number') return group < m.length ? m[group] ?? '' : null;
  if (m.groups && group in m.groups) return m.groups[group] ?? '';
  return null;
}

/** `-replace` / Regex.Replace with .NET replacement text; an unknown group stays literal as .NET leaves it. */
export function regexReplace(input: string, compiled: CompiledRegex, replacement: string | ((m: RegExpExecArray) => string), count = -1): string {
  const regex = compiled.regex;
  const parts = typeof replacement === 'string' ? parseReplacement(replacement) : null;
  let out = '';
  let last = 0;
  let done = 0;
  regex.lastIndex = 0;
  for (let m = regex.exec(input); m !== null && (count < 0 || done < count); m = regex.exec(input)) {
    out += input.slice(last, m.index);
    if (parts === null) out += (replacement as (m: RegExpExecArray) => string)(m);
    else {
      for (const p of parts) {
        if (typeof p === 'string') out += p;
        else if ('group' in p) out += groupText(m, compiled, p.group) ?? (typeof p.group === 'number' ? '$' + p.group : '${' + p.group + '}');
        else if (p.special === '&') out += m[0];
        else if (p.special === '`') out += input.slice(0, m.index);
        else if (p.special === "'") out += input.slice(m.index + m[0].length);
        else out += input;
      }
    }
    last = m.index + m[0].length;
    done++;
    if (m[0].length === 0) regex.lastIndex++;
    if (!regex.global) break;
  }
  return out + input.slice(last);
}

export class PSGroup extends DotNetObject {
  constructor(
    readonly Name: string,
    readonly Success: boolean,
    readonly Value: string,
    readonly Index: number,
  ) {
    super();
  }
  get Length(): number { return this.Value.length; }
  get Captures(): PSGroup[] { return this.Success ? [this] : []; }
  get psTypeNames(): readonly string[] { return ['System.Text.RegularExpressions.Group', 'System.Text.RegularExpressions.Capture', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Success', 'Name', 'Captures', 'Index', 'Length', 'Value']; }
  toString(): string { return this.Value; }
}

export class PSMatch extends DotNetObject {
  constructor(
    readonly Groups: PSGroup[],
  ) {
    super();
  }
  static fromExec(m: RegExpExecArray | null, compiled: CompiledRegex): PSMatch {
    if (m === null) return new PSMatch([new PSGroup('0', false, '', 0)]);
    const indices = (m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices;
    const groups: PSGroup[] = [];
    for (let i = 0; i < m.length; i++) {
      const value = m[i];
      groups.push(new PSGroup(compiled.groupNames[i] ?? String(i), value !== undefined, value ?? '', indices?.[i]?.[0] ?? (i === 0 ? m.index : 0)));
    }
    return new PSMatch(groups);
  }
  get Success(): boolean { return this.Groups[0].Success; }
  get Name(): string { return '0'; }
  get Captures(): PSGroup[] { return this.Success ? [this.Groups[0]] : []; }
  get Index(): number { return this.Groups[0].Index; }
  get Length(): number { return this.Groups[0].Length; }
  get Value(): string { return this.Groups[0].Value; }
  get psTypeNames(): readonly string[] { return ['System.Text.RegularExpressions.Match', 'System.Text.RegularExpressions.Group', 'System.Text.RegularExpressions.Capture', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Groups', 'Success', 'Name', 'Captures', 'Index', 'Length', 'Value']; }
  override psMethodNames(): readonly string[] { return ['NextMatch', 'ToString']; }
  toString(): string { return this.Value; }
}

/** `[regex]'pattern'`: a .NET Regex (options IgnoreCase unless constructed otherwise, as .NET's default is case-sensitive). */
export class PSRegex extends DotNetObject {
  constructor(
    readonly pattern: string,
    readonly ignoreCase = false,
  ) {
    super();
    compileRegex(pattern, ignoreCase ? 'i' : '');
  }

  private compiled(flags: string): CompiledRegex {
    return compileRegex(this.pattern, (this.ignoreCase ? 'i' : '') + flags);
  }

  get Options(): string { return this.ignoreCase ? 'IgnoreCase' : 'None'; }
  get RightToLeft(): boolean { return false; }
  get psTypeNames(): readonly string[] { return ['System.Text.RegularExpressions.Regex', 'System.Object']; }
  psPropertyNames(): readonly string[] { return ['Options', 'RightToLeft']; }
  override psMethodNames(): readonly string[] { return ['Match', 'Matches', 'IsMatch', 'Replace', 'Split', 'ToString', 'GetGroupNames']; }

  IsMatch(input: unknown): boolean {
    return this.compiled('').regex.test(String(input ?? ''));
  }
  Match(input: unknown): PSMatch {
    const c = this.compiled('d');
    return PSMatch.fromExec(c.regex.exec(String(input ?? '')), c);
  }
  Matches(input: unknown): PSMatch[] {
    const c = this.compiled('gd');
    const text = String(input ?? '');
    const out: PSMatch[] = [];
    for (let m = c.regex.exec(text); m !== null; m = c.regex.exec(text)) {
      out.push(PSMatch.fromExec(m, c));
      if (m[0].length === 0) c.regex.lastIndex++;
    }
    return out;
  }
  Replace(input: unknown, replacement: unknown): string {
    return regexReplace(String(input ?? ''), this.compiled('g'), String(replacement ?? ''));
  }
  Split(input: unknown): string[] {
    return regexSplit(String(input ?? ''), this.compiled('g'), 0);
  }
  GetGroupNames(): string[] {
    return this.compiled('').groupNames.map((n, i) => n ?? String(i));
  }
  toString(): string {
    return this.pattern;
  }
}

/** Regex.Split: captured groups are included in the result, as .NET does; `max` > 0 limits the number of pieces. */
export function regexSplit(input: string, compiled: CompiledRegex, max: number): string[] {
  const regex = compiled.regex;
  regex.lastIndex = 0;
  const out: string[] = [];
  let last = 0;
  for (let m = regex.exec(input); m !== null; m = regex.exec(input)) {
    if (max > 0 && out.length >= max - 1) break;
    out.push(input.slice(last, m.index));
    for (let g = 1; g < m.length; g++) if (m[g] !== undefined) out.push(m[g]);
    last = m.index + m[0].length;
    if (m[0].length === 0) regex.lastIndex++;
  }
  out.push(input.slice(last));
  return out;
}

/** Regex.Escape. */
export function regexEscape(text: string): string {
  return text.replace(/[\\*+?|{[()^$.#\s]/g, (c) => {
    switch (c) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      case '\f': return '\\f';
      case ' ': return '\\ ';
      default: return '\\' + c;
    }
  });
}
