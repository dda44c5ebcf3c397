// Out-String, Out-Host and Out-Default: the cmdlets that turn objects (or Format-* records)
// into text. Out-String returns it; Out-Host and Out-Default write it to the host's console.

import type { CmdletDefinition, ParameterDefinition } from '../runtime/cmdlet.js';
import { enumerationLimit } from './format-commands.js';
import { formatLines, formatPieces } from './out-default.js';

const inputObject: ParameterDefinition = { name: 'InputObject', type: 'psobject', valueFromPipeline: true };

export const outStringCommand: CmdletDefinition = {
  name: 'Out-String',
  aliases: [],
  parameters: [
    { name: 'Width', type: 'int' },
    { name: 'Stream', type: 'switch' },
    { name: 'NoNewline', type: 'switch' },
    inputObject,
  ],
  create(ctx) {
    const values: unknown[] = [];
    return {
      process(params) {
        if (params.InputObject !== undefined) values.push(params.InputObject);
      },
      end(params) {
        // Without -Width, tables fit the console and lists never wrap (PowerShell's Out-String).
        const explicit = typeof params.Width === 'number' && params.Width > 0 ? params.Width : null;
        const width = explicit ?? ctx.host.ui.width;
        const options = { enumerationLimit: enumerationLimit(ctx), listWidth: explicit ?? Infinity };
        if (params.Stream === true) for (const l of formatLines(values, width, options)) ctx.writeObject(l);
        else if (params.NoNewline === true) ctx.writeObject(formatPieces(values, width, options).join(''));
        else ctx.writeObject(formatLines(values, width, options).map((l) => l + '\n').join(''));
      },
    };
  },
};

/** Out-Host and Out-Default both print to the console; Out-Default is what runs when nothing else consumes output. */
function consoleOut(name: string, aliases: readonly string[], parameters: readonly ParameterDefinition[]): CmdletDefinition {
  return {
    name,
    aliases,
    parameters: [...parameters, inputObject],
    create(ctx) {
      const values: unknown[] = [];
      return {
        process(params) {
          if (params.InputObject !== undefined) values.push(params.InputObject);
        },
        end() {
          const ui = ctx.host.ui;
          const lines = formatLines(values, ui.width, { color: ui.supportsColor, enumerationLimit: enumerationLimit(ctx), console: true });
          if (lines.length > 0) ui.write(lines.map((l) => l + '\n').join(''));
        },
      };
    },
  };
}

export const outHostCommand = consoleOut('Out-Host', ['oh'], [{ name: 'Paging', type: 'switch' }]);
export const outDefaultCommand = consoleOut('Out-Default', [], [{ name: 'Transcript', type: 'switch' }]);
