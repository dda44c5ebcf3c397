// Invoke-Command: runs a script block locally (in a child scope), on computers over temporary
// connections (closed when the command ends, which ends any job started in them), or in
// persistent PSSessions. Results stream back as they arrive; -AsJob hands the work to the
// job subsystem, -InDisconnectedSession leaves it running in a disconnected session.

import type { BoundParameters, CmdletContext, CmdletDefinition } from '../../runtime/cmdlet.js';
import { toStr } from '../../runtime/convert.js';
import { ErrorRecord } from '../../runtime/error-record.js';
import { ScriptBlock } from '../../runtime/values.js';
import { RemotingError, type RunspaceClient } from '../client.js';
import { connectorOf, openFailure, openRemoteRunspace, startRemoteRunspace, type ConnectionTarget, type RemoteConnector } from '../connect.js';
import type { RemoteJobService, RemoteJobTarget } from '../remote-job-service.js';
import { PSSession, sessionsOf } from './pssession.js';
import { relayRemoteRuns, type RemoteRun } from './remote-output.js';
import { asList, sessionValues } from './session-selection.js';
import { connectionTargets, TARGET_PARAMETERS } from './targets.js';

interface RemoteRequest {
  readonly script: string;
  readonly args: unknown[];
  readonly input?: unknown[];
  readonly using: Record<string, unknown>;
}

/** The script to run: -ScriptBlock (possibly given by position in place of -ComputerName) or -FilePath. */
function scriptOf(ctx: CmdletContext, params: BoundParameters, block: ScriptBlock | null): { text: string; block: ScriptBlock | null } | null {
  if (params.FilePath !== undefined) {
    const path = ctx.session.resolvePath(toStr(params.FilePath));
    try {
      return { text: ctx.host.fs.readText(path), block: null };
    } catch {
      ctx.writeError(ErrorRecord.fromMessage(`Cannot find path '${path}' because it does not exist.`, 'PathNotFound,Microsoft.PowerShell.Commands.InvokeCommandCommand', 'ObjectNotFound', path, 'System.Management.Automation.ItemNotFoundException'));
      return null;
    }
  }
  if (block === null) {
    ctx.throwTerminatingError(ErrorRecord.fromMessage(
      'Cannot process command because of one or more missing mandatory parameters: ScriptBlock.',
      'MissingMandatoryParameter,Microsoft.PowerShell.Commands.InvokeCommandCommand', 'InvalidArgument', null, 'System.Management.Automation.ParameterBindingException'));
  }
  return { text: block.toString(), block };
}

function sessionStateError(session: PSSession): ErrorRecord {
  return ErrorRecord.fromMessage(
    `Because the session state for session ${session.Name}, ${session.InstanceId}, ${session.ComputerName} is not equal to Open, you cannot run a command in the session.  The session state is ${session.State}.`,
    'InvalidSessionState,Microsoft.PowerShell.Commands.InvokeCommandCommand', 'InvalidOperation', session, 'System.InvalidOperationException');
}

/** One place to run: a temporary connection opened on demand, or an open session. */
interface Destination {
  readonly computerName: string;
  readonly temporary: boolean;
  /** The runspace, open (a job's child waits for it here). */
  connect(): RunspaceClient;
  /** The runspace, possibly still opening: what is invoked on it goes out with its setup. */
  start(): RunspaceClient;
}

function destinations(ctx: CmdletContext, connector: RemoteConnector, targets: readonly ConnectionTarget[], sessions: readonly PSSession[]): Destination[] {
  return [
    ...targets.map((t) => ({
      computerName: t.computerName,
      temporary: true,
      connect: () => openRemoteRunspace(connector, t, 'Runspace'),
      start: () => startRemoteRunspace(connector, t, 'Runspace'),
    })),
    ...sessions.flatMap((s) => {
      if (s.State !== 'Opened' || s.client === null) {
        ctx.writeError(sessionStateError(s));
        return [];
      }
      const client = s.client;
      return [{ computerName: s.ComputerName, temporary: false, connect: () => client, start: () => client }];
    }),
  ];
}

/**
 * Runs the command at every destination, up to the throttle at once: connections are set up
 * side by side, each with its command sent along, and results are relayed as they arrive. A
 * computer that cannot be reached is reported as an error while the others go on.
 */
function runRemotely(ctx: CmdletContext, params: BoundParameters, list: Destination[], request: RemoteRequest): void {
  const throttle = Math.max(1, params.ThrottleLimit === undefined ? 32 : Number(params.ThrottleLimit));
  const queue = [...list];
  const clients = new Map<RemoteRun, { client: RunspaceClient; temporary: boolean }>();
  const start = (): RemoteRun | null => {
    for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
      try {
        const client = d.start();
        const pipeline = client.invoke({ ...request, scope: d.temporary ? 'script' : 'global' });
        const run: RemoteRun = {
          computerName: d.computerName,
          runspaceId: client.instanceId,
          pipeline,
          openFailure: () => (client.openFailed ? openFailure(client) : null),
        };
        clients.set(run, { client, temporary: d.temporary });
        return run;
      } catch (e) {
        if (!(e instanceof RemotingError)) throw e;
        ctx.writeError(e.errorRecord);
      }
    }
    return null;
  };
  const first: RemoteRun[] = [];
  for (let i = 0; i < throttle; i++) {
    const run = start();
    if (run === null) break;
    first.push(run);
  }
  relayRemoteRuns(ctx, first, {
    showComputerName: params.HideComputerName !== true,
    next: start,
    onFinished: (run) => {
      const entry = clients.get(run);
      clients.delete(run);
      if (entry?.temporary) entry.client.close();
    },
  });
}

function startAsJob(ctx: CmdletContext, params: BoundParameters, list: Destination[], request: RemoteRequest, command: string): void {
  const targets: RemoteJobTarget[] = list.map((d) => ({ computerName: d.computerName, temporary: d.temporary, connect: () => d.connect() }));
  const job = ctx.service<RemoteJobService>('remoteJobs').startRemoteJob({
    name: params.JobName === undefined ? null : toStr(params.JobName),
    command,
    targets,
    request,
    throttleLimit: params.ThrottleLimit === undefined ? 32 : Number(params.ThrottleLimit),
    hideComputerName: params.HideComputerName === true,
  });
  ctx.writeObject(job);
}

/** Starts the command in a new session per computer and disconnects at once; outputs the sessions. */
function startDisconnected(ctx: CmdletContext, params: BoundParameters, connector: RemoteConnector, targets: readonly ConnectionTarget[], request: RemoteRequest): void {
  const repository = sessionsOf(ctx);
  const names = asList(params.SessionName).map(toStr);
  targets.forEach((target, i) => {
    const id = repository.nextId();
    const name = names[i] ?? `Runspace${id}`;
    try {
      const client = openRemoteRunspace(connector, target, name);
      client.invokeDisconnected({ ...request, scope: 'global' });
      const session = new PSSession(id, name, null, target, client.instanceId);
      repository.add(session);
      ctx.writeObject(session);
    } catch (e) {
      if (!(e instanceof RemotingError)) throw e;
      ctx.writeError(e.errorRecord);
    }
  });
}

export const invokeCommandCommand: CmdletDefinition = {
  name: 'Invoke-Command',
  aliases: ['icm'],
  parameters: [
    // Position 0 is the computer, a session, or (with neither) the script block itself: the
    // value's kind tells which, as PowerShell's parameter sets do.
    { name: 'ComputerName', aliases: ['Cn'], type: 'object[]', position: 0 },
    { name: 'ScriptBlock', aliases: ['Command'], type: 'scriptblock', position: 1 },
    { name: 'Session', type: 'object[]' },
    { name: 'FilePath', aliases: ['PSPath'], type: 'string' },
    { name: 'ArgumentList', aliases: ['Args'], type: 'object[]' },
    { name: 'InputObject', type: 'object', valueFromPipeline: true },
    { name: 'ThrottleLimit', type: 'int' },
    { name: 'HideComputerName', aliases: ['HCN'], type: 'switch' },
    { name: 'AsJob', type: 'switch' },
    { name: 'JobName', type: 'string' },
    { name: 'InDisconnectedSession', aliases: ['Disconnected'], type: 'switch' },
    { name: 'SessionName', type: 'string[]' },
    { name: 'NoNewScope', type: 'switch' },
    ...TARGET_PARAMETERS,
  ],
  create(ctx) {
    const input: unknown[] = [];
    let sawInput = false;
    return {
      process(params) {
        if (params.InputObject !== undefined) {
          sawInput = true;
          input.push(params.InputObject);
        }
      },
      end(params) {
        const first = asList(params.ComputerName);
        const positionalBlock = params.ScriptBlock === undefined && first.length === 1 && first[0] instanceof ScriptBlock ? first[0] : null;
        const block = positionalBlock ?? (params.ScriptBlock instanceof ScriptBlock ? params.ScriptBlock : null);
        const computers = positionalBlock ? [] : first.filter((v) => !(v instanceof PSSession));
        const sessions = [...sessionValues(ctx, params.Session), ...first.filter((v): v is PSSession => v instanceof PSSession)];
        const script = scriptOf(ctx, params, block);
        if (script === null) return;
        const args = asList(params.ArgumentList);
        const targets = connectionTargets(params, computers);

        if (targets.length === 0 && sessions.length === 0 && params.Session === undefined) {
          if (script.block === null) {
            ctx.session.invokeText(script.text, (v) => ctx.writeObject(v));
            return;
          }
          ctx.session.invoke(script.block, { args, input: sawInput ? input : undefined, dotSource: params.NoNewScope === true }, (v) => ctx.writeObject(v));
          return;
        }

        const request: RemoteRequest = {
          script: script.text,
          args,
          input: sawInput ? input : undefined,
          using: script.block ? ctx.session.getUsingValues(script.block) : {},
        };
        const connector = connectorOf(ctx);
        if (params.InDisconnectedSession === true) {
          startDisconnected(ctx, params, connector, targets, request);
          return;
        }
        const list = destinations(ctx, connector, targets, sessions);
        if (params.AsJob === true) startAsJob(ctx, params, list, request, script.text.trim());
        else runRemotely(ctx, params, list, request);
      },
    };
  },
};
