// Measure-Command: how long a script block takes, as a TimeSpan. The block runs in the caller's
// scope (as PowerShell dot-sources it), once per piped object with `$_` set; its output is dropped.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { PSTimeSpan } from '../runtime/datetime.js';
import { ScriptBlock } from '../runtime/values.js';

export const measureCommand: CmdletDefinition = {
  name: 'Measure-Command',
  parameters: [
    { name: 'Expression', type: 'scriptblock', position: 0, mandatory: true },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
  ],
  create: (ctx) => {
    let elapsed = 0;
    let ran = false;
    const measure = (block: unknown, input: unknown): void => {
      if (!(block instanceof ScriptBlock)) return;
      const start = ctx.host.monotonic();
      try {
        ctx.session.invoke(block, { dotSource: true, ...(input === undefined ? {} : { dollarUnder: input }) }, () => undefined);
      } finally {
        elapsed += ctx.host.monotonic() - start;
        ran = true;
      }
    };
    return {
      process(p) {
        measure(p.Expression, p.InputObject);
      },
      end(p) {
        if (!ran) measure(p.Expression, undefined);
        ctx.writeObject(new PSTimeSpan(elapsed));
      },
    };
  },
};
