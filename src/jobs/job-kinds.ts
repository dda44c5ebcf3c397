// The job kinds PowerShell 7 users see: Start-Job's PSRemotingJob (PSJobTypeName BackgroundJob)
// with one PSRemotingChildJob, Invoke-Command -AsJob's PSRemotingJob (RemoteJob) with one child per
// computer, and Start-ThreadJob's ThreadJob, which has no children.

import { ParentJob, type Job } from './job.js';
import { PipelineJob, type PipelineJobKind } from './pipeline-job.js';

const JOB_BASE = ['System.Management.Automation.Job', 'System.Object'];
export const PSREMOTINGJOB_TYPE = 'System.Management.Automation.PSRemotingJob';
export const PSREMOTINGCHILDJOB_TYPE = 'System.Management.Automation.PSRemotingChildJob';
export const THREADJOB_TYPE = 'ThreadJob.ThreadJob';

export class PSRemotingJob extends ParentJob {
  constructor(
    id: number,
    name: string | null,
    command: string,
    children: readonly Job[],
    private readonly jobTypeName: 'BackgroundJob' | 'RemoteJob',
    private readonly location: string,
  ) {
    super(id, name, command, children);
  }

  get psTypeNames(): readonly string[] {
    return [PSREMOTINGJOB_TYPE, ...JOB_BASE];
  }

  get PSJobTypeName(): string {
    return this.jobTypeName;
  }

  get Location(): string {
    return this.location;
  }
}

/** The child of a PSRemotingJob: one pipeline on one computer (`localhost` for Start-Job). */
export function childJobKind(jobTypeName: string, computerName: string, decorate?: (value: unknown) => unknown): PipelineJobKind {
  return {
    typeNames: [PSREMOTINGCHILDJOB_TYPE, ...JOB_BASE],
    jobTypeName,
    location: computerName,
    moreDataWhileRunning: true,
    decorate,
    // Start-Job's child runs on a worker of this process; a remote computer's clock may differ.
    hostTimes: jobTypeName === 'BackgroundJob',
  };
}

export const THREAD_JOB_KIND: PipelineJobKind = {
  typeNames: [THREADJOB_TYPE, 'System.Management.Automation.Job2', ...JOB_BASE],
  jobTypeName: 'ThreadJob',
  // ThreadJob reports this fixed location rather than a computer name.
  location: 'PowerShell',
  moreDataWhileRunning: false,
  hostTimes: true,
};

export function newChildJob(id: number, command: string, kind: PipelineJobKind): PipelineJob {
  return new PipelineJob(id, null, command, kind);
}
