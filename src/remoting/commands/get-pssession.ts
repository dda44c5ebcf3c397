// Get-PSSession: the sessions of this runspace, or (-ComputerName) the sessions the current
// user has on that computer, including disconnected ones another psh left running there.

import type { BoundParameters, CmdletContext, CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { RemotingError, RunspaceClient } from '../client.js';
import { connectorOf, openConnection, type ConnectionTarget } from '../connect.js';
import { PSSession, sessionsOf, type SessionRepository } from './pssession.js';
import { asList, selectSessions } from './session-selection.js';
import { connectionTargets, TARGET_PARAMETERS } from './targets.js';

/** The user's sessions on the computer: known ones as they are, others as new Disconnected sessions. */
export function remoteSessions(ctx: CmdletContext, repository: SessionRepository, target: ConnectionTarget): PSSession[] {
  const channel = openConnection(connectorOf(ctx), target);
  try {
    return RunspaceClient.listDisconnected(channel).map((info) =>
      repository.byInstanceId(info.runspaceId) ?? new PSSession(repository.nextId(), info.name, null, target, info.runspaceId));
  } finally {
    channel.close();
  }
}

function stateFilter(params: BoundParameters): (s: PSSession) => boolean {
  if (params.State === undefined) return () => true;
  const state = toStr(params.State).toLowerCase();
  return (s) => state === 'all' || s.State.toLowerCase() === state;
}

export const getPSSessionCommand: CmdletDefinition = {
  name: 'Get-PSSession',
  aliases: ['gsn'],
  parameters: [
    { name: 'ComputerName', aliases: ['Cn'], type: 'string[]', position: 0 },
    { name: 'Name', type: 'string[]' },
    { name: 'Id', type: 'int[]' },
    { name: 'InstanceId', type: 'string[]' },
    { name: 'State', type: 'string', validateSet: ['All', 'Opened', 'Disconnected', 'Closed', 'Broken'] },
    ...TARGET_PARAMETERS,
  ],
  create(ctx) {
    return {
      end(params) {
        const repository = sessionsOf(ctx);
        const keep = stateFilter(params);
        if (params.ComputerName === undefined && params.HostName === undefined) {
          for (const s of selectSessions(ctx, params)) if (keep(s)) ctx.writeObject(s);
          return;
        }
        for (const target of connectionTargets(params, asList(params.ComputerName))) {
          try {
            const found = remoteSessions(ctx, repository, target);
            const byName = params.Name === undefined ? found : found.filter((s) => asList(params.Name).some((n) => toStr(n).toLowerCase() === s.Name.toLowerCase()));
            for (const s of byName) if (keep(s)) ctx.writeObject(s);
          } catch (e) {
            if (!(e instanceof RemotingError)) throw e;
            ctx.writeError(e.errorRecord);
          }
        }
      },
    };
  },
};
