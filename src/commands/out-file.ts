// Out-File and Out-Null. Out-File writes what the console would show, through the formatter
// service the CLI registers ('formatter'), so files match the screen.

import type { CmdletContext, CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { cmdletError, flag, opt, shouldProcess, shouldProcessParameters, writeIoError } from './common.js';
import { isDirectory, resolveForWrite } from './globbing.js';

interface Formatter {
  renderToText(values: unknown[], width: number): string;
}

/** The console's text for values; strings alone when no formatter is registered (bare runspaces in tests). */
export function renderForFile(ctx: CmdletContext, values: unknown[], width: number | null): string {
  let formatter: Formatter | undefined;
  try {
    formatter = ctx.service<Formatter | undefined>('formatter');
  } catch {
    formatter = undefined;
  }
  if (formatter === undefined || formatter === null) return values.map((v) => toStr(v) + '\n').join('');
  return formatter.renderToText(values, width ?? ctx.host.ui.width);
}

const NAME = 'Out-File';

export const outFile: CmdletDefinition = {
  name: NAME,
  defaultParameterSet: 'ByPath',
  parameters: [
    { name: 'FilePath', aliases: ['Path'], type: 'string', position: 0, mandatory: true, parameterSets: ['ByPath'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string', mandatory: true, parameterSets: ['ByLiteralPath'] },
    { name: 'Encoding', type: 'string', position: 1 },
    { name: 'Append', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'NoClobber', aliases: ['NoOverwrite'], type: 'switch' },
    { name: 'Width', type: 'int' },
    { name: 'NoNewline', type: 'switch' },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    ...shouldProcessParameters,
  ],
  create: (ctx) => {
    const values: unknown[] = [];
    return {
      process(p) {
        if (p.InputObject !== undefined) values.push(p.InputObject);
      },
      end(p) {
        const literal = p.LiteralPath !== undefined;
        const path = resolveForWrite(ctx, toStr(literal ? p.LiteralPath : p.FilePath), literal);
        if (isDirectory(ctx, path)) {
          ctx.writeError(cmdletError(NAME, `Access to the path '${path}' is denied.`, 'FileOpenFailure', 'OpenError', path, 'System.UnauthorizedAccessException'));
          return;
        }
        if (flag(p, 'NoClobber') && !flag(p, 'Append') && ctx.host.fs.exists(path)) {
          ctx.writeError(cmdletError(NAME, `The file '${path}' already exists.`, 'NoClobber', 'ResourceExists', path, 'System.IO.IOException'));
          return;
        }
        if (!shouldProcess(ctx, p, path, 'Output to File')) return;
        let text: string;
        if (flag(p, 'NoNewline')) text = values.map((v) => renderForFile(ctx, [v], opt<number>(p, 'Width')).replace(/\n$/, '')).join('');
        else text = renderForFile(ctx, values, opt<number>(p, 'Width'));
        try {
          ctx.host.fs.writeText(path, text, flag(p, 'Append'));
        } catch (e) {
          writeIoError(ctx, NAME, e, path, 'FileOpenFailure', 'OpenError');
        }
      },
    };
  },
};

export const outNull: CmdletDefinition = {
  name: 'Out-Null',
  parameters: [{ name: 'InputObject', type: 'psobject', valueFromPipeline: true }],
  create: () => ({}),
};
