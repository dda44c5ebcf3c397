// `psh serve`: the embedded SSH server hosting remote runspaces, and `psh -sshs`: one
// connection over stdin/stdout for OpenSSH's `Subsystem psh /path/to/psh -sshs`.

import * as fs from 'node:fs';
import * as os from 'node:os';
import { startSshServer } from '../remoting/ssh/server.js';
import { prewarm, serveConnection } from '../remoting/server.js';
import { stdioChannel } from '../remoting/stdio.js';

export interface ServeOptions {
  readonly listen: { host: string; port: number }[];
  readonly hostKeys: string[];
  readonly authorizedKeys: string;
  readonly dataDir: string | null;
  readonly name: string;
}

function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(value);
  if (!m) throw new Error(`--listen expects HOST:PORT, got '${value}'`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}

export function parseServeArgs(args: readonly string[]): ServeOptions {
  const listen: { host: string; port: number }[] = [];
  const hostKeys: string[] = [];
  let authorizedKeys = '';
  let dataDir: string | null = null;
  let name = os.hostname();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    switch (flag.toLowerCase()) {
      case '--listen': listen.push(parseListen(value)); break;
      case '--host-key': hostKeys.push(value); break;
      case '--authorized-keys': authorizedKeys = value; break;
      case '--data-dir': dataDir = value; break;
      case '--name': name = value; break;
      default: throw new Error(`unknown option ${flag}`);
    }
    i++;
  }
  if (listen.length === 0) listen.push({ host: '127.0.0.1', port: 2222 });
  if (hostKeys.length === 0) throw new Error('--host-key FILE is required');
  if (!authorizedKeys) throw new Error('--authorized-keys FILE is required');
  return { listen, hostKeys, authorizedKeys, dataDir, name };
}

const log = (line: string): void => {
  process.stderr.write(`${new Date().toISOString()} psh serve: ${line}\n`);
};

export async function serve(args: readonly string[]): Promise<number> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(args);
  } catch (e) {
    process.stderr.write(`psh serve: ${(e as Error).message}\n`);
    return 64;
  }
  // Runspace workers inherit the environment: their event logs live under the data directory.
  if (options.dataDir) process.env.PSH_DATA_DIR = options.dataDir;
  process.env.PSH_LOG_ENGINE_EVENTS = '1';
  const server = await startSshServer({
    listen: options.listen,
    hostKeys: options.hostKeys.map((f) => fs.readFileSync(f)),
    authorizedKeysFile: options.authorizedKeys,
    log,
    onChannel: (channel, info) => serveConnection(channel, { user: info.user, computerName: options.name }),
  });
  prewarm({ user: '', computerName: options.name });
  for (const a of server.addresses) process.stdout.write(`listening on ${a.host}:${a.port}\n`);
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      log(`${signal} received, shutting down`);
      server.close().then(() => resolve(0), () => resolve(1));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

export function serveStdio(): Promise<number> {
  let user = process.env.USER ?? '';
  try {
    user = os.userInfo().username;
  } catch {
    /* keep $USER */
  }
  process.env.PSH_LOG_ENGINE_EVENTS = '1';
  return new Promise<number>((resolve) => {
    const channel = stdioChannel(process.stdin, process.stdout, process.stderr);
    channel.onClose(() => resolve(0));
    serveConnection(channel, { user, computerName: os.hostname() });
  });
}
