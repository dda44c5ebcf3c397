// Reads OpenSSH client configuration (~/.ssh/config) the way ssh does for the options psh uses:
// `Host` sections chosen by pattern, the first value of an option wins, IdentityFile adds up,
// `%` tokens and `~` expand. `Match` sections and `Include` are skipped with a note.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchesPatternList } from './patterns.js';

export type StrictHostKeyChecking = 'yes' | 'no' | 'accept-new';

/** What connecting to one host needs, after config, command line and defaults are combined. */
export interface SshHostConfig {
  /** The name as given (-ComputerName), which `Host` patterns match. */
  readonly alias: string;
  readonly hostName: string;
  readonly port: number;
  readonly user: string;
  /** Identity files to try, in order; the defaults when the config names none. */
  readonly identityFiles: readonly string[];
  readonly userKnownHostsFiles: readonly string[];
  readonly strictHostKeyChecking: StrictHostKeyChecking;
  readonly connectTimeoutMs: number | null;
  /** Things in the config that were skipped (Match, Include). */
  readonly notes: readonly string[];
}

export interface ResolveOptions {
  readonly homeDirectory: string;
  /** The local user name: the default remote user and `%u`. */
  readonly localUser: string;
  /** Given on the command line: these beat the config, as `ssh -l`/`-p` do. */
  readonly user?: string | null;
  readonly port?: number | null;
  readonly identityFile?: string | null;
}

export interface ConfigLine {
  readonly keyword: string;
  readonly args: readonly string[];
  readonly line: number;
}

/** Splits a config line into keyword and arguments (`Key value`, `Key=value`, quoted args). */
function splitLine(text: string): string[] {
  const m = /^([^\s=]+)(?:\s*=\s*|\s+)?(.*)$/.exec(text);
  if (!m) return [];
  return [m[1], ...[...m[2].matchAll(/"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2])];
}

export function parseSshConfig(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [keyword, ...args] = splitLine(trimmed);
    if (keyword) lines.push({ keyword: keyword.toLowerCase(), args, line: i + 1 });
  });
  return lines;
}

/** Expands `%%`, `%d`, `%u`, `%r`, `%h`, `%p`, `%n` and a leading `~`. */
export function expandTokens(value: string, tokens: Readonly<Record<string, string>>, homeDirectory: string): string {
  const expanded = value.replace(/%(.)/g, (whole, c: string) => (c === '%' ? '%' : tokens[c] ?? whole));
  if (expanded === '~') return homeDirectory;
  if (expanded.startsWith('~/')) return join(homeDirectory, expanded.slice(2));
  return expanded;
}

const DEFAULT_IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

function strictness(value: string): StrictHostKeyChecking | null {
  switch (value.toLowerCase()) {
    case 'yes':
    case 'ask': // psh cannot ask: refusing is what ask does without a terminal
      return 'yes';
    case 'no':
    case 'off':
      return 'no';
    case 'accept-new':
      return 'accept-new';
    default:
      return null;
  }
}

/** Resolves a host name or alias against parsed config lines. */
export function resolveSshHost(alias: string, lines: readonly ConfigLine[], options: ResolveOptions): SshHostConfig {
  const first = new Map<string, readonly string[]>();
  const identityFiles: string[] = [];
  const notes: string[] = [];
  let active = true;
  for (const l of lines) {
    if (l.keyword === 'host') {
      active = matchesPatternList(alias, l.args);
      continue;
    }
    if (l.keyword === 'match') {
      notes.push(`Match block at line ${l.line} skipped: psh does not evaluate Match.`);
      active = false;
      continue;
    }
    if (!active) continue;
    if (l.keyword === 'include') {
      notes.push(`Include at line ${l.line} skipped: psh does not follow Include.`);
    } else if (l.keyword === 'identityfile') {
      identityFiles.push(...l.args);
    } else if (!first.has(l.keyword) && l.args.length > 0) {
      first.set(l.keyword, l.args);
    }
  }
  const one = (k: string): string | undefined => first.get(k)?.[0];

  const hostName = (one('hostname') ?? alias).replace(/%(.)/g, (w, c: string) => (c === 'h' ? alias : c === '%' ? '%' : w));
  const user = options.user ?? one('user') ?? options.localUser;
  const configPort = one('port');
  const port = options.port ?? (configPort !== undefined && /^\d+$/.test(configPort) ? Number(configPort) : 22);
  const tokens = { d: options.homeDirectory, u: options.localUser, r: user, h: hostName, p: String(port), n: alias };
  const expand = (v: string): string => expandTokens(v, tokens, options.homeDirectory);

  const identities = options.identityFile
    ? [expand(options.identityFile)]
    : identityFiles.length > 0
      ? identityFiles.map(expand)
      : DEFAULT_IDENTITY_FILES.map((f) => join(options.homeDirectory, '.ssh', f));
  const knownHosts = first.get('userknownhostsfile')?.map(expand) ?? [
    join(options.homeDirectory, '.ssh', 'known_hosts'),
    join(options.homeDirectory, '.ssh', 'known_hosts2'),
  ];
  const timeout = one('connecttimeout');
  return {
    alias,
    hostName,
    port,
    user,
    identityFiles: identities,
    userKnownHostsFiles: knownHosts,
    strictHostKeyChecking: strictness(one('stricthostkeychecking') ?? 'yes') ?? 'yes',
    connectTimeoutMs: timeout !== undefined && /^\d+$/.test(timeout) && Number(timeout) > 0 ? Number(timeout) * 1000 : null,
    notes,
  };
}

/** Reads and resolves a config file; a missing file is an empty config, as for ssh. */
export function readSshHostConfig(alias: string, configFile: string, options: ResolveOptions): SshHostConfig {
  let text = '';
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return resolveSshHost(alias, parseSshConfig(text), options);
}
