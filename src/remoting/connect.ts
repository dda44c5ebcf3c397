// Where a session's connection comes from. The session cmdlets name a computer; a connector
// turns it into a channel: SSH by default (~/.ssh/config aliases such as Server01), or the
// connector a runspace registers as service 'remoteConnector' (tests use worker threads).

import type { CmdletContext } from '../runtime/cmdlet.js';
import type { SyncChannel } from './channel.js';
import { RemotingError, RunspaceClient, transportError } from './client.js';
import { openSshChannel } from './ssh/client.js';

export interface ConnectionTarget {
  /** What the user typed (-ComputerName or -HostName's host): the session's ComputerName. */
  readonly computerName: string;
  /** Host to reach: an ssh_config Host alias or a host name. */
  readonly hostName: string;
  readonly port: number | null;
  readonly userName: string | null;
  readonly keyFilePath: string | null;
}

export interface RemoteConnector {
  /** Opens a connection; throws with the transport's message when it cannot. */
  open(target: ConnectionTarget): SyncChannel;
}

export const REMOTE_CONNECTOR_SERVICE = 'remoteConnector';

/** SSH as OpenSSH's client would connect, reading the user's ~/.ssh of the runspace's host. */
function sshConnector(homeDirectory: string): RemoteConnector {
  return {
    open: (target) => openSshChannel({
      hostName: target.hostName,
      port: target.port ?? undefined,
      user: target.userName ?? undefined,
      keyFilePath: target.keyFilePath ?? undefined,
      homeDirectory,
    }),
  };
}

export function connectorOf(ctx: CmdletContext): RemoteConnector {
  try {
    return ctx.service<RemoteConnector>(REMOTE_CONNECTOR_SERVICE);
  } catch {
    return sshConnector(ctx.host.homeDirectory);
  }
}

/** `-HostName [user@]host[:port]`, as PowerShell's SSH parameter set reads it. */
export function parseHostName(text: string, userName: string | null, port: number | null, keyFilePath: string | null): ConnectionTarget {
  let rest = text;
  let user = userName;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
  }
  let p = port;
  const m = /^(.*):(\d+)$/.exec(rest);
  if (m && !m[1].includes(':')) {
    rest = m[1];
    p = Number(m[2]);
  }
  return { computerName: rest, hostName: rest, port: p, userName: user, keyFilePath };
}

/** Opens a runspace on the target over a connection of its own (closed with the runspace). */
export function openRemoteRunspace(connector: RemoteConnector, target: ConnectionTarget, name: string): RunspaceClient {
  let channel: SyncChannel;
  try {
    channel = connector.open(target);
  } catch (e) {
    const message = e instanceof RemotingError ? e.errorRecord.message : e instanceof Error ? e.message : String(e);
    throw new RemotingError(connectFailure(target.computerName, message));
  }
  try {
    return RunspaceClient.open(channel, { computerName: target.computerName, name, ownsChannel: true });
  } catch (e) {
    channel.close();
    throw new RemotingError(connectFailure(target.computerName, e instanceof Error ? e.message : String(e)));
  }
}

/** Opens a bare connection (listing or reconnecting disconnected sessions). */
export function openConnection(connector: RemoteConnector, target: ConnectionTarget): SyncChannel {
  try {
    return connector.open(target);
  } catch (e) {
    throw new RemotingError(connectFailure(target.computerName, e instanceof Error ? e.message : String(e)));
  }
}

/** PowerShell's report of a connection that could not be made (PSRemotingTransportException). */
export function connectFailure(computerName: string, message: string): ReturnType<typeof transportError> {
  const record = transportError(`[${computerName}] The SSH client session has ended with error message: ${message}`, computerName, 'PSSessionOpenFailed');
  return record;
}
