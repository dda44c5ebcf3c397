// Builds a complete runspace: every command family and the services they share. The console,
// job workers and remote runspace workers all come through here, so a script behaves the same
// wherever it runs.

import { coreCommands } from '../commands/index.js';
import { formatCommands, renderToText } from '../format/index.js';
import { createNodeHost } from '../host/node-host.js';
import { installJobServices, jobCommands } from '../jobs/index.js';
import { sessionCommands } from '../remoting/commands/index.js';
import type { Host } from '../runtime/host.js';
import { Runspace } from '../runtime/runspace.js';

export interface EngineOptions {
  readonly host?: Host;
  readonly stopFlag?: Int32Array;
  /** Console runspaces show Write-Host at once; job and remote runspaces only record it. */
  readonly hostOutputDirect: boolean;
  readonly initialLocation?: string;
  readonly services?: Readonly<Record<string, unknown>>;
  readonly name?: string;
}

export const allCommands = [...coreCommands, ...formatCommands, ...jobCommands, ...sessionCommands];

export function createRunspace(options: EngineOptions): Runspace {
  const host = options.host ?? createNodeHost();
  const runspace = new Runspace({
    host,
    commands: allCommands,
    stopFlag: options.stopFlag,
    hostOutputDirect: options.hostOutputDirect,
    initialLocation: options.initialLocation ?? process.cwd(),
    name: options.name,
    services: { formatter: { renderToText }, ...options.services },
  });
  installJobServices(runspace);
  return runspace;
}
