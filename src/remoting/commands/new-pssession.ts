// New-PSSession: one persistent session per computer, kept in the runspace's session
// repository; variables, functions and jobs in it survive between Invoke-Command calls.
// Sessions to several computers are opened side by side, up to -ThrottleLimit.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { RemotingError } from '../client.js';
import { awaitRemoteRunspace, connectorOf, startRemoteRunspace } from '../connect.js';
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
        const throttle = Math.max(1, params.ThrottleLimit === undefined ? 32 : Number(params.ThrottleLimit));
        const targets = connectionTargets(params, asList(params.ComputerName));
        // Up to the throttle, the connections are set up side by side; sessions come out in
        // the order the computers were named.
        for (let from = 0; from < targets.length; from += throttle) {
          const opening = targets.slice(from, from + throttle).flatMap((target, k) => {
            const id = repository.nextId();
            const name = names[from + k] ?? `Runspace${id}`;
            try {
              return [{ id, name, target, client: startRemoteRunspace(connector, target, name) }];
            } catch (e) {
              if (!(e instanceof RemotingError)) throw e;
              ctx.writeError(e.errorRecord);
              return [];
            }
          });
          for (const { id, name, target, client } of opening) {
            try {
              awaitRemoteRunspace(client);
            } catch (e) {
              if (!(e instanceof RemotingError)) throw e;
              ctx.writeError(e.errorRecord);
              continue;
            }
            const session = new PSSession(id, name, client, target, client.instanceId);
            repository.add(session);
            ctx.writeObject(session);
          }
        }
      },
    };
  },
};
