// Runspace workers: a worker_thread hosting runspaces that speaks the protocol over a port.
// The synchronous endpoint serves clients on a blocking thread (jobs, the REPL); the
// asynchronous one serves the remoting server's event loop. Stopping never needs the worker's
// event loop: `stop` messages also raise the shared stop flag its evaluator polls.

import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { AsyncChannel, ChannelMessage, SyncChannel } from './channel.js';
import { PortAsyncChannel, PortSyncChannel, SIGNAL_SLOTS, TO_CLIENT, TO_HOST, post, type CloseNotice } from './port-channel.js';

export interface WorkerEndpoint {
  readonly channel: SyncChannel;
  readonly stopFlag: Int32Array;
  terminate(): void;
  readonly threadId: number;
}

export interface AsyncWorkerEndpoint {
  readonly channel: AsyncChannel;
  readonly stopFlag: Int32Array;
  terminate(): void;
  readonly threadId: number;
}

export interface RunspaceWorkerOptions {
  /** Module exporting createRunspace(options); default the compiled dist/cli/engine.js. */
  readonly engineModule?: string;
  /** What the worker's handshake reports. */
  readonly computerName?: string;
  readonly user?: string;
  /** Extra environment for the worker's runspaces. */
  readonly env?: Readonly<Record<string, string>>;
  /** A pool worker: it runs one job after another as a dispatcher hands them out, talking to their caller here. */
  readonly caller?: CallerLink;
}

/** A pooled job's fate flag (beside its stop flag): the caller no longer wants it, so a worker skips it. */
export const JOB_ABANDONED = 1;

/**
 * Dispatcher → pool worker: run this job (the messages its client sent: open-runspace, then
 * invoke), polling `stopFlag` and skipping it if `fate` says it was abandoned; then report idle.
 */
export interface JobAssignment extends ChannelMessage {
  readonly type: 'job';
  readonly messages: readonly ChannelMessage[];
  readonly stopFlag: Int32Array;
  readonly fate: Int32Array;
}

/** Pool worker → dispatcher: booted, or done with its job; ready for the next. */
export interface WorkerIdle extends ChannelMessage {
  readonly type: 'idle';
}

/**
 * Where a pool worker talks to the thread that started its jobs: a port of its own, and a slot
 * in the signal array that thread shares among all its pool workers (slot TO_CLIENT counts mail
 * for that thread from any of them; `slot` counts mail for this worker).
 */
export interface CallerLink {
  readonly port: MessagePort;
  readonly signal: Int32Array;
  readonly slot: number;
}

export interface PoolWorkerEndpoint {
  assign(job: JobAssignment): void;
  terminate(): void;
}

/**
 * Workers always run compiled JavaScript: when this module itself runs from TypeScript sources
 * (under vitest), the same relative path is taken from dist/ instead.
 */
export function compiledUrl(relative: string, base: string = import.meta.url): URL {
  const url = new URL(relative, base);
  if (!base.endsWith('.ts')) return url;
  return new URL(url.href.replace(/\/src\/(?=[^]*$)/, '/dist/').replace(/\.ts$/, '.js'));
}

const TERMINATED = 'The runspace worker was terminated.';

function startWorker(options: RunspaceWorkerOptions): { worker: Worker; port: MessageChannel['port1']; signal: Int32Array; stopFlag: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4 * SIGNAL_SLOTS));
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(compiledUrl('./runspace-worker.js'), {
    workerData: {
      port: port2,
      signal,
      stopFlag,
      engineModule: options.engineModule ?? compiledUrl('../cli/engine.js').href,
      computerName: options.computerName ?? 'localhost',
      user: options.user ?? '',
      caller: options.caller ?? null,
    },
    transferList: options.caller ? [port2, options.caller.port] : [port2],
    env: options.env ? { ...process.env, ...options.env } : undefined,
  });
  // A runspace worker must never keep psh alive on its own.
  worker.unref();
  return { worker, port: port1, signal, stopFlag };
}

function raiseStopOn(stopFlag: Int32Array): (message: ChannelMessage) => void {
  return (message) => {
    if (message.type === 'stop') {
      Atomics.store(stopFlag, 0, 1);
      Atomics.notify(stopFlag, 0);
    }
  };
}

function exitReason(code: number | Error): string {
  if (code instanceof Error) return `The runspace worker failed: ${code.message}`;
  return code === 1 ? TERMINATED : `The runspace worker exited with code ${code}.`;
}

export function spawnRunspaceWorker(options: RunspaceWorkerOptions = {}): WorkerEndpoint {
  const { worker, port, signal, stopFlag } = startWorker(options);
  const channel = new PortSyncChannel(port, signal, TO_CLIENT, TO_HOST, raiseStopOn(stopFlag));
  worker.on('error', (e) => channel.markClosed(exitReason(e)));
  worker.on('exit', (code) => channel.markClosed(exitReason(code)));
  return {
    channel,
    stopFlag,
    threadId: worker.threadId,
    terminate(): void {
      // Mark first: the caller may block on the channel before the exit event can fire.
      channel.markClosed(TERMINATED);
      void worker.terminate();
    },
  };
}

export function spawnRunspaceWorkerAsync(options: RunspaceWorkerOptions = {}): AsyncWorkerEndpoint {
  const { worker, port, signal, stopFlag } = startWorker(options);
  const channel = new PortAsyncChannel(port, signal, TO_HOST, raiseStopOn(stopFlag));
  worker.on('error', (e) => channel.markClosed(exitReason(e)));
  worker.on('exit', (code) => channel.markClosed(exitReason(code)));
  return {
    channel,
    stopFlag,
    threadId: worker.threadId,
    terminate(): void {
      channel.markClosed(TERMINATED);
      void worker.terminate();
    },
  };
}

/**
 * A pool worker, for a dispatcher with an event loop: `idle` fires when the worker has booted and
 * after each job, `exit` when the thread ends for any reason.
 */
export function spawnPoolWorker(caller: CallerLink, events: { idle(): void; exit(reason: string): void }, options: RunspaceWorkerOptions = {}): PoolWorkerEndpoint {
  const { worker, port, signal } = startWorker({ ...options, caller });
  // A worker that cannot load the engine says why before it ends.
  let closeReason: string | null = null;
  port.on('message', (message: ChannelMessage) => {
    if (message.type === 'idle') events.idle();
    else if (message.type === '$close') closeReason = (message as CloseNotice).reason;
  });
  let exited = false;
  const exit = (code: number | Error): void => {
    if (exited) return;
    exited = true;
    // The exit may be reported before the port's last message: take it now.
    for (let got; (got = receiveMessageOnPort(port)); ) {
      const message = got.message as ChannelMessage;
      if (message.type === '$close') closeReason = (message as CloseNotice).reason;
    }
    port.close();
    events.exit(closeReason ?? exitReason(code));
  };
  worker.on('error', exit);
  worker.on('exit', exit);
  return {
    assign(job) {
      post(port, signal, TO_HOST, job);
    },
    terminate() {
      void worker.terminate();
    },
  };
}
