// ~/.ssh/config resolution as OpenSSH's ssh does it, and the patterns it shares with known_hosts.
import { describe, expect, it } from 'vitest';
import { parseSshConfig, resolveSshHost, type SshHostConfig } from '../../../src/host/ssh/config.js';
import { matchesPatternList } from '../../../src/host/ssh/patterns.js';

const CONFIG = `
# a comment
Host Server01
  HostName 127.0.0.1
  Port 2222
  User alice
  IdentityFile ~/.ssh/server01_key

Host web-? !web-9
  HostName %h.example.com
  IdentityFile %d/.ssh/%r@%h
  IdentityFile ~/.ssh/second

Host db1 db2
  HostName=10.0.0.5
  User = "bob"
  StrictHostKeyChecking accept-new
  ConnectTimeout 7

Match host db1
  User ignored

Host askme
  StrictHostKeyChecking ask
  UserKnownHostsFile ~/.ssh/kh1 /etc/kh2

Host nocheck
  StrictHostKeyChecking no

Host *
  User fallback
  Port 2200
  HostName ignored-for-server01
`;

const OPTIONS = { homeDirectory: '/home/u', localUser: 'u' };
const lines = parseSshConfig(CONFIG);

describe('ssh config', () => {
  const cases: { alias: string; given?: { user?: string; port?: number; identityFile?: string }; want: Partial<SshHostConfig> }[] = [
    { alias: 'Server01', want: { hostName: '127.0.0.1', port: 2222, user: 'alice', identityFiles: ['/home/u/.ssh/server01_key'] } },
    { alias: 'server01', want: { hostName: '127.0.0.1', user: 'alice' } },
    { alias: 'Server01', given: { user: 'carol', port: 22 }, want: { user: 'carol', port: 22 } },
    { alias: 'Server01', given: { identityFile: '~/k' }, want: { identityFiles: ['/home/u/k'] } },
    { alias: 'web-1', want: { hostName: 'web-1.example.com', user: 'fallback', port: 2200, identityFiles: ['/home/u/.ssh/fallback@web-1.example.com', '/home/u/.ssh/second'] } },
    { alias: 'web-9', want: { hostName: 'ignored-for-server01', identityFiles: ['/home/u/.ssh/id_ed25519', '/home/u/.ssh/id_ecdsa', '/home/u/.ssh/id_rsa'] } },
    { alias: 'web-10', want: { hostName: 'ignored-for-server01' } },
    { alias: 'db2', want: { hostName: '10.0.0.5', user: 'bob', strictHostKeyChecking: 'accept-new', connectTimeoutMs: 7000 } },
    { alias: 'db1', want: { user: 'bob', notes: ['Match block at line 20 skipped: psh does not evaluate Match.'] } },
    { alias: 'askme', want: { strictHostKeyChecking: 'yes', userKnownHostsFiles: ['/home/u/.ssh/kh1', '/etc/kh2'] } },
    { alias: 'nocheck', want: { strictHostKeyChecking: 'no', userKnownHostsFiles: ['/home/u/.ssh/known_hosts', '/home/u/.ssh/known_hosts2'] } },
    { alias: 'other', want: { hostName: 'ignored-for-server01', port: 2200, user: 'fallback', strictHostKeyChecking: 'yes', connectTimeoutMs: null } },
  ];
  for (const c of cases) {
    it(`${c.alias} ${JSON.stringify(c.given ?? {})}`, () => {
      expect(resolveSshHost(c.alias, lines, { ...OPTIONS, ...c.given })).toMatchObject(c.want);
    });
  }

  it('falls back to the local user, port 22 and the alias as host name', () => {
    expect(resolveSshHost('plain', [], OPTIONS)).toMatchObject({ hostName: 'plain', port: 22, user: 'u' });
  });

  const patterns: { name: string; list: string[]; want: boolean }[] = [
    { name: 'a.example.com', list: ['*.example.com'], want: true },
    { name: 'A.EXAMPLE.COM', list: ['*.example.com'], want: true },
    { name: 'example.com', list: ['*.example.com'], want: false },
    { name: 'web-1', list: ['web-?'], want: true },
    { name: 'web-12', list: ['web-?'], want: false },
    { name: 'web-9', list: ['web-?', '!web-9'], want: false },
    { name: 'x', list: ['!y'], want: false },
    { name: '[127.0.0.1]:2222', list: ['[127.0.0.1]:2222'], want: true },
    { name: '[127.0.0.1]:2222', list: ['127.0.0.1'], want: false },
    { name: 'a+b', list: ['a+b'], want: true },
  ];
  for (const p of patterns) {
    it(`pattern ${p.list.join(',')} ~ ${p.name}`, () => expect(matchesPatternList(p.name, p.list)).toBe(p.want));
  }
});
