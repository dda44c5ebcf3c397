// Host key checking against OpenSSH known_hosts files: plain and hashed (`|1|salt|hash`) host
// fields, `[host]:port` for ports other than 22, several patterns per line, `@revoked` lines.
// A key is accepted only when recorded; an unknown key is added only when the configuration
// says so (StrictHostKeyChecking no/accept-new); a changed or revoked key is always refused.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StrictHostKeyChecking } from './config.js';
import { fingerprintOf, keyTypeOf } from './key-blob.js';
import { matchesPatternList } from './patterns.js';

export interface KnownHostEntry {
  readonly marker: 'revoked' | 'cert-authority' | null;
  /** Host patterns of a plain entry; null for a hashed one. */
  readonly patterns: readonly string[] | null;
  readonly hashed: { readonly salt: Buffer; readonly hash: Buffer } | null;
  readonly keyType: string;
  readonly key: Buffer;
  readonly file: string;
  readonly line: number;
}

/** The name known_hosts records for a host: `host`, or `[host]:port` when the port is not 22. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function parseHashed(field: string): KnownHostEntry['hashed'] {
  const parts = field.split('|');
  if (parts.length !== 4 || parts[1] !== '1') return null;
  return { salt: Buffer.from(parts[2], 'base64'), hash: Buffer.from(parts[3], 'base64') };
}

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const words = raw.trim().split(/\s+/);
    if (words[0] === '' || words[0].startsWith('#')) return;
    let marker: KnownHostEntry['marker'] = null;
    if (words[0] === '@revoked' || words[0] === '@cert-authority') {
      marker = words[0] === '@revoked' ? 'revoked' : 'cert-authority';
      words.shift();
    }
    if (words.length < 3) return;
    const [hosts, keyType, base64] = words;
    const key = Buffer.from(base64, 'base64');
    if (key.length === 0) return;
    const hashed = hosts.startsWith('|') ? parseHashed(hosts) : null;
    if (hosts.startsWith('|') && !hashed) return;
    entries.push({ marker, patterns: hashed ? null : hosts.split(','), hashed, keyType, key, file, line: i + 1 });
  });
  return entries;
}

function entryNames(entry: KnownHostEntry, name: string): boolean {
  if (entry.hashed) {
    const digest = createHmac('sha1', entry.hashed.salt).update(name).digest();
    return digest.length === entry.hashed.hash.length && timingSafeEqual(digest, entry.hashed.hash);
  }
  return matchesPatternList(name, entry.patterns ?? []);
}

export type HostKeyJudgement =
  | { readonly kind: 'known' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'changed'; readonly entry: KnownHostEntry }
  | { readonly kind: 'revoked'; readonly entry: KnownHostEntry };

/** What the entries say about a key presented by the host recorded as `name`. */
export function judgeHostKey(entries: readonly KnownHostEntry[], name: string, key: Buffer): HostKeyJudgement {
  const type = keyTypeOf(key);
  let known = false;
  let changed: KnownHostEntry | null = null;
  for (const e of entries) {
    // Certificate authorities sign host certificates, which psh does not use.
    if (e.marker === 'cert-authority' || !entryNames(e, name)) continue;
    const same = e.key.equals(key);
    if (e.marker === 'revoked') {
      if (same) return { kind: 'revoked', entry: e };
    } else if (same) {
      known = true;
    } else if (e.keyType === type && !changed) {
      changed = e;
    }
  }
  if (known) return { kind: 'known' };
  return changed ? { kind: 'changed', entry: changed } : { kind: 'unknown' };
}

export interface HostKeyCheck {
  readonly host: string;
  readonly port: number;
  readonly key: Buffer;
  /** Files to read; new keys are added to the first. */
  readonly knownHostsFiles: readonly string[];
  readonly strict: StrictHostKeyChecking;
}

export type HostKeyVerdict =
  | { readonly accepted: true; readonly addedTo: string | null }
  | { readonly accepted: false; readonly message: string };

function readEntries(files: readonly string[]): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    entries.push(...parseKnownHosts(text, f));
  }
  return entries;
}

function addEntry(file: string, name: string, key: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const existing = readFileSync(file, 'utf8');
    if (existing.length > 0 && !existing.endsWith('\n')) prefix = '\n';
  } catch {
    // A new file.
  }
  appendFileSync(file, `${prefix}${name} ${keyTypeOf(key)} ${key.toString('base64')}\n`, { mode: 0o600 });
}

/** Checks a presented host key, adding it when allowed; the message says why it was refused. */
export function verifyHostKey(check: HostKeyCheck): HostKeyVerdict {
  const name = knownHostName(check.host, check.port);
  const type = keyTypeOf(check.key);
  const fingerprint = fingerprintOf(check.key);
  const judgement = judgeHostKey(readEntries(check.knownHostsFiles), name, check.key);
  const target = check.knownHostsFiles[0] ?? 'known_hosts';
  switch (judgement.kind) {
    case 'known':
      return { accepted: true, addedTo: null };
    case 'revoked':
      return {
        accepted: false,
        message: `Host key verification failed: the ${type} key of ${name} (${fingerprint}) is marked as revoked in ${judgement.entry.file}:${judgement.entry.line}.`,
      };
    case 'changed':
      return {
        accepted: false,
        message:
          `Host key verification failed: WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! The ${type} key of ${name} is now ` +
          `${fingerprint}, which is not the key recorded in ${judgement.entry.file}:${judgement.entry.line}. Someone could be ` +
          'eavesdropping on you right now (man-in-the-middle attack), or the host key has just been changed. ' +
          `Remove the old key from ${judgement.entry.file} if the change is expected.`,
      };
    case 'unknown':
      if (check.strict === 'yes') {
        return {
          accepted: false,
          message: `Host key verification failed: the ${type} key of ${name} is unknown (${fingerprint}). Add it to ${target}.`,
        };
      }
      addEntry(target, name, check.key);
      return { accepted: true, addedTo: target };
  }
}
