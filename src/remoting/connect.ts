// Where a session's connection comes from. The session cmdlets name a computer; a connector
// turns it into a channel: SSH by default (~/.ssh/config aliases such as Server01), or the
// connector a runspace registers as service 'remoteConnector' (tests use worker threads).

import type { CmdletContext } from '../runtime/cmdlet.js';
import type { SyncChannel } from './channel.js';
import { RemotingError, RunspaceClient, transportError } from './client.js';
import { openSshChannel, startSshChannel, type SshTarget } from './ssh/client.js';

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
  /**
   * Starts opening a connection and returns at once, so several can be set up side by side:
   * sends wait for the connection, and a failure closes the channel with the transport's
   * message. A connector without it opens with open().
   */
  start?(target: ConnectionTarget): SyncChannel;
}

export const REMOTE_CONNECTOR_SERVICE = 'remoteConnector';

/** SSH as OpenSSH's client would connect, reading the user's ~/.ssh of the runspace's host. */
function sshConnector(homeDirectory: string): RemoteConnector {
  const sshTarget = (target: ConnectionTarget): SshTarget => ({
    hostName: target.hostName,
    port: target.port ?? undefined,
    user: target.userName ?? undefined,
    keyFilePath: target.keyFilePath ?? undefined,
    homeDirectory,
  });
  return {
    open: (target) => openSshChannel(sshTarget(target)),
    start: (target) => startSshChannel(sshTarget(target)),
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
  return awaitRemoteRunspace(startRemoteRunspace(connector, target, name));
}

/** Waits until a runspace from startRemoteRunspace is open; throws PowerShell's report when it cannot be. */
export function awaitRemoteRunspace(client: RunspaceClient): RunspaceClient {
  try {
    client.waitOpened();
  } catch (e) {
    throw new RemotingError(connectFailure(client.computerName, e instanceof RemotingError ? e.errorRecord.message : e instanceof Error ? e.message : String(e)));
  }
  return client;
}

/**
 * Asks for a runspace on the target over a connection of its own and returns before either is
 * open (RunspaceClient.begin): pipelines invoked on it at once go out with the connection's
 * setup. When it cannot open, the client is broken with openFailed set; openFailure() words it.
 */
export function startRemoteRunspace(connector: RemoteConnector, target: ConnectionTarget, name: string): RunspaceClient {
  let channel: SyncChannel;
  try {
    channel = connector.start ? connector.start(target) : connector.open(target);
  } catch (e) {
    const message = e instanceof RemotingError ? e.errorRecord.message : e instanceof Error ? e.message : String(e);
    throw new RemotingError(connectFailure(target.computerName, message));
  }
  try {
    return RunspaceClient.begin(channel, { computerName: target.computerName, name, ownsChannel: true });
  } catch (e) {
    channel.close();
    throw new RemotingError(connectFailure(target.computerName, e instanceof RemotingError ? e.errorRecord.message : e instanceof Error ? e.message : String(e)));
  }
}

/** Why a runspace from startRemoteRunspace never opened, as PowerShell reports it. */
export function openFailure(client: RunspaceClient): ReturnType<typeof transportError> {
  return connectFailure(client.computerName, client.brokenReason ?? 'The connection was closed.');
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
