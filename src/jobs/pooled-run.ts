// Runs one leaf job on the worker pool. Starting it never waits: its runspace and pipeline are
// requested at once over the pool's channel (the messages travel in the job's ticket), and the
// dispatcher hands the ticket to a worker when one is free and the job's throttle allows.

import { RunspaceClient } from '../remoting/client.js';
import { JOB_ABANDONED } from '../remoting/worker-transport.js';
import type { JobTicket } from './dispatcher.js';
import type { JobExecution, JobPipeline, PipelineJob } from './pipeline-job.js';
import type { WorkerPool } from './pool.js';

export interface JobRequest {
  readonly script: string;
  /** Where the job's runspace starts; the worker's own default when absent. */
  readonly location?: string;
  readonly args?: unknown[];
  readonly input?: unknown[];
  readonly using?: Record<string, unknown>;
}

/**
 * Each job needs two shared flags; a SharedArrayBuffer of its own costs more to make than
 * starting the job otherwise does, so jobs take their flags from a shared slab.
 */
const SLAB_FLAGS = 1024;
let slab: Int32Array | null = null;
let slabUsed = 0;

function sharedFlag(): Int32Array {
  if (!slab || slabUsed === SLAB_FLAGS) {
    slab = new Int32Array(new SharedArrayBuffer(4 * SLAB_FLAGS));
    slabUsed = 0;
  }
  return slab.subarray(slabUsed, ++slabUsed);
}

export class PooledRun implements JobExecution {
  private readonly id: number;
  /** The stop flag the job's runspace polls. */
  private readonly stopFlag = sharedFlag();
  /** Whether the job's starter gave up on it (JOB_ABANDONED). */
  private readonly fate = sharedFlag();
  private client: RunspaceClient | null = null;
  private pipeline: JobPipeline | null = null;

  constructor(
    private readonly pool: WorkerPool,
    private readonly job: PipelineJob,
    private readonly request: JobRequest,
    private readonly throttle: JobTicket['throttle'] = null,
  ) {
    this.id = pool.nextTicketId();
    job.queue(this);
  }

  begin(): void {
    const channel = this.pool.channel;
    const client = RunspaceClient.openPipelined(channel, { computerName: 'localhost', name: this.job.Name, location: this.request.location });
    this.client = client;
    this.pipeline = client.invoke({ ...this.request, scope: 'script' });
    // A background job is Running from the start, as PowerShell's (each its own process) are,
    // even while it waits for a worker; a thread job waits NotStarted behind its throttle.
    if (this.throttle) this.job.attach(this.pipeline);
    else this.job.start(this.pipeline);
    const messages = channel.takeOutbox(client.instanceId);
    this.pool.submit({ id: this.id, runspaceId: client.instanceId, messages, stopFlag: this.stopFlag, fate: this.fate, throttle: this.throttle });
  }

  pump(): void {
    // The dispatcher moves the queue on its own thread; nothing to do here.
  }

  waitToStart(timeoutMs: number): void {
    this.pool.channel.wait(timeoutMs);
  }

  /** Gives up on a job no worker has started: the dispatcher drops it, or its worker skips it. */
  dequeue(): boolean {
    if (this.pipeline && this.pipeline.state !== 'NotStarted') return false;
    this.abandon();
    return true;
  }

  interrupt(): void {
    // The flag alone stops whatever the worker runs; the protocol's stop would wait seconds for a
    // pipeline stuck in native code, where ending the worker is the only way out.
    Atomics.store(this.stopFlag, 0, 1);
    Atomics.notify(this.stopFlag, 0);
  }

  kill(): void {
    this.pool.kill(this.id);
  }

  release(): void {
    const pipeline = this.pipeline;
    if (pipeline && pipeline.state !== 'Completed' && pipeline.state !== 'Failed' && pipeline.state !== 'Stopped') this.abandon();
    if (this.client) {
      this.client.closeLocally();
      this.pool.channel.forget(this.client.instanceId);
    }
    this.client = null;
    this.pipeline = null;
  }

  private abandon(): void {
    this.interrupt();
    Atomics.store(this.fate, 0, JOB_ABANDONED);
    this.pool.cancel(this.id);
  }
}
