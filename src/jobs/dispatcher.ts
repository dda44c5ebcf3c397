// The pool's dispatcher: it lives on a thread of its own with an event loop, so a queued job
// starts the moment a worker frees up, whatever the (synchronous, often blocked) thread that
// started it is doing. It owns the runspace workers: starts the warm ones, grows the pool when
// every busy worker has been busy a while (a job looping forever must not hold up the others),
// retires extra idle workers, kills the worker of a job that would not stop, and keeps each
// throttle group (Start-ThreadJob -ThrottleLimit) to its limit. Only the start of a job passes
// through here: each worker has a port of its own to the starting thread for everything else.

import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ChannelMessage } from '../remoting/channel.js';
import { TO_CLIENT } from '../remoting/port-channel.js';
import type { CallerLink, PoolWorkerEndpoint } from '../remoting/worker-transport.js';
import { workerSlots } from './pool-channel.js';

export interface PoolOptions {
  /** Workers kept even when idle, started with the dispatcher. */
  readonly warm: number;
  /** Grow only when every busy worker has been busy this long (it is probably not about to finish). */
  readonly growAfterMs: number;
  /**
   * The same for a worker's first job, which also pays for warming the engine up (compiling for
   * the first time): without it, every new worker would look stuck and the pool would keep growing.
   */
  readonly firstJobGraceMs: number;
  /** Extra workers idle this long are ended. */
  readonly retireAfterMs: number;
  readonly max: number;
  /** Module the workers load the engine from; the compiled engine when absent. */
  readonly engineModule?: string;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = { warm: 2, growAfterMs: 100, firstJobGraceMs: 3000, retireAfterMs: 30_000, max: 64 };

/** One job as the dispatcher sees it: what its client sent ahead, and who may run it when. */
export interface JobTicket {
  readonly id: number;
  readonly runspaceId: string;
  /** open-runspace and invoke, for the worker to handle first. */
  readonly messages: readonly ChannelMessage[];
  readonly stopFlag: Int32Array;
  /** Raised by the starting thread when it gives up on the job (JOB_ABANDONED). */
  readonly fate: Int32Array;
  /** Thread jobs of one runspace share a throttle; background jobs have none. */
  readonly throttle: { readonly group: string; readonly limit: number } | null;
}

/** What the starting thread asks of its dispatcher. */
export type DispatcherRequest =
  | { readonly type: 'submit'; readonly ticket: JobTicket }
  /** Drop a job that has not been handed to a worker yet. */
  | { readonly type: 'cancel'; readonly id: number }
  /** End the worker running this job (it would not stop). */
  | { readonly type: 'kill'; readonly id: number };

/** What the dispatcher tells the starting thread. */
export type DispatcherNotice =
  /** A new worker: its port to the starting thread, and its mail slot in the shared signal array. */
  | { readonly type: 'worker'; readonly slot: number; readonly port: MessagePort }
  /** A worker ended; `runspaceId` names the job it died running (null when idle or killed on request). */
  | { readonly type: 'worker-exited'; readonly slot: number; readonly runspaceId: string | null; readonly reason: string }
  /** A queued job will not run: no worker could even start. */
  | { readonly type: 'job-failed'; readonly runspaceId: string; readonly reason: string };

export type SpawnPoolWorker = (caller: CallerLink, events: { idle(): void; exit(reason: string): void }) => PoolWorkerEndpoint;

/** The dispatcher's line to the starting thread, which reads it without an event loop. */
export interface CallerPort {
  readonly port: MessagePort;
  /** Shared with every worker: slot TO_CLIENT counts mail for the starting thread (see poolSignal). */
  readonly signal: Int32Array;
}

class PoolWorker {
  readonly endpoint: PoolWorkerEndpoint;
  readonly slot: number;
  /** Booted: it reported idle once, so a job handed to it will not wait for its start-up. */
  ready = false;
  ticket: JobTicket | null = null;
  busySince = Date.now();
  idleSince = Date.now();
  /** Jobs it has been given, the current one included. */
  jobs = 0;
  /** Ended on purpose: its exit is no failure of the job it ran. */
  killed = false;

  constructor(link: CallerLink, spawn: SpawnPoolWorker, idle: (w: PoolWorker) => void, exit: (w: PoolWorker, reason: string) => void) {
    this.slot = link.slot;
    this.endpoint = spawn(link, { idle: () => idle(this), exit: (reason) => exit(this, reason) });
  }
}

export class Dispatcher {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: JobTicket[] = [];
  private readonly groups = new Map<string, { limit: number; active: number }>();
  private growTimer: ReturnType<typeof setTimeout> | null = null;
  private retireTimer: ReturnType<typeof setTimeout> | null = null;

  /** Mail slots of the shared signal array no live worker holds. */
  private readonly freeSlots: number[];

  constructor(private readonly caller: CallerPort, private readonly spawn: SpawnPoolWorker, private readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {
    this.freeSlots = workerSlots(caller.signal);
    for (let i = 0; i < options.warm; i++) this.add();
  }

  handle(request: DispatcherRequest): void {
    switch (request.type) {
      case 'submit': {
        const t = request.ticket;
        if (t.throttle) {
          const group = this.groups.get(t.throttle.group);
          if (group) group.limit = t.throttle.limit;
          else this.groups.set(t.throttle.group, { limit: t.throttle.limit, active: 0 });
        }
        this.queue.push(t);
        break;
      }
      case 'cancel': {
        const i = this.queue.findIndex((t) => t.id === request.id);
        if (i >= 0) this.queue.splice(i, 1);
        break;
      }
      case 'kill': {
        const w = this.workers.find((x) => x.ticket?.id === request.id);
        if (w) {
          w.killed = true;
          this.remove(w);
          w.endpoint.terminate();
        }
        break;
      }
    }
    this.assign();
  }

  private add(): void {
    const slot = this.freeSlots.shift();
    if (slot === undefined) return;
    const { port1, port2 } = new MessageChannel();
    this.notify({ type: 'worker', slot, port: port1 }, [port1]);
    this.workers.push(new PoolWorker({ port: port2, signal: this.caller.signal, slot }, this.spawn, (w) => this.idle(w), (w, reason) => this.exited(w, reason)));
  }

  private notify(notice: DispatcherNotice, transfer: MessagePort[] = []): void {
    this.caller.port.postMessage(notice, transfer);
    Atomics.add(this.caller.signal, TO_CLIENT, 1);
    Atomics.notify(this.caller.signal, TO_CLIENT);
  }

  private idle(worker: PoolWorker): void {
    worker.ready = true;
    this.finish(worker);
    worker.idleSince = Date.now();
    this.assign();
  }

  private exited(worker: PoolWorker, reason: string): void {
    const runspaceId = worker.killed ? null : worker.ticket?.runspaceId ?? null;
    this.remove(worker);
    this.freeSlots.push(worker.slot);
    this.notify({ type: 'worker-exited', slot: worker.slot, runspaceId, reason });
    // A worker that dies before it is ready cannot load the engine; the next would fail the
    // same way, so the jobs waiting now fail with the reason instead of waiting for ever.
    // A later job tries again.
    if (!worker.ready && !worker.killed) {
      for (const ticket of this.queue.splice(0)) this.notify({ type: 'job-failed', runspaceId: ticket.runspaceId, reason });
    }
    this.assign();
  }

  /** Frees the worker's throttle slot; the job itself reports its end on its own channel. */
  private finish(worker: PoolWorker): void {
    const ticket = worker.ticket;
    worker.ticket = null;
    if (ticket?.throttle) {
      const group = this.groups.get(ticket.throttle.group);
      if (group) group.active--;
    }
  }

  private remove(worker: PoolWorker): void {
    this.finish(worker);
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
  }

  private admits(ticket: JobTicket): boolean {
    if (!ticket.throttle) return true;
    const group = this.groups.get(ticket.throttle.group);
    return !group || group.active < group.limit;
  }

  private assign(): void {
    for (let i = 0; i < this.queue.length; ) {
      const ticket = this.queue[i];
      if (!this.admits(ticket)) {
        i++;
        continue;
      }
      const worker = this.workers.find((w) => w.ready && w.ticket === null);
      if (!worker) break;
      this.queue.splice(i, 1);
      this.give(worker, ticket);
    }
    if (this.queue.some((t) => this.admits(t))) this.considerGrowth();
    this.scheduleRetirement();
  }

  private give(worker: PoolWorker, ticket: JobTicket): void {
    worker.ticket = ticket;
    worker.busySince = Date.now();
    worker.jobs++;
    if (ticket.throttle) {
      const group = this.groups.get(ticket.throttle.group);
      if (group) group.active++;
    }
    worker.endpoint.assign({ type: 'job', messages: ticket.messages, stopFlag: ticket.stopFlag, fate: ticket.fate });
  }

  /**
   * Work waits while it is likely that a worker frees up soon: one is still booting, or one has
   * been busy only briefly. Otherwise the pool grows by one, and looks again when that one boots.
   */
  private considerGrowth(): void {
    if (this.growTimer !== null) return;
    if (this.workers.length < this.options.warm) {
      this.add();
      return;
    }
    if (this.workers.length >= this.options.max || this.workers.some((w) => !w.ready)) return;
    const now = Date.now();
    const youngUntil = this.workers
      .filter((w) => w.ticket !== null)
      .map((w) => w.busySince + (w.jobs <= 1 ? this.options.firstJobGraceMs : this.options.growAfterMs))
      .filter((t) => t > now);
    if (youngUntil.length === 0) {
      this.add();
      return;
    }
    this.growTimer = setTimeout(() => {
      this.growTimer = null;
      this.assign();
    }, Math.min(...youngUntil) - now);
  }

  private scheduleRetirement(): void {
    if (this.retireTimer !== null || this.workers.length <= this.options.warm) return;
    this.retireTimer = setTimeout(() => {
      this.retireTimer = null;
      const now = Date.now();
      for (const w of [...this.workers]) {
        if (this.workers.length <= this.options.warm) break;
        if (w.ready && w.ticket === null && now - w.idleSince >= this.options.retireAfterMs) {
          w.killed = true;
          this.remove(w);
          w.endpoint.terminate();
        }
      }
      this.scheduleRetirement();
    }, this.options.retireAfterMs);
  }
}
