// Test helpers for real SSH on 127.0.0.1: throwaway keys, a temp HOME with ~/.ssh set up like a
// user's, the embedded server (in this thread, in a worker thread, or in a child process that a
// test may kill), and a private OpenSSH sshd. Everything lives in temp dirs removed by dispose().

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSshServer, type SshChannelInfo, type SshServer } from '../../src/remoting/ssh/server.js';
import type { AsyncChannel } from '../../src/remoting/channel.js';
import { generateEd25519KeyPair } from '../../src/host/ssh/keygen.js';

export const SSHD_PATH = '/usr/sbin/sshd';
export const ECHO_HANDLERS = new URL('./ssh-handlers.mjs', import.meta.url).href;
const SERVER_THREAD = new URL('./ssh-server-thread.mjs', import.meta.url);

// A developer's own ssh-agent must never decide a test: tests that want an agent start one.
delete process.env.SSH_AUTH_SOCK;

const temps: string[] = [];

/** A temp dir removed by dispose(). */
export function tempDir(prefix = 'psh-ssh-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Removes every temp dir the helpers made (call in afterAll). */
export function dispose(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface KeyPair {
  /** OpenSSH private key text. */
  readonly privateKey: string;
  /** `ssh-ed25519 AAAA... comment`. */
  readonly publicKey: string;
  readonly privateKeyFile: string;
}

export interface TestKeys {
  readonly dir: string;
  readonly host: KeyPair;
  readonly user: KeyPair;
  /** Holds the user key's public half. */
  readonly authorizedKeysFile: string;
}

export function makeKeyPair(dir: string, name: string): KeyPair {
  const pair = generateEd25519KeyPair(name);
  const privateKeyFile = join(dir, name);
  writeFileSync(privateKeyFile, pair.privateKey, { mode: 0o600 });
  writeFileSync(`${privateKeyFile}.pub`, `${pair.publicKey}\n`);
  return { ...pair, privateKeyFile };
}

export function makeKeys(): TestKeys {
  const dir = tempDir('psh-keys-');
  const host = makeKeyPair(dir, 'host_ed25519');
  const user = makeKeyPair(dir, 'user_ed25519');
  const authorizedKeysFile = join(dir, 'authorized_keys');
  writeFileSync(authorizedKeysFile, `${user.publicKey}\n`, { mode: 0o600 });
  return { dir, host, user, authorizedKeysFile };
}

/** The `ssh-ed25519 AAAA...` part of a public key line (no comment). */
export function publicKeyFields(publicKey: string): string {
  return publicKey.trim().split(/\s+/).slice(0, 2).join(' ');
}

export interface TestHome {
  readonly home: string;
  readonly configFile: string;
  readonly knownHostsFile: string;
  readonly identityFile: string;
}

export interface HomeOptions {
  readonly keys: TestKeys;
  /** Each becomes a `Host` alias for 127.0.0.1 with a known_hosts line for `[127.0.0.1]:port`. */
  readonly hosts: readonly { readonly alias: string; readonly port: number; readonly hostPublicKey?: string }[];
  /** Appended to .ssh/config. */
  readonly extraConfig?: string;
  /** Default true: known_hosts lists the hosts' keys. */
  readonly knownHosts?: boolean;
}

/** A temp HOME with .ssh/config, id_ed25519 (the user key) and known_hosts. */
export function makeHome(options: HomeOptions): TestHome {
  const home = tempDir('psh-home-');
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  const identityFile = join(ssh, 'id_ed25519');
  writeFileSync(identityFile, options.keys.user.privateKey, { mode: 0o600 });
  const configFile = join(ssh, 'config');
  const config = options.hosts.map((h) => `Host ${h.alias}\n  HostName 127.0.0.1\n  Port ${h.port}\n  User ${userInfo().username}\n`);
  writeFileSync(configFile, config.join('\n') + (options.extraConfig ?? ''), { mode: 0o600 });
  const knownHostsFile = join(ssh, 'known_hosts');
  const lines = options.knownHosts === false
    ? []
    : options.hosts.map((h) => `[127.0.0.1]:${h.port} ${publicKeyFields(h.hostPublicKey ?? options.keys.host.publicKey)}\n`);
  writeFileSync(knownHostsFile, lines.join(''), { mode: 0o600 });
  return { home, configFile, knownHostsFile, identityFile };
}

export interface EmbeddedServer {
  readonly port: number;
  readonly logs: string[];
  close(): Promise<void>;
}

/** The embedded server in this thread: for clients that do not block this thread. */
export async function startEmbeddedServer(
  keys: TestKeys,
  onChannel: (channel: AsyncChannel, info: SshChannelInfo) => void,
): Promise<EmbeddedServer & { readonly server: SshServer }> {
  const logs: string[] = [];
  const server = await startSshServer({
    listen: [{ host: '127.0.0.1', port: 0 }],
    hostKeys: [Buffer.from(keys.host.privateKey)],
    authorizedKeysFile: keys.authorizedKeysFile,
    log: (line) => logs.push(line),
    onChannel,
  });
  return { port: server.addresses[0].port, logs, server, close: () => server.close() };
}

export interface ServerHostOptions {
  readonly keys: TestKeys;
  /** Module URL of the channel handler; default the echo handlers. */
  readonly handlerModule?: string;
  /** Export of that module called as (channel, info, handlerOptions); default 'echo'. */
  readonly handlerExport?: string;
  readonly handlerOptions?: unknown;
}

function hostData(options: ServerHostOptions): Record<string, unknown> {
  return {
    hostKeys: [options.keys.host.privateKey],
    authorizedKeysFile: options.keys.authorizedKeysFile,
    handlerModule: options.handlerModule ?? ECHO_HANDLERS,
    handlerExport: options.handlerExport ?? 'echo',
    handlerOptions: options.handlerOptions ?? null,
  };
}

interface HostEvents {
  on(event: 'message', handler: (m: { ready?: { port: number }[]; log?: string; closed?: boolean }) => void): unknown;
  once(event: 'error' | 'exit', handler: (e: unknown) => void): unknown;
}

function awaitReady(host: HostEvents, logs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    host.on('message', (m) => {
      if (m.log) logs.push(m.log);
      if (m.ready) resolve(m.ready[0].port);
    });
    host.once('error', reject);
    host.once('exit', (code) => reject(new Error(`The SSH server host exited (${String(code)}).`)));
  });
}

/**
 * The embedded server (compiled dist/) in a worker thread, so the test thread may block on a
 * SyncChannel. Requires `npx tsc -p tsconfig.json` first, like every worker in psh.
 */
export async function startServerThread(options: ServerHostOptions): Promise<EmbeddedServer> {
  const worker = new Worker(SERVER_THREAD, { workerData: hostData(options) });
  const logs: string[] = [];
  const port = await awaitReady(worker, logs);
  return {
    port,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        worker.on('message', (m: { closed?: boolean }) => {
          if (m.closed) void worker.terminate().then(() => resolve());
        });
        worker.postMessage('close');
      }),
  };
}

/** The embedded server in a child process, which a test can kill outright. */
export async function startServerProcess(options: ServerHostOptions): Promise<EmbeddedServer & { kill(): void; readonly child: ChildProcess }> {
  const child = fork(SERVER_THREAD, [JSON.stringify(hostData(options))], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const logs: string[] = [];
  const port = await awaitReady(child as unknown as HostEvents, logs);
  return {
    port,
    logs,
    child,
    kill: () => child.kill('SIGKILL'),
    close: async () => {
      child.kill('SIGKILL');
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Whether OpenSSH's sshd is here; in CI its absence is a failure, not a skip. */
export function hasOpenSshd(): boolean {
  const present = existsSync(SSHD_PATH);
  if (!present && process.env.CI === 'true') {
    throw new Error(`${SSHD_PATH} is missing: CI must install openssh-server.`);
  }
  return present;
}

export interface OpenSshd {
  readonly port: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * A private sshd as the current user on 127.0.0.1 with its own host key and `Subsystem psh`.
 * Returns null when sshd is not installed (see hasOpenSshd for CI).
 */
export async function startOpenSshd(
  keys: TestKeys,
  subsystemCommand: string,
  /** More subsystems by name, e.g. one that misbehaves. */
  extraSubsystems: Readonly<Record<string, string>> = {},
): Promise<OpenSshd | null> {
  if (!hasOpenSshd()) return null;
  const port = await freePort();
  const dir = tempDir('psh-sshd-');
  const configFile = join(dir, 'sshd_config');
  writeFileSync(
    configFile,
    [
      `ListenAddress 127.0.0.1`,
      `HostKey ${keys.host.privateKeyFile}`,
      `AuthorizedKeysFile ${keys.authorizedKeysFile}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'PidFile none',
      'LogLevel ERROR',
      `Subsystem psh ${subsystemCommand}`,
      ...Object.entries(extraSubsystems).map(([name, command]) => `Subsystem ${name} ${command}`),
      '',
    ].join('\n'),
  );
  // As root, sshd insists on its privilege separation directory.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child = spawn(SSHD_PATH, ['-D', '-e', '-f', configFile, '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  if (!(await waitForPort(port, 5000))) {
    child.kill('SIGKILL');
    throw new Error(`sshd did not start on port ${port}: ${output}`);
  }
  return {
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
