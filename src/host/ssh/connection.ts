// Turns what a user typed (-ComputerName Server01, -HostName u@h:p, -KeyFilePath) into the plain
// data an SSH connection needs, as OpenSSH's ssh would: ~/.ssh/config aliases, identity files
// from the config or the defaults, ssh-agent through SSH_AUTH_SOCK, known_hosts files.

import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { readSshHostConfig, type StrictHostKeyChecking } from './config.js';

export interface SshTarget {
  /** Host name or ~/.ssh/config Host alias. */
  readonly hostName: string;
  readonly port?: number;
  readonly user?: string;
  /** An identity file that replaces the configured ones (-KeyFilePath). */
  readonly keyFilePath?: string;
  /** Default ~/.ssh/config. */
  readonly sshConfigFile?: string;
  /** Replaces UserKnownHostsFile from the config. */
  readonly knownHostsFile?: string;
  readonly connectTimeoutMs?: number;
  /** Default 'psh'. */
  readonly subsystem?: string;
  /** Default $HOME (tests point it at a throwaway home). */
  readonly homeDirectory?: string;
}

/** Everything the transport worker needs to connect; plain data that can cross threads. */
export interface SshConnectionSpec {
  /** What the user called the host, for messages ("The SSH connection to Server01 ..."). */
  readonly computerName: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly identities: readonly { readonly path: string; readonly key: string }[];
  /** Identity files that could not be used, for the message when authentication fails. */
  readonly identityNotes: readonly string[];
  readonly agentSocket: string | null;
  readonly knownHostsFiles: readonly string[];
  readonly strictHostKeyChecking: StrictHostKeyChecking;
  readonly connectTimeoutMs: number;
  readonly subsystem: string;
}

/** Used when neither the caller nor ConnectTimeout says otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 30000;

export function resolveSshConnection(target: SshTarget, env: NodeJS.ProcessEnv = process.env): SshConnectionSpec {
  const homeDirectory = target.homeDirectory ?? env.HOME ?? homedir();
  const localUser = env.USER ?? userInfo().username;
  const config = readSshHostConfig(target.hostName, target.sshConfigFile ?? join(homeDirectory, '.ssh', 'config'), {
    homeDirectory,
    localUser,
    user: target.user ?? null,
    port: target.port ?? null,
    identityFile: target.keyFilePath ?? null,
  });
  const identities: { path: string; key: string }[] = [];
  const identityNotes: string[] = [];
  for (const path of config.identityFiles) {
    try {
      identities.push({ path, key: readFileSync(path, 'utf8') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Missing default identities are normal; a named one that is missing is worth saying.
      if (target.keyFilePath) throw new Error(`The identity file ${path} is not accessible: ${code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}.`);
      if (code !== 'ENOENT') identityNotes.push(`${path}: ${(e as Error).message}`);
    }
  }
  return {
    computerName: target.hostName,
    host: config.hostName,
    port: config.port,
    user: config.user,
    identities,
    identityNotes,
    agentSocket: env.SSH_AUTH_SOCK || null,
    knownHostsFiles: target.knownHostsFile ? [target.knownHostsFile] : config.userKnownHostsFiles,
    strictHostKeyChecking: config.strictHostKeyChecking,
    connectTimeoutMs: target.connectTimeoutMs ?? config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    subsystem: target.subsystem ?? 'psh',
  };
}
