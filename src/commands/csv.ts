// ConvertTo-Csv, ConvertFrom-Csv, Export-Csv and Import-Csv as PowerShell 7 does them: no type
// line unless asked, every field quoted unless -UseQuotes says otherwise, the header taken from
// the first object's properties.

import type { BoundParameters, CmdletContext, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { propertyNames, getProperty } from '../runtime/properties.js';
import { typeNamesOf } from '../runtime/types.js';
import { PSHashtable, PSObject } from '../runtime/values.js';
import { cmdletError, flag, opt, strings, writeIoError } from './common.js';
import { isDirectory, resolveExisting, resolveForWrite } from './globbing.js';

interface CsvOptions {
  readonly delimiter: string;
  readonly quoting: 'always' | 'never' | 'asneeded';
  readonly quoteFields: readonly string[];
  readonly typeInformation: boolean;
}

function options(p: BoundParameters): CsvOptions {
  const quoteFields = strings(p, 'QuoteFields').map((f) => f.toLowerCase());
  const quoting = quoteFields.length > 0 ? 'never' : (toStr(p.UseQuotes ?? 'Always').toLowerCase() as CsvOptions['quoting']);
  return {
    delimiter: p.UseCulture === true ? ',' : toStr(p.Delimiter ?? ','),
    quoting,
    quoteFields,
    typeInformation: flag(p, 'IncludeTypeInformation'),
  };
}

function columnsOf(value: unknown): string[] {
  if (value instanceof PSHashtable) return value.keys().map(toStr);
  return propertyNames(value);
}

function cell(value: unknown, name: string): string {
  if (value instanceof PSHashtable) return toStr(value.has(name) ? value.get(name) : null);
  const v = getProperty(value, name).value;
  return Array.isArray(v) ? 'System.Object[]' : toStr(v);
}

function field(text: string, name: string, o: CsvOptions): string {
  const needs = o.quoting === 'always' || o.quoteFields.includes(name.toLowerCase())
    || (o.quoting === 'asneeded' && (text.includes(o.delimiter) || /["\r\n]/.test(text)));
  return needs ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** Streams CSV lines for objects: the header (and type line) once, then one line per object. */
class CsvWriter {
  private columns: string[] | null = null;
  constructor(
    private readonly o: CsvOptions,
    private readonly writeHeader: boolean,
  ) {}

  lines(value: unknown): string[] {
    const out: string[] = [];
    if (this.columns === null) {
      this.columns = columnsOf(value);
      if (this.o.typeInformation) {
        const type = value instanceof PSHashtable ? value.typeName : typeNamesOf(value)[0] ?? 'System.Object';
        out.push('#TYPE ' + type);
      }
      if (this.writeHeader) out.push(this.columns.map((c) => field(c, c, this.o)).join(this.o.delimiter));
    }
    out.push(this.columns.map((c) => field(cell(value, c), c, this.o)).join(this.o.delimiter));
    return out;
  }
}

/** Splits CSV text into records of fields; quoted fields may hold delimiters, quotes and line breaks. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let fieldText = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (c === '"') quoted = false;
      else fieldText += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      started = true;
    } else if (c === delimiter) {
      record.push(fieldText);
      fieldText = '';
      started = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (started || fieldText.length > 0) record.push(fieldText);
      if (record.length > 0) records.push(record);
      record = [];
      fieldText = '';
      started = false;
    } else {
      fieldText += c;
      started = true;
    }
  }
  if (started || fieldText.length > 0) record.push(fieldText);
  if (record.length > 0) records.push(record);
  return records;
}

/** Objects from CSV records: the first record (or -Header) names the properties. */
function csvObjects(ctx: CmdletContext, cmdletName: string, text: string, delimiter: string, header: readonly string[]): PSObject[] {
  const lines = text.split(/\r?\n/);
  let typeName: string | null = null;
  if (lines.length > 0 && lines[0].startsWith('#TYPE ')) {
    typeName = lines[0].slice(6).trim();
    text = lines.slice(1).join('\n');
  }
  const records = parseCsv(text, delimiter);
  const names = header.length > 0 ? [...header] : records.shift() ?? [];
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.toLowerCase())) {
      ctx.throwTerminatingError(cmdletError(cmdletName, `The member "${n}" is already present.`, 'AlreadyPresentPSMemberInfoInternalCollectionAdd',
        'NotSpecified', null, 'System.Management.Automation.ExtendedTypeSystemException'));
    }
    seen.add(n.toLowerCase());
  }
  const typeNames = typeName === null ? PSObject.customTypeNames : ['CSV:' + typeName, ...PSObject.customTypeNames];
  return records.map((r) => PSObject.fromEntries(names.map((n, i) => [n === '' ? 'H' + (i + 1) : n, i < r.length ? r[i] : null] as const), typeNames));
}

const quoteParameters: ParameterDefinition[] = [
  { name: 'Delimiter', type: 'char', position: 1 },
  { name: 'UseCulture', type: 'switch' },
  { name: 'NoTypeInformation', aliases: ['NTI'], type: 'switch' },
  { name: 'IncludeTypeInformation', aliases: ['ITI'], type: 'switch' },
  { name: 'UseQuotes', type: 'string', validateSet: ['Never', 'Always', 'AsNeeded'] },
  { name: 'QuoteFields', type: 'string[]' },
  { name: 'NoHeader', type: 'switch' },
];

const convertToCsv: CmdletDefinition = {
  name: 'ConvertTo-Csv',
  parameters: [{ name: 'InputObject', type: 'psobject', position: 0, mandatory: true, valueFromPipeline: true }, ...quoteParameters],
  create: (ctx) => {
    let writer: CsvWriter | null = null;
    return {
      process(p) {
        if (p.InputObject === undefined || p.InputObject === null) return;
        writer ??= new CsvWriter(options(p), !flag(p, 'NoHeader'));
        for (const line of writer.lines(p.InputObject)) ctx.writeObject(line);
      },
    };
  },
};

const convertFromCsv: CmdletDefinition = {
  name: 'ConvertFrom-Csv',
  parameters: [
    { name: 'InputObject', type: 'psobject[]', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Delimiter', type: 'char', position: 1 },
    { name: 'UseCulture', type: 'switch' },
    { name: 'Header', type: 'string[]' },
  ],
  create: (ctx) => {
    const lines: string[] = [];
    return {
      process(p) {
        const v = p.InputObject;
        if (v === undefined || v === null) return;
        for (const line of Array.isArray(v) ? v : [v]) lines.push(toStr(line));
      },
      end(p) {
        for (const o of csvObjects(ctx, 'ConvertFrom-Csv', lines.join('\n'), toStr(p.Delimiter ?? ','), strings(p, 'Header'))) ctx.writeObject(o);
      },
    };
  },
};

const EXPORT = 'Export-Csv';

const exportCsv: CmdletDefinition = {
  name: EXPORT,
  aliases: ['epcsv'],
  defaultParameterSet: 'Delimiter',
  parameters: [
    { name: 'InputObject', type: 'psobject', mandatory: true, valueFromPipeline: true },
    { name: 'Path', type: 'string', position: 0 },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string' },
    { name: 'Force', type: 'switch' },
    { name: 'NoClobber', aliases: ['NoOverwrite'], type: 'switch' },
    { name: 'Encoding', type: 'string' },
    { name: 'Append', type: 'switch' },
    ...quoteParameters,
  ],
  create: (ctx) => {
    const out: string[] = [];
    let writer: CsvWriter | null = null;
    let last: BoundParameters = {};
    let path = '';
    return {
      begin(p) {
        const literal = p.LiteralPath !== undefined;
        path = resolveForWrite(ctx, toStr(literal ? p.LiteralPath : p.Path), literal);
        if (flag(p, 'NoClobber') && !flag(p, 'Append') && ctx.host.fs.exists(path)) {
          ctx.throwTerminatingError(cmdletError(EXPORT, `The file '${path}' already exists.`, 'NoClobber', 'ResourceExists', path, 'System.IO.IOException'));
        }
      },
      process(p) {
        last = p;
        if (p.InputObject === undefined || p.InputObject === null) return;
        if (writer === null) {
          const appending = flag(p, 'Append') && ctx.host.fs.exists(path) && ctx.host.fs.readText(path).length > 0;
          writer = new CsvWriter(options(p), !appending && !flag(p, 'NoHeader'));
        }
        out.push(...writer.lines(p.InputObject));
      },
      end() {
        if (isDirectory(ctx, path)) {
          ctx.writeError(cmdletError(EXPORT, `Access to the path '${path}' is denied.`, 'FileOpenFailure', 'OpenError', path, 'System.UnauthorizedAccessException'));
          return;
        }
        try {
          ctx.host.fs.writeText(path, out.map((l) => l + '\n').join(''), flag(last, 'Append'));
        } catch (e) {
          writeIoError(ctx, EXPORT, e, path, 'FileOpenFailure', 'OpenError');
        }
      },
    };
  },
};

const IMPORT = 'Import-Csv';

const importCsv: CmdletDefinition = {
  name: IMPORT,
  aliases: ['ipcsv'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, valueFromPipeline: true },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]' },
    { name: 'Delimiter', type: 'char', position: 1 },
    { name: 'UseCulture', type: 'switch' },
    { name: 'Header', type: 'string[]' },
    { name: 'Encoding', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const literal = p.LiteralPath !== undefined;
      for (const path of resolveExisting(ctx, IMPORT, strings(p, literal ? 'LiteralPath' : 'Path'), literal)) {
        let text: string;
        try {
          text = ctx.host.fs.readText(path);
        } catch (e) {
          writeIoError(ctx, IMPORT, e, path, 'FileOpenFailure', 'OpenError');
          continue;
        }
        for (const o of csvObjects(ctx, IMPORT, text, toStr(opt(p, 'Delimiter') ?? ','), strings(p, 'Header'))) ctx.writeObject(o);
      }
    },
  }),
};

export const csvCommands: readonly CmdletDefinition[] = [convertToCsv, convertFromCsv, exportCsv, importCsv];
