// Background jobs for psh: the job cmdlets and the per-runspace services behind them ('jobs',
// the job repository; 'remoteJobs', what Invoke-Command -AsJob hands its work to).

import { eventLogCommands } from '../commands/eventlog.js';
import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { debugJobCommand } from './commands/debug-job.js';
import { getJobCommand } from './commands/get-job.js';
import { receiveJobCommand } from './commands/receive-job.js';
import { removeJobCommand } from './commands/remove-job.js';
import { startJobCommand, startThreadJobCommand } from './commands/start-job.js';
import { stopJobCommand } from './commands/stop-job.js';
import { waitJobCommand } from './commands/wait-job.js';
import { RemoteJobs } from './remote-job.js';
import { JobRepository } from './repository.js';

export { Job, ParentJob } from './job.js';
export { JobStateInfo, type JobState } from './job-state.js';
export { PSRemotingJob } from './job-kinds.js';
export { PipelineJob } from './pipeline-job.js';
export { JobRepository } from './repository.js';
export { shutdownSharedPool } from './pool.js';
export { writeEngineEvent, type EngineEvent } from '../commands/eventlog.js';

export const jobCommands: readonly CmdletDefinition[] = [
  startJobCommand, startThreadJobCommand, getJobCommand, receiveJobCommand, waitJobCommand,
  stopJobCommand, removeJobCommand, debugJobCommand, ...eventLogCommands,
];

/** The part of a Runspace the job services need. */
export interface ServiceRegistry {
  registerService(name: string, service: unknown): void;
  getService<T>(name: string): T | undefined;
}

/** Registers 'jobs' and 'remoteJobs' on a runspace; call once when building it. */
export function installJobServices(runspace: ServiceRegistry): void {
  const repository = new JobRepository();
  runspace.registerService('jobs', repository);
  runspace.registerService('remoteJobs', new RemoteJobs(repository));
}

/** The runspace is closing: stop its running jobs (their workers go back to the pool). */
export function closeJobServices(runspace: ServiceRegistry): void {
  runspace.getService<JobRepository>('jobs')?.stopAll();
}
