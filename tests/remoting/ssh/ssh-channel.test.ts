// Real SSH on 127.0.0.1: the embedded server (in a worker thread, so this thread may block) and
// openSshChannel resolving names through a throwaway HOME, as -ComputerName Server01 would.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChannel } from '../../../src/remoting/channel.js';
import { openSshChannel } from '../../../src/remoting/ssh/client.js';
import {
  dispose,
  freePort,
  makeHome,
  makeKeyPair,
  makeKeys,
  publicKeyFields,
  startServerProcess,
  startServerThread,
  tempDir,
  type EmbeddedServer,
  type TestKeys,
} from '../../support/ssh.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function roundTrip(channel: SyncChannel, message: { type: string; [k: string]: unknown }): unknown[] {
  channel.send(message);
  expect(channel.wait(5000)).toBe(true);
  return channel.drain();
}

/** Waits (blocking) until the channel closes; returns how long it took. */
function waitClosed(channel: SyncChannel, limitMs: number): number {
  const start = Date.now();
  while (!channel.closed && Date.now() - start < limitMs) channel.wait(limitMs);
  return Date.now() - start;
}

/** A raw ssh2 client (async), for what openSshChannel never sends. */
function rawClient(port: number, config: Partial<ssh2.ConnectConfig>): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    c.once('ready', () => resolve(c));
    c.once('error', reject);
    c.connect({ host: '127.0.0.1', port, hostVerifier: () => true, ...config });
  });
}

function rawSubsystem(client: ssh2.Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) => client.subsys('psh', (err, s) => (err ? reject(err) : resolve(s))));
}

/** Writes bytes into a channel and resolves with its stderr once the server closes it. */
function feed(stream: ClientChannel, bytes: Buffer, end = false): Promise<string> {
  return new Promise((resolve) => {
    let stderr = '';
    stream.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    stream.on('close', () => resolve(stderr));
    stream.resume();
    stream.write(bytes);
    if (end) stream.end();
  });
}

describe('SSH channels to the embedded server', () => {
  let keys: TestKeys;
  let server: EmbeddedServer;
  beforeAll(async () => {
    keys = makeKeys();
    server = await startServerThread({ keys });
  });
  afterAll(async () => {
    await server.close();
    dispose();
  });

  it('echoes messages through a ~/.ssh/config alias', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(channel, { type: 'hello', data: [1, 'two', { three: 3 }] })).toEqual([{ type: 'hello', data: [1, 'two', { three: 3 }] }]);
    const who = roundTrip(channel, { type: 'whoami' }) as { user: string }[];
    expect(who[0].user).toBe(readFileSync(home.configFile, 'utf8').match(/User (\S+)/)?.[1]);
    channel.close();
    expect(channel.closed).toBe(true);
    expect(channel.closeReason).toBeNull();
    expect(() => channel.send({ type: 'late' })).toThrow();
  });

  it('carries a message close to the frame limit', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    const big = 'x'.repeat(4 * 1024 * 1024);
    channel.send({ type: 'big', big });
    const got: unknown[] = [];
    while (got.length === 0 && channel.wait(10000)) got.push(...channel.drain());
    expect(got).toEqual([{ type: 'big', big }]);
    expect(() => channel.send({ type: 'huge', s: 'x'.repeat(17 * 1024 * 1024) })).toThrow(/exceeds the frame limit/);
    channel.close();
  });

  it('reports the server closing the channel', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    channel.send({ type: 'close-me' });
    waitClosed(channel, 5000);
    expect(channel.closeReason).toBe('The SSH server closed the channel.');
    const told = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    told.send({ type: 'close-me', reason: 'Protocol error: of some kind' });
    waitClosed(told, 5000);
    expect(told.drain()).toEqual([]);
    expect(told.closeReason).toBe('The SSH server closed the channel: Protocol error: of some kind');
  });

  const refusals: { name: string; setup: () => { home: string; target?: Record<string, unknown> }; want: RegExp }[] = [
    {
      name: 'a key the server does not list',
      setup: () => {
        const other = makeKeyPair(tempDir(), 'intruder');
        const home = makeHome({ keys: { ...keys, user: other }, hosts: [{ alias: 'Server01', port: server.port }] });
        return { home: home.home };
      },
      want: /^\S+@127\.0\.0\.1: Permission denied \(publickey\)\.$/,
    },
    {
      name: 'no identity at all',
      setup: () => {
        const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
        writeFileSync(home.identityFile, '');
        return { home: home.home };
      },
      want: /Permission denied \(publickey\)\..*id_ed25519/,
    },
    {
      name: 'an unknown host key',
      setup: () => ({ home: makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }], knownHosts: false }).home }),
      want: /^Host key verification failed: the ssh-ed25519 key of \[127\.0\.0\.1\]:\d+ is unknown \(SHA256:[A-Za-z0-9+/]{43}\)\. Add it to .*known_hosts\.$/,
    },
    {
      name: 'a changed host key',
      setup: () => {
        const other = makeKeyPair(tempDir(), 'old_host');
        return { home: makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port, hostPublicKey: other.publicKey }] }).home };
      },
      want: /REMOTE HOST IDENTIFICATION HAS CHANGED.*SHA256:/,
    },
    {
      name: 'a changed host key even with StrictHostKeyChecking no',
      setup: () => {
        const other = makeKeyPair(tempDir(), 'old_host');
        return {
          home: makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port, hostPublicKey: other.publicKey }], extraConfig: 'Host *\n  StrictHostKeyChecking no\n' }).home,
        };
      },
      want: /REMOTE HOST IDENTIFICATION HAS CHANGED/,
    },
    {
      name: 'a port nobody listens on',
      setup: () => ({ home: makeHome({ keys, hosts: [] }).home, target: { hostName: '127.0.0.1', port: refusedPort } }),
      want: /^ssh: connect to host 127\.0\.0\.1 port \d+: Connection refused$/,
    },
    {
      name: 'a host name that does not resolve',
      setup: () => ({ home: makeHome({ keys, hosts: [] }).home, target: { hostName: 'nowhere.invalid' } }),
      want: /^ssh: Could not resolve hostname nowhere\.invalid: Name or service not known$/,
    },
    {
      name: 'a missing -KeyFilePath',
      setup: () => ({ home: makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] }).home, target: { keyFilePath: '/nonexistent/key' } }),
      want: /The identity file \/nonexistent\/key is not accessible: No such file or directory\./,
    },
    {
      name: 'a subsystem the server does not have',
      setup: () => ({ home: makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] }).home, target: { subsystem: 'sftp' } }),
      want: /refused the sftp subsystem/,
    },
  ];
  let refusedPort = 0;
  beforeAll(async () => {
    refusedPort = await freePort();
  });
  for (const c of refusals) {
    it(`refuses ${c.name}`, () => {
      const { home, target } = c.setup();
      expect(() => openSshChannel({ hostName: 'Server01', homeDirectory: home, connectTimeoutMs: 5000, ...target })).toThrow(c.want);
    });
  }

  it('times out on a port that accepts but never speaks SSH', async () => {
    // Nobody accepts here (this thread blocks), but the kernel completes the TCP handshake.
    const silent = createServer();
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const home = makeHome({ keys, hosts: [] });
    const start = Date.now();
    try {
      expect(() => openSshChannel({ hostName: '127.0.0.1', port, homeDirectory: home.home, connectTimeoutMs: 1000 })).toThrow(
        `ssh: connect to host 127.0.0.1 port ${port}: Connection timed out`,
      );
      expect(Date.now() - start).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });

  it('opens from a worker thread, as a runspace thread does', async () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const worker = new Worker(new URL('./fixtures/open-from-worker.mjs', import.meta.url), { workerData: { home: home.home } });
    const answer = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(answer).toEqual({ got: [{ type: 'from-worker' }] });
  });

  it('logs refused keys with their fingerprint', async () => {
    await sleep(100);
    expect(server.logs.some((l) => /refused ssh-ed25519 key SHA256:\S+ for \S+ from 127\.0\.0\.1:\d+: not in authorized keys/.test(l))).toBe(true);
  });

  it('accepts a hashed known_hosts entry', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }], knownHosts: false });
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${server.port}`).digest('base64');
    writeFileSync(home.knownHostsFile, `|1|${salt.toString('base64')}|${hash} ${publicKeyFields(keys.host.publicKey)}\n`);
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(channel, { type: 'ping' })).toEqual([{ type: 'ping' }]);
    channel.close();
  });

  it('adds an unknown host key under StrictHostKeyChecking accept-new', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }], knownHosts: false, extraConfig: 'Host Server01\n  StrictHostKeyChecking accept-new\n' });
    openSshChannel({ hostName: 'Server01', homeDirectory: home.home }).close();
    expect(readFileSync(home.knownHostsFile, 'utf8')).toBe(`[127.0.0.1]:${server.port} ${publicKeyFields(keys.host.publicKey)}\n`);
  });

  it('keeps 100 channels open at once', () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channels = Array.from({ length: 100 }, () => openSshChannel({ hostName: 'Server01', homeDirectory: home.home }));
    channels.forEach((c, i) => c.send({ type: 'n', i }));
    channels.forEach((c, i) => {
      const got: unknown[] = [];
      while (got.length === 0 && c.wait(10000)) got.push(...c.drain());
      expect(got).toEqual([{ type: 'n', i }]);
    });
    for (const c of channels) c.close();
  });

  it('survives junk on the SSH port and in the subsystem without disturbing a live channel', async () => {
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const live = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(live, { type: 'before' })).toEqual([{ type: 'before' }]);

    // Raw TCP junk where the SSH identification string should be.
    await new Promise<void>((resolve) => {
      const s = connect(server.port, '127.0.0.1', () => s.end(Buffer.from('GET / HTTP/1.1\r\n\r\n\u0000\u00ff'.repeat(100))));
      s.resume();
      s.on('error', () => resolve());
      s.on('close', () => resolve());
    });

    const userKey = readFileSync(home.identityFile);
    const header = (n: number): Buffer => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    const junk: { name: string; bytes: Buffer; end?: boolean; want: RegExp }[] = [
      { name: 'not JSON', bytes: Buffer.concat([header(5), Buffer.from('hello')]), want: /Protocol error: A frame does not hold valid JSON/ },
      { name: 'wrong type', bytes: Buffer.concat([header(7), Buffer.from('{"x":1}')]), want: /without a string "type"/ },
      { name: 'oversized', bytes: header(0xfffffff0), want: /announces 4294967280 bytes, more than the limit of 16777216 bytes/ },
      { name: 'truncated', bytes: Buffer.concat([header(100), Buffer.from('{"type":')]), end: true, want: /ended inside a frame/ },
    ];
    for (const j of junk) {
      const client = await rawClient(server.port, { username: 'junk', privateKey: userKey });
      const stream = await rawSubsystem(client);
      expect(await feed(stream, j.bytes, j.end), j.name).toMatch(j.want);
      client.end();
    }

    // `psh -sshs` as a command works too; a password is never accepted.
    const exec = await rawClient(server.port, { username: 'x', privateKey: userKey });
    const echoed = await new Promise<string>((resolve, reject) =>
      exec.exec('psh -sshs', (err, s) => {
        if (err) return reject(err);
        s.on('data', (d: Buffer) => resolve(d.subarray(4).toString()));
        s.write(Buffer.concat([header(14), Buffer.from('{"type":"ex"}\n')]));
      }),
    );
    expect(JSON.parse(echoed)).toEqual({ type: 'ex' });
    exec.end();
    await expect(rawClient(server.port, { username: 'x', password: 'secret' })).rejects.toThrow(/authentication methods failed/);

    expect(roundTrip(live, { type: 'after' })).toEqual([{ type: 'after' }]);
    live.close();
  });
});

describe('a server that goes away', () => {
  let keys: TestKeys;
  beforeAll(() => {
    keys = makeKeys();
  });
  afterAll(dispose);

  it('closes the channel with a reason when the server shuts down mid-conversation', async () => {
    const server = await startServerThread({ keys });
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(channel, { type: 'one' })).toEqual([{ type: 'one' }]);
    await server.close();
    expect(waitClosed(channel, 5000)).toBeLessThan(5000);
    expect(channel.closeReason).toMatch(/^The SSH (connection to Server01 was (lost|closed)|server closed the channel)/);
    expect(() => channel.send({ type: 'two' })).toThrow();
  });

  it('closes the channel with a reason when the server process is killed', async () => {
    const server = await startServerProcess({ keys });
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(channel, { type: 'one' })).toEqual([{ type: 'one' }]);
    server.kill();
    expect(waitClosed(channel, 5000)).toBeLessThan(5000);
    expect(channel.closeReason).toMatch(/^The SSH connection to Server01 was (lost: .+|closed by the remote host\.)$/);
  });

  it('declares a silent server lost by keepalive within seconds', async () => {
    const server = await startServerProcess({ keys });
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    expect(roundTrip(channel, { type: 'one' })).toEqual([{ type: 'one' }]);
    // Stopped, not killed: the socket stays open and nothing answers, as with a dead network.
    server.child.kill('SIGSTOP');
    try {
      expect(waitClosed(channel, 25000)).toBeLessThan(20000);
      expect(channel.closeReason).toMatch(/^The SSH connection to Server01 was lost: Keepalive timeout$/);
    } finally {
      server.kill();
    }
  }, 60_000);
});
