// `npm run demo`: the seed's three ways of running remote jobs, end to end. Two embedded SSH
// servers (`psh serve`) play Server01 and Server02 on loopback with throwaway keys; a throwaway
// HOME holds the client's ssh config and known_hosts; the scripts in samples/remote/ run
// through the real psh binary, and the servers are shut down at the end.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { generateEd25519KeyPair } from '../host/ssh/keygen.js';

// The psh beside this module: the bundle when running from dist/bundle, else the plain build.
const main = fileURLToPath(new URL('./main.js', import.meta.url));

function packageRoot(): string {
  let dir = path.dirname(main);
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export interface DemoKeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

export function generateKeyPair(comment: string): DemoKeyPair {
  return generateEd25519KeyPair(comment);
}

export interface LoopbackServer {
  readonly alias: string;
  readonly port: number;
  readonly process: ChildProcess;
}

export interface DemoEnvironment {
  readonly home: string;
  readonly servers: LoopbackServer[];
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

function waitForListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on [^\s]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('exit', (code) => reject(new Error(`psh serve exited with ${code}: ${err}`)));
  });
}

/** Starts `psh serve` for each alias and writes a HOME whose ssh config reaches them by alias. */
export async function startLoopbackServers(aliases: readonly string[]): Promise<DemoEnvironment> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-demo-'));
  const sshDir = path.join(home, '.ssh');
  fs.mkdirSync(sshDir, { mode: 0o700 });
  const user = generateKeyPair('demo-user');
  fs.writeFileSync(path.join(sshDir, 'id_ed25519'), user.privateKey, { mode: 0o600 });
  fs.writeFileSync(path.join(sshDir, 'id_ed25519.pub'), user.publicKey + '\n');
  fs.writeFileSync(path.join(sshDir, 'authorized_keys'), user.publicKey + '\n');
  const servers: LoopbackServer[] = [];
  const knownHosts: string[] = [];
  const config: string[] = [];
  for (const alias of aliases) {
    const dir = path.join(home, 'servers', alias);
    fs.mkdirSync(dir, { recursive: true });
    const hostKey = generateKeyPair(alias);
    fs.writeFileSync(path.join(dir, 'host_key'), hostKey.privateKey, { mode: 0o600 });
    const child = spawn(process.execPath, [main, 'serve', '--listen', '127.0.0.1:0', '--host-key', path.join(dir, 'host_key'),
      '--authorized-keys', path.join(sshDir, 'authorized_keys'), '--data-dir', path.join(dir, 'data'), '--name', alias], {
      cwd: dir,
      env: { ...process.env, HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await waitForListening(child);
    servers.push({ alias, port, process: child });
    knownHosts.push(`[127.0.0.1]:${port} ${hostKey.publicKey.split(' ').slice(0, 2).join(' ')}`);
    config.push(`Host ${alias}`, '  HostName 127.0.0.1', `  Port ${port}`, `  IdentityFile ${path.join(sshDir, 'id_ed25519')}`, '');
  }
  fs.writeFileSync(path.join(sshDir, 'known_hosts'), knownHosts.join('\n') + '\n');
  fs.writeFileSync(path.join(sshDir, 'config'), config.join('\n'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PSH_DATA_DIR: path.join(home, 'client-data') };
  delete env.SSH_AUTH_SOCK;
  return {
    home,
    servers,
    env,
    async close() {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        if (s.process.exitCode !== null) return resolve();
        s.process.once('exit', () => resolve());
        s.process.kill('SIGTERM');
      })));
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

function runPsh(args: readonly string[], env: NodeJS.ProcessEnv, input?: string): string {
  const r = spawnSync(process.execPath, [main, ...args], { env: { ...env, PSH_ERRORS_TO_STDOUT: '1' }, input, encoding: 'utf8', cwd: env.HOME });
  return (r.stdout ?? '') + (r.stderr ?? '');
}

export async function runDemo(): Promise<number> {
  const samples = path.join(packageRoot(), 'samples', 'remote');
  const env = await startLoopbackServers(['Server01', 'Server02']);
  try {
    for (const s of env.servers) console.log(pc.dim(`psh serve as ${s.alias} on 127.0.0.1:${s.port}`));
    const files = fs.existsSync(samples) ? fs.readdirSync(samples).sort() : [];
    for (const name of files) {
      const file = path.join(samples, name);
      if (name.endsWith('.ps1')) {
        console.log(pc.bold(pc.cyan(`\n=== ${name} ===`)));
        process.stdout.write(runPsh(['-NoProfile', '-File', file], env.env));
      } else if (name.endsWith('.repl')) {
        console.log(pc.bold(pc.cyan(`\n=== ${name} (interactive session) ===`)));
        process.stdout.write(runPsh(['-NoProfile', '-NoLogo'], env.env, fs.readFileSync(file, 'utf8')));
      }
    }
  } finally {
    await env.close();
  }
  return 0;
}
