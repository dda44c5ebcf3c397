// Get-Content, Set-Content, Add-Content and Clear-Content: files as lines of text (UTF-8, the
// PowerShell 7 default). Reading, writing and waiting all go through the host.

import type { BoundParameters, CmdletContext, CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { cmdletError, flag, opt, shouldProcess, shouldProcessParameters, strings, writeIoError } from './common.js';
import { isDirectory, parentPath, resolveExisting, resolveForWrite } from './globbing.js';

// One parameter set for both: piped items bind -LiteralPath through their PSPath property, which
// needs that set to be open while the binder has already chosen one for the whole pipeline.
const pathParameters: ParameterDefinition[] = [
  { name: 'Path', type: 'string[]', position: 0, valueFromPipelineByPropertyName: true },
  { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string[]', valueFromPipelineByPropertyName: true },
];

function targetPaths(p: BoundParameters): { paths: string[]; literal: boolean } {
  const literal = p.LiteralPath !== undefined;
  return { paths: strings(p, literal ? 'LiteralPath' : 'Path'), literal };
}

/** Lines of a text: `\n` or `\r\n` separated; a final line break does not start another line. */
export function splitTextLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function directoryError(cmdletName: string, path: string): ReturnType<typeof cmdletError> {
  return cmdletError(cmdletName, `Unable to get content because it is a directory: '${path}'. Please use 'Get-ChildItem' instead.`,
    'GetContentReaderUnauthorizedAccessError', 'ReadError', path, 'System.UnauthorizedAccessException');
}

const GET = 'Get-Content';

function followFile(ctx: CmdletContext, path: string, seen: number): never {
  let offset = seen;
  for (;;) {
    ctx.checkStop();
    ctx.host.sleep(200);
    ctx.checkStop();
    let text: string;
    try {
      text = ctx.host.fs.readText(path);
    } catch {
      continue;
    }
    if (text.length < offset) offset = 0;
    const fresh = text.slice(offset);
    const complete = fresh.lastIndexOf('\n');
    if (complete < 0) continue;
    for (const line of splitTextLines(fresh.slice(0, complete + 1))) ctx.writeObject(line);
    offset += complete + 1;
  }
}

const getContent: CmdletDefinition = {
  name: GET,
  aliases: ['gc', 'type'],
  parameters: [
    ...pathParameters,
    { name: 'ReadCount', type: 'long' },
    { name: 'TotalCount', aliases: ['First', 'Head'], type: 'long' },
    { name: 'Tail', aliases: ['Last'], type: 'int' },
    { name: 'Raw', type: 'switch' },
    { name: 'Wait', type: 'switch' },
    { name: 'Delimiter', type: 'string' },
    { name: 'Encoding', type: 'string' },
    { name: 'AsByteStream', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'Filter', type: 'string' },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'Stream', type: 'string' },
  ],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = targetPaths(p);
      for (const path of resolveExisting(ctx, GET, paths, literal)) {
        if (isDirectory(ctx, path)) {
          ctx.writeError(directoryError(GET, path));
          continue;
        }
        if (flag(p, 'AsByteStream')) {
          ctx.writeObject([...ctx.host.fs.readBytes(path)], true);
          continue;
        }
        let text: string;
        try {
          text = ctx.host.fs.readText(path);
        } catch (e) {
          writeIoError(ctx, GET, e, path, 'GetContentReaderIOError', 'ReadError');
          continue;
        }
        if (flag(p, 'Raw')) {
          if (text.length > 0) ctx.writeObject(text);
          if (flag(p, 'Wait')) followFile(ctx, path, text.length);
          continue;
        }
        const delimiter = opt<string>(p, 'Delimiter');
        let lines = delimiter === null ? splitTextLines(text) : splitDelimited(text, delimiter);
        const total = p.TotalCount === undefined ? -1 : Number(p.TotalCount);
        if (total >= 0) lines = lines.slice(0, total);
        const tail = opt<number>(p, 'Tail');
        if (tail !== null && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
        const readCount = p.ReadCount === undefined ? 1 : Number(p.ReadCount);
        if (readCount <= 0) ctx.writeObject(lines);
        else if (readCount === 1) for (const line of lines) ctx.writeObject(line);
        else for (let i = 0; i < lines.length; i += readCount) ctx.writeObject(lines.slice(i, i + readCount));
        if (flag(p, 'Wait')) followFile(ctx, path, text.length);
      }
    },
  }),
};

/** -Delimiter: pieces keep their delimiter, as PowerShell's reader returns them. */
function splitDelimited(text: string, delimiter: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf(delimiter, start);
    if (i < 0) break;
    out.push(text.slice(start, i + delimiter.length));
    start = i + delimiter.length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Set-Content and Add-Content: the same cmdlet but for appending. */
function writeContent(name: string, aliases: readonly string[], append: boolean): CmdletDefinition {
  return {
    name,
    aliases,
      parameters: [
      ...pathParameters,
      // Not mandatory: PowerShell's -Value allows $null, which the binder rejects for mandatory parameters.
      { name: 'Value', type: 'object[]', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
      { name: 'PassThru', type: 'switch' },
      { name: 'NoNewline', type: 'switch' },
      { name: 'Encoding', type: 'string' },
      { name: 'Force', type: 'switch' },
      { name: 'Filter', type: 'string' },
      { name: 'Include', type: 'string[]' },
      { name: 'Exclude', type: 'string[]' },
      { name: 'Stream', type: 'string' },
      { name: 'AsByteStream', type: 'switch' },
      ...shouldProcessParameters,
    ],
    create: (ctx) => {
      const values: unknown[] = [];
      let last: BoundParameters = {};
      return {
        process(p) {
          last = p;
          if (p.Value === undefined) return;
          // $null values write nothing (Set-Content f $null leaves an empty file).
          for (const v of Array.isArray(p.Value) ? p.Value : [p.Value]) if (v !== null && v !== undefined) values.push(v);
        },
        end() {
          const p = last;
          const { paths, literal } = targetPaths(p);
          const text = values.map((v) => toStr(v) + (flag(p, 'NoNewline') ? '' : '\n')).join('');
          for (const target of paths) {
            const path = resolveForWrite(ctx, target, literal);
            if (isDirectory(ctx, path)) {
              ctx.writeError(cmdletError(name, `Access to the path '${path}' is denied.`, 'GetContentWriterUnauthorizedAccessError', 'PermissionDenied', path,
                'System.UnauthorizedAccessException'));
              continue;
            }
            const dir = parentPath(path);
            if (dir !== '' && !ctx.host.fs.exists(dir)) {
              ctx.writeError(cmdletError(name, `Could not find a part of the path '${path}'.`, 'GetContentWriterDirectoryNotFoundError', 'ObjectNotFound', path,
                'System.IO.DirectoryNotFoundException'));
              continue;
            }
            if (!shouldProcess(ctx, p, `Path: ${path}`, append ? 'Add Content' : 'Set Content')) continue;
            try {
              ctx.host.fs.writeText(path, text, append);
            } catch (e) {
              writeIoError(ctx, name, e, path, 'GetContentWriterIOError');
            }
          }
          if (flag(p, 'PassThru')) for (const v of values) ctx.writeObject(v);
        },
      };
    },
  };
}

const clearContent: CmdletDefinition = {
  name: 'Clear-Content',
  aliases: ['clc'],
  parameters: [...pathParameters, { name: 'Force', type: 'switch' }, ...shouldProcessParameters],
  create: (ctx) => ({
    process(p) {
      const { paths, literal } = targetPaths(p);
      for (const path of resolveExisting(ctx, 'Clear-Content', paths, literal)) {
        if (shouldProcess(ctx, p, `Item: ${path}`, 'Clear Content')) ctx.host.fs.writeText(path, '', false);
      }
    },
  }),
};

export const contentCommands: readonly CmdletDefinition[] = [
  getContent,
  writeContent('Set-Content', [], false),
  writeContent('Add-Content', [], true),
  clearContent,
];
