// New-PSSession: one persistent session per computer, kept in the runspace's session
// repository; variables, functions and jobs in it survive between Invoke-Command calls.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { RemotingError } from '../client.js';
import { connectorOf, openRemoteRunspace } from '../connect.js';
import { PSSession, sessionsOf } from './pssession.js';
import { asList } from './session-selection.js';
import { connectionTargets, TARGET_PARAMETERS } from './targets.js';

export const newPSSessionCommand: CmdletDefinition = {
  name: 'New-PSSession',
  aliases: ['nsn'],
  parameters: [
    { name: 'ComputerName', aliases: ['Cn'], type: 'string[]', position: 0, valueFromPipeline: true },
    { name: 'Name', type: 'string[]' },
    { name: 'ThrottleLimit', type: 'int' },
    ...TARGET_PARAMETERS,
  ],
  create(ctx) {
    const connector = connectorOf(ctx);
    const repository = sessionsOf(ctx);
    return {
      process(params) {
        const names = asList(params.Name).map(toStr);
        connectionTargets(params, asList(params.ComputerName)).forEach((target, i) => {
          const id = repository.nextId();
          const name = names[i] ?? `Runspace${id}`;
          try {
            const client = openRemoteRunspace(connector, target, name);
            const session = new PSSession(id, name, client, target, client.instanceId);
            repository.add(session);
            ctx.writeObject(session);
          } catch (e) {
            if (!(e instanceof RemotingError)) throw e;
            ctx.writeError(e.errorRecord);
          }
        });
      },
    };
  },
};
