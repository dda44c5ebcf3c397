// The Job base class: PowerShell's shape (Id, Name, InstanceId, State, HasMoreData, ...), the
// state machine with its change listeners, and the per-job buffer of results. Nothing runs in
// the background on this thread (the evaluator is synchronous), so every property a user can look
// at first calls refresh(), which lets a job pull what its pipeline produced since the last look.

import type { ErrorRecord } from '../runtime/error-record.js';
import type { StreamKind, StreamRecord } from '../runtime/streams.js';
import { PSDateTime } from '../runtime/datetime.js';
import { recordAsOutput } from '../runtime/stream-records.js';
import { DotNetObject } from '../runtime/values.js';
import { JobStateInfo, isFinishedState, type JobState } from './job-state.js';

export type StateListener = (job: Job, previous: JobState) => void;

const JOB_PROPERTIES: readonly string[] = [
  'State', 'HasMoreData', 'StatusMessage', 'Location', 'Command', 'JobStateInfo', 'InstanceId', 'Id', 'Name',
  'ChildJobs', 'PSBeginTime', 'PSEndTime', 'PSJobTypeName', 'Output', 'Error', 'Progress', 'Verbose', 'Debug',
  'Warning', 'Information',
];

export abstract class Job extends DotNetObject {
  readonly InstanceId: string = globalThis.crypto.randomUUID();
  Name: string;
  /** Results written by this job itself (children keep their own), in write order. */
  protected results: StreamRecord[] = [];
  protected stateInfo = new JobStateInfo('NotStarted');
  private beginTime: number | null = null;
  private endTime: number | null = null;
  private readonly listeners: StateListener[] = [];

  constructor(
    readonly Id: number,
    name: string | null,
    readonly Command: string,
    protected readonly children: readonly Job[] = [],
  ) {
    super();
    this.Name = name ?? `Job${Id}`;
  }

  abstract get PSJobTypeName(): string;
  abstract get Location(): string;
  /** Asks the job to stop; returns once it is Stopped (or finished on its own). */
  abstract stop(): void;
  /** Pulls new results and state from wherever the job runs; never blocks. */
  abstract refresh(): void;
  /** Blocks until the job may have changed (new results or state), at most `timeoutMs`. */
  abstract waitForChange(timeoutMs: number): void;

  get ChildJobs(): readonly Job[] {
    return this.children;
  }

  get State(): JobState {
    return this.JobStateInfo.State;
  }

  get JobStateInfo(): JobStateInfo {
    this.refresh();
    return this.stateInfo;
  }

  get StatusMessage(): string {
    return '';
  }

  get HasMoreData(): boolean {
    this.refresh();
    return this.results.length > 0 || this.children.some((c) => c.HasMoreData);
  }

  get PSBeginTime(): unknown {
    this.refresh();
    const ms = this.beginMs;
    return ms === null ? null : PSDateTime.fromUtcMs(ms);
  }

  get PSEndTime(): unknown {
    this.refresh();
    const ms = this.endMs;
    return ms === null ? null : PSDateTime.fromUtcMs(ms);
  }

  /** When the job started running (ms since the epoch), as last refreshed. */
  get beginMs(): number | null {
    return this.beginTime;
  }

  /** When the job finished (ms since the epoch), as last refreshed. */
  get endMs(): number | null {
    return this.endTime;
  }

  get Output(): unknown[] { return this.streamValues('output'); }
  get Error(): unknown[] { return this.streamValues('error'); }
  get Warning(): unknown[] { return this.streamValues('warning'); }
  get Verbose(): unknown[] { return this.streamValues('verbose'); }
  get Debug(): unknown[] { return this.streamValues('debug'); }
  get Information(): unknown[] { return this.streamValues('information'); }
  get Progress(): unknown[] { return this.streamValues('progress'); }

  /** The state as last refreshed, without pulling news (for parents deriving theirs). */
  get currentStateInfo(): JobStateInfo {
    return this.stateInfo;
  }

  get finished(): boolean {
    return isFinishedState(this.State);
  }

  /** This job's own buffered results; without `keep` they are handed over and forgotten. */
  takeResults(keep: boolean): StreamRecord[] {
    this.refresh();
    const taken = this.results;
    if (!keep) this.results = [];
    return taken;
  }

  /** Calls `listener` at every state change; returns the function that unsubscribes it. */
  onStateChanged(listener: StateListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** `now` is when the change happened, when that is known better than by looking now. */
  protected setState(state: JobState, error: ErrorRecord | null = null, now: number = Date.now()): void {
    const previous = this.stateInfo.State;
    if (previous === state) return;
    this.stateInfo = new JobStateInfo(state, error);
    if (state === 'Running' && this.beginTime === null) this.beginTime = now;
    if (isFinishedState(state)) {
      this.beginTime ??= now;
      this.endTime = now;
    }
    for (const listener of this.listeners) listener(this, previous);
  }

  private streamValues(stream: StreamKind): unknown[] {
    this.refresh();
    const values = this.results.filter((r) => r.stream === stream).map((r) => r.value);
    if (stream === 'output' || stream === 'error' || stream === 'progress') return values;
    // $job.Warning[0].Message: the informational streams hold records, as PowerShell's collections do.
    const origin = { computer: this.Location, user: '', pid: 0, now: null };
    return values.map((v) => recordAsOutput(stream, v, origin));
  }

  psPropertyNames(): readonly string[] {
    return JOB_PROPERTIES;
  }

  toString(): string {
    return this.psTypeNames[0];
  }
}

/**
 * A job made of child jobs (Start-Job's PSRemotingJob, Invoke-Command -AsJob's remote parent):
 * its state follows its children, and results live in the children.
 */
export abstract class ParentJob extends Job {
  private stopping = false;

  override refresh(): void {
    // Finished children never change again, so neither does a finished parent.
    if (isFinishedState(this.stateInfo.State)) return;
    for (const child of this.children) child.refresh();
    const failed = this.children.find((c) => c.currentStateInfo.error !== null);
    this.setState(this.derivedState(), failed?.currentStateInfo.error ?? null);
  }

  override stop(): void {
    this.stopping = true;
    for (const child of this.children) child.stop();
    this.refresh();
  }

  /** A parent started when its first child did and ended when its last child did. */
  override get beginMs(): number | null {
    const times = this.children.map((c) => c.beginMs).filter((t): t is number => t !== null);
    return times.length === 0 ? null : Math.min(...times);
  }

  override get endMs(): number | null {
    if (!isFinishedState(this.currentStateInfo.State)) return null;
    const times = this.children.map((c) => c.endMs).filter((t): t is number => t !== null);
    return times.length === 0 ? super.endMs : Math.max(...times);
  }

  override waitForChange(timeoutMs: number): void {
    const running = this.children.find((c) => !c.finished);
    if (running) running.waitForChange(timeoutMs);
  }

  private derivedState(): JobState {
    const states = this.children.map((c) => c.currentStateInfo.State);
    if (states.every(isFinishedState)) {
      if (states.includes('Failed')) return 'Failed';
      if (states.includes('Stopped')) return 'Stopped';
      return 'Completed';
    }
    if (this.stopping) return 'Stopping';
    if (states.includes('Running') || states.some(isFinishedState)) return 'Running';
    return 'NotStarted';
  }
}
