// Invoke-Command -AsJob's jobs (service 'remoteJobs'): a PSRemotingJob parent whose Location
// names the computers, one PSRemotingChildJob per computer, at most throttleLimit of them
// connecting and running at once. A child fails with the transport's reason when its connection
// is lost, and the parent with it.

import type { RunspaceClient } from '../remoting/client.js';
import type { RemoteJobService, RemoteJobTarget } from '../remoting/remote-job-service.js';
import { ErrorRecord } from '../runtime/error-record.js';
import { PSObject, type DotNetObject } from '../runtime/values.js';
import { PSRemotingJob, childJobKind, newChildJob } from './job-kinds.js';
import type { JobExecution, JobPipeline, PipelineJob } from './pipeline-job.js';
import type { JobRequest } from './pooled-run.js';
import { Throttle, type Throttled } from './throttle.js';
import type { JobRepository } from './repository.js';

// Made on first use: a V8 start-up snapshot cannot hold a SharedArrayBuffer.
let idle: Int32Array | undefined;

type StartRemoteJobOptions = Parameters<RemoteJobService['startRemoteJob']>[0];

/** Remote results carry where they came from, as PowerShell's deserialized objects do. */
function computerNameDecorator(computerName: string, runspaceId: () => string, show: boolean): (value: unknown) => unknown {
  return (value) => {
    if (value instanceof PSObject) {
      value.setNote('PSComputerName', computerName);
      value.setNote('RunspaceId', runspaceId());
      value.setNote('PSShowComputerName', show);
    }
    return value;
  };
}

/** One child's connection: opened when the throttle admits it, closed when its pipeline ends if temporary. */
class RemoteRun implements JobExecution, Throttled {
  private client: RunspaceClient | null = null;
  private done = false;

  constructor(
    private readonly job: PipelineJob,
    private readonly target: RemoteJobTarget,
    private readonly request: JobRequest,
    private readonly throttle: Throttle,
  ) {
    job.queue(this);
  }

  get runspaceId(): string {
    return this.client?.instanceId ?? '';
  }

  submit(): void {
    try {
      this.client = this.target.connect();
      this.job.start(this.client.invoke({ ...this.request, scope: 'script' }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const record = (e as { errorRecord?: unknown }).errorRecord;
      this.job.fail(record instanceof ErrorRecord ? record : ErrorRecord.fromMessage(
        `Connecting to remote server ${this.target.computerName} failed with the following error message : ${message}`,
        'PSSessionStateBroken', 'OpenError', this.target.computerName, 'System.Management.Automation.Remoting.PSRemotingTransportException'));
    }
  }

  pump(): void {
    // Admission happens when a run leaves the throttle; nothing waits on this thread otherwise.
  }

  waitToStart(timeoutMs: number): void {
    // Waiting for a throttle slot: the runs ahead finish only when someone looks at them.
    Atomics.wait((idle ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, Math.min(timeoutMs, 5));
  }

  dequeue(): boolean {
    if (!this.throttle.cancel(this)) return false;
    this.done = true;
    return true;
  }

  interrupt(pipeline: JobPipeline): void {
    pipeline.stop();
  }

  kill(): void {
    try {
      this.client?.close();
    } catch {
      // Already gone.
    }
  }

  release(): void {
    if (this.done) return;
    this.done = true;
    if (this.target.temporary) this.kill();
    this.client = null;
    this.throttle.leave();
  }
}

export class RemoteJobs implements RemoteJobService {
  constructor(private readonly repository: JobRepository) {}

  startRemoteJob(options: StartRemoteJobOptions): DotNetObject {
    const id = this.repository.nextId();
    const throttle = new Throttle(Math.max(1, options.throttleLimit || 32));
    const runs: RemoteRun[] = [];
    const children = options.targets.map((target) => {
      let run: RemoteRun | null = null;
      const decorate = computerNameDecorator(target.computerName, () => run?.runspaceId ?? '', !options.hideComputerName);
      const child = newChildJob(this.repository.nextId(), options.command, childJobKind('RemoteJob', target.computerName, decorate));
      run = new RemoteRun(child, target, options.request, throttle);
      runs.push(run);
      return child;
    });
    const location = options.targets.map((t) => t.computerName).join(',');
    const parent = new PSRemotingJob(id, options.name, options.command, children, 'RemoteJob', location);
    this.repository.add(parent);
    for (const run of runs) throttle.enter(run);
    return parent;
  }
}
