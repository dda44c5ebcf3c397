// Runs one leaf job on the worker pool: waits for a throttle slot (thread jobs), then for a free
// worker, opens a fresh runspace there, starts the job's pipeline and gives the worker back when
// the pipeline ends.

import type { RunspaceClient } from '../remoting/client.js';
import { ErrorRecord } from '../runtime/error-record.js';
import type { JobExecution, PipelineJob } from './pipeline-job.js';
import type { PoolTask, PoolWorker, WorkerPool } from './pool.js';

export interface JobRequest {
  readonly script: string;
  readonly args?: unknown[];
  readonly input?: unknown[];
  readonly using?: Record<string, unknown>;
}

/** Work a throttle admits: it starts when `submit` is called and calls `leave` when done. */
export interface Throttled {
  submit(): void;
}

/** At most `limit` runs at once (-ThrottleLimit); the rest stay NotStarted until a slot frees. */
export class Throttle {
  limit: number;
  private active = 0;
  private readonly waiting: Throttled[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  enter(run: Throttled): void {
    this.waiting.push(run);
    this.admit();
  }

  leave(): void {
    this.active--;
    this.admit();
  }

  cancel(run: Throttled): boolean {
    const i = this.waiting.indexOf(run);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  private admit(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      (this.waiting.shift() as Throttled).submit();
    }
  }
}

export class PooledRun implements PoolTask, JobExecution, Throttled {
  private worker: PoolWorker | null = null;
  private client: RunspaceClient | null = null;
  private released = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly job: PipelineJob,
    private readonly request: JobRequest,
    private readonly throttle: Throttle | null = null,
  ) {
    job.queue(this);
  }

  /** Queues the run: behind the throttle when there is one, else straight to the pool. */
  begin(): void {
    if (this.throttle) this.throttle.enter(this);
    else this.submit();
  }

  submit(): void {
    this.pool.submit(this);
  }

  start(worker: PoolWorker): void {
    this.worker = worker;
    this.client = worker.openRunspace(this.job.Name);
    this.job.start(this.client.invoke({ ...this.request, scope: 'script' }));
  }

  abort(error: unknown): void {
    this.worker = null;
    const message = error instanceof Error ? error.message : String(error);
    this.job.fail(ErrorRecord.fromMessage(message, 'JobStartFailed', 'ResourceUnavailable', null, 'System.InvalidOperationException'));
  }

  refresh(): void {
    this.job.refresh();
  }

  pump(): void {
    this.pool.pump();
  }

  waitToStart(timeoutMs: number): void {
    this.pool.waitForProgress(Math.min(timeoutMs, 20));
  }

  dequeue(): boolean {
    if (this.throttle?.cancel(this)) {
      this.released = true;
      return true;
    }
    if (this.pool.cancel(this)) {
      this.released = true;
      this.throttle?.leave();
      return true;
    }
    return false;
  }

  interrupt(): void {
    // The flag alone stops whatever the worker runs; the protocol's stop would wait seconds for a
    // pipeline stuck in native code, where ending the worker is the only way out.
    this.worker?.interrupt();
  }

  kill(): void {
    if (this.worker) this.pool.kill(this.worker);
    this.worker = null;
    this.client = null;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const worker = this.worker;
    this.worker = null;
    try {
      this.client?.close();
    } catch {
      // The runspace is gone with its worker; nothing to close.
    }
    this.client = null;
    if (worker && !worker.dead) this.pool.release(worker);
    this.throttle?.leave();
  }
}
