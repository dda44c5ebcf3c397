// The embedded SSH server (`psh serve`): real SSH on ssh2's Server, public-key authentication
// against an OpenSSH authorized_keys file, and one AsyncChannel per `psh` subsystem (or exec of
// `psh -sshs`). Faulty peers (junk bytes, broken frames) cost only their own connection.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ServerChannel } from 'ssh2';
import { parseAuthorizedKeys, type AuthorizedKey } from '../../host/ssh/authorized-keys.js';
import { fingerprintOf, keyTypeOf } from '../../host/ssh/key-blob.js';
import type { AsyncChannel } from '../channel.js';
import { streamChannel } from '../stdio.js';

const { Server, utils } = ssh2;

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface SshChannelInfo {
  readonly user: string;
  readonly remoteAddress: string;
  readonly connectionId: string;
}

export interface SshServerOptions {
  readonly listen: readonly ListenAddress[];
  /** Private host keys (OpenSSH or PEM format), one per algorithm. */
  readonly hostKeys: readonly Buffer[];
  /** Read at every authentication, as sshd does, so edits apply to the next connection. */
  readonly authorizedKeysFile: string;
  readonly log?: (line: string) => void;
  onChannel(channel: AsyncChannel, info: SshChannelInfo): void;
}

export interface SshServer {
  /** Where it listens; port 0 requests are replaced by the ports actually bound. */
  readonly addresses: readonly ListenAddress[];
  close(): Promise<void>;
}

/** `psh -sshs` run as a command instead of a subsystem (`ssh host psh -sshs`). */
const EXEC_COMMAND = /^\s*psh\s+-sshs\s*$/;
/** A client that stops answering is dropped after about 20 s (ssh2's default would take 60). */
const KEEPALIVE_MS = 5000;
const KEEPALIVE_COUNT = 3;
/** How long a closing server lets connections say goodbye before cutting them. */
const CLOSE_GRACE_MS = 500;

function readAuthorizedKeys(file: string, log: (line: string) => void): AuthorizedKey[] {
  try {
    return parseAuthorizedKeys(readFileSync(file, 'utf8'));
  } catch (e) {
    log(`cannot read authorized keys ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
}

/** Decides one authentication request; only signed, listed public keys pass. */
function authenticate(ctx: AuthContext, options: SshServerOptions, log: (line: string) => void, peer: string): void {
  if (ctx.method === 'none') {
    ctx.reject(['publickey']);
    return;
  }
  if (ctx.method !== 'publickey') {
    log(`refused ${ctx.method} authentication for ${ctx.username} from ${peer}: only publickey is allowed`);
    ctx.reject(['publickey']);
    return;
  }
  const blob = ctx.key.data;
  const refuse = (why: string): void => {
    log(`refused ${keyTypeOf(blob)} key ${fingerprintOf(blob)} for ${ctx.username} from ${peer}: ${why}`);
    ctx.reject(['publickey']);
  };
  const entry = readAuthorizedKeys(options.authorizedKeysFile, log).find((k) => k.key.equals(blob));
  if (!entry) return refuse('not in authorized keys');
  // Without a signature the client only asks whether the key would do.
  if (!ctx.signature) return ctx.accept();
  const key = utils.parseKey(`${entry.keyType} ${entry.key.toString('base64')}`);
  const parsed = Array.isArray(key) ? key[0] : key;
  if (parsed instanceof Error) return refuse(`authorized key at line ${entry.line} is unreadable: ${parsed.message}`);
  if (parsed.verify(ctx.blob ?? Buffer.alloc(0), ctx.signature, ctx.hashAlgo) !== true) return refuse('bad signature');
  log(`accepted ${entry.keyType} key ${fingerprintOf(blob)} for ${ctx.username} from ${peer}`);
  ctx.accept();
}

function serveChannel(stream: ServerChannel, options: SshServerOptions, info: SshChannelInfo, log: (line: string) => void): void {
  const channel = streamChannel(stream, stream, {
    onFault: (reason) => {
      log(`[${info.connectionId}] closing channel: ${reason}`);
      stream.stderr.write(`${reason}\n`);
    },
  });
  channel.onClose((reason) => {
    try {
      stream.exit(reason ? 1 : 0);
    } catch {
      // The connection is gone already.
    }
    stream.end();
  });
  options.onChannel(channel, info);
}

export async function startSshServer(options: SshServerOptions): Promise<SshServer> {
  const log = options.log ?? (() => {});
  const connections = new Map<string, { client: Connection; socket: Socket }>();

  const ssh = new Server({ hostKeys: [...options.hostKeys], keepaliveInterval: KEEPALIVE_MS, keepaliveCountMax: KEEPALIVE_COUNT }, (client, clientInfo) => {
    const connectionId = randomUUID();
    const peer = `${clientInfo.ip}:${clientInfo.port}`;
    const socket = (client as unknown as { _sock: Socket })._sock;
    connections.set(connectionId, { client, socket });
    log(`[${connectionId}] connection from ${peer}`);
    let user = '';
    client.on('authentication', (ctx) => {
      user = ctx.username;
      authenticate(ctx, options, log, peer);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        let opened = false;
        const info = (): SshChannelInfo => ({ user, remoteAddress: peer, connectionId });
        session.on('subsystem', (accept, reject, request) => {
          if (request.name !== 'psh' || opened) return reject();
          opened = true;
          serveChannel(accept(), options, info(), log);
        });
        session.on('exec', (accept, reject, request) => {
          if (!EXEC_COMMAND.test(request.command) || opened) return reject();
          opened = true;
          serveChannel(accept(), options, info(), log);
        });
      });
    });
    client.on('error', (e: Error) => log(`[${connectionId}] error: ${e.message}`));
    client.on('close', () => {
      connections.delete(connectionId);
      log(`[${connectionId}] disconnected ${peer}`);
    });
  });

  const listeners: NetServer[] = [];
  const addresses: ListenAddress[] = [];
  try {
    for (const address of options.listen) {
      const listener = createServer((socket) => {
        socket.setNoDelay(true);
        ssh.injectSocket(socket);
      });
      await new Promise<void>((resolve, reject) => {
        listener.once('error', reject);
        listener.listen(address.port, address.host, () => {
          listener.off('error', reject);
          resolve();
        });
      });
      listeners.push(listener);
      const bound = listener.address() as AddressInfo;
      addresses.push({ host: address.host, port: bound.port });
      log(`listening on ${address.host}:${bound.port}`);
    }
  } catch (e) {
    for (const l of listeners) l.close();
    throw e;
  }

  return {
    addresses,
    async close(): Promise<void> {
      const closed = Promise.all(listeners.map((l) => new Promise<void>((resolve) => l.close(() => resolve()))));
      for (const { client, socket } of connections.values()) {
        client.end();
        setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
      }
      await closed;
    },
  };
}
