// A leaf job whose work is one pipeline in another runspace (a pool worker's, or a remote
// computer's). The job does not know where: its JobExecution starts it when a worker or
// connection is free, and is told when the pipeline no longer needs it.

import { ErrorRecord } from '../runtime/error-record.js';
import type { StreamRecord } from '../runtime/streams.js';
import { Job } from './job.js';
import { isFinishedState, type JobState } from './job-state.js';

/** What a job needs of a running pipeline; RemotePipeline (remoting/client) has this shape. */
export interface JobPipeline {
  readonly state: 'NotStarted' | 'Running' | 'Completed' | 'Failed' | 'Stopped';
  readonly reason: ErrorRecord | null;
  /** When the host says the state last changed, and when it started running (ms since the epoch), if it said. */
  readonly stateTime?: number | null;
  readonly startTime?: number | null;
  poll(): StreamRecord[];
  wait(timeoutMs: number): boolean;
  stop(): void;
}

/** The job's side of wherever it runs. */
export interface JobExecution {
  /** Gives queued work a chance to start (a free worker, a throttle slot); cheap when nothing waits. */
  pump(): void;
  /** While the job waits to start: blocks until the work ahead of it may have moved, at most `timeoutMs`. */
  waitToStart(timeoutMs: number): void;
  /** Drops the job from its queue; false when it has already started. */
  dequeue(): boolean;
  /** Asks the running pipeline to stop: a pool worker's stop flag (seen even by `while ($true) {}`), or the protocol's stop for a remote one. */
  interrupt(pipeline: JobPipeline): void;
  /** Last resort for a pipeline that does not stop: ends the worker or connection under it. */
  kill(): void;
  /** The pipeline has finished: its worker or connection can serve someone else. */
  release(): void;
}

export interface PipelineJobKind {
  readonly typeNames: readonly string[];
  readonly jobTypeName: string;
  readonly location: string;
  /** PSRemotingChildJob counts an unfinished job as having more data; ThreadJob only counts results. */
  readonly moreDataWhileRunning: boolean;
  /** Marks each received value (PSComputerName on remote results). */
  readonly decorate?: (value: unknown) => unknown;
  /**
   * The pipeline runs on this computer, so the times its host reports are this clock's: the job
   * began and ended when its worker says, not when its caller happened to look.
   */
  readonly hostTimes?: boolean;
}

/** How long Stop-Job lets a pipeline honour the stop request before killing its worker. */
const STOP_GRACE_MS = 750;

export class PipelineJob extends Job {
  private pipeline: JobPipeline | null = null;
  private execution: JobExecution | null = null;

  constructor(id: number, name: string | null, command: string, private readonly kind: PipelineJobKind) {
    super(id, name, command);
  }

  get psTypeNames(): readonly string[] {
    return this.kind.typeNames;
  }

  get PSJobTypeName(): string {
    return this.kind.jobTypeName;
  }

  get Location(): string {
    return this.kind.location;
  }

  override get HasMoreData(): boolean {
    this.refresh();
    if (this.results.length > 0) return true;
    return this.kind.moreDataWhileRunning && !isFinishedState(this.currentStateInfo.State);
  }

  /** Where the job will run; it stays NotStarted until `start` gives it a pipeline. */
  queue(execution: JobExecution): void {
    this.execution = execution;
  }

  start(pipeline: JobPipeline): void {
    this.pipeline = pipeline;
    this.setState('Running');
  }

  /** A pipeline that is still queued: the job turns Running when the pipeline reports so. */
  attach(pipeline: JobPipeline): void {
    this.pipeline = pipeline;
  }

  /** The job could not start (no worker, connection refused). */
  fail(error: ErrorRecord): void {
    this.results.push({ stream: 'error', seq: 0, value: error });
    this.setState('Failed', error);
    this.finish();
  }

  override refresh(): void {
    if (isFinishedState(this.currentStateInfo.State)) return;
    if (!this.pipeline) {
      this.execution?.pump();
      return;
    }
    const records = this.pipeline.poll();
    if (records.length > 0) this.append(records);
    const state = this.pipeline.state;
    const hostTimes = this.kind.hostTimes === true;
    const at = (hostTimes ? this.pipeline.stateTime : null) ?? Date.now();
    // However quickly it finished, a job that ran was Running first (state-change events show it).
    if (state !== 'NotStarted' && this.currentStateInfo.State === 'NotStarted') this.setState('Running', null, (hostTimes ? this.pipeline.startTime : null) ?? at);
    if (state === 'Completed' || state === 'Stopped') this.end(state, null, at);
    // Whatever a pipeline we asked to stop dies of, the job was stopped.
    else if (state === 'Failed' && this.currentStateInfo.State === 'Stopping') this.end('Stopped', null);
    else if (state === 'Failed') this.endFailed(this.pipeline.reason, at);
  }

  override waitForChange(timeoutMs: number): void {
    if (this.pipeline) {
      this.pipeline.wait(timeoutMs);
      return;
    }
    this.execution?.waitToStart(timeoutMs);
  }

  override stop(): void {
    this.refresh();
    const state = this.currentStateInfo.State;
    if (isFinishedState(state)) return;
    // A job still waiting for its worker or connection just leaves the queue.
    const dequeued = (!this.pipeline || this.pipeline.state === 'NotStarted') && (this.execution?.dequeue() ?? false);
    if (!this.pipeline || dequeued) {
      this.end('Stopped', null);
      return;
    }
    this.setState('Stopping');
    this.execution?.interrupt(this.pipeline);
    const deadline = Date.now() + STOP_GRACE_MS;
    while (Date.now() < deadline) {
      this.refresh();
      if (isFinishedState(this.currentStateInfo.State)) return;
      this.pipeline.wait(Math.max(1, deadline - Date.now()));
    }
    this.execution?.kill();
    this.end('Stopped', null);
  }

  /** Takes over `records` (a fresh array from poll): most of the time nothing is buffered, and it becomes the buffer. */
  private append(records: StreamRecord[]): void {
    const decorate = this.kind.decorate;
    if (decorate) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (r.stream === 'output') records[i] = { ...r, value: decorate(r.value) };
      }
    }
    if (this.results.length === 0) this.results = records;
    else for (const r of records) this.results.push(r);
  }

  /** A terminating error is also the job's last error record, so Receive-Job shows why it failed. */
  private endFailed(reason: ErrorRecord | null, at: number): void {
    const error = reason ?? ErrorRecord.fromMessage('The job failed.', 'JobFailed', 'NotSpecified');
    if (!this.results.some((r) => r.value === error)) {
      const last = this.results.length > 0 ? this.results[this.results.length - 1].seq : 0;
      this.results.push({ stream: 'error', seq: last + 1, value: error });
    }
    this.end('Failed', error, at);
  }

  private end(state: JobState, error: ErrorRecord | null, at: number = Date.now()): void {
    this.setState(state, error, at);
    this.finish();
  }

  private finish(): void {
    const execution = this.execution;
    this.execution = null;
    execution?.release();
  }
}
