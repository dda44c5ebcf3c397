// Builds a complete runspace: every command family and the services they share. The console,
// job workers and remote runspace workers all come through here, so a script behaves the same
// wherever it runs.

import { coreCommands } from '../commands/index.js';
import { formatCommands, renderToText } from '../format/index.js';
import { createNodeHost } from '../host/node-host.js';
import { closeJobServices, installJobServices, jobCommands } from '../jobs/index.js';
import { writeRunspaceClosed, writeRunspaceOpened, type EngineContext } from '../commands/eventlog.js';
import { PS_LANGUAGE_VERSION, PSH_VERSION } from './version.js';
import { sessionCommands } from '../remoting/commands/index.js';
import type { Host } from '../runtime/host.js';
import { Runspace } from '../runtime/runspace.js';
import { parse } from '../language/index.js';
import { serialize } from '../remoting/serializer.js';
import { WARM_UP_SCRIPTS, buildHost } from './warm-up-scripts.js';

export interface EngineOptions {
  readonly host?: Host;
  readonly stopFlag?: Int32Array;
  /** Console runspaces show Write-Host at once; job and remote runspaces only record it. */
  readonly hostOutputDirect: boolean;
  readonly initialLocation?: string;
  readonly services?: Readonly<Record<string, unknown>>;
  readonly name?: string;
  /** Write the engine events Windows PowerShell logs (400/600 now, 403 at close). */
  readonly logEngineEvents?: boolean;
  /** Called before the runspace blocks (sleeps, runs a native program): a job's worker sends the records it holds back first. */
  readonly beforeBlocking?: () => void;
  /** Called now and then while a pipeline computes: a job's worker sends records it has held too long. */
  readonly onTick?: () => void;
}

/** The host, with `before` called ahead of each call that blocks: sleeping, running a native program. */
function withBeforeBlocking(host: Host, before: () => void): Host {
  const native = host.process;
  return {
    ...host,
    sleep: (ms, cancel) => (before(), host.sleep(ms, cancel)),
    process: { ...native, run: (path, args, options) => (before(), native.run(path, args, options)) },
  };
}

const engineEventContexts = new WeakMap<Runspace, EngineContext>();

export const allCommands = [...coreCommands, ...formatCommands, ...jobCommands, ...sessionCommands];

export function createRunspace(options: EngineOptions): Runspace {
  const base = options.host ?? createNodeHost();
  const host = options.beforeBlocking ? withBeforeBlocking(base, options.beforeBlocking) : base;
  const runspace = new Runspace({
    host,
    commands: allCommands,
    stopFlag: options.stopFlag,
    hostOutputDirect: options.hostOutputDirect,
    initialLocation: options.initialLocation ?? process.cwd(),
    name: options.name,
    onTick: options.onTick,
    services: { formatter: { renderToText }, ...options.services },
  });
  installJobServices(runspace);
  // A server (psh serve, -sshs) logs for every runspace it hosts, as Windows PowerShell does.
  if (options.logEngineEvents ?? host.environment.PSH_LOG_ENGINE_EVENTS === '1') {
    const ctx: EngineContext = {
      runspaceId: runspace.instanceId,
      hostName: host.name,
      hostVersion: PSH_VERSION,
      hostId: runspace.instanceId,
      hostApplication: process.argv.slice(1).join(' '),
      engineVersion: PS_LANGUAGE_VERSION,
    };
    engineEventContexts.set(runspace, ctx);
    writeRunspaceOpened(host, ctx);
  }
  return runspace;
}

/** Does the one-time work every runspace needs (building the parser) ahead of the first command. */
/**
 * Run by a runspace worker while it waits as a spare (or before a pool worker takes jobs): a
 * few commands in a throwaway runspace, with their output serialized as a remote pipeline's
 * is, so the first real command does not pay for compiling the evaluator's hot paths. The
 * runspace has a host with no files or output and logs no engine events.
 */
export function warmUp(): void {
  parse('', '<warm-up>');
  const runspace = createRunspace({ host: buildHost, stopFlag: new Int32Array(1), hostOutputDirect: false, initialLocation: '/', logEngineEvents: false });
  for (const script of WARM_UP_SCRIPTS) runspace.invoke({ script, file: '<warm-up>', scope: 'global' }, (record) => serialize(record.value, 2));
  closeRunspace(runspace);
}

/**
 * One host for the many runspaces a job worker opens one after another: asking the system for
 * the environment and the account each time costs more than running a small job, and sharing
 * is safe because every runspace copies the environment it starts from.
 */
export function createWorkerHost(): Host {
  return createNodeHost();
}

/** Ends a runspace: its jobs stop, and the engine-stopped event is logged where it was opened. */
export function closeRunspace(runspace: Runspace): void {
  closeJobServices(runspace);
  const ctx = engineEventContexts.get(runspace);
  if (ctx) writeRunspaceClosed(runspace.host, ctx);
}
