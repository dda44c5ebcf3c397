// The client against OpenSSH's own sshd, whose `Subsystem psh` runs a script over stdioChannel
// (as it will run `psh -sshs`). Skipped visibly without /usr/sbin/sshd, failed in CI.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../../src/remoting/framing.js';
import { openSshChannel } from '../../../src/remoting/ssh/client.js';
import { dispose, hasOpenSshd, makeHome, makeKeyPair, makeKeys, startOpenSshd, tempDir, type OpenSshd, type TestHome, type TestKeys } from '../../support/ssh.js';

const ECHO_SCRIPT = fileURLToPath(new URL('./fixtures/echo-stdio.mjs', import.meta.url));

describe.skipIf(!hasOpenSshd())('OpenSSH sshd with Subsystem psh', () => {
  let keys: TestKeys;
  let sshd: OpenSshd;
  let home: TestHome;
  beforeAll(async () => {
    keys = makeKeys();
    // `junk` answers with a length prefix far over the frame limit.
    const junk = join(tempDir(), 'junk');
    writeFileSync(junk, Buffer.from([0xff, 0xff, 0xff, 0xff]));
    const started = await startOpenSshd(keys, `${process.execPath} ${ECHO_SCRIPT}`, { junk: `cat ${junk}` });
    if (!started) throw new Error('sshd vanished');
    sshd = started;
    home = makeHome({ keys, hosts: [{ alias: 'Server01', port: sshd.port }] });
  });
  afterAll(async () => {
    await sshd?.stop();
    dispose();
  });

  it('echoes through stdioChannel', () => {
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home });
    for (let i = 0; i < 3; i++) {
      channel.send({ type: 'hello', i });
      expect(channel.wait(5000)).toBe(true);
      expect(channel.drain()).toEqual([{ type: 'hello', i, via: 'sshd' }]);
    }
    channel.send({ type: 'close-me' });
    while (!channel.closed && channel.wait(5000));
    expect(channel.closeReason).toBe('The SSH server closed the channel.');
  });

  it('closes the channel when the server breaks the framing', () => {
    const channel = openSshChannel({ hostName: 'Server01', homeDirectory: home.home, subsystem: 'junk' });
    while (!channel.closed && channel.wait(5000));
    expect(channel.drain()).toEqual([]);
    expect(channel.closeReason).toBe('The SSH server Server01 broke the protocol: A frame announces 4294967295 bytes, more than the limit of 16777216 bytes.');
  });

  it('is refused with a key sshd does not know', () => {
    const other = makeHome({ keys: { ...keys, user: makeKeyPair(tempDir(), 'intruder') }, hosts: [{ alias: 'Server01', port: sshd.port }] });
    expect(() => openSshChannel({ hostName: 'Server01', homeDirectory: other.home })).toThrow(/Permission denied \(publickey\)\./);
  });

  it('tells a garbage client why in a last frame (sshd drops the stderr of a subsystem)', async () => {
    const stdout = await new Promise<Buffer>((resolve, reject) => {
      const client = new ssh2.Client();
      client.on('error', reject);
      client.on('ready', () =>
        client.subsys('psh', (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (d: Buffer) => chunks.push(d));
          stream.on('close', () => {
            client.end();
            resolve(Buffer.concat(chunks));
          });
          stream.write(Buffer.from([0, 0, 0, 3, 0x7b, 0x7b, 0x7b]));
        }),
      );
      client.connect({ host: '127.0.0.1', port: sshd.port, username: process.env.USER ?? 'root', privateKey: keys.user.privateKey, hostVerifier: () => true });
    });
    expect(new FrameDecoder().push(stdout)).toEqual([{ type: '$close', reason: expect.stringMatching(/^Protocol error: A frame does not hold valid JSON/) }]);
  });
});
