// Wait-Job: blocks until the jobs are finished (or any one is, with -Any) and returns them;
// when -Timeout passes first it returns nothing.

import type { CmdletDefinition } from '../../runtime/cmdlet.js';
import type { Job } from '../job.js';
import { isFinishedState } from '../job-state.js';
import { jobSelectionParameters, selectJobs, waitUntil } from './job-selection.js';

/** States Wait-Job stops waiting at: finished, or parked where only the user can move it on. */
function settled(job: Job): boolean {
  const state = job.State;
  return isFinishedState(state) || state === 'Suspended' || state === 'Disconnected' || state === 'Blocked';
}

export const waitJobCommand: CmdletDefinition = {
  name: 'Wait-Job',
  defaultParameterSet: 'SessionIdParameterSet',
  parameters: [
    ...jobSelectionParameters('JobParameterSet', { state: true, command: false }),
    { name: 'Any', type: 'switch' },
    { name: 'Timeout', aliases: ['TimeoutSec'], type: 'int' },
    { name: 'Force', type: 'switch' },
  ],
  create(ctx) {
    const jobs: Job[] = [];
    return {
      process(params) {
        for (const j of selectJobs(ctx, params)) if (!jobs.includes(j)) jobs.push(j);
      },
      end(params) {
        const timeout = params.Timeout === undefined || Number(params.Timeout) < 0 ? null : Number(params.Timeout) * 1000;
        const done = params.Any ? () => jobs.length === 0 || jobs.some(settled) : () => jobs.every(settled);
        if (!waitUntil(ctx, jobs, done, timeout)) return;
        for (const j of jobs) if (!params.Any || settled(j)) ctx.writeObject(j);
      },
    };
  },
};
