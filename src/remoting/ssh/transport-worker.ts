// The SSH transport worker: a thread whose event loop drives ssh2's Client for runspace threads
// that block. Each open request gets its own SSH connection (as PowerShell starts one ssh
// process per session); bytes cross to the runspace thread on the request's port, and every
// post rings the request's doorbell so a thread in Atomics.wait wakes up. A runspace thread may
// send before the subsystem is open (its handshake rides along with the connection's setup):
// those bytes wait here and go out the moment the channel opens.

import { connect as netConnect } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import ssh2 from 'ssh2';
import type { AgentAuthMethod, ClientChannel, PublicKeyAuthMethod } from 'ssh2';
import type { SshConnectionSpec } from '../../host/ssh/connection.js';
import { verifyHostKey } from '../../host/ssh/known-hosts.js';
import type { FromTransport, OpenRequest, ToTransport } from './transport-messages.js';

const { Client, utils } = ssh2;

/**
 * Keepalive: a silent peer is declared lost after about KEEPALIVE_MS × (KEEPALIVE_COUNT + 1).
 * Not much less: a server busy opening many sessions, or sending big output on a loaded
 * machine, may leave its event loop a few seconds behind without being gone.
 */
const KEEPALIVE_MS = 3000;
const KEEPALIVE_COUNT = 3;
/** Lets the error and close events of one failure arrive before the reason is chosen. */
const SETTLE_MS = 20;
/** The most stderr text of the remote side kept for a close reason. */
const STDERR_LIMIT = 4096;

const live = new Set<(reason: string) => void>();

function authMethods(spec: SshConnectionSpec, notes: string[]): (AgentAuthMethod | PublicKeyAuthMethod)[] {
  const methods: (AgentAuthMethod | PublicKeyAuthMethod)[] = [];
  if (spec.agentSocket) methods.push({ type: 'agent' as const, username: spec.user, agent: spec.agentSocket });
  for (const identity of spec.identities) {
    const parsed = utils.parseKey(identity.key);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (key instanceof Error) notes.push(`${identity.path}: ${key.message}`);
    else if (!key.isPrivateKey()) notes.push(`${identity.path}: not a private key`);
    else methods.push({ type: 'publickey' as const, username: spec.user, key: identity.key });
  }
  return methods;
}

/** OpenSSH's wording for a connection that never got as far as the subsystem. */
function openFailure(spec: SshConnectionSpec, e: Error & { code?: string; level?: string }, notes: readonly string[]): string {
  const where = `ssh: connect to host ${spec.host} port ${spec.port}`;
  if (e.code === 'ECONNREFUSED') return `${where}: Connection refused`;
  if (e.code === 'ETIMEDOUT' || e.level === 'client-timeout') return `${where}: Connection timed out`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `ssh: Could not resolve hostname ${spec.host}: Name or service not known`;
  if (e.level === 'client-authentication') {
    const skipped = notes.length > 0 ? ` (identities not used: ${notes.join('; ')})` : spec.identities.length === 0 && !spec.agentSocket ? ' (no identity file and no ssh-agent)' : '';
    return `${spec.user}@${spec.host}: Permission denied (publickey).${skipped}`;
  }
  return `ssh: ${e.message}`;
}

function open(request: OpenRequest): void {
  const { spec, port, doorbell } = request;
  const post = (message: FromTransport, transfer: ArrayBuffer[] = []): void => {
    try {
      port.postMessage(message, transfer);
    } catch {
      return; // The runspace thread closed its end.
    }
    Atomics.add(doorbell, 0, 1);
    Atomics.notify(doorbell, 0);
  };

  const notes = [...spec.identityNotes];
  let hostKeyRefusal: string | null = null;
  let lastError: (Error & { code?: string; level?: string }) | null = null;
  let stream: ClientChannel | null = null;
  /** Bytes sent before the subsystem opened, in order. */
  const early: Uint8Array[] = [];
  let stderr = '';
  let done = false;
  let closedByUs = false;
  let connectionClosed = false;
  let settleTimer: NodeJS.Timeout | null = null;

  const client = new Client();
  const socket = netConnect({ host: spec.host, port: spec.port });
  socket.setNoDelay(true);
  const connectTimer = setTimeout(() => {
    const e: Error & { code?: string } = new Error('Connection timed out');
    e.code = 'ETIMEDOUT';
    lastError = e;
    socket.destroy();
    settle();
  }, spec.connectTimeoutMs);

  function finish(reason: string): void {
    if (done) return;
    done = true;
    clearTimeout(connectTimer);
    live.delete(finish);
    if (!closedByUs) post({ kind: 'closed', reason });
    port.close();
    client.end();
    socket.destroy();
  }

  /** Chooses the close reason once the events of one failure have all arrived. */
  function settle(): void {
    if (done || settleTimer) return;
    settleTimer = setTimeout(() => {
      if (!stream) {
        const reason = hostKeyRefusal ?? openFailure(spec, lastError ?? new Error('The connection was closed before the session opened.'), notes);
        return finish(reason);
      }
      if (connectionClosed || lastError) {
        const cause = lastError ? `: ${lastError.message}` : ' by the remote host.';
        return finish(`The SSH connection to ${spec.computerName} was ${lastError ? 'lost' : 'closed'}${cause}`);
      }
      const said = stderr.trim();
      finish(said ? `The SSH server closed the channel: ${said}` : 'The SSH server closed the channel.');
    }, SETTLE_MS);
  }

  live.add(finish);
  port.on('message', (message: ToTransport) => {
    if (message.kind === 'data') {
      if (stream) stream.write(message.bytes);
      else early.push(message.bytes);
    } else {
      closedByUs = true;
      finish('');
    }
  });
  port.on('close', () => {
    closedByUs = true;
    finish('');
  });

  socket.on('connect', () => clearTimeout(connectTimer));
  client.on('error', (e: Error & { level?: string }) => {
    // ssh2 goes on to the identity files after an agent failure, as ssh does.
    if (e.level === 'agent') {
      notes.push(`ssh-agent: ${e.message}`);
      return;
    }
    lastError ??= e;
    settle();
  });
  client.on('close', () => {
    connectionClosed = true;
    settle();
  });
  client.on('ready', () => {
    client.subsys(spec.subsystem, (err, channel) => {
      if (err) {
        return finish(`The SSH server at ${spec.computerName} refused the ${spec.subsystem} subsystem: ${err.message}`);
      }
      stream = channel;
      post({ kind: 'opened' });
      if (early.length > 0) channel.write(Buffer.concat(early.splice(0)));
      channel.on('data', (chunk: Buffer) => {
        // A copy of its own, so only these bytes cross (not the pool the chunk may slice).
        const bytes = new Uint8Array(chunk);
        post({ kind: 'data', bytes }, [bytes.buffer]);
      });
      channel.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
      });
      channel.on('close', () => settle());
    });
  });

  client.connect({
    sock: socket,
    username: spec.user,
    authHandler: authMethods(spec, notes),
    hostVerifier: (key: Buffer) => {
      try {
        const verdict = verifyHostKey({ host: spec.host, port: spec.port, key, knownHostsFiles: spec.knownHostsFiles, strict: spec.strictHostKeyChecking });
        if (!verdict.accepted) hostKeyRefusal = verdict.message;
        return verdict.accepted;
      } catch (e) {
        // Recording a new key can fail (a read-only known_hosts): refuse rather than accept unrecorded.
        hostKeyRefusal = `Host key verification failed: ${e instanceof Error ? e.message : String(e)}`;
        return false;
      }
    },
    keepaliveInterval: KEEPALIVE_MS,
    keepaliveCountMax: KEEPALIVE_COUNT,
    readyTimeout: spec.connectTimeoutMs,
  });
}

// A failure of the worker itself must still tell every waiting runspace thread why, and mark
// the worker failed so the next open starts a new one without waiting for an exit event.
const failed = (workerData as { failed: Int32Array }).failed;
process.on('uncaughtException', (e) => {
  Atomics.store(failed, 0, 1);
  for (const finish of [...live]) finish(`The SSH transport failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

parentPort?.on('message', (request: OpenRequest) => open(request));
