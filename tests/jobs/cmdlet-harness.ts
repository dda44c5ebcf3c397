// Runs one cmdlet definition with already-bound parameters, the way the binder would call it,
// and records what it wrote. For cmdlets whose behaviour does not depend on binding details.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodeHost } from '../../src/host/node-host.js';
import type { CmdletContext, CmdletDefinition } from '../../src/runtime/cmdlet.js';
import type { ErrorRecord } from '../../src/runtime/error-record.js';
import type { Host } from '../../src/runtime/host.js';

export interface CmdletRun {
  readonly output: unknown[];
  readonly errors: ErrorRecord[];
}

/** A real Node host whose data directory is a fresh temporary folder. */
export function tempHost(): { host: Host; dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-jobs-test-'));
  const base = createNodeHost();
  const host: Host = { ...base, dataDirectory: dir, computerName: 'testhost' };
  return { host, dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function runCmdlet(host: Host, def: CmdletDefinition, params: Record<string, unknown>, services: Record<string, unknown> = {}): CmdletRun {
  const output: unknown[] = [];
  const errors: ErrorRecord[] = [];
  const ctx: CmdletContext = {
    host,
    session: {
      getVariable: () => null,
      setVariable: () => undefined,
      hasVariable: () => false,
      removeVariable: () => false,
      location: host.homeDirectory,
      setLocation: () => undefined,
      resolvePath: (p) => path.resolve(host.homeDirectory, p),
      invoke: () => [],
      invokeText: () => [],
    },
    parameterSetName: def.defaultParameterSet ?? '__AllParameterSets',
    boundParameterNames: new Set(Object.keys(params)),
    extent: null,
    commandName: def.name,
    writeObject: (v) => output.push(v),
    writeError: (e) => errors.push(e),
    writeStream: () => undefined,
    writeProgress: () => undefined,
    writeHost: () => undefined,
    throwTerminatingError: (e) => {
      throw new Error(e.message);
    },
    checkStop: () => undefined,
    service: <T,>(name: string) => services[name] as T,
  };
  const instance = def.create(ctx);
  instance.begin?.(params);
  instance.process?.(params);
  instance.end?.(params);
  return { output, errors };
}
