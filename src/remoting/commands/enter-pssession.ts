// Enter-PSSession / Exit-PSSession: an interactive session needs an interactive host (the
// REPL's 'interactiveSession' service); in a script they fail as PowerShell's do.

import type { CmdletContext, CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { RemotingError } from '../client.js';
import { connectorOf, openRemoteRunspace } from '../connect.js';
import { INTERACTIVE_SESSION_SERVICE, type InteractiveSessionService } from '../interactive.js';
import { PSSession } from './pssession.js';
import { selectSessions } from './session-selection.js';
import { connectionTargets, TARGET_PARAMETERS } from './targets.js';

function interactive(ctx: CmdletContext): InteractiveSessionService | null {
  try {
    return ctx.service<InteractiveSessionService>(INTERACTIVE_SESSION_SERVICE);
  } catch {
    ctx.writeError(ErrorRecord.fromMessage('The host does not support Enter-PSSession and Exit-PSSession.',
      `HostDoesNotSupportPushRunspace,Microsoft.PowerShell.Commands.${ctx.commandName.replace('-', '')}Command`, 'InvalidArgument', null, 'System.ArgumentException'));
    return null;
  }
}

export const enterPSSessionCommand: CmdletDefinition = {
  name: 'Enter-PSSession',
  aliases: ['etsn'],
  parameters: [
    // Position 0 takes a computer name, a PSSession or a session Id, as PowerShell's sets do.
    { name: 'ComputerName', aliases: ['Cn'], type: 'object', position: 0 },
    { name: 'Session', type: 'object' },
    { name: 'Id', type: 'int' },
    { name: 'Name', type: 'string' },
    { name: 'InstanceId', type: 'string' },
    ...TARGET_PARAMETERS,
  ],
  create(ctx) {
    return {
      end(params) {
        const host = interactive(ctx);
        if (!host) return;
        const first = params.ComputerName;
        let session: PSSession | undefined;
        if (first instanceof PSSession) session = first;
        else if (typeof first === 'number') [session] = selectSessions(ctx, { Id: first });
        else if (params.Session !== undefined || params.Id !== undefined || params.Name !== undefined || params.InstanceId !== undefined) {
          [session] = selectSessions(ctx, params);
        }
        if (session) {
          if (session.State !== 'Opened' || session.client === null) {
            ctx.writeError(ErrorRecord.fromMessage('Session must be open.', 'PushedRunspaceMustBeOpen,Microsoft.PowerShell.Commands.EnterPSSessionCommand', 'InvalidArgument', session, 'System.ArgumentException'));
            return;
          }
          host.push(session.client, session, false);
          return;
        }
        if (first === undefined && params.HostName === undefined) return;
        const [target] = connectionTargets(params, first === undefined ? [] : [toStr(first)]);
        try {
          host.push(openRemoteRunspace(connectorOf(ctx), target, 'Runspace'), null, true);
        } catch (e) {
          if (!(e instanceof RemotingError)) throw e;
          ctx.writeError(e.errorRecord);
        }
      },
    };
  },
};

export const exitPSSessionCommand: CmdletDefinition = {
  name: 'Exit-PSSession',
  aliases: ['exsn'],
  parameters: [],
  create(ctx) {
    return {
      end() {
        interactive(ctx)?.pop();
      },
    };
  },
};
