// The embedded server in the test's own thread, driven by ssh2's async client and ssh-agent.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import type { AsyncChannel, ChannelMessage } from '../../../src/remoting/channel.js';
import { FrameDecoder, encodeFrame } from '../../../src/remoting/framing.js';
import { openSshChannel } from '../../../src/remoting/ssh/client.js';
import { startSshServer, type SshChannelInfo } from '../../../src/remoting/ssh/server.js';
import { dispose, makeHome, makeKeys, startEmbeddedServer, startServerThread, tempDir } from '../../support/ssh.js';

afterAll(dispose);

function connectRaw(port: number, privateKey: string, username = 'tester'): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    c.once('ready', () => resolve(c));
    c.once('error', reject);
    c.connect({ host: '127.0.0.1', port, username, privateKey, hostVerifier: () => true });
  });
}

describe('startSshServer', () => {
  it('listens on every address, hands out channels with who and where, and ends connections on close', async () => {
    const keys = makeKeys();
    const channels: { channel: AsyncChannel; info: SshChannelInfo; got: ChannelMessage[] }[] = [];
    const logs: string[] = [];
    const server = await startSshServer({
      listen: [{ host: '127.0.0.1', port: 0 }, { host: '127.0.0.1', port: 0 }],
      hostKeys: [Buffer.from(keys.host.privateKey)],
      authorizedKeysFile: keys.authorizedKeysFile,
      log: (l) => logs.push(l),
      onChannel: (channel, info) => {
        const entry = { channel, info, got: [] as ChannelMessage[] };
        channel.onMessage((m) => {
          entry.got.push(m);
          channel.send({ type: 'ack', n: entry.got.length });
        });
        channels.push(entry);
      },
    });
    expect(server.addresses).toHaveLength(2);
    expect(server.addresses.every((a) => a.port > 0)).toBe(true);
    expect(server.addresses[0].port).not.toBe(server.addresses[1].port);

    const client = await connectRaw(server.addresses[1].port, keys.user.privateKey, 'alice');
    const stream = await new Promise<ssh2.ClientChannel>((resolve, reject) => client.subsys('psh', (e, s) => (e ? reject(e) : resolve(s))));
    const replies: ChannelMessage[] = [];
    const decoder = new FrameDecoder();
    const replied = new Promise<void>((resolve) =>
      stream.on('data', (d: Buffer) => {
        replies.push(...decoder.push(d));
        if (replies.length === 2) resolve();
      }),
    );
    stream.write(Buffer.concat([encodeFrame({ type: 'a' }), encodeFrame({ type: 'b' })]));
    await replied;
    expect(replies).toEqual([{ type: 'ack', n: 1 }, { type: 'ack', n: 2 }]);
    expect(channels).toHaveLength(1);
    expect(channels[0].info).toMatchObject({ user: 'alice', remoteAddress: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(channels[0].got).toEqual([{ type: 'a' }, { type: 'b' }]);

    const closedReason = new Promise<string | null>((resolve) => channels[0].channel.onClose(resolve));
    const clientClosed = new Promise<void>((resolve) => client.on('close', () => resolve()));
    await server.close();
    await clientClosed;
    expect(await closedReason).toBeNull();
    expect(logs.some((l) => l.includes(`[${channels[0].info.connectionId}] disconnected`))).toBe(true);
  });
});

describe('startEmbeddedServer', () => {
  it('refuses passwords and unlisted keys, and logs them', async () => {
    const keys = makeKeys();
    const server = await startEmbeddedServer(keys, (channel) => channel.close());
    try {
      await expect(
        new Promise((resolve, reject) => {
          const c = new ssh2.Client();
          c.once('ready', () => resolve(c));
          c.once('error', reject);
          c.connect({ host: '127.0.0.1', port: server.port, username: 'mallory', password: 'secret', hostVerifier: () => true });
        }),
      ).rejects.toThrow(/All configured authentication methods failed/);
      await expect(connectRaw(server.port, keys.host.privateKey, 'mallory')).rejects.toThrow(/authentication methods failed/);
      expect(server.logs.some((l) => /refused password authentication for mallory from 127\.0\.0\.1:\d+: only publickey is allowed/.test(l))).toBe(true);
      expect(server.logs.some((l) => /refused ssh-ed25519 key SHA256:\S+ for mallory .*not in authorized keys/.test(l))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('ssh-agent', () => {
  it('authenticates with a key only the agent holds', async () => {
    const keys = makeKeys();
    const server = await startServerThread({ keys });
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    rmSync(home.identityFile);
    const socket = join(tempDir('psh-agent-'), 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    const saved = process.env.SSH_AUTH_SOCK;
    try {
      for (let i = 0; i < 50; i++) {
        try {
          execFileSync('ssh-add', [keys.user.privateKeyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      process.env.SSH_AUTH_SOCK = socket;
      const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
      channel.send({ type: 'via-agent' });
      expect(channel.wait(5000)).toBe(true);
      expect(channel.drain()).toEqual([{ type: 'via-agent' }]);
      channel.close();
      delete process.env.SSH_AUTH_SOCK;
      expect(() => openSshChannel({ hostName: 'Server01', homeDirectory: home.home })).toThrow(/Permission denied \(publickey\)\. \(no identity file and no ssh-agent\)/);
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = saved;
      agent.kill();
      await server.close();
    }
  });

  it('falls back to identity files when the agent is unreachable, as ssh does', async () => {
    const keys = makeKeys();
    const server = await startServerThread({ keys });
    const home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] });
    const saved = process.env.SSH_AUTH_SOCK;
    process.env.SSH_AUTH_SOCK = join(tempDir('psh-agent-'), 'gone.sock');
    try {
      openSshChannel({ hostName: 'Server01', homeDirectory: home.home }).close();
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = saved;
      await server.close();
    }
  });
});
