// The warm pool of runspace workers that background and thread jobs run on, as seen from the
// thread that starts jobs: a handle on the dispatcher thread (dispatcher.ts), which owns the
// workers and hands queued jobs out as workers free up, and the channel every pooled job's client
// uses (pool-channel.ts). Starting a job never blocks: its request is one posted message.

import { MessageChannel, Worker } from 'node:worker_threads';
import { compiledUrl } from '../remoting/worker-transport.js';
import { DEFAULT_POOL_OPTIONS, type CallerPort, type DispatcherRequest, type JobTicket, type PoolOptions } from './dispatcher.js';
import { PoolChannel, poolSignal } from './pool-channel.js';

export class WorkerPool {
  private thread: Worker | null = null;
  private lastTicket = 0;
  private readonly options: PoolOptions;
  private readonly caller: CallerPort;
  /** The channel every job of this pool talks over. */
  readonly channel: PoolChannel;

  constructor(options: Partial<PoolOptions> = {}) {
    this.options = { ...DEFAULT_POOL_OPTIONS, ...options };
    const { port1, port2 } = new MessageChannel();
    const signal = poolSignal(this.options.max);
    this.caller = { port: port2, signal };
    this.channel = new PoolChannel(port1, signal);
  }

  /** A number no other job of this pool has. */
  nextTicketId(): number {
    return ++this.lastTicket;
  }

  submit(ticket: JobTicket): void {
    this.dispatcher().postMessage({ type: 'submit', ticket } satisfies DispatcherRequest);
  }

  /** Drops a job that is still queued; one already running is left to its stop flag. */
  cancel(id: number): void {
    this.thread?.postMessage({ type: 'cancel', id } satisfies DispatcherRequest);
  }

  /** Ends the worker of a job that would not stop; the pool replaces it when needed. */
  kill(id: number): void {
    this.thread?.postMessage({ type: 'kill', id } satisfies DispatcherRequest);
  }

  /** Ends the dispatcher and with it every worker (leaving psh ends its jobs with it). */
  shutdown(): void {
    void this.thread?.terminate();
    this.thread = null;
    this.channel.close();
  }

  private dispatcher(): Worker {
    if (!this.thread) {
      this.thread = new Worker(compiledUrl('./dispatcher-worker.js', import.meta.url), {
        workerData: { options: this.options, caller: this.caller },
        transferList: [this.caller.port],
      });
      // The pool must never keep psh alive on its own.
      this.thread.unref();
    }
    return this.thread;
  }
}

let shared: WorkerPool | null = null;

/** The pool of this thread: every runspace on it shares the warm workers. */
export function sharedPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

/** Ends the shared pool's workers (psh exiting, tests tearing down). */
export function shutdownSharedPool(): void {
  shared?.shutdown();
  shared = null;
}
