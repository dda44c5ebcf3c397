// Remove-PSSession: closes sessions (ending their runspaces and jobs on the remote computer)
// and drops them from the repository.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { sessionsOf } from './pssession.js';
import { selectSessions } from './session-selection.js';

export const removePSSessionCommand: CmdletDefinition = {
  name: 'Remove-PSSession',
  aliases: ['rsn'],
  parameters: [
    { name: 'Session', type: 'object[]', position: 0, valueFromPipeline: true },
    { name: 'Id', type: 'int[]' },
    { name: 'Name', type: 'string[]' },
    { name: 'InstanceId', type: 'string[]' },
    { name: 'ComputerName', aliases: ['Cn'], type: 'string[]' },
  ],
  create(ctx) {
    return {
      process(params) {
        const some = ['Session', 'Id', 'Name', 'InstanceId', 'ComputerName'].some((p) => params[p] !== undefined);
        if (!some) return;
        const repository = sessionsOf(ctx);
        for (const s of selectSessions(ctx, params)) {
          s.close();
          repository.remove(s);
        }
      },
    };
  },
};
