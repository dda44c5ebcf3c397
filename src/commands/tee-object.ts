// Tee-Object: passes objects on and also saves them to a file (rendered as the console would
// show them) or to a variable.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { toStr } from '../runtime/convert.js';
import { flag, opt, writeIoError } from './common.js';
import { renderForFile } from './out-file.js';

export const teeObject: CmdletDefinition = {
  name: 'Tee-Object',
  defaultParameterSet: 'File',
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'FilePath', aliases: ['Path'], type: 'string', position: 0, mandatory: true, parameterSets: ['File'] },
    { name: 'LiteralPath', aliases: ['PSPath', 'LP'], type: 'string', mandatory: true, parameterSets: ['LiteralFile'] },
    { name: 'Append', type: 'switch', parameterSets: ['File', 'LiteralFile'] },
    { name: 'Encoding', type: 'string', parameterSets: ['File', 'LiteralFile'] },
    { name: 'Variable', type: 'string', mandatory: true, parameterSets: ['Variable'] },
  ],
  create: (ctx) => {
    const collected: unknown[] = [];
    return {
      process(p) {
        if (p.InputObject === undefined) return;
        collected.push(p.InputObject);
        ctx.writeObject(p.InputObject);
      },
      end(p) {
        const variable = opt<string>(p, 'Variable');
        if (variable !== null) {
          ctx.session.setVariable(variable, collected.length === 1 ? collected[0] : collected);
          return;
        }
        const target = toStr(p.FilePath ?? p.LiteralPath);
        const path = ctx.session.resolvePath(target);
        try {
          ctx.host.fs.writeText(path, renderForFile(ctx, collected, null), flag(p, 'Append'));
        } catch (e) {
          writeIoError(ctx, 'Tee-Object', e, path, 'FileOpenFailure', 'OpenError');
        }
      },
    };
  },
};
