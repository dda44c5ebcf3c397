// known_hosts and authorized_keys parsing, and what a presented host key is judged to be.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAuthorizedKeys } from '../../../src/host/ssh/authorized-keys.js';
import { fingerprintOf, keyTypeOf } from '../../../src/host/ssh/key-blob.js';
import { judgeHostKey, knownHostName, parseKnownHosts, verifyHostKey } from '../../../src/host/ssh/known-hosts.js';
import { dispose, makeKeyPair, tempDir } from '../../support/ssh.js';

afterAll(dispose);

const dir = tempDir();
const a = makeKeyPair(dir, 'a');
const b = makeKeyPair(dir, 'b');
const blob = (publicKey: string): Buffer => Buffer.from(publicKey.split(' ')[1], 'base64');
const A = blob(a.publicKey);
const B = blob(b.publicKey);
const fields = (publicKey: string): string => publicKey.split(' ').slice(0, 2).join(' ');

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  it('names non-22 ports in brackets', () => {
    expect(knownHostName('h', 22)).toBe('h');
    expect(knownHostName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
  });

  const cases: { name: string; text: string; host: string; key: Buffer; want: string }[] = [
    { name: 'plain match', text: `[127.0.0.1]:2222 ${fields(a.publicKey)}`, host: '[127.0.0.1]:2222', key: A, want: 'known' },
    { name: 'several hosts a line', text: `x,[127.0.0.1]:2222,y ${fields(a.publicKey)}`, host: '[127.0.0.1]:2222', key: A, want: 'known' },
    { name: 'port matters', text: `127.0.0.1 ${fields(a.publicKey)}`, host: '[127.0.0.1]:2222', key: A, want: 'unknown' },
    { name: 'wildcard', text: `*.example.com ${fields(a.publicKey)}`, host: 'h.example.com', key: A, want: 'known' },
    { name: 'negated', text: `*.example.com,!bad.example.com ${fields(a.publicKey)}`, host: 'bad.example.com', key: A, want: 'unknown' },
    { name: 'hashed', text: `${hashed('[127.0.0.1]:2222')} ${fields(a.publicKey)}`, host: '[127.0.0.1]:2222', key: A, want: 'known' },
    { name: 'hashed other host', text: `${hashed('[127.0.0.1]:2223')} ${fields(a.publicKey)}`, host: '[127.0.0.1]:2222', key: A, want: 'unknown' },
    { name: 'changed', text: `h ${fields(a.publicKey)}`, host: 'h', key: B, want: 'changed' },
    { name: 'changed, hashed', text: `${hashed('h')} ${fields(a.publicKey)}`, host: 'h', key: B, want: 'changed' },
    { name: 'one of two keys', text: `h ${fields(a.publicKey)}\nh ${fields(b.publicKey)}`, host: 'h', key: B, want: 'known' },
    { name: 'revoked', text: `h ${fields(a.publicKey)}\n@revoked * ${fields(a.publicKey)}`, host: 'h', key: A, want: 'revoked' },
    { name: 'cert-authority ignored', text: `@cert-authority h ${fields(a.publicKey)}`, host: 'h', key: A, want: 'unknown' },
    { name: 'comments and junk', text: `# c\n\nh\n|1|x ${fields(a.publicKey)}\nh ${fields(a.publicKey)} comment`, host: 'h', key: A, want: 'known' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(judgeHostKey(parseKnownHosts(c.text, 'kh'), c.host, c.key).kind).toBe(c.want));
  }

  it('refuses unknown, changed and revoked keys with the fingerprint', () => {
    const file = join(dir, 'known_hosts');
    const check = { host: '127.0.0.1', port: 2222, knownHostsFiles: [file], strict: 'yes' as const };
    writeFileSync(file, '');
    expect(verifyHostKey({ ...check, key: A })).toEqual({
      accepted: false,
      message: `Host key verification failed: the ssh-ed25519 key of [127.0.0.1]:2222 is unknown (${fingerprintOf(A)}). Add it to ${file}.`,
    });
    writeFileSync(file, `[127.0.0.1]:2222 ${fields(b.publicKey)}\n`);
    const changed = verifyHostKey({ ...check, key: A, strict: 'no' });
    expect(changed.accepted).toBe(false);
    expect(!changed.accepted && changed.message).toMatch(new RegExp(`REMOTE HOST IDENTIFICATION HAS CHANGED.*${fingerprintOf(A).replace(/[+/]/g, '.')}.*${file}:1`));
    writeFileSync(file, `@revoked * ${fields(a.publicKey)}\n`);
    expect(verifyHostKey({ ...check, key: A, strict: 'no' })).toMatchObject({ accepted: false, message: expect.stringContaining('revoked') });
  });

  it('adds unknown keys only under accept-new or no', () => {
    const file = join(dir, 'sub', 'known_hosts');
    const check = { host: '127.0.0.1', port: 2222, key: A, knownHostsFiles: [file] };
    expect(verifyHostKey({ ...check, strict: 'accept-new' })).toEqual({ accepted: true, addedTo: file });
    expect(readFileSync(file, 'utf8')).toBe(`[127.0.0.1]:2222 ${fields(a.publicKey)}\n`);
    expect(verifyHostKey({ ...check, strict: 'yes' })).toEqual({ accepted: true, addedTo: null });
  });

  it('reads key types and fingerprints from blobs', () => {
    expect(keyTypeOf(A)).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
    expect(fingerprintOf(A)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});

describe('authorized_keys', () => {
  const cases: { name: string; text: string; want: { keyType: string; comment: string }[] }[] = [
    { name: 'plain', text: a.publicKey, want: [{ keyType: 'ssh-ed25519', comment: 'a' }] },
    { name: 'options', text: `from="10.0.0.1,x y",no-pty ${a.publicKey}`, want: [{ keyType: 'ssh-ed25519', comment: 'a' }] },
    { name: 'comments, blanks, junk', text: `# x\n\njunk\n${b.publicKey} more words`, want: [{ keyType: 'ssh-ed25519', comment: 'b more words' }] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(parseAuthorizedKeys(c.text)).toMatchObject(c.want));
  }
});
