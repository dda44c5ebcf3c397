// ConvertTo-Json and ConvertFrom-Json with PowerShell 7's output: two-space indentation,
// `"key": value`, doubles written with a fraction (`5.0`), objects deeper than -Depth written as
// their string form with PowerShell's truncation warning; JSON objects come back as
// PSCustomObjects (or hashtables with -AsHashtable).

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { PSDateTime, formatDateTime, parseDateTime } from '../runtime/datetime.js';
import { isInt32 } from '../runtime/types.js';
import { formatDoubleRoundTrip } from '../runtime/values/number.js';
import { DotNetObject, PSHashtable, PSObject, ScriptBlock } from '../runtime/values.js';
import { cmdletError, flag } from './common.js';

const TO = 'ConvertTo-Json';
const FROM = 'ConvertFrom-Json';

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      default: out += c < 0x20 ? '\\u' + c.toString(16).padStart(4, '0') : ch;
    }
  }
  return out + '"';
}

/** Newtonsoft writes doubles in round-trip form and always with a fraction or exponent. */
function jsonNumber(n: number): string {
  if (Number.isNaN(n) || !Number.isFinite(n)) return quote(n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN');
  if (isInt32(n)) return String(n);
  const s = formatDoubleRoundTrip(n);
  return /[.eE]/.test(s) ? s : s + '.0';
}

interface Writer {
  readonly depth: number;
  readonly compress: boolean;
  truncated: boolean;
}

type Entries = readonly (readonly [string, unknown])[];

function entriesOf(value: unknown): Entries | null {
  if (value instanceof PSHashtable) return [...value].map(([k, v]) => [toStr(k), v] as const);
  if (value instanceof PSObject) return [...value.properties.values()].map((p) => [p.name, value.readProperty(p)] as const);
  if (value instanceof DotNetObject) {
    const obj = value as unknown as Record<string, unknown>;
    return value.psPropertyNames().map((n) => [n, obj[n] ?? null] as const);
  }
  return null;
}

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string': return quote(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'number': return jsonNumber(value);
    case 'bigint': return value.toString();
  }
  if (value instanceof PSObject && value.baseObject !== null && value.properties.size === 0) return scalar(value.baseObject);
  if (value instanceof PSDateTime) return quote(formatDateTime(value, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"));
  if (value instanceof ScriptBlock) return quote(value.toString());
  const types = value instanceof DotNetObject ? value.psTypeNames : [];
  if (types.some((t) => t === 'System.Char' || t === 'System.Guid' || t === 'System.Text.RegularExpressions.Regex' || t === 'System.Uri')) {
    return quote(toStr(value));
  }
  return null;
}

function write(w: Writer, value: unknown, level: number, indent: string): string {
  const s = scalar(value);
  if (s !== null) return s;
  if (level > w.depth) {
    w.truncated = true;
    return quote(toStr(value));
  }
  const inner = indent + '  ';
  const nl = w.compress ? '' : '\n';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const parts = value.map((v) => (w.compress ? '' : inner) + write(w, v, level + 1, inner));
    return '[' + nl + parts.join(',' + nl) + nl + (w.compress ? '' : indent) + ']';
  }
  const entries = entriesOf(value) ?? [];
  if (entries.length === 0) return '{}';
  const sep = w.compress ? ':' : ': ';
  const parts = entries.map(([k, v]) => (w.compress ? '' : inner) + quote(k) + sep + write(w, v, level + 1, inner));
  return '{' + nl + parts.join(',' + nl) + nl + (w.compress ? '' : indent) + '}';
}

export function toJson(value: unknown, depth: number, compress: boolean): { text: string; truncated: boolean } {
  const w: Writer = { depth, compress, truncated: false };
  return { text: write(w, value, 0, ''), truncated: w.truncated };
}

const convertToJson: CmdletDefinition = {
  name: TO,
  parameters: [
    { name: 'InputObject', type: 'object', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Depth', type: 'int' },
    { name: 'Compress', type: 'switch' },
    { name: 'EnumsAsStrings', type: 'switch' },
    { name: 'AsArray', type: 'switch' },
    { name: 'EscapeHandling', type: 'string' },
  ],
  create: (ctx) => {
    const inputs: unknown[] = [];
    return {
      process(p) {
        if (p.InputObject !== undefined) inputs.push(p.InputObject);
      },
      end(p) {
        if (inputs.length === 0) return;
        const depth = p.Depth === undefined ? 2 : Number(p.Depth);
        if (depth > 100) {
          return ctx.throwTerminatingError(cmdletError(TO, `The value ${depth} is greater than the maximum allowed depth of 100.`, 'ParameterArgumentValidationError',
            'InvalidData', depth, 'System.Management.Automation.ParameterBindingValidationException'));
        }
        const value = inputs.length === 1 && !flag(p, 'AsArray') ? inputs[0] : inputs.length === 1 && Array.isArray(inputs[0]) ? inputs[0] : inputs;
        const { text, truncated } = toJson(value, depth, flag(p, 'Compress'));
        if (truncated) ctx.writeStream('warning', `Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`);
        ctx.writeObject(text);
      },
    };
  },
};

class JsonSyntaxError extends Error {}

/** A JSON reader that keeps PowerShell's number types (Int64, Double) and property order. */
class JsonReader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly asHashtable: boolean,
  ) {}

  private fail(what: string): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    const position = this.i - (before.lastIndexOf('\n') + 1);
    throw new JsonSyntaxError(`${what} Path '', line ${line}, position ${position}.`);
  }

  private skip(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  document(): unknown {
    this.skip();
    if (this.i >= this.text.length) return null;
    const v = this.value();
    this.skip();
    if (this.i < this.text.length) this.fail(`Additional text encountered after finished reading JSON content: ${this.text[this.i]}.`);
    return v;
  }

  private value(): unknown {
    this.skip();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') {
      const s = this.string();
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? parseDateTime(s) ?? s : s;
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (m === null) this.fail(`Unexpected character encountered while parsing value: ${c ?? ''}.`);
    this.i += m[0].length;
    // Newtonsoft reads every integer as Int64, so PowerShell's objects hold [long] values.
    if (m[1] === undefined && m[2] === undefined) {
      const big = BigInt(m[0]);
      if (big >= -9223372036854775808n && big <= 9223372036854775807n) return big;
    }
    return Number(m[0]);
  }

  private string(): string {
    let out = '';
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i++];
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.i++];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' };
      if (e === 'u') {
        out += String.fromCharCode(parseInt(this.text.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else out += simple[e] ?? e;
    }
    return this.fail('Unterminated string. Expected delimiter: ".');
  }

  private array(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.skip();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skip();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail(`After parsing a value an unexpected character was encountered: ${c ?? ''}.`);
    }
  }

  private object(): PSObject | PSHashtable {
    this.i++;
    const entries: [string, unknown][] = [];
    this.skip();
    if (this.text[this.i] === '}') this.i++;
    else {
      for (;;) {
        this.skip();
        if (this.text[this.i] !== '"') this.fail(`Invalid property identifier character: ${this.text[this.i] ?? ''}.`);
        const key = this.string();
        this.skip();
        if (this.text[this.i++] !== ':') this.fail(`Invalid character after parsing property name. Expected ':' but got: ${this.text[this.i - 1] ?? ''}.`);
        entries.push([key, this.value()]);
        this.skip();
        const c = this.text[this.i++];
        if (c === '}') break;
        if (c !== ',') this.fail(`After parsing a value an unexpected character was encountered: ${c ?? ''}.`);
      }
    }
    if (this.asHashtable) {
      const h = new PSHashtable(true);
      for (const [k, v] of entries) h.set(k, v);
      return h;
    }
    return PSObject.fromEntries(entries);
  }
}

export function fromJson(text: string, asHashtable: boolean): unknown {
  return new JsonReader(text, asHashtable).document();
}

function convertFromJsonError(ctx: CmdletContext, message: string): never {
  return ctx.throwTerminatingError(cmdletError(FROM, `Conversion from JSON failed with error: ${message}`, 'System.ArgumentException', 'NotSpecified', null,
    'System.ArgumentException'));
}

const convertFromJson: CmdletDefinition = {
  name: FROM,
  parameters: [
    { name: 'InputObject', type: 'string', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'AsHashtable', type: 'switch' },
    { name: 'Depth', type: 'int' },
    { name: 'NoEnumerate', type: 'switch' },
    { name: 'DateKind', type: 'string' },
  ],
  create: (ctx) => {
    const lines: string[] = [];
    return {
      process(p) {
        if (p.InputObject !== undefined && p.InputObject !== null) lines.push(toStr(p.InputObject));
      },
      end(p) {
        if (lines.length === 0) return;
        let value: unknown;
        try {
          value = fromJson(lines.join('\n'), flag(p, 'AsHashtable'));
        } catch (e) {
          if (e instanceof JsonSyntaxError) convertFromJsonError(ctx, e.message);
          throw e;
        }
        ctx.writeObject(value, !flag(p, 'NoEnumerate'));
      },
    };
  },
};

const TEST = 'Test-Json';

/** Test-Json without schemas: whether the text parses, with PowerShell's error when it does not. */
const testJson: CmdletDefinition = {
  name: TEST,
  parameters: [
    { name: 'Json', type: 'string', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Schema', type: 'string', position: 1 },
    { name: 'SchemaFile', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      try {
        fromJson(toStr(p.Json), false);
        ctx.writeObject(true);
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        ctx.writeError(cmdletError(TEST, `Cannot parse the JSON. ${e.message}`, 'InvalidJson', 'InvalidData', p.Json, 'System.Exception'));
        ctx.writeObject(false);
      }
    },
  }),
};

export const jsonCommands: readonly CmdletDefinition[] = [convertToJson, convertFromJson, testJson];
