// Disconnect-PSSession, Connect-PSSession and Receive-PSSession: a disconnected session keeps
// running on its computer (its jobs and its command too, with output buffered there); only
// the same user can connect to it again and collect that output.

import type { BoundParameters, CmdletContext, CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { RemotingError, RunspaceClient } from '../client.js';
import { connectorOf, openConnection } from '../connect.js';
import { remoteSessions } from './get-pssession.js';
import { PSSession, sessionsOf } from './pssession.js';
import { relayRemoteRuns } from './remote-output.js';
import { asList, selectSessions } from './session-selection.js';
import { connectionTargets, TARGET_PARAMETERS } from './targets.js';

const SELECTION_PARAMETERS = [
  { name: 'Session', type: 'object[]', position: 0, valueFromPipeline: true },
  { name: 'Id', type: 'int[]' },
  { name: 'Name', type: 'string[]' },
  { name: 'InstanceId', type: 'string[]' },
  { name: 'ComputerName', aliases: ['Cn'], type: 'string[]' },
  ...TARGET_PARAMETERS,
] as const;

/** Sessions named locally, or (-ComputerName) the user's sessions found on those computers. */
function chosenSessions(ctx: CmdletContext, params: BoundParameters): PSSession[] {
  if (params.ComputerName === undefined && params.HostName === undefined) return selectSessions(ctx, params);
  const repository = sessionsOf(ctx);
  const names = asList(params.Name).map((n) => toStr(n).toLowerCase());
  return connectionTargets(params, asList(params.ComputerName)).flatMap((target) => {
    try {
      return remoteSessions(ctx, repository, target).filter((s) => names.length === 0 || names.includes(s.Name.toLowerCase()));
    } catch (e) {
      if (!(e instanceof RemotingError)) throw e;
      ctx.writeError(e.errorRecord);
      return [];
    }
  });
}

function cannotConnect(ctx: CmdletContext, session: PSSession, detail?: string): void {
  const message = `Cannot connect PSSession "${session.Name}", either because it is not in the Disconnected state, or it is not available for connection.`;
  ctx.writeError(ErrorRecord.fromMessage(detail ? `${message} ${detail}` : message,
    `RunspaceCannotBeConnected,Microsoft.PowerShell.Commands.${ctx.commandName.replace('-', '')}Command`, 'InvalidOperation', session, 'System.InvalidOperationException'));
}

/** Attaches a disconnected session over a new connection; false (with an error) when refused. */
function reconnect(ctx: CmdletContext, session: PSSession): boolean {
  if (session.State === 'Opened') return true;
  if (session.State !== 'Disconnected') {
    cannotConnect(ctx, session);
    return false;
  }
  try {
    const channel = openConnection(connectorOf(ctx), session.target);
    try {
      const { client, pipeline } = RunspaceClient.reconnect(channel, { computerName: session.ComputerName, name: session.Name, runspaceId: session.InstanceId, ownsChannel: true });
      session.client = client;
      session.pending = pipeline;
    } catch (e) {
      channel.close();
      throw e;
    }
  } catch (e) {
    if (!(e instanceof RemotingError)) throw e;
    cannotConnect(ctx, session, e.errorRecord.message);
    return false;
  }
  const repository = sessionsOf(ctx);
  if (!repository.all().includes(session)) repository.add(session);
  return true;
}

export const disconnectPSSessionCommand: CmdletDefinition = {
  name: 'Disconnect-PSSession',
  aliases: ['dnsn'],
  parameters: [...SELECTION_PARAMETERS.filter((p) => p.name !== 'ComputerName' && p.name !== 'HostName'), { name: 'IdleTimeoutSec', type: 'int' }, { name: 'ThrottleLimit', type: 'int' }],
  create(ctx) {
    return {
      process(params) {
        for (const s of selectSessions(ctx, params)) {
          if (s.State !== 'Opened' || s.client === null) {
            ctx.writeError(ErrorRecord.fromMessage(`The Disconnect-PSSession operation failed for runspace Id = ${s.InstanceId}.`,
              'PSSessionDisconnectFailed,Microsoft.PowerShell.Commands.DisconnectPSSessionCommand', 'InvalidOperation', s, 'System.InvalidOperationException'));
            continue;
          }
          try {
            s.client.disconnect();
          } catch (e) {
            if (!(e instanceof RemotingError)) throw e;
            ctx.writeError(e.errorRecord);
            continue;
          }
          s.client = null;
          ctx.writeObject(s);
        }
      },
    };
  },
};

export const connectPSSessionCommand: CmdletDefinition = {
  name: 'Connect-PSSession',
  aliases: ['cnsn'],
  parameters: [...SELECTION_PARAMETERS, { name: 'ThrottleLimit', type: 'int' }],
  create(ctx) {
    return {
      process(params) {
        for (const s of chosenSessions(ctx, params)) if (reconnect(ctx, s)) ctx.writeObject(s);
      },
    };
  },
};

export const receivePSSessionCommand: CmdletDefinition = {
  name: 'Receive-PSSession',
  aliases: ['rcsn'],
  parameters: [...SELECTION_PARAMETERS, { name: 'OutTarget', type: 'string', validateSet: ['Host', 'Job'] }, { name: 'JobName', type: 'string' }],
  create(ctx) {
    return {
      process(params) {
        for (const s of chosenSessions(ctx, params)) {
          if (!reconnect(ctx, s) || s.client === null) continue;
          const pipeline = s.pending;
          s.pending = null;
          if (pipeline === null) continue;
          relayRemoteRuns(ctx, [{ computerName: s.ComputerName, runspaceId: s.InstanceId, pipeline }], { showComputerName: true });
        }
      },
    };
  },
};
