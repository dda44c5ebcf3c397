// The job repository of one runspace (service 'jobs'): the jobs its user started, the Id
// sequence parents and children share (a parent takes n, its child n+1, the next job n+2), and
// the starting of background and thread jobs on the thread's worker pool.

import { Job } from './job.js';
import { PSRemotingJob, THREAD_JOB_KIND, childJobKind, newChildJob } from './job-kinds.js';
import { isFinishedState } from './job-state.js';
import { PipelineJob } from './pipeline-job.js';
import { sharedPool, type WorkerPool } from './pool.js';
import { PooledRun, type JobRequest } from './pooled-run.js';

export interface LocalJobOptions {
  readonly name: string | null;
  /** What the job's Command property shows. */
  readonly command: string;
  readonly script: string;
  readonly initializationScript?: string | null;
  /** The caller's current location, where the job's runspace starts. */
  readonly location?: string;
  /** -WorkingDirectory: the job sets it first, so a missing directory is the job's error. */
  readonly workingDirectory?: string | null;
  readonly args?: unknown[];
  readonly input?: unknown[];
  readonly using?: Record<string, unknown>;
}

/** ThreadJob's default throttle: five jobs run at once, the rest wait NotStarted. */
export const DEFAULT_THREAD_THROTTLE = 5;

let repositories = 0;

export class JobRepository {
  private readonly jobs: Job[] = [];
  private lastId = 0;
  /** The thread jobs of this runspace share one throttle, which the pool's dispatcher keeps. */
  private readonly threadThrottleGroup = `runspace-${++repositories}`;
  private threadThrottleLimit = DEFAULT_THREAD_THROTTLE;

  constructor(private readonly pool: () => WorkerPool = sharedPool) {}

  nextId(): number {
    return ++this.lastId;
  }

  /** Top-level jobs in the order they were started. */
  list(): readonly Job[] {
    return this.jobs;
  }

  add(job: Job): void {
    this.jobs.push(job);
  }

  remove(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
  }

  startBackgroundJob(options: LocalJobOptions): PSRemotingJob {
    const id = this.nextId();
    const child = newChildJob(this.nextId(), options.command, childJobKind('BackgroundJob', 'localhost'));
    const parent = new PSRemotingJob(id, options.name, options.command, [child], 'BackgroundJob', 'localhost');
    this.add(parent);
    new PooledRun(this.pool(), child, jobRequest(options)).begin();
    return parent;
  }

  startThreadJob(options: LocalJobOptions, throttleLimit: number | null): PipelineJob {
    if (throttleLimit !== null) this.threadThrottleLimit = Math.max(1, throttleLimit);
    const job = new PipelineJob(this.nextId(), options.name, options.command, THREAD_JOB_KIND);
    this.add(job);
    const throttle = { group: this.threadThrottleGroup, limit: this.threadThrottleLimit };
    new PooledRun(this.pool(), job, jobRequest(options), throttle).begin();
    return job;
  }

  /** The runspace is closing: its jobs end with it. */
  stopAll(): void {
    for (const job of this.jobs) if (!isFinishedState(job.currentStateInfo.State)) job.stop();
  }
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The script a job's runspace runs: the working directory and initialization script first,
 * then the body dot-sourced so its param() block binds the job's arguments and $input.
 */
export function jobRequest(options: LocalJobOptions): JobRequest {
  const hasInput = options.input !== undefined && options.input.length > 0;
  let script = options.script;
  // The body runs as it is when it can, so its errors name the lines the user wrote (the
  // runspace binds args to its param() and feeds input to $input and process {} itself).
  if (options.workingDirectory || options.initializationScript) {
    const lines: string[] = [];
    if (options.workingDirectory) lines.push(`Set-Location -LiteralPath ${quote(options.workingDirectory)}`);
    if (options.initializationScript) lines.push(`. {\n${options.initializationScript}\n}`);
    lines.push(`${hasInput ? '$input | ' : ''}. {\n${options.script}\n} @args`);
    script = lines.join('\n');
  }
  return { script, location: options.location, args: options.args ?? [], input: options.input ?? [], using: options.using ?? {} };
}
