// The warm pool of runspace workers that background and thread jobs run on. Each worker runs
// one job at a time in a fresh runspace. A worker takes a second or more to boot while opening a
// runspace on a booted one takes well under a millisecond, so work waits for a worker that will
// be free soon rather than block on one still booting; the pool grows when the busy workers have
// been busy for a while (so a job looping forever never holds up the others) and retires extra
// idle workers later. Nothing here runs on its own: the queue moves whenever a job or cmdlet
// calls pump() (the evaluator is synchronous).

import { RunspaceClient } from '../remoting/client.js';
import { spawnRunspaceWorker, type WorkerEndpoint } from '../remoting/worker-transport.js';

/** A unit of work for one worker. */
export interface PoolTask {
  /** Starts the work on a fresh runspace of `worker`. An exception fails the task, not the pool. */
  start(worker: PoolWorker): void;
  /** Starting failed (the worker could not be reached). */
  abort(error: unknown): void;
  /** Lets the task notice that its pipeline finished (it then calls release). */
  refresh(): void;
}

export interface PoolOptions {
  /** Workers kept even when idle, started at the first submit. */
  readonly warm: number;
  /** Grow only when every busy worker has been busy this long (it is probably not about to finish). */
  readonly growAfterMs: number;
  /**
   * The same for a worker's first job, which also pays for warming the engine up (parsing and
   * compiling for the first time takes about a second): without it, every new worker would look
   * stuck and the pool would keep growing.
   */
  readonly firstJobGraceMs: number;
  /** Extra workers idle this long are ended. */
  readonly retireAfterMs: number;
  readonly max: number;
}

const DEFAULT_OPTIONS: PoolOptions = { warm: 2, growAfterMs: 100, firstJobGraceMs: 3000, retireAfterMs: 30_000, max: 64 };

export class PoolWorker {
  task: PoolTask | null = null;
  busySince = 0;
  idleSince: number;
  dead = false;
  /** Booted: it has opened a runspace before, so opening another will not wait for its start-up. */
  ready = false;
  /** Jobs this worker has been given, the current one included. */
  jobs = 0;

  constructor(readonly endpoint: WorkerEndpoint) {
    this.idleSince = Date.now();
  }

  /** A fresh runspace for one job: nothing of the previous job's state is visible. */
  openRunspace(name: string): RunspaceClient {
    Atomics.store(this.endpoint.stopFlag, 0, 0);
    const client = RunspaceClient.open(this.endpoint.channel, { computerName: 'localhost', name });
    this.ready = true;
    return client;
  }

  /** Sets the stop flag the worker's evaluator polls, so even `while ($true) {}` notices. */
  interrupt(): void {
    Atomics.store(this.endpoint.stopFlag, 0, 1);
    Atomics.notify(this.endpoint.stopFlag, 0);
  }
}

export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PoolTask[] = [];
  private readonly options: PoolOptions;
  private pumping = false;

  constructor(options: Partial<PoolOptions> = {}, private readonly spawn: () => WorkerEndpoint = spawnRunspaceWorker) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  get size(): number {
    return this.workers.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  submit(task: PoolTask): void {
    this.queue.push(task);
    this.pump();
  }

  /** Removes a task that has not started; false when it is not waiting. */
  cancel(task: PoolTask): boolean {
    const i = this.queue.indexOf(task);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    return true;
  }

  /** The task's pipeline finished: its worker takes the next waiting task. */
  release(worker: PoolWorker): void {
    worker.task = null;
    worker.idleSince = Date.now();
    if (!this.pumping) this.pump();
  }

  /** Ends a worker whose job would not stop; the pool replaces it when needed. */
  kill(worker: PoolWorker): void {
    worker.dead = true;
    worker.task = null;
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    worker.endpoint.terminate();
  }

  pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      this.reap();
      this.assign();
      this.retire();
    } finally {
      this.pumping = false;
    }
  }

  private assign(): void {
    this.warmUp();
    while (this.queue.length > 0) {
      const worker = this.pickWorker();
      if (!worker) break;
      const task = this.queue.shift() as PoolTask;
      worker.task = task;
      worker.busySince = Date.now();
      worker.jobs++;
      try {
        task.start(worker);
      } catch (e) {
        this.kill(worker);
        task.abort(e);
      }
    }
  }

  /**
   * Lets every busy worker's task notice that its pipeline finished, which frees the worker
   * (and a throttle slot) even when nobody is looking at that job.
   */
  private reap(): void {
    for (const w of [...this.workers]) w.task?.refresh();
  }

  /**
   * Blocks until the longest-busy worker sends something (its job is likely to finish first), or
   * `timeoutMs` passes; then hands freed workers their next tasks. Sleeping instead would leave
   * workers idle while work waits in the queue.
   */
  waitForProgress(timeoutMs: number): void {
    const busy = this.workers.filter((w) => w.task !== null).sort((a, b) => a.busySince - b.busySince)[0];
    if (busy) busy.endpoint.channel.wait(timeoutMs);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(timeoutMs, 5));
    this.pump();
  }

  /** Ends every worker (leaving psh ends its jobs with it). */
  shutdown(): void {
    this.queue.length = 0;
    for (const w of [...this.workers]) this.kill(w);
  }

  private warmUp(): void {
    if (this.queue.length === 0) return;
    while (this.workers.length < this.options.warm) this.add();
  }

  /** The worker for the next task, or null when it should wait for one to free up. */
  private pickWorker(): PoolWorker | null {
    const idle = this.workers.filter((w) => w.task === null);
    const ready = idle.find((w) => w.ready);
    if (ready) return ready;
    const now = Date.now();
    const young = (w: PoolWorker): boolean =>
      w.task !== null && now - w.busySince < (w.jobs <= 1 ? this.options.firstJobGraceMs : this.options.growAfterMs);
    if (this.workers.some((w) => w.ready && young(w))) return null;
    if (idle.length > 0) return idle[0];
    const mayGrow = this.workers.length < this.options.max && !this.workers.some(young);
    return mayGrow ? this.add() : null;
  }

  private add(): PoolWorker {
    const worker = new PoolWorker(this.spawn());
    this.workers.push(worker);
    return worker;
  }

  private retire(): void {
    const now = Date.now();
    for (const w of [...this.workers]) {
      if (this.workers.length <= this.options.warm) return;
      if (w.task === null && now - w.idleSince >= this.options.retireAfterMs) this.kill(w);
    }
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
